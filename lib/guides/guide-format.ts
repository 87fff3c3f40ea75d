// The step-by-step guide format (F25), modelled on Amazon Connect's guides: a guide is a contact flow in Connect's
// flow language (Version, StartAction, Actions[]) whose ShowView steps use the AWS-managed views (form,
// confirmation, detail, cards, list), plus Switchboard's own actions (profile, case, task, URL, CRM record,
// quick connect transfer, article into the chat). The document around the flow has DescribeContactFlow's names
// (Id, Name, Description, Content) and says when the guide applies (AppliesTo) and in which language it is written.

export const FLOW_LANGUAGE_VERSION = '2019-10-30';

/** The AWS-managed view types a ShowView step may use (`ViewResource.Id`, or an AWS view ARN ending in one). */
export const VIEW_TYPES = ['form', 'confirmation', 'detail', 'cards', 'list'] as const;
export type ViewType = (typeof VIEW_TYPES)[number];

/** Form inputs, as the AWS-managed form view names them. */
export const FORM_ITEM_TYPES = ['Text', 'TextArea', 'Email', 'Phone', 'Number', 'Dropdown', 'RadioGroup', 'Checkbox', 'Toggle', 'DatePicker', 'TimePicker'] as const;
export type FormItemType = (typeof FORM_ITEM_TYPES)[number];

/** Connect's flow actions a guide may use. */
export const CONNECT_ACTION_TYPES = ['ShowView', 'UpdateContactAttributes', 'Compare', 'DisconnectParticipant', 'EndFlowExecution'] as const;
/** Switchboard's own actions, named apart from Connect's so an admin sees which are which. */
export const SWITCHBOARD_ACTION_TYPES = [
  'Switchboard.LookUpProfile',
  'Switchboard.CreateProfile',
  'Switchboard.CreateCase',
  'Switchboard.CreateTask',
  'Switchboard.OpenUrl',
  'Switchboard.OpenCrmRecord',
  'Switchboard.TransferToQuickConnect',
  'Switchboard.InsertArticle',
] as const;
export type ConnectActionType = (typeof CONNECT_ACTION_TYPES)[number];
export type SwitchboardActionType = (typeof SWITCHBOARD_ACTION_TYPES)[number];
export type GuideActionType = ConnectActionType | SwitchboardActionType;

/** Connect's Compare operators. */
export const COMPARE_OPERATORS = [
  'Equals',
  'TextContains',
  'TextStartsWith',
  'TextEndsWith',
  'NumberGreaterThan',
  'NumberGreaterOrEqualTo',
  'NumberLessThan',
  'NumberLessOrEqualTo',
] as const;
export type CompareOperator = (typeof COMPARE_OPERATORS)[number];

/** Connect's error branches; ActionFailed is what a Switchboard action that could not run takes, after
 *  NoMatchingError (the catch-all). */
export const ERROR_TYPES = ['NoMatchingCondition', 'NoMatchingError', 'TimeLimitExceeded', 'ActionFailed'] as const;
export type GuideErrorType = (typeof ERROR_TYPES)[number];

export const GUIDE_LANGUAGES = ['en', 'ja'] as const;
export type GuideLanguage = (typeof GUIDE_LANGUAGES)[number];

export const GUIDE_CHANNELS = ['VOICE', 'CHAT', 'TASK'] as const;
export type GuideChannel = (typeof GUIDE_CHANNELS)[number];

/** The contact attribute a flow sets to name the guide shown when the contact connects (Connect's own). */
export const DEFAULT_GUIDE_ATTRIBUTE = 'DefaultFlowForAgentUI';
/** The contact attribute Switchboard writes when a guide is completed (with the guide's id and outcome). */
export const COMPLETED_GUIDE_ATTRIBUTE = 'switchboardGuideCompleted';

export interface ButtonData {
  Label: string;
}

export interface FormOption {
  Label: string;
  Value: string;
}

export interface FormItem {
  Label: string;
  Name: string;
  Type: FormItemType;
  Options?: FormOption[];
  Required?: boolean;
  DefaultValue?: string | boolean | string[];
  Placeholder?: string;
  Hint?: string;
  MultiSelect?: boolean;
  MaxLength?: number;
}

export interface AttributeBarItem {
  Label: string;
  /** Literal text or a reference ($.Attributes.accountNumber). */
  Value: string;
  Copyable?: boolean;
}

export interface DetailItem {
  Label: string;
  Value: string;
  Copyable?: boolean;
}

export interface ViewSection {
  Heading?: string;
  Type?: 'FormSection' | 'DataSection';
  /** Text shown above the items (a paragraph of instructions). */
  Description?: string;
  Items: (FormItem | DetailItem)[];
}

export interface CardData {
  Summary: { Id: string; Heading: string; Description?: string };
}

export interface ListItem {
  Id: string;
  Heading: string;
  Description?: string;
  /** Checklists: the agent must tick it before Next. */
  Required?: boolean;
}

/** The ViewData of any AWS-managed view: which fields count depends on the view (validate-guide.ts checks). */
export interface ViewData {
  Heading?: string;
  SubHeading?: string;
  Message?: string;
  AttributeBar?: AttributeBarItem[];
  Sections?: ViewSection[];
  Cards?: CardData[];
  Items?: ListItem[];
  /** list: the items are a checklist the agent ticks (their answers are true/false by Id). */
  Checklist?: boolean;
  /** detail: extra buttons, each returning its own text as the view's action. */
  Actions?: string[];
  Next?: ButtonData;
  Back?: ButtonData;
  Cancel?: ButtonData;
}

export interface Condition {
  NextAction: string;
  Condition: { Operator: CompareOperator; Operands: string[] };
}

export interface ErrorTransition {
  NextAction: string;
  ErrorType: GuideErrorType;
}

export interface Transitions {
  NextAction?: string;
  Conditions?: Condition[];
  Errors?: ErrorTransition[];
}

export interface FlowAction {
  Identifier: string;
  Type: GuideActionType;
  Parameters: Record<string, unknown>;
  Transitions: Transitions;
}

export interface FlowContent {
  Version: typeof FLOW_LANGUAGE_VERSION;
  StartAction: string;
  Metadata?: unknown;
  Actions: FlowAction[];
}

export interface GuideAppliesTo {
  /** Queue names or ids; any of them. */
  Queues?: string[];
  Channels?: GuideChannel[];
  /** Contact attribute → the value it must have (or one of several). */
  Attributes?: Record<string, string | string[]>;
}

/** A guide as served (the contact center's DescribeContactFlow, a policy entry), Content parsed. */
export interface GuideDocument {
  Id: string;
  Name: string;
  Description?: string;
  Language: GuideLanguage;
  /** Guides with the same Topic are one guide in several languages (default: the Id). */
  Topic?: string;
  AppliesTo?: GuideAppliesTo;
  Content: FlowContent;
}

/** Where a guide came from: the admin's policy wins over the contact center's by id. */
export type GuideSource = 'policy' | 'contact-center';

export interface SourcedGuide {
  guide: GuideDocument;
  source: GuideSource;
}

/** The view type of a ShowView step's ViewResource.Id ('form', or 'arn:aws:connect:<region>:aws:view/form[:n]'). */
export function viewTypeOf(resourceId: string): ViewType | null {
  const name = /^arn:aws[\w-]*:connect:[a-z0-9-]*:aws:view\/([a-z]+)(:\d+|:\$LATEST)?$/.exec(resourceId)?.[1] ?? resourceId;
  return (VIEW_TYPES as readonly string[]).includes(name) ? (name as ViewType) : null;
}

// Task templates in Amazon Connect's own shape (GetTaskTemplate's answer: Fields, Constraints, Defaults, Status),
// so the Connect-shaped routes and the CCP conduit can answer with a stored template as it is; plus the field
// types, Connect's limits on templates and task values, and the template's ARN.

export const TASK_TEMPLATE_FIELD_TYPES = [
  'NAME',
  'DESCRIPTION',
  'SCHEDULED_TIME',
  'QUICK_CONNECT',
  'URL',
  'NUMBER',
  'TEXT',
  'TEXT_AREA',
  'DATE_TIME',
  'BOOLEAN',
  'SINGLE_SELECT',
  'EMAIL',
  'SELF_ASSIGN',
  'EXPIRY_DURATION',
] as const;
export type TaskTemplateFieldType = (typeof TASK_TEMPLATE_FIELD_TYPES)[number];

/** The field types that are the task's own properties or routing choices: a template has at most one of each. */
export const SINGLE_USE_FIELD_TYPES: ReadonlySet<TaskTemplateFieldType> = new Set(['NAME', 'DESCRIPTION', 'SCHEDULED_TIME', 'QUICK_CONNECT', 'SELF_ASSIGN', 'EXPIRY_DURATION']);

export const TASK_TEMPLATE_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
export type TaskTemplateStatus = (typeof TASK_TEMPLATE_STATUSES)[number];

export interface TaskTemplateFieldIdentifier {
  Name: string;
}

export interface TaskTemplateField {
  Id: TaskTemplateFieldIdentifier;
  Type: TaskTemplateFieldType;
  Description?: string;
  /** The choices of a SINGLE_SELECT field. */
  SingleSelectOptions?: string[];
}

/** A constraint list entry: `{Id: {Name}}`. */
export interface TaskTemplateFieldReference {
  Id: TaskTemplateFieldIdentifier;
}

export interface TaskTemplateConstraints {
  RequiredFields: TaskTemplateFieldReference[];
  ReadOnlyFields: TaskTemplateFieldReference[];
  InvisibleFields: TaskTemplateFieldReference[];
}

export interface TaskTemplateDefaultFieldValue {
  Id: TaskTemplateFieldIdentifier;
  DefaultValue: string;
}

export interface TaskTemplateDefaults {
  DefaultFieldValues: TaskTemplateDefaultFieldValue[];
}

/** What an admin or backend defines (CreateTaskTemplate's body without InstanceId and ClientToken). */
export interface TaskTemplateDefinition {
  Name: string;
  Description?: string;
  ContactFlowId?: string;
  SelfAssignFlowId?: string;
  Constraints: TaskTemplateConstraints;
  Defaults: TaskTemplateDefaults;
  Fields: TaskTemplateField[];
  Status: TaskTemplateStatus;
}

/** A stored template as GetTaskTemplate answers it. Times are epoch seconds, as Connect's JSON carries them. */
export interface TaskTemplate extends TaskTemplateDefinition {
  Id: string;
  Arn: string;
  InstanceId: string;
  CreatedTime: number;
  LastModifiedTime: number;
}

/** One entry of ListTaskTemplates' TaskTemplates. */
export interface TaskTemplateSummary {
  Id: string;
  Arn: string;
  Name: string;
  Description?: string;
  Status: TaskTemplateStatus;
  CreatedTime: number;
  LastModifiedTime: number;
}

/** Amazon Connect's limits (CreateTaskTemplate, TaskTemplateField, StartTaskContact, Reference). */
export const TASK_TEMPLATE_LIMITS = {
  templateNameLength: 100,
  templateDescriptionLength: 255,
  fieldNameLength: 100,
  fieldDescriptionLength: 255,
  fields: 50,
  singleSelectOptions: 50,
  singleSelectOptionLength: 100,
  /** StartTaskContact's Name and Description. */
  taskNameLength: 512,
  taskDescriptionLength: 4096,
  /** A reference's value. */
  referenceValueLength: 4096,
  /** StartTaskContact's ScheduledTime: at most 6 days ahead. */
  scheduledAheadSeconds: 6 * 24 * 60 * 60,
  /** A task's expiry: 1 minute to 90 days (Connect's default is 7 days). */
  expiryMinutesMin: 1,
  expiryMinutesMax: 90 * 24 * 60,
} as const;

/** The template's ARN under the instance's. */
export function taskTemplateArn(instance: { region: string; accountId: string; instanceId: string }, templateId: string): string {
  return `arn:aws:connect:${instance.region}:${instance.accountId}:instance/${instance.instanceId}/task-template/${templateId}`;
}

/** The summary ListTaskTemplates gives of a template. */
export function summaryOf(template: TaskTemplate): TaskTemplateSummary {
  return {
    Id: template.Id,
    Arn: template.Arn,
    Name: template.Name,
    ...(template.Description === undefined ? {} : { Description: template.Description }),
    Status: template.Status,
    CreatedTime: template.CreatedTime,
    LastModifiedTime: template.LastModifiedTime,
  };
}

/** The names in one of a template's constraint lists. */
export function constrainedNames(list: readonly TaskTemplateFieldReference[]): Set<string> {
  return new Set(list.map((entry) => entry.Id.Name));
}

/** The template's default values by field name. */
export function defaultsByName(defaults: TaskTemplateDefaults): Map<string, string> {
  return new Map(defaults.DefaultFieldValues.map((entry) => [entry.Id.Name, entry.DefaultValue]));
}

// The guide format's shapes as TypeBox schemas (validate-guide.ts runs them and then checks what a schema cannot
// say: ids, transition targets, loops). Every object is closed (additionalProperties: false), so a misspelt key is
// refused with its path instead of being ignored; each schema may word its own refusal (`errorMessage`).
import { Type, type TSchema } from 'typebox';
import {
  COMPARE_OPERATORS,
  CONNECT_ACTION_TYPES,
  ERROR_TYPES,
  FORM_ITEM_TYPES,
  GUIDE_CHANNELS,
  GUIDE_LANGUAGES,
  SWITCHBOARD_ACTION_TYPES,
  type GuideActionType,
  type ViewType,
} from './guide-format';

const closed = { additionalProperties: false } as const;
const oneOf = (values: readonly string[]) => Type.Enum([...values], { errorMessage: `must be one of ${values.join(', ')}` });
const Text = (max = 2000) => Type.String({ minLength: 1, maxLength: max });
/** Identifiers of actions, guides, form fields: letters, digits, `-`, `_`, `.`. */
const Id = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$', errorMessage: 'must be 1 to 128 letters, digits, "-", "_" or "." (starting with a letter or digit)' });
const Label = Text(500);
const Button = Type.Object({ Label }, closed);
const Value = Type.String({ maxLength: 4000 });

export const ConditionSchema = Type.Object(
  {
    NextAction: Id,
    Condition: Type.Object({ Operator: oneOf(COMPARE_OPERATORS), Operands: Type.Array(Type.String({ maxLength: 1000 }), { minItems: 1, maxItems: 50 }) }, closed),
  },
  closed,
);

export const TransitionsSchema = Type.Object(
  {
    NextAction: Type.Optional(Id),
    Conditions: Type.Optional(Type.Array(ConditionSchema, { maxItems: 100 })),
    Errors: Type.Optional(Type.Array(Type.Object({ NextAction: Id, ErrorType: oneOf(ERROR_TYPES) }, closed), { maxItems: 10 })),
  },
  closed,
);

export const ActionSchema = Type.Object(
  {
    Identifier: Id,
    Type: oneOf([...CONNECT_ACTION_TYPES, ...SWITCHBOARD_ACTION_TYPES]),
    Parameters: Type.Record(Type.String(), Type.Unknown(), { errorMessage: 'must be an object' }),
    Transitions: TransitionsSchema,
  },
  closed,
);

export const FlowContentSchema = Type.Object(
  {
    Version: Type.Literal('2019-10-30', { errorMessage: 'must be "2019-10-30" (the flow language version)' }),
    StartAction: Id,
    Metadata: Type.Optional(Type.Unknown()),
    Actions: Type.Array(ActionSchema, { minItems: 1, maxItems: 200 }),
  },
  closed,
);

export const GuideDocumentSchema = Type.Object(
  {
    Id,
    Name: Text(200),
    Description: Type.Optional(Type.String({ maxLength: 2000 })),
    Language: oneOf(GUIDE_LANGUAGES),
    Topic: Type.Optional(Id),
    AppliesTo: Type.Optional(
      Type.Object(
        {
          Queues: Type.Optional(Type.Array(Text(200), { maxItems: 100 })),
          Channels: Type.Optional(Type.Array(oneOf(GUIDE_CHANNELS), { minItems: 1 })),
          Attributes: Type.Optional(
            Type.Record(Type.String({ minLength: 1, maxLength: 128 }), Type.Union([Type.String({ maxLength: 1000 }), Type.Array(Type.String({ maxLength: 1000 }), { minItems: 1 })], { errorMessage: 'must be a text or a list of texts' })),
          ),
        },
        closed,
      ),
    ),
    // Checked on its own (it may be a JSON string, as DescribeContactFlow returns it).
    Content: Type.Unknown(),
  },
  closed,
);

// ── views ───────────────────────────────────────────────────────────────────────────────────────────────────

const AttributeBar = Type.Array(Type.Object({ Label, Value, Copyable: Type.Optional(Type.Boolean()) }, closed), { maxItems: 20 });
const FormItemSchema = Type.Object(
  {
    Label,
    Name: Id,
    Type: oneOf(FORM_ITEM_TYPES),
    Options: Type.Optional(Type.Array(Type.Object({ Label, Value: Type.String({ minLength: 1, maxLength: 500 }) }, closed), { minItems: 1, maxItems: 100 })),
    Required: Type.Optional(Type.Boolean()),
    DefaultValue: Type.Optional(Type.Union([Value, Type.Boolean(), Type.Array(Value)], { errorMessage: 'must be a text, true/false or a list of texts' })),
    Placeholder: Type.Optional(Type.String({ maxLength: 500 })),
    Hint: Type.Optional(Type.String({ maxLength: 1000 })),
    MultiSelect: Type.Optional(Type.Boolean()),
    MaxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 4000 })),
  },
  closed,
);
const DetailItemSchema = Type.Object({ Label, Value, Copyable: Type.Optional(Type.Boolean()) }, closed);
const section = (item: TSchema) =>
  Type.Array(
    Type.Object({ Heading: Type.Optional(Label), Type: Type.Optional(oneOf(['FormSection', 'DataSection'])), Description: Type.Optional(Type.String({ maxLength: 4000 })), Items: Type.Array(item, { maxItems: 100 }) }, closed),
    { maxItems: 30 },
  );
const common = { Heading: Type.Optional(Label), SubHeading: Type.Optional(Type.String({ maxLength: 1000 })), Next: Type.Optional(Button), Back: Type.Optional(Button), Cancel: Type.Optional(Button) };

export const VIEW_DATA_SCHEMAS: Record<ViewType, TSchema> = {
  form: Type.Object({ ...common, AttributeBar: Type.Optional(AttributeBar), Sections: section(FormItemSchema) }, closed),
  confirmation: Type.Object({ ...common, Message: Type.Optional(Type.String({ maxLength: 4000 })) }, closed),
  detail: Type.Object(
    { ...common, AttributeBar: Type.Optional(AttributeBar), Sections: Type.Optional(section(DetailItemSchema)), Actions: Type.Optional(Type.Array(Text(100), { maxItems: 10 })) },
    closed,
  ),
  cards: Type.Object(
    { ...common, Cards: Type.Array(Type.Object({ Summary: Type.Object({ Id, Heading: Label, Description: Type.Optional(Type.String({ maxLength: 2000 })) }, closed) }, closed), { minItems: 1, maxItems: 50 }) },
    closed,
  ),
  list: Type.Object(
    {
      ...common,
      Checklist: Type.Optional(Type.Boolean()),
      Items: Type.Array(Type.Object({ Id, Heading: Label, Description: Type.Optional(Type.String({ maxLength: 2000 })), Required: Type.Optional(Type.Boolean()) }, closed), { minItems: 1, maxItems: 100 }),
    },
    closed,
  ),
};

export const ShowViewParametersSchema = Type.Object(
  {
    ViewResource: Type.Object({ Id: Text(300), Version: Type.Optional(Type.String({ maxLength: 50 })) }, closed),
    InvocationTimeLimitSeconds: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.String({ pattern: '^[0-9]+$' })], { errorMessage: 'must be a number of seconds' })),
    ViewData: Type.Record(Type.String(), Type.Unknown(), { errorMessage: 'must be an object' }),
  },
  closed,
);

// ── the other actions' parameters ──────────────────────────────────────────────────────────────────────────

const ValueMap = (max = 50) => Type.Record(Type.String({ minLength: 1, maxLength: 128 }), Value, { maxProperties: max, errorMessage: 'must be an object of names and texts' });

export const PARAMETER_SCHEMAS: Record<Exclude<GuideActionType, 'ShowView'>, TSchema> = {
  UpdateContactAttributes: Type.Object({ Attributes: ValueMap(), TargetContact: Type.Optional(Type.Literal('Current')) }, closed),
  Compare: Type.Object({ ComparisonValue: Value }, closed),
  DisconnectParticipant: Type.Object({}, closed),
  EndFlowExecution: Type.Object({}, closed),
  'Switchboard.LookUpProfile': Type.Object({}, closed),
  'Switchboard.CreateProfile': Type.Object({ Fields: ValueMap(20) }, closed),
  'Switchboard.CreateCase': Type.Object({ TemplateId: Text(200), Fields: ValueMap(), LinkContact: Type.Optional(Type.Boolean()) }, closed),
  'Switchboard.CreateTask': Type.Object(
    {
      Name: Text(512),
      Description: Type.Optional(Type.String({ maxLength: 4096 })),
      QuickConnect: Type.Optional(Text(300)),
      References: Type.Optional(ValueMap(20)),
    },
    closed,
  ),
  'Switchboard.OpenUrl': Type.Object({ Url: Text(2048) }, closed),
  'Switchboard.OpenCrmRecord': Type.Object({}, closed),
  'Switchboard.TransferToQuickConnect': Type.Object({ QuickConnect: Text(300) }, closed),
  'Switchboard.InsertArticle': Type.Object({ ArticleId: Type.Optional(Text(300)), Text: Type.Optional(Type.String({ minLength: 1, maxLength: 8000 })) }, closed),
};

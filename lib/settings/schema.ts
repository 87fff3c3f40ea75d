// The settings schema (F32): every setting Switchboard has, declared once. The TypeScript types, the built-in
// defaults, validation (validate.ts), the browser's managed_schema.json (managed-schema.ts) and the options
// page are all derived from this table; tests/unit/settings checks they never drift apart.
//
// A setting's key is also its policy key: an admin's policy sets `"clickToDial.enabled": { "value": false,
// "locked": true }` (see docs/admin.md and policy.ts).

/** Where a setting is shown on the options page. */
export type SettingGroup = 'contactCenter' | 'phone' | 'chat' | 'workspace' | 'clickToDial' | 'screenPop' | 'session' | 'ui' | 'features';

export const SETTING_GROUPS: readonly SettingGroup[] = ['contactCenter', 'phone', 'chat', 'workspace', 'clickToDial', 'screenPop', 'session', 'ui', 'features'];

/** How a string setting's text is checked. */
export type StringFormat =
  | 'http-url' // an http(s) URL, or '' for none
  | 'e164' // a phone number in E.164 ('+81312345678'), or '' for none
  | 'aws-region' // 'ap-northeast-1', or '' for none
  | 'country' // an ISO 3166 country code libphonenumber knows ('JP')
  | 'text'; // any text (trimmed)

/** How each entry of a string list is checked. */
export type StringListFormat = 'match-pattern' | 'origin' | 'guide'; // guide: one step-by-step guide's JSON (lib/guides)

/** A CRM site rule as policy and settings give it (lib/crm-rules/crm-rule.ts is the runtime shape). */
export interface CrmRuleSetting {
  id: string;
  name: string;
  matches: string[];
  recordSelectors: { phone: string; email: string; recordId: string };
  urlTemplates: { record: string; search: string; case?: string };
  caseReferencePattern: string;
}

interface Common {
  group: SettingGroup;
  /** Whether the agent may change it (a policy can still lock it); false: only admins set it. */
  agentEditable: boolean;
}

export interface BooleanSetting extends Common {
  kind: 'boolean';
  default: boolean;
}
export interface EnumSetting<T extends string = string> extends Common {
  kind: 'enum';
  values: readonly T[];
  default: T;
}
export interface IntegerSetting extends Common {
  kind: 'integer';
  min: number;
  max: number;
  default: number;
}
export interface StringSetting extends Common {
  kind: 'string';
  format: StringFormat;
  maxLength: number;
  default: string;
}
export interface StringListSetting extends Common {
  kind: 'string-list';
  format: StringListFormat;
  maxItems: number;
  default: string[];
}
export interface StringMapSetting extends Common {
  kind: 'string-map';
  maxEntries: number;
  default: Record<string, string>;
}
export interface CrmRulesSetting extends Common {
  kind: 'crm-rules';
  maxItems: number;
  default: CrmRuleSetting[];
}

export type SettingDefinition =
  | BooleanSetting
  | EnumSetting
  | IntegerSetting
  | StringSetting
  | StringListSetting
  | StringMapSetting
  | CrmRulesSetting;

const boolean = (group: SettingGroup, defaultValue: boolean, agentEditable = true): BooleanSetting => ({
  kind: 'boolean',
  group,
  agentEditable,
  default: defaultValue,
});

const oneOf = <const T extends string>(group: SettingGroup, values: readonly T[], defaultValue: NoInfer<T>, agentEditable = true): EnumSetting<T> => ({
  kind: 'enum',
  group,
  agentEditable,
  values,
  default: defaultValue,
});

const integer = (group: SettingGroup, min: number, max: number, defaultValue: number, agentEditable = true): IntegerSetting => ({
  kind: 'integer',
  group,
  agentEditable,
  min,
  max,
  default: defaultValue,
});

const text = (group: SettingGroup, format: StringFormat, defaultValue: string, agentEditable = true): StringSetting => ({
  kind: 'string',
  group,
  agentEditable,
  format,
  maxLength: 2048,
  default: defaultValue,
});

const list = (group: SettingGroup, format: StringListFormat, defaultValue: string[], agentEditable = true): StringListSetting => ({
  kind: 'string-list',
  group,
  agentEditable,
  format,
  maxItems: 500,
  default: defaultValue,
});

/** Every setting, in the order the options page shows them. */
export const SETTINGS_SCHEMA = {
  // ── the contact center ────────────────────────────────────────────────────────────────────────────────
  /** The instance to sign in to ('https://example.my.connect.aws'); '' = the agent types it (the bundled
   *  local contact center is offered). */
  'contactCenter.url': text('contactCenter', 'http-url', ''),
  /** The instance's login page, when it is not the usual one (SAML: the identity provider's app URL). */
  'contactCenter.loginUrl': text('contactCenter', 'http-url', '', false),
  /** The instance's AWS region (given to streams' initCCP; chat and some softphone paths need it). */
  'contactCenter.region': text('contactCenter', 'aws-region', '', false),
  /** Whether the worker opens the login window by itself when the session needs a sign-in, or waits for the
   *  agent to press "Sign in" in the panel. */
  'signIn.openLoginWindow': oneOf('contactCenter', ['automatically', 'when-asked'], 'automatically'),

  // ── phone ─────────────────────────────────────────────────────────────────────────────────────────────
  /** Auto-accept incoming contacts: 'instance' leaves the agent's configuration on the instance as it is. */
  'phone.autoAccept': oneOf('phone', ['instance', 'on', 'off'], 'instance'),
  /** Softphone or desk phone: 'instance' leaves the agent's configuration on the instance as it is. */
  'phone.type': oneOf('phone', ['instance', 'softphone', 'desk-phone'], 'instance'),
  /** The desk phone's number in E.164, used when `phone.type` is 'desk-phone'. */
  'phone.deskPhoneNumber': text('phone', 'e164', ''),
  /** Whether agents may switch between softphone and desk phone in the panel. */
  'phone.agentMayChangeType': boolean('phone', true, false),

  // ── chat ──────────────────────────────────────────────────────────────────────────────────────────────
  /** Whether an incoming chat is accepted without the agent pressing Accept (the worker does it, once per chat). */
  'chat.autoAccept': boolean('chat', false),

  // ── the agent workspace ──────────────────────────────────────────────────────────────────────────────
  /** The Cases service (Amazon Connect Cases' REST routes) for a real instance: a gateway of yours; '' = the local
   *  contact center's own (a real instance without one shows no cases). */
  'workspace.casesUrl': text('workspace', 'http-url', '', false),
  /** The Cases domain id that service serves ('' = the one the local contact center names). */
  'workspace.casesDomainId': text('workspace', 'text', '', false),
  /** The Contact Lens backend for a real instance's live transcript (ListRealtimeContactAnalysisSegments and
   *  ListRealtimeContactAnalysisSegmentsV2 below it): a gateway of yours; '' = the local contact center's own (a real
   *  instance without one shows no transcript). */
  'workspace.contactLensUrl': text('workspace', 'http-url', '', false),
  /** Step-by-step guides of the admin's (F25), each entry one guide's JSON text (docs/guides.md); they replace the
   *  contact center's guides of the same Id. */
  'workspace.guides': { kind: 'string-list', group: 'workspace', agentEditable: false, format: 'guide', maxItems: 50, default: [] } as StringListSetting,
  /** An admin's customer lookup endpoint, a URL template with {phone}, {email}, {account} ('' = none): its JSON
   *  answer is merged into the customer's profile, each field marked as coming from it. */
  'workspace.lookupUrl': text('workspace', 'http-url', '', false),
  /** Profile field → where it is in the lookup's JSON answer, as a dotted path ({ "FirstName": "customer.first" }). */
  'workspace.lookupFields': { kind: 'string-map', group: 'workspace', agentEditable: false, maxEntries: 50, default: {} } as StringMapSetting,
  /** Contact attribute → Cases field id: a new case's field filled from the contact's attribute ({ "accountNumber":
   *  "<field id>" }), for every template with that field; added to what a template maps itself (the local contact
   *  center's templates map accountNumber). */
  'workspace.caseFieldsFromAttributes': { kind: 'string-map', group: 'workspace', agentEditable: false, maxEntries: 50, default: {} } as StringMapSetting,

  // ── click-to-dial ─────────────────────────────────────────────────────────────────────────────────────
  'clickToDial.enabled': boolean('clickToDial', true),
  /** Match patterns of the sites where click-to-dial runs. */
  'clickToDial.allowedSites': list('clickToDial', 'match-pattern', ['http://*/*', 'https://*/*'], false),
  /** Match patterns of sites where it never runs (wins over the allow list). */
  'clickToDial.deniedSites': list('clickToDial', 'match-pattern', [], false),
  /** Origins the agent switched click-to-dial off for, from the panel ('https://crm.example.com'). */
  'clickToDial.disabledSites': list('clickToDial', 'origin', []),
  /** The country of numbers written without a country code ('03-1234-5678' is Tokyo when this is 'JP'). */
  'clickToDial.defaultCountry': text('clickToDial', 'country', 'JP'),
  /** Whether clicking a `tel:` link dials through Switchboard instead of the system's phone app. */
  'clickToDial.telLinks': boolean('clickToDial', true),
  /** Whether a click on a number asks "Call …?" before dialing. */
  'clickToDial.confirmBeforeDialing': boolean('clickToDial', false),

  // ── screen pop and CRM rules ──────────────────────────────────────────────────────────────────────────
  'screenPop.mode': oneOf('screenPop', ['ring', 'accept', 'off'], 'ring'),
  /** Extra values for the CRM rules' URL templates ({ "crmBase": "https://crm.example.com" }). */
  'screenPop.templateValues': { kind: 'string-map', group: 'screenPop', agentEditable: true, maxEntries: 50, default: {} } as StringMapSetting,
  /** CRM site rules given by the admin; they are tried before the built-in ones. */
  'crm.rules': { kind: 'crm-rules', group: 'screenPop', agentEditable: false, maxItems: 50, default: [] } as CrmRulesSetting,
  /** Whether the rules Switchboard ships (the demo CRM's) apply. */
  'crm.builtInRules': boolean('screenPop', true, false),

  // ── the session ───────────────────────────────────────────────────────────────────────────────────────
  /** Seconds the worker waits for a lost engine before asking for a non-routable status. */
  'session.engineLostGraceSeconds': integer('session', 0, 600, 10),
  /** The status to ask for then ('Break'); '' = the first not-routable status the instance lists. */
  'session.engineLostStatusName': text('session', 'text', ''),

  // ── the panel ─────────────────────────────────────────────────────────────────────────────────────────
  /** The panel's language: 'auto' follows the agent's language on the instance, then the browser's. */
  'ui.language': oneOf('ui', ['auto', 'en', 'ja'], 'auto'),

  // ── areas an admin turns on or off ──────────────────────────────────────────────────────────────────────
  /** Kept so that policies which pre-set them stay valid: chat and tasks are part of the softphone and always on. */
  'features.chat': boolean('features', false, false),
  'features.tasks': boolean('features', false, false),
  /** Whether the panel shows the agent workspace (the customer, their history and cases) beside each contact. */
  'features.workspace': boolean('features', true, false),
} as const satisfies Record<string, SettingDefinition>;

export type SettingsSchema = typeof SETTINGS_SCHEMA;
export type SettingKey = keyof SettingsSchema;

/** The value type of one definition. */
export type SettingValue<D> = D extends EnumSetting<infer T> ? T : D extends { default: infer V } ? V : never;

/** Every setting's value, typed from the schema. */
export type Settings = { [K in SettingKey]: SettingValue<SettingsSchema[K]> };

export const SETTING_KEYS = Object.keys(SETTINGS_SCHEMA) as SettingKey[];

export const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(SETTINGS_SCHEMA, key);

/** The built-in defaults, fresh copies (callers may keep and change them). */
export function builtInDefaults(): Settings {
  return structuredClone(Object.fromEntries(SETTING_KEYS.map((key) => [key, SETTINGS_SCHEMA[key].default]))) as Settings;
}

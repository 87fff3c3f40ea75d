// Builds the managed_schema.json the extension ships (public/managed_schema.json, named in the manifest) from
// the settings schema. Chrome checks policy against it and drops values of the wrong JSON type before the
// extension sees them (chrome://policy lists those); it only declares types, so every finer check (allowed
// values, ranges, URLs, match patterns, rules) is done by validate.ts and reported on the options page.
// Regenerate with `npm run settings:managed-schema`; a unit test fails when the shipped file is stale.
import { SETTING_KEYS, SETTINGS_SCHEMA, type SettingDefinition } from './schema';

type JsonSchema = { type: string; description?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; additionalProperties?: JsonSchema };

const STRING: JsonSchema = { type: 'string' };
const STRINGS: JsonSchema = { type: 'array', items: STRING };

const CRM_RULE: JsonSchema = {
  type: 'object',
  properties: {
    id: STRING,
    name: STRING,
    matches: STRINGS,
    recordSelectors: { type: 'object', properties: { phone: STRING, email: STRING, recordId: STRING } },
    urlTemplates: { type: 'object', properties: { record: STRING, search: STRING, case: STRING } },
    caseReferencePattern: STRING,
  },
};

function valueSchema(definition: SettingDefinition): JsonSchema {
  switch (definition.kind) {
    case 'boolean':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer' };
    case 'enum':
    case 'string':
      return STRING;
    case 'string-list':
      return STRINGS;
    case 'string-map':
      return { type: 'object', additionalProperties: STRING };
    case 'crm-rules':
      return { type: 'array', items: CRM_RULE };
  }
}

/** The managed storage schema: one property per setting key, `{ value, locked, reason }`. */
export function buildManagedSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const key of SETTING_KEYS) {
    properties[key] = {
      type: 'object',
      properties: { value: valueSchema(SETTINGS_SCHEMA[key]), locked: { type: 'boolean' }, reason: STRING },
    };
  }
  return { type: 'object', properties };
}

/** The file's text, as committed. */
export const managedSchemaText = () => `${JSON.stringify(buildManagedSchema(), null, 2)}\n`;

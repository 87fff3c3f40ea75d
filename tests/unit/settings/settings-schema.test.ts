// The settings schema and what is derived from it stay in step: defaults valid, shipped managed_schema.json
// current, every setting documented for admins and labelled in both languages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { managedSchemaText } from '../../../lib/settings/managed-schema';
import { parsePolicy } from '../../../lib/settings/policy';
import { builtInDefaults, SETTING_GROUPS, SETTING_KEYS, SETTINGS_SCHEMA, type Settings } from '../../../lib/settings/schema';
import { validateSettingValue } from '../../../lib/settings/validate';
import en from '../../../locales/en.json';
import ja from '../../../locales/ja.json';

const repoFile = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('settings schema', () => {
  it('every built-in default passes its own validation unchanged', () => {
    const defaults = builtInDefaults();
    for (const key of SETTING_KEYS) {
      const checked = validateSettingValue(SETTINGS_SCHEMA[key], defaults[key]);
      expect(checked, key).toEqual({ ok: true, value: defaults[key] });
    }
  });

  it('the TypeScript types follow the schema', () => {
    const defaults: Settings = builtInDefaults();
    // Compile-time checks: a wrong type here fails `npm run typecheck`.
    const mode: 'ring' | 'accept' | 'off' = defaults['screenPop.mode'];
    const grace: number = defaults['session.engineLostGraceSeconds'];
    const sites: string[] = defaults['clickToDial.allowedSites'];
    expect([mode, grace, sites.length]).toEqual(['ring', 10, 2]);
  });

  it('the shipped public/managed_schema.json is the one the schema builds (run npm run settings:managed-schema)', () => {
    expect(repoFile('public/managed_schema.json')).toBe(managedSchemaText());
  });

  it('the managed schema declares every setting as { value, locked, reason } with the value type', () => {
    const schema = JSON.parse(managedSchemaText()) as { properties: Record<string, { properties: Record<string, { type: string }> }> };
    expect(Object.keys(schema.properties)).toEqual(SETTING_KEYS);
    const jsonType = (value: unknown) => (Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value);
    for (const key of SETTING_KEYS) {
      const envelope = schema.properties[key]!.properties;
      expect(Object.keys(envelope), key).toEqual(['value', 'locked', 'reason']);
      expect(envelope.value!.type, key).toBe(jsonType(SETTINGS_SCHEMA[key].default));
    }
  });

  it('docs/admin.md lists every policy key', () => {
    const guide = repoFile('docs/admin.md');
    for (const key of SETTING_KEYS) expect(guide, key).toContain(`\`${key}\``);
  });

  it("docs/admin.md's complete example policies are valid, setting for setting", () => {
    const guide = repoFile('docs/admin.md');
    const examples = [...guide.matchAll(/## Complete example[^\n]*\n[\s\S]*?```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as { '3rdparty': { extensions: Record<string, unknown> } });
    expect(examples).toHaveLength(2);
    for (const example of examples) {
      const policy = parsePolicy(example['3rdparty'].extensions.noblaacmkmdckhdcjakjpckmkgedlibh);
      expect(policy.problems).toEqual([]);
      expect(Object.keys(policy.entries).length).toBeGreaterThan(5);
    }
  });

  it('every setting, group, choice and problem has its text in English and Japanese', () => {
    type Options = { keys: Record<string, Record<string, { label?: string; help?: string }>>; groups: Record<string, string>; values: Record<string, string> };
    for (const messages of [en, ja] as unknown as { options: Options }[]) {
      const { keys, groups, values } = messages.options;
      for (const key of SETTING_KEYS) {
        const [area, name] = key.split('.') as [string, string];
        expect(keys[area]?.[name]?.label, key).toBeTruthy();
        expect(keys[area]?.[name]?.help, key).toBeTruthy();
        const definition = SETTINGS_SCHEMA[key];
        if (definition.kind === 'enum') for (const value of definition.values) expect(values[value], `${key} = ${value}`).toBeTruthy();
      }
      for (const group of SETTING_GROUPS) expect(groups[group], group).toBeTruthy();
      const labelled = Object.entries(keys).flatMap(([area, names]) => Object.keys(names).map((name) => `${area}.${name}`));
      expect(labelled.sort()).toEqual([...SETTING_KEYS].sort());
    }
  });
});

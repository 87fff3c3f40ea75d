// Checks a value (from policy, the agent or storage) against its setting's definition: the value to use, or a
// problem with a code and parameters that the options page translates (settingProblems.<code>). Nothing here
// throws: bad input is a problem, not a crash.
import { assertMatchPattern } from '../crm-rules/match-pattern';
import { isE164, toCountryCode } from '../phone/phone-number';
import type { CrmRuleSetting, SettingDefinition, StringFormat, StringListFormat } from './schema';

export type SettingProblemCode =
  | 'unknown-setting'
  | 'bad-policy-entry'
  | 'wrong-type'
  | 'not-one-of'
  | 'out-of-range'
  | 'too-long'
  | 'too-many'
  | 'not-http-url'
  | 'not-e164'
  | 'not-aws-region'
  | 'unknown-country'
  | 'not-match-pattern'
  | 'not-origin'
  | 'invalid-rule'
  | 'duplicate-rule-id'
  | 'invalid-guide'
  | 'locked'
  | 'not-agent-editable';

export interface SettingProblem {
  code: SettingProblemCode;
  params: Record<string, string | number>;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: SettingProblem };

const problem = (code: SettingProblemCode, params: Record<string, string | number> = {}): { ok: false; problem: SettingProblem } => ({
  ok: false,
  problem: { code, params },
});

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** The JSON type name of a value, for "expected a boolean, got a string". */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const wrongType = (expected: string, value: unknown) => problem('wrong-type', { expected, actual: jsonTypeOf(value) });

function checkHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** Checks one formatted string (already trimmed); '' is "none" for the formats that allow it. */
function checkStringFormat(format: StringFormat, text: string): Checked<string> {
  switch (format) {
    case 'text':
      return { ok: true, value: text };
    case 'http-url':
      return text === '' || checkHttpUrl(text) ? { ok: true, value: text.replace(/\/+$/, '') } : problem('not-http-url', { value: text });
    case 'e164':
      return text === '' || isE164(text) ? { ok: true, value: text } : problem('not-e164', { value: text });
    case 'aws-region':
      return text === '' || /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(text) ? { ok: true, value: text } : problem('not-aws-region', { value: text });
    case 'country': {
      const code = toCountryCode(text);
      return code ? { ok: true, value: code } : problem('unknown-country', { value: text });
    }
  }
}

/** The full check of one guide (lib/guides/validate-guide.ts, built on TypeBox): the path of its first bad field
 *  and what is wrong, or null when it is a valid guide. */
export type GuideCheck = (value: unknown) => { path: string; detail: string } | null;

// Plugged in by the pages that list policy problems (the options page): every page resolves settings, and the
// content scripts, which never read guides, must not carry the guide validator. Without it an entry only has to
// be a JSON object; the panel checks each guide fully before it uses it (stores/guides.ts).
let fullGuideCheck: GuideCheck | null = null;

/** Makes `workspace.guides` entries be checked in full where settings are resolved from now on (null: no longer). */
export function useFullGuideCheck(check: GuideCheck | null): void {
  fullGuideCheck = check;
}

/** One guide's JSON text (a policy list entry): refused with the JSON path of the first bad field. */
function checkGuideText(entry: string): Checked<string> {
  let value: unknown;
  try {
    value = JSON.parse(entry);
  } catch {
    return problem('invalid-guide', { path: '', detail: 'not valid JSON' });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return problem('invalid-guide', { path: '-', detail: 'a guide is a JSON object' });
  const bad = fullGuideCheck?.(value) ?? null;
  return bad ? problem('invalid-guide', { path: bad.path || '-', detail: bad.detail }) : { ok: true, value: entry };
}

function checkListEntry(format: StringListFormat, entry: string): Checked<string> {
  if (format === 'guide') return checkGuideText(entry);
  if (format === 'match-pattern') {
    try {
      assertMatchPattern(entry);
      return { ok: true, value: entry };
    } catch (error) {
      return problem('not-match-pattern', { value: entry, detail: error instanceof Error ? error.message : '' });
    }
  }
  try {
    const url = new URL(entry);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === entry.replace(/\/$/, '')) return { ok: true, value: url.origin };
  } catch {
    // reported below
  }
  return problem('not-origin', { value: entry });
}

function checkStringList(format: StringListFormat, maxItems: number, value: unknown): Checked<string[]> {
  if (!Array.isArray(value)) return wrongType('array', value);
  if (value.length > maxItems) return problem('too-many', { max: maxItems });
  const entries: string[] = [];
  for (const [index, entry] of value.entries()) {
    if (typeof entry !== 'string') return problem('wrong-type', { expected: 'string', actual: jsonTypeOf(entry), index });
    const checked = checkListEntry(format, entry.trim());
    if (!checked.ok) return { ok: false, problem: { ...checked.problem, params: { ...checked.problem.params, index } } };
    if (!entries.includes(checked.value)) entries.push(checked.value);
  }
  return { ok: true, value: entries };
}

function checkStringMap(maxEntries: number, value: unknown): Checked<Record<string, string>> {
  if (!isPlainObject(value)) return wrongType('object', value);
  const entries = Object.entries(value);
  if (entries.length > maxEntries) return problem('too-many', { max: maxEntries });
  const map: Record<string, string> = {};
  for (const [name, entry] of entries) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name)) return problem('invalid-rule', { field: name, detail: 'name' });
    if (typeof entry !== 'string') return problem('wrong-type', { expected: 'string', actual: jsonTypeOf(entry), field: name });
    map[name] = entry;
  }
  return { ok: true, value: map };
}

/** Whether `selector` is a CSS selector this browser accepts (not checkable without a DOM: accepted). */
function isValidSelector(selector: string): boolean {
  if (typeof document === 'undefined') return selector.trim() !== '';
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

const isUrlTemplate = (template: string) => /^(https?:\/\/|\{[A-Za-z][A-Za-z0-9_.]*\})/.test(template) && template.length <= 2048;

/** Checks one CRM rule; the problem names the field. */
function checkCrmRule(value: unknown, index: number): Checked<CrmRuleSetting> {
  const bad = (field: string, detail = '') => problem('invalid-rule', { index, field, detail });
  if (!isPlainObject(value)) return bad('rule', jsonTypeOf(value));
  const { id, name, matches, recordSelectors, urlTemplates, caseReferencePattern } = value;
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) return bad('id');
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200) return bad('name');
  const checkedMatches = checkStringList('match-pattern', 50, matches);
  if (!checkedMatches.ok || checkedMatches.value.length === 0) return bad('matches', checkedMatches.ok ? 'empty' : String(checkedMatches.problem.params.value ?? ''));
  if (!isPlainObject(recordSelectors)) return bad('recordSelectors');
  const selectors = { phone: recordSelectors.phone, email: recordSelectors.email, recordId: recordSelectors.recordId };
  for (const [field, selector] of Object.entries(selectors)) {
    if (typeof selector !== 'string' || !isValidSelector(selector)) return bad(`recordSelectors.${field}`);
  }
  if (!isPlainObject(urlTemplates)) return bad('urlTemplates');
  const templates: CrmRuleSetting['urlTemplates'] = { record: '', search: '' };
  for (const field of ['record', 'search', 'case'] as const) {
    const template = urlTemplates[field];
    if (template === undefined && field === 'case') continue;
    if (typeof template !== 'string' || !isUrlTemplate(template)) return bad(`urlTemplates.${field}`);
    templates[field] = template;
  }
  if (typeof caseReferencePattern !== 'string' || caseReferencePattern === '' || caseReferencePattern.length > 200) return bad('caseReferencePattern');
  try {
    new RegExp(caseReferencePattern, 'g');
  } catch {
    return bad('caseReferencePattern');
  }
  return {
    ok: true,
    value: {
      id,
      name: name.trim(),
      matches: checkedMatches.value,
      recordSelectors: selectors as CrmRuleSetting['recordSelectors'],
      urlTemplates: templates,
      caseReferencePattern,
    },
  };
}

function checkCrmRules(maxItems: number, value: unknown): Checked<CrmRuleSetting[]> {
  if (!Array.isArray(value)) return wrongType('array', value);
  if (value.length > maxItems) return problem('too-many', { max: maxItems });
  const rules: CrmRuleSetting[] = [];
  for (const [index, entry] of value.entries()) {
    const checked = checkCrmRule(entry, index);
    if (!checked.ok) return checked;
    if (rules.some((rule) => rule.id === checked.value.id)) return problem('duplicate-rule-id', { index, value: checked.value.id });
    rules.push(checked.value);
  }
  return { ok: true, value: rules };
}

/** Checks `value` against `definition`: the normalized value, or the problem. */
export function validateSettingValue(definition: SettingDefinition, value: unknown): Checked<unknown> {
  switch (definition.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : wrongType('boolean', value);
    case 'enum':
      if (typeof value !== 'string') return wrongType('string', value);
      return definition.values.includes(value) ? { ok: true, value } : problem('not-one-of', { value, allowed: definition.values.join(', ') });
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return wrongType('integer', value);
      return value >= definition.min && value <= definition.max ? { ok: true, value } : problem('out-of-range', { value, min: definition.min, max: definition.max });
    case 'string':
      if (typeof value !== 'string') return wrongType('string', value);
      if (value.length > definition.maxLength) return problem('too-long', { max: definition.maxLength });
      return checkStringFormat(definition.format, value.trim());
    case 'string-list':
      return checkStringList(definition.format, definition.maxItems, value);
    case 'string-map':
      return checkStringMap(definition.maxEntries, value);
    case 'crm-rules':
      return checkCrmRules(definition.maxItems, value);
  }
}

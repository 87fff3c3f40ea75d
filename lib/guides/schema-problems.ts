// Turns TypeBox's failed checks into a guide's problems: the JSON path of the bad field (`Content.Actions[2].Type`)
// and one plain sentence, the schema's own words (`errorMessage`) when it has some.
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';

export interface GuideProblem {
  /** Where: `Content.Actions[2].Parameters.ViewData.Sections[0].Items[1].Type` ('' = the guide itself). */
  path: string;
  message: string;
}

interface FailedCheck {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

/** `/Actions/2/Type` under `Content` → `Content.Actions[2].Type`. */
export function jsonPath(base: string, pointer: string): string {
  let path = base;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(segment)) path += `[${segment}]`;
    else path += path === '' ? segment : `.${segment}`;
  }
  return path;
}

export const childPath = (base: string, key: string | number): string => (typeof key === 'number' ? `${base}[${key}]` : base === '' ? key : `${base}.${key}`);

function schemaAt(root: TSchema, pointer: string): Record<string, unknown> | null {
  let node: unknown = root;
  for (const raw of pointer.replace(/^#\/?/, '').split('/').filter((s) => s !== '')) {
    if (typeof node !== 'object' || node === null) return null;
    node = (node as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>) : null;
}

const TYPE_NAMES: Record<string, string> = { string: 'a text', array: 'a list', object: 'an object', boolean: 'true or false', integer: 'a whole number', number: 'a number' };

function sentence(check: FailedCheck): string {
  const limit = check.params.limit;
  switch (check.keyword) {
    case 'type':
      return `must be ${TYPE_NAMES[String(check.params.type)] ?? String(check.params.type)}`;
    case 'minLength':
      return limit === 1 ? 'must not be empty' : `must be at least ${String(limit)} characters long`;
    case 'maxLength':
      return `must be at most ${String(limit)} characters long`;
    case 'minItems':
      return `must have at least ${String(limit)} ${limit === 1 ? 'entry' : 'entries'}`;
    case 'maxItems':
    case 'maxProperties':
      return `must have at most ${String(limit)} entries`;
    case 'minimum':
      return `must be at least ${String(limit)}`;
    case 'maximum':
      return `must be at most ${String(limit)}`;
    default:
      return check.message;
  }
}

/** The problems of `value` against `schema`, each path below `base`; [] when it passes. */
export function schemaProblems(schema: TSchema, value: unknown, base: string): GuideProblem[] {
  if (Value.Check(schema, value)) return [];
  const checks = [...Value.Errors(schema, value)] as FailedCheck[];
  const problems: GuideProblem[] = [];
  const add = (path: string, message: string) => {
    if (!problems.some((p) => p.path === path)) problems.push({ path, message });
  };
  for (const check of checks) {
    // `false` sub-schemas repeat what additionalProperties says; a union's branches repeat what the union says.
    if (check.keyword === 'boolean' || /\/anyOf\/\d+/.test(check.schemaPath)) continue;
    if (check.keyword === 'required') {
      for (const name of (check.params.requiredProperties as string[] | undefined) ?? []) add(jsonPath(base, `${check.instancePath}/${name}`), `"${name}" is missing`);
      continue;
    }
    if (check.keyword === 'additionalProperties') {
      for (const name of (check.params.additionalProperties as string[] | undefined) ?? []) add(jsonPath(base, `${check.instancePath}/${name}`), `unknown field "${name}"`);
      continue;
    }
    const own = schemaAt(schema, check.schemaPath)?.errorMessage;
    add(jsonPath(base, check.instancePath), typeof own === 'string' ? own : sentence(check));
  }
  return problems;
}

// Validation of request bodies, query strings and path parameters against their TypeBox schemas, with the
// API's own error answer: a 400 `{ error: { code, message } }` whose message names the field and what is wrong.
// A schema may say it in its own words (`errorMessage`, per keyword in `errorMessages`) and choose the error code
// of the whole body (`errorCode`); otherwise the message is built from the failing keyword.

import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { HttpError } from './http-kit';

/** Options a schema may carry to word its validation errors. `{key}` in a message is the name of the failing property. */
export interface ErrorWording {
  /** The message for any keyword of this schema that fails. */
  errorMessage?: string;
  /** Messages for particular keywords (`minProperties`, `additionalProperties`, …); `{additionalProperties}` lists unknown keys. */
  errorMessages?: Record<string, string>;
  /** The error code of the answer when the whole body (or query) fails (default `BadRequest`). */
  errorCode?: string;
}

interface FailedCheck {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

type SchemaNode = ErrorWording & { properties?: Record<string, SchemaNode> } & Record<string, unknown>;

/** The sub-schema at a JSON pointer such as `#/properties/filter/additionalProperties`. */
function schemaAt(root: SchemaNode, pointer: string): SchemaNode | null {
  let node: unknown = root;
  for (const raw of pointer.replace(/^#\/?/, '').split('/').filter((s) => s !== '')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return null;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'object' && node !== null ? (node as SchemaNode) : null;
}

const PART_NAMES: Record<string, string> = { body: 'the request body', querystring: 'the query string', params: 'the URL' };

function fieldName(instancePath: string): string | null {
  const segments = instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return segments.length === 0 ? null : segments.join('.');
}

function fill(template: string, check: FailedCheck): string {
  const segments = check.instancePath.split('/');
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name === 'key') return segments[segments.length - 1] ?? '';
    const value = check.params[name];
    if (Array.isArray(value)) return value.join(', ');
    return value === undefined ? whole : String(value);
  });
}

/** The schema's own words for a failed check, else those of the nearest enclosing schema that has some. */
function ownWording(root: SchemaNode, check: FailedCheck): string | null {
  // `false` sub-schemas (additionalProperties: false) fail as "boolean" first: the enclosing object's check says more.
  if (check.keyword === 'boolean') return null;
  if (check.keyword === 'required') {
    // A missing property is worded by that property's schema.
    const missing = (check.params.requiredProperties as string[] | undefined)?.[0];
    const property = missing === undefined ? null : (schemaAt(root, check.schemaPath)?.properties?.[missing] ?? null);
    const wording = property?.errorMessages?.required ?? property?.errorMessage;
    if (wording) return fill(wording, { ...check, instancePath: `${check.instancePath}/${missing}` });
  }
  const node = schemaAt(root, check.schemaPath);
  const wording = node?.errorMessages?.[check.keyword] ?? node?.errorMessage;
  if (wording) return fill(wording, check);
  // An item of a list or a value of a map: the list's or map's own sentence says what each must be.
  const segments = check.schemaPath.split('/');
  for (let end = segments.length - 1; end > 1; end--) {
    const enclosing = schemaAt(root, segments.slice(0, end).join('/'));
    if (enclosing?.errorMessage) return fill(enclosing.errorMessage, check);
  }
  return null;
}

function genericWording(check: FailedCheck, part: string): string {
  const field = fieldName(check.instancePath);
  const subject = field === null ? (PART_NAMES[part] ?? part) : `"${field}"`;
  if (check.keyword === 'additionalProperties') return `${subject} has unknown key(s) ${fill('{additionalProperties}', check)}`;
  if (check.keyword === 'required') {
    const missing = ((check.params.requiredProperties as string[] | undefined) ?? []).map((name) => `"${name}"`);
    return `${subject} must have ${missing.join(' and ')}`;
  }
  return `${subject} ${check.message}`;
}

/** One readable sentence for a failed validation: the first check the schema words itself, else the first check. */
export function describeFailure(schema: TSchema, checks: readonly FailedCheck[], part: string): string {
  const root = schema as SchemaNode;
  for (const check of checks) {
    const own = ownWording(root, check);
    if (own !== null) return own;
  }
  const first = checks.find((c) => c.keyword !== 'boolean') ?? checks[0];
  return first ? genericWording(first, part) : `${PART_NAMES[part] ?? part} is not valid`;
}

/**
 * Fastify's validator compiler for TypeBox schemas. Bodies are checked as sent (no type coercion: `7` is not a
 * string); query strings and path parameters are converted first (`?limit=10` is a number), and an empty query
 * parameter counts as absent.
 */
export const compileTypeBoxValidator: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const validator = Compile(schema);
  const part = httpPart ?? 'body';
  return (value: unknown) => {
    let candidate = value;
    if (part !== 'body') {
      const present = Object.entries((value ?? {}) as Record<string, unknown>).filter(([, v]) => !(part === 'querystring' && v === ''));
      candidate = Value.Convert(schema, Object.fromEntries(present));
    }
    if (validator.Check(candidate)) return { value: candidate };
    const code = (schema as ErrorWording).errorCode ?? 'BadRequest';
    return { error: new HttpError(400, describeFailure(schema, validator.Errors(candidate) as FailedCheck[], part), code) };
  };
};

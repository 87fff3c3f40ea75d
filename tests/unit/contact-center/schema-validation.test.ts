// The wording of validation errors (server/schema-validation.ts): a schema's own sentence for the keyword that
// failed, the enclosing list's or map's sentence for one of its items, and otherwise a sentence built from the
// failed check that names the field; query strings are converted, bodies are not.

import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { compileTypeBoxValidator } from '../../../contact-center/server/schema-validation';
import { HttpError } from '../../../contact-center/server/http-kit';

const Body = Type.Object(
  {
    name: Type.String({ errorMessage: '"name" must be a text' }),
    tags: Type.Optional(Type.Array(Type.String({ maxLength: 3 }), { errorMessage: '"tags" must be short texts' })),
    labels: Type.Optional(Type.Record(Type.String(), Type.String({ errorMessage: 'label "{key}" must be a text' }))),
    options: Type.Optional(
      Type.Object({ colour: Type.Optional(Type.String()) }, { additionalProperties: false, errorMessages: { additionalProperties: '"options" does not know {additionalProperties}' } }),
    ),
    size: Type.Optional(Type.Number()),
    nested: Type.Optional(Type.Object({ inner: Type.String() }, { additionalProperties: false })),
  },
  { errorCode: 'InvalidParameterException' },
);

/** The error a body or query fails with, or null when it passes. */
function failure(value: unknown, part: 'body' | 'querystring' = 'body', schema = Body): HttpError | null {
  const validate = compileTypeBoxValidator({ schema, httpPart: part, method: 'POST', url: '/x' }) as (v: unknown) => { value?: unknown; error?: unknown };
  const result = validate(value);
  return result.error === undefined ? null : (result.error as HttpError);
}

describe('validation error wording', () => {
  it("uses the schema's sentence, for a missing property too, with the body's error code", () => {
    expect(failure({ name: 7 })).toMatchObject({ status: 400, code: 'InvalidParameterException', message: '"name" must be a text' });
    expect(failure({})?.message).toBe('"name" must be a text');
  });

  it("words an item by its list's sentence and a map value with its key", () => {
    expect(failure({ name: 'a', tags: ['long one'] })?.message).toBe('"tags" must be short texts');
    expect(failure({ name: 'a', labels: { colour: 3 } })?.message).toBe('label "colour" must be a text');
  });

  it('names unknown keys, by the schema\'s sentence or a built one', () => {
    expect(failure({ name: 'a', options: { shape: 'round' } })?.message).toBe('"options" does not know shape');
    expect(failure({ name: 'a', nested: { inner: 'x', extra: 1 } })?.message).toBe('"nested" has unknown key(s) extra');
  });

  it('builds a sentence naming the field when the schema has none, and never converts a body', () => {
    expect(failure({ name: 'a', size: '7' })?.message).toBe('"size" must be number');
    expect(failure({ name: 'a', nested: {} })?.message).toBe('"nested" must have "inner"');
  });

  it('converts query strings and treats an empty parameter as absent', () => {
    const Query = Type.Object({ limit: Type.Optional(Type.Number({ minimum: 0 })) });
    expect(failure({ limit: '10' }, 'querystring', Query as never)).toBeNull();
    expect(failure({ limit: '' }, 'querystring', Query as never)).toBeNull();
    expect(failure({ limit: 'ten' }, 'querystring', Query as never)?.message).toBe('"limit" must be number');
  });
});

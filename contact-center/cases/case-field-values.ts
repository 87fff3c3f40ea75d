// Case field values between Cases' wire union ({stringValue | doubleValue | booleanValue | emptyValue | userArnValue})
// and the store: each value checked against its field's type (Text and Url lengths, a Number's finiteness, a
// DateTime's ISO 8601 form, a SingleSelect's active options, a User's agent ARN, customer_id's profile ARN), the
// read-only system fields refused, required fields enforced; and a case's values read back as the union.
import type { StoredCase, StoredValue } from '../store/cases-repository';
import type { CaseField, FieldOption } from '../store/cases-repository-templates';
import { type CasesArns, isSystemField, LIMITS, READ_ONLY_FIELD_IDS, validation } from './cases-model';

export type ValueUnion = { stringValue: string } | { doubleValue: number } | { booleanValue: boolean } | { emptyValue: Record<string, never> } | { userArnValue: string };
export interface FieldValueWire {
  id: string;
  value: Record<string, unknown>;
}

const MEMBERS = ['stringValue', 'doubleValue', 'booleanValue', 'emptyValue', 'userArnValue'] as const;
type Member = (typeof MEMBERS)[number];

/** The one member a value union sets; a union with none or several is a ValidationException. */
export function unionMember(value: Record<string, unknown>, where: string): { member: Member; raw: unknown } {
  const set = MEMBERS.filter((m) => value[m] !== undefined && value[m] !== null);
  if (set.length !== 1) throw validation(`${where}: a value sets exactly one of ${MEMBERS.join(', ')} (it set ${set.length ? set.join(', ') : 'none'}).`);
  const member = set[0]!;
  return { member, raw: value[member] };
}

const expect = (field: CaseField, want: Member, got: Member) => {
  if (want !== got) throw validation(`Field ${field.id} (${field.name}) is of type ${field.type}: give its value as ${want}, not ${got}.`);
};

/** An ISO 8601 date and time, as the same instant in toISOString()'s form; null when it is not one. */
export function isoDateTime(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export interface ValueContext {
  arns: CasesArns;
  options(fieldId: string): FieldOption[];
  profileExists(profileId: string): boolean;
}

/** What a checked field value writes: a system column's text, or a custom field's stored value; null empties. */
export type CheckedValue = { system: string | null } | { custom: StoredValue | null };

/** Checks one value against its field; `null` results are empty values. */
export function checkFieldValue(field: CaseField, value: Record<string, unknown>, context: ValueContext): CheckedValue {
  if (READ_ONLY_FIELD_IDS.has(field.id)) throw validation(`Field ${field.id} is written by Cases itself and cannot be set.`);
  const { member, raw } = unionMember(value, `field ${field.id}`);
  const system = isSystemField(field.id);
  if (member === 'emptyValue') return system ? { system: null } : { custom: null };
  const stored = checkTyped(field, member, raw, context);
  if (system) return { system: 'text' in stored ? stored.text : String(stored.number) };
  return { custom: stored };
}

function checkTyped(field: CaseField, member: Member, raw: unknown, context: ValueContext): StoredValue {
  switch (field.type) {
    case 'Number': {
      expect(field, 'doubleValue', member);
      if (typeof raw !== 'number' || !Number.isFinite(raw)) throw validation(`Field ${field.id} (${field.name}) needs a finite number.`);
      return { number: raw };
    }
    case 'Boolean':
      expect(field, 'booleanValue', member);
      if (typeof raw !== 'boolean') throw validation(`Field ${field.id} (${field.name}) needs true or false.`);
      return { number: raw ? 1 : 0 };
    case 'User': {
      expect(field, 'userArnValue', member);
      const arn = String(raw);
      if (!arn.startsWith(context.arns.agent('')) || arn.length === context.arns.agent('').length) {
        throw validation(`Field ${field.id} (${field.name}) needs the ARN of a user of this instance (${context.arns.agent('<user id>')}).`);
      }
      return { text: arn };
    }
    default:
      break;
  }
  expect(field, 'stringValue', member);
  if (typeof raw !== 'string') throw validation(`Field ${field.id} (${field.name}) needs a string.`);
  const limit = field.id === 'summary' ? LIMITS.summaryValue : LIMITS.textValue;
  if (raw.length > limit) throw validation(`Field ${field.id} (${field.name}) takes at most ${limit} characters (it has ${raw.length}).`);
  if (field.id === 'customer_id') {
    const profileId = context.arns.profileIdOf(raw);
    if (profileId === null) throw validation(`customer_id must be a customer profile ARN: ${context.arns.profile('<profile id>')}.`);
    if (!context.profileExists(profileId)) throw validation(`customer_id names profile ${profileId}, which does not exist in the profile domain.`);
    return { text: profileId };
  }
  if (field.type === 'DateTime') {
    const normalized = isoDateTime(raw);
    if (normalized === null) throw validation(`Field ${field.id} (${field.name}) needs an ISO 8601 date and time such as 2026-11-25T09:30:00.000Z.`);
    return { text: normalized };
  }
  if (field.type === 'SingleSelect') {
    const options = context.options(field.id);
    if (!options.some((o) => o.value === raw && o.active)) {
      const active = options.filter((o) => o.active).map((o) => o.value);
      throw validation(`Field ${field.id} (${field.name}) takes one of its options: ${active.join(', ')} (not ${JSON.stringify(raw)}).`);
    }
  }
  if (field.type === 'Url' && raw !== '' && !/^https?:\/\/[^\s/]+/i.test(raw)) throw validation(`Field ${field.id} (${field.name}) needs an http or https URL.`);
  return { text: raw };
}

/** A case's value of one field as Cases' union, or null when the case has none. */
export function caseValue(c: StoredCase, field: CaseField, arns: CasesArns): ValueUnion | null {
  switch (field.id) {
    case 'title':
      return { stringValue: c.title };
    case 'summary':
      return c.summary === '' ? null : { stringValue: c.summary };
    case 'status':
      return { stringValue: c.status };
    case 'reference_number':
      return { stringValue: c.reference };
    case 'customer_id':
      return { stringValue: arns.profile(c.profileId) };
    case 'created_datetime':
      return { stringValue: c.createdAt };
    case 'last_updated_datetime':
      return { stringValue: c.updatedAt };
    case 'last_closed_datetime':
      return c.lastClosedAt === null ? null : { stringValue: c.lastClosedAt };
    default:
      break;
  }
  const stored = c.values.get(field.id);
  if (stored === undefined) return null;
  if ('number' in stored) return field.type === 'Boolean' ? { booleanValue: stored.number !== 0 } : { doubleValue: stored.number };
  return field.type === 'User' ? { userArnValue: stored.text } : { stringValue: stored.text };
}

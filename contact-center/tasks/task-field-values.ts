// Reads one task template field's value as the type of the field says (a web address, an email, a number, a
// date-time, a yes/no, one of the options…), from what callers send (strings, or numbers and booleans as TaskJS
// allows) or from a template's default: either the value in its canonical form or why it is not acceptable.

import { TASK_TEMPLATE_LIMITS as LIMITS, type TaskTemplateField } from './task-template-model';

/** A field's value once read: text for text-like fields and quick connect ids, numbers for numbers, times
 *  (epoch seconds) and expiry minutes, booleans for BOOLEAN and SELF_ASSIGN. */
export type FieldValue = string | number | boolean;

export type FieldReading = { value: FieldValue } | { problem: string };

/** Absent: nothing sent, or an empty string (what a form sends for a field left blank). */
export function isAbsent(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

const EMAIL = /^[^\s@"(),:;<>[\\\]]+@[^\s@"(),:;<>[\\\].]+(\.[^\s@"(),:;<>[\\\].]+)+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** Latest date-time accepted (9999-12-31T23:59:59Z) in epoch seconds. */
const MAX_EPOCH_SECONDS = 253402300799;

function text(raw: unknown): string | null {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return null;
}

/** A number from a JSON number or a decimal string ("42", "-3.5"); null otherwise. */
export function readNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'string' && DECIMAL.test(raw.trim())) return Number(raw.trim());
  return null;
}

/** Epoch seconds from epoch seconds (number or decimal string) or an ISO 8601 date-time with a zone; null when
 *  it is neither or names a day that does not exist (2026-02-30). */
export function readEpochSeconds(raw: unknown): number | null {
  const number = readNumber(raw);
  if (number !== null) return number >= 0 && number <= MAX_EPOCH_SECONDS ? number : null;
  if (typeof raw !== 'string') return null;
  const match = ISO_DATE_TIME.exec(raw.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number);
  const calendar = new Date(Date.UTC(year!, month! - 1, day!));
  if (calendar.getUTCMonth() !== month! - 1 || calendar.getUTCDate() !== day! || hour! > 23 || minute! > 59) return null;
  const ms = Date.parse(raw.trim());
  return Number.isNaN(ms) ? null : ms / 1000;
}

/** A web address that opens a page: http(s) only, never javascript:, data: or file:. */
export function isWebAddress(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** The quick connect id in an id or in its ARN (…/transfer-destination/<id>), as TaskJS sends the last segment. */
export function quickConnectIdOf(value: string): string {
  return value.split('/').pop() ?? value;
}

function readBoolean(raw: unknown): boolean | null {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'string' && /^(true|false)$/i.test(raw.trim())) return raw.trim().toLowerCase() === 'true';
  return null;
}

function readText(name: string, raw: unknown, maxLength: number): FieldReading {
  const value = text(raw);
  if (value === null) return { problem: `"${name}" must be text.` };
  if (value.length > maxLength) return { problem: `"${name}" is ${value.length} characters long; at most ${maxLength} are allowed.` };
  return { value };
}

/**
 * Reads a present value (see isAbsent) of `field`. Quick connects are given as ids or ARNs and read as ids;
 * whether the quick connect exists, and whether a scheduled time is in range, is for the caller to check.
 */
export function readFieldValue(field: TaskTemplateField, raw: unknown): FieldReading {
  const name = field.Id.Name;
  switch (field.Type) {
    case 'NAME': {
      const read = readText(name, raw, LIMITS.taskNameLength);
      return 'value' in read ? { value: String(read.value).trim() } : read;
    }
    case 'DESCRIPTION':
      return readText(name, raw, LIMITS.taskDescriptionLength);
    case 'TEXT':
    case 'TEXT_AREA':
      return readText(name, raw, LIMITS.referenceValueLength);
    case 'URL': {
      const value = text(raw)?.trim() ?? '';
      if (!isWebAddress(value)) return { problem: `"${name}" must be a web address starting with http:// or https://.` };
      if (value.length > LIMITS.referenceValueLength) return { problem: `"${name}" is longer than ${LIMITS.referenceValueLength} characters.` };
      return { value };
    }
    case 'EMAIL': {
      const value = text(raw)?.trim() ?? '';
      return isEmailAddress(value) ? { value } : { problem: `"${name}" must be an email address such as name@example.com.` };
    }
    case 'NUMBER': {
      const value = readNumber(raw);
      return value === null ? { problem: `"${name}" must be a number, such as 42 or 3.5.` } : { value };
    }
    case 'DATE_TIME':
    case 'SCHEDULED_TIME': {
      const value = readEpochSeconds(raw);
      return value === null ? { problem: `"${name}" must be a date and time: ISO 8601 with a time zone (2026-12-04T15:00:00+09:00) or epoch seconds.` } : { value };
    }
    case 'BOOLEAN':
    case 'SELF_ASSIGN': {
      const value = readBoolean(raw);
      return value === null ? { problem: `"${name}" must be true or false.` } : { value };
    }
    case 'SINGLE_SELECT': {
      const value = text(raw) ?? '';
      const options = field.SingleSelectOptions ?? [];
      return options.includes(value) ? { value } : { problem: `"${name}" must be one of: ${options.join(', ')}.` };
    }
    case 'QUICK_CONNECT': {
      const value = text(raw)?.trim() ?? '';
      return value === '' ? { problem: `"${name}" must be a quick connect id.` } : { value: quickConnectIdOf(value) };
    }
    case 'EXPIRY_DURATION': {
      const value = readNumber(raw);
      if (value === null || !Number.isInteger(value) || value < LIMITS.expiryMinutesMin || value > LIMITS.expiryMinutesMax) {
        return { problem: `"${name}" must be a whole number of minutes from ${LIMITS.expiryMinutesMin} to ${LIMITS.expiryMinutesMax} (90 days).` };
      }
      return { value };
    }
  }
}

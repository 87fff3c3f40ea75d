// The rules a task the agent creates must meet before it is sent (Amazon Connect's StartTaskContact limits and
// the reference types' formats), as pure checks that return the message key of what is wrong, and the
// conversions between the form's datetime-local values and epoch milliseconds.

export const NAME_MAX = 512;
export const DESCRIPTION_MAX = 4096;
/** A task can be scheduled at most this many days ahead. */
export const SCHEDULE_MAX_DAYS = 6;
const DAY_MS = 86_400_000;

/** Why a field is refused: a message key under task.form.errors and its values. */
export interface FieldProblem {
  key: string;
  params?: Record<string, string | number>;
}

const problem = (key: string, params?: FieldProblem['params']): FieldProblem => ({ key, ...(params ? { params } : {}) });

/** An absolute http: or https: URL (the only ones shown as links or sent as URL references). */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** One address, local@domain.tld, no spaces (what Connect's EMAIL reference and field accept). */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value.trim());
}

/** A decimal number such as 42, -3.5 or 1e6. */
export function isNumeric(value: string): boolean {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value.trim());
}

/** A datetime-local value ("2025-03-04T15:30") as epoch ms in the browser's time zone; null if it is not one. */
export function parseLocalDateTime(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  const ms = new Date(value).getTime(); // a date-time without an offset is local time
  return Number.isNaN(ms) ? null : ms;
}

/** Epoch ms as a datetime-local value in the browser's time zone, to the minute. */
export function toLocalDateTime(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An ISO 8601 date-time (a template default) as a datetime-local value; other text is kept as it is. */
export function isoToLocalDateTime(value: string): string {
  if (parseLocalDateTime(value) !== null) return value.slice(0, 16);
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : toLocalDateTime(ms);
}

export function checkName(name: string): FieldProblem | null {
  if (name.trim() === '') return problem('nameRequired');
  if (name.length > NAME_MAX) return problem('tooLong', { max: NAME_MAX });
  return null;
}

export function checkDescription(description: string): FieldProblem | null {
  return description.length > DESCRIPTION_MAX ? problem('tooLong', { max: DESCRIPTION_MAX }) : null;
}

/** A scheduled time: empty (at once), or a datetime-local value in the future and at most 6 days ahead. */
export function checkScheduledTime(value: string, now: number): FieldProblem | null {
  if (value === '') return null;
  const ms = parseLocalDateTime(value);
  if (ms === null) return problem('dateInvalid');
  if (ms <= now) return problem('scheduledInPast');
  if (ms > now + SCHEDULE_MAX_DAYS * DAY_MS) return problem('scheduledTooFar', { days: SCHEDULE_MAX_DAYS });
  return null;
}

/** A value for a reference or template field of this kind; empty values are the caller's matter. */
export function checkTypedValue(kind: 'URL' | 'EMAIL' | 'NUMBER' | 'DATE' | 'TEXT', value: string): FieldProblem | null {
  if (kind === 'URL' && !isHttpUrl(value)) return problem('urlNotHttp');
  if (kind === 'EMAIL' && !isEmail(value)) return problem('emailInvalid');
  if (kind === 'NUMBER' && !isNumeric(value)) return problem('numberInvalid');
  if (kind === 'DATE' && parseLocalDateTime(value) === null) return problem('dateInvalid');
  return null;
}

// Redaction for the session log (F3): whatever is logged, no password, token, cookie or secret reaches a line.
// Keys named like a secret are dropped with their values; strings that carry a bearer token, a JWT or a signed
// URL's credentials keep their shape with the secret part replaced.

/** Keys whose values are never logged (matched anywhere in the key, any case). */
const SECRET_KEY = /token|passw(or)?d|passphrase|pwd|cookie|authori[sz]ation|secret|credential|api[-_]?key|private[-_]?key|signature/i;

const REDACTED = '[redacted]';

/** Secrets inside free text, each with its replacement. */
const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // Authorization: Bearer <token>, or a bare "Bearer <token>" in a message
  [/\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi, `$1 ${REDACTED}`],
  // a JSON Web Token (three base64url parts, the first starting with {" = eyJ)
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // URL query parameters that carry credentials (AWS signed URLs: X-Amz-Signature, X-Amz-Security-Token…)
  [/([?&;][^=&#\s]*(?:token|password|secret|signature|credential|auth|session|key)[^=&#\s]*=)[^&#\s"']+/gi, `$1${REDACTED}`],
  // name=value pairs of a cookie header written into a message
  [/((?:^|[\s;,])(?:set-)?cookie:\s*)[^\n]+/gi, `$1${REDACTED}`],
];

const MAX_DEPTH = 6;
const MAX_STRING = 2000;
const MAX_ITEMS = 100;

export const isSecretKey = (key: string) => SECRET_KEY.test(key);

export function redactText(text: string): string {
  let out = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A JSON-safe copy of `value` with secrets removed. Never throws (cycles, functions, errors are handled). */
export function redact(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'undefined' || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (typeof value !== 'object') return undefined;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[nested]';
  seen.add(value);
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => redact(item, depth + 1, seen) ?? null);
    if (value.length > MAX_ITEMS) items.push(`[${value.length - MAX_ITEMS} more]`);
    return items;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (isSecretKey(key)) continue;
    const clean = redact(item, depth + 1, seen);
    if (clean !== undefined) out[key] = clean;
  }
  return out;
}

/** What the log may say of a page: its origin only, never its path, query or title ('unknown' if none). */
export function originOf(url: string | undefined): string {
  try {
    return url ? new URL(url).origin : 'unknown';
  } catch {
    return 'unknown';
  }
}

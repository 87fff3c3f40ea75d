// Reads an admin's policy (the extension's managed storage): one entry per setting key, `{ "value": …,
// "locked": true|false, "reason": "…" }`. Each entry is checked on its own: a bad one is left out and listed
// with its problem, every other entry still applies (a broken policy never breaks the extension).
import { isSettingKey, SETTINGS_SCHEMA, type SettingKey } from './schema';
import { jsonTypeOf, validateSettingValue, type SettingProblem } from './validate';

export interface PolicyEntry {
  value: unknown;
  /** Locked: the agent cannot change it. Not locked: a default the agent may override. */
  locked: boolean;
  /** The admin's explanation, shown next to the lock. */
  reason: string | null;
}

export interface PolicyProblem {
  key: string;
  problem: SettingProblem;
}

export interface ParsedPolicy {
  entries: Partial<Record<SettingKey, PolicyEntry>>;
  problems: PolicyProblem[];
}

export const EMPTY_POLICY: ParsedPolicy = { entries: {}, problems: [] };

const MAX_REASON_LENGTH = 500;

/** Parses the whole managed-storage object. */
export function parsePolicy(raw: unknown): ParsedPolicy {
  const parsed: ParsedPolicy = { entries: {}, problems: [] };
  if (raw === null || raw === undefined) return parsed;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    parsed.problems.push({ key: '*', problem: { code: 'wrong-type', params: { expected: 'object', actual: jsonTypeOf(raw) } } });
    return parsed;
  }
  for (const [key, entry] of Object.entries(raw as Record<string, unknown>)) {
    if (!isSettingKey(key)) {
      parsed.problems.push({ key, problem: { code: 'unknown-setting', params: { key } } });
      continue;
    }
    const envelope = entry as { value?: unknown; locked?: unknown; reason?: unknown } | null;
    if (
      typeof envelope !== 'object' ||
      envelope === null ||
      Array.isArray(envelope) ||
      !('value' in envelope) ||
      (envelope.locked !== undefined && typeof envelope.locked !== 'boolean') ||
      (envelope.reason !== undefined && typeof envelope.reason !== 'string')
    ) {
      parsed.problems.push({ key, problem: { code: 'bad-policy-entry', params: { key } } });
      continue;
    }
    const checked = validateSettingValue(SETTINGS_SCHEMA[key], envelope.value);
    if (!checked.ok) {
      parsed.problems.push({ key, problem: checked.problem });
      continue;
    }
    const reason = typeof envelope.reason === 'string' && envelope.reason.trim() !== '' ? envelope.reason.trim().slice(0, MAX_REASON_LENGTH) : null;
    parsed.entries[key] = { value: checked.value, locked: envelope.locked === true, reason };
  }
  return parsed;
}

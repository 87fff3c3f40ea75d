// Settings resolution: for each setting, a locked policy value wins, then the agent's own choice, then the
// policy's default, then the built-in default. Also says where each value came from and whether the agent
// may change it, for the options page and the panel.
import type { ParsedPolicy, PolicyProblem } from './policy';
import { builtInDefaults, SETTING_KEYS, SETTINGS_SCHEMA, type SettingKey, type Settings } from './schema';
import { validateSettingValue } from './validate';

export type SettingSource = 'built-in' | 'agent' | 'admin-default' | 'admin-locked';

/** Settings the agent may only change while `phone.agentMayChangeType` is true. */
const PHONE_TYPE_KEYS: readonly SettingKey[] = ['phone.type', 'phone.deskPhoneNumber'];

export interface ResolvedSettings {
  values: Settings;
  sources: Record<SettingKey, SettingSource>;
  /** Whether the agent may change each setting now. */
  editable: Record<SettingKey, boolean>;
  /** The admin's reason for each locked setting that has one. */
  lockReasons: Partial<Record<SettingKey, string>>;
  /** Policy entries that were left out, and why. */
  policyProblems: PolicyProblem[];
  /** Stored agent choices that no longer fit the schema (left out). */
  agentProblems: PolicyProblem[];
}

/** Resolves every setting from the parsed policy and the agent's stored choices (an object, possibly bad). */
export function resolveSettings(policy: ParsedPolicy, storedChoices: unknown): ResolvedSettings {
  const values = builtInDefaults() as Record<SettingKey, unknown>;
  const sources = {} as Record<SettingKey, SettingSource>;
  const editable = {} as Record<SettingKey, boolean>;
  const lockReasons: Partial<Record<SettingKey, string>> = {};
  const agentProblems: PolicyProblem[] = [];
  const choices = typeof storedChoices === 'object' && storedChoices !== null && !Array.isArray(storedChoices) ? (storedChoices as Record<string, unknown>) : {};

  // Locks on phone type depend on another setting, so resolve that one first.
  const ordered = ['phone.agentMayChangeType', ...SETTING_KEYS.filter((key) => key !== 'phone.agentMayChangeType')] as SettingKey[];
  for (const key of ordered) {
    const definition = SETTINGS_SCHEMA[key];
    const entry = policy.entries[key];
    const typeLocked = PHONE_TYPE_KEYS.includes(key) && values['phone.agentMayChangeType'] === false;
    const agentMay = definition.agentEditable && !entry?.locked && !typeLocked;
    editable[key] = agentMay;
    if (entry?.locked) {
      values[key] = structuredClone(entry.value);
      sources[key] = 'admin-locked';
      if (entry.reason) lockReasons[key] = entry.reason;
      continue;
    }
    if (agentMay && Object.hasOwn(choices, key)) {
      const checked = validateSettingValue(definition, choices[key]);
      if (checked.ok) {
        values[key] = checked.value;
        sources[key] = 'agent';
        continue;
      }
      agentProblems.push({ key, problem: checked.problem });
    }
    if (entry) {
      values[key] = structuredClone(entry.value);
      sources[key] = 'admin-default';
      continue;
    }
    sources[key] = 'built-in';
  }
  return { values: values as Settings, sources, editable, lockReasons, policyProblems: policy.problems, agentProblems };
}

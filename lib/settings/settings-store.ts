// The settings at run time, for every part of the extension (worker, panel, options page, content scripts):
// reads the admin's policy (storage.managed) and the agent's choices (storage.local), resolves them
// (resolve.ts), follows changes to either live, and writes agent choices after checking them.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { EMPTY_POLICY, parsePolicy } from './policy';
import { resolveSettings, type ResolvedSettings } from './resolve';
import { SETTINGS_SCHEMA, type SettingKey, type Settings } from './schema';
import { validateSettingValue, type SettingProblem } from './validate';

/** The agent's own choices, by setting key (values are checked again whenever they are read). */
export const agentChoicesItem = storage.defineItem<Record<string, unknown>>('local:settings.agentChoices', { fallback: {} });

/** The storage.local key behind agentChoicesItem. */
export const AGENT_CHOICES_STORAGE_KEY = 'settings.agentChoices';

/** The policy as the browser gives it; {} when there is none or the browser has no managed storage (Firefox
 *  without a policies.json entry throws). */
export async function readManagedPolicy(): Promise<unknown> {
  try {
    return (await browser.storage.managed.get(null)) as unknown;
  } catch {
    return {};
  }
}

/** The effective settings now. */
export async function loadSettings(): Promise<ResolvedSettings> {
  const [managed, choices] = await Promise.all([readManagedPolicy(), agentChoicesItem.getValue()]);
  return resolveSettings(managed ? parsePolicy(managed) : EMPTY_POLICY, choices);
}

/** One setting's effective value. */
export async function getSetting<K extends SettingKey>(key: K): Promise<Settings[K]> {
  return (await loadSettings()).values[key];
}

/**
 * Calls `listener` with the new effective settings whenever the policy or the agent's choices change (an admin
 * pushing a new policy applies at once, without reinstalling). Returns the function that stops listening.
 */
export function watchSettings(listener: (settings: ResolvedSettings) => void): () => void {
  let generation = 0;
  const onChanged = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName !== 'managed' && !(areaName === 'local' && AGENT_CHOICES_STORAGE_KEY in changes)) return;
    const mine = ++generation;
    void loadSettings().then((settings) => {
      // Two changes in a row: only the newest reading is reported.
      if (mine === generation) listener(settings);
    });
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

export type SetChoiceResult = { ok: true } | { ok: false; problem: SettingProblem };

/** Stores the agent's choice for `key`, after checking that the agent may change it and that it is valid. */
export async function setAgentChoice(key: SettingKey, value: unknown): Promise<SetChoiceResult> {
  const current = await loadSettings();
  if (!current.editable[key]) {
    return { ok: false, problem: { code: current.sources[key] === 'admin-locked' ? 'locked' : 'not-agent-editable', params: { key } } };
  }
  const checked = validateSettingValue(SETTINGS_SCHEMA[key], value);
  if (!checked.ok) return checked;
  const choices = { ...(await agentChoicesItem.getValue()), [key]: checked.value };
  await agentChoicesItem.setValue(choices);
  return { ok: true };
}

/** Forgets the agent's choice for `key` (the admin's default or the built-in one applies again). */
export async function clearAgentChoice(key: SettingKey): Promise<void> {
  const choices = { ...(await agentChoicesItem.getValue()) };
  if (!Object.hasOwn(choices, key)) return;
  delete choices[key];
  await agentChoicesItem.setValue(choices);
}

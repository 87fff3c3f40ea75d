// The settings at run time, for every part of the extension (worker, panel, options page, content scripts):
// reads the admin's policy (storage.managed) and the agent's choices (storage.local), resolves them
// (resolve.ts), follows changes to either live, and writes agent choices after checking them.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { EMPTY_POLICY, parsePolicy } from './policy';
import { resolveSettings, type ResolvedSettings } from './resolve';
import { SETTINGS_SCHEMA, type SettingKey, type Settings } from './schema';
import { validateSettingValue, type SettingProblem } from './validate';

/** The storage.local key behind agentChoicesItem. */
export const AGENT_CHOICES_STORAGE_KEY = 'settings.agentChoices';

/** The agent's own choices, by setting key (values are checked again whenever they are read). */
export const agentChoicesItem = storage.defineItem<Record<string, unknown>>(`local:${AGENT_CHOICES_STORAGE_KEY}`, { fallback: {} });

/** The storage.local key behind policyCacheItem. */
export const POLICY_CACHE_STORAGE_KEY = 'settings.policyCache';

/** The last policy read from managed storage, kept in storage.local: Chrome answers the first managed-storage
 *  read of a browser session only once its policy service is up (2-4 s measured here, more on busy machines),
 *  and sometimes never (seen here with two browsers starting at once; reported for Chrome and Edge too). Until
 *  it answers, the policy last seen applies. */
export const policyCacheItem = storage.defineItem<unknown>(`local:${POLICY_CACHE_STORAGE_KEY}`, { fallback: {} });

/** How long a reading waits for managed storage before using the cached policy. */
export const MANAGED_READ_WAIT_MS = 1000;

/** The managed-storage read in progress (one at a time: a hanging read is not started again and again). */
let managedRead: Promise<unknown> | null = null;

function startManagedRead(): Promise<unknown> {
  managedRead ??= browser.storage.managed
    .get(null)
    .then(async (policy: unknown) => {
      managedRead = null;
      // Keep the cache current; the write tells every context's watchSettings if the policy changed.
      if (JSON.stringify(policy) !== JSON.stringify(await policyCacheItem.getValue())) await policyCacheItem.setValue(policy);
      return policy;
    })
    // Firefox without a policies.json entry (or a browser without managed storage) throws: no policy.
    .catch(() => {
      managedRead = null;
      return {};
    });
  return managedRead;
}

/** The policy: managed storage's answer when it comes in time, else the policy last seen (the late answer
 *  then updates the cache, which watchers follow). */
export async function readManagedPolicy(): Promise<unknown> {
  const timedOut = Symbol('timed out');
  const answer = await Promise.race([startManagedRead(), new Promise((resolve) => setTimeout(() => resolve(timedOut), MANAGED_READ_WAIT_MS))]);
  return answer === timedOut ? policyCacheItem.getValue() : answer;
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
 * pushing a new policy applies at once, without reinstalling), and once at the start when `now` is set.
 * Readings can finish out of order (the first policy read after the browser starts is slow): an older reading
 * is never reported after a newer one. Returns the function that stops listening.
 */
export function watchSettings(listener: (settings: ResolvedSettings) => void, { now = false }: { now?: boolean } = {}): () => void {
  let requested = 0;
  let reported = 0;
  const read = () => {
    const mine = ++requested;
    void loadSettings().then((settings) => {
      if (mine < reported) return;
      reported = mine;
      listener(settings);
    });
  };
  // The areas' own events, not storage.onChanged: that one also carries every storage.session write (the worker
  // keeps the session and the chats' transcripts there), each one copied into every page listening to it.
  const onLocalChanged = (changes: Record<string, unknown>) => {
    if (AGENT_CHOICES_STORAGE_KEY in changes || POLICY_CACHE_STORAGE_KEY in changes) read();
  };
  const onManagedChanged = () => read();
  // Firefox reads policies once a session and may have no event for them.
  const managedChanges = browser.storage.managed?.onChanged;
  browser.storage.local.onChanged.addListener(onLocalChanged);
  managedChanges?.addListener(onManagedChanged);
  if (now) read();
  return () => {
    browser.storage.local.onChanged.removeListener(onLocalChanged);
    managedChanges?.removeListener(onManagedChanged);
  };
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

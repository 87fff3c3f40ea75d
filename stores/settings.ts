// Pinia store of the effective settings for the extension's pages (panel, options page): the resolved values,
// where each comes from and whether the agent may change it, kept current as the policy or the agent's choices
// change; and the agent's edits, checked and refused with a reason when not allowed.
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { resolveSettings, type ResolvedSettings } from '@/lib/settings/resolve';
import { EMPTY_POLICY } from '@/lib/settings/policy';
import type { SettingKey, Settings } from '@/lib/settings/schema';
import { clearAgentChoice, loadSettings, setAgentChoice, watchSettings, type SetChoiceResult } from '@/lib/settings/settings-store';

export const useSettingsStore = defineStore('settings', () => {
  // Until loaded: the built-in defaults, everything editable as the schema says.
  const resolved = shallowRef<ResolvedSettings>(resolveSettings(EMPTY_POLICY, {}));
  const loaded = shallowRef(false);
  let stopWatching: (() => void) | null = null;

  // Readings can finish out of order (the first policy read after the browser starts takes seconds): each
  // reading has a number, and an older one never replaces a newer one.
  let requested = 0;
  let applied = 0;
  async function read(): Promise<void> {
    const mine = ++requested;
    const settings = await loadSettings();
    if (mine < applied) return;
    applied = mine;
    resolved.value = settings;
  }

  async function load(): Promise<void> {
    stopWatching?.();
    stopWatching = watchSettings(() => void read());
    await read();
    loaded.value = true;
  }

  function value<K extends SettingKey>(key: K): Settings[K] {
    return resolved.value.values[key];
  }

  async function choose(key: SettingKey, next: unknown): Promise<SetChoiceResult> {
    const result = await setAgentChoice(key, next);
    if (result.ok) await read();
    return result;
  }

  async function reset(key: SettingKey): Promise<void> {
    await clearAgentChoice(key);
    await read();
  }

  return {
    resolved: computed(() => resolved.value),
    loaded: computed(() => loaded.value),
    load,
    value,
    isEditable: (key: SettingKey) => resolved.value.editable[key],
    isLocked: (key: SettingKey) => resolved.value.sources[key] === 'admin-locked',
    choose,
    reset,
  };
});

// Pinia store of the panel's own preferences: the UI language (the `ui.language` setting, through the settings
// store, so an admin can preset or lock it) and the country the number pad dials in (storage.local). Nothing
// here is session state: the worker never reads it.

import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { storage } from 'wxt/utils/storage';
import { defaultDialCountry } from '@/lib/phone/dialable-countries';
import { toCountryCode } from '@/lib/phone/phone-number';
import { isUiLanguage, languageFromTag, type UiLanguage } from '@/locales/i18n';
import { useSettingsStore } from './settings';

/** The country the number pad dials in, as the agent last picked it (ISO code); null: the instance's first. */
export const dialCountryItem = storage.defineItem<string | null>('local:panel.dialCountry', { fallback: null, version: 1 });

export const usePreferencesStore = defineStore('preferences', () => {
  const settings = useSettingsStore();
  /** The language the settings name; null: 'auto' (the instance's language, then the browser's). */
  const chosenLanguage = computed<UiLanguage | null>(() => {
    const language = settings.value('ui.language');
    return isUiLanguage(language) ? language : null;
  });
  const chosenDialCountry = ref<string | null>(null);
  const loaded = ref(false);
  let unwatch: (() => void)[] = [];

  /** Reads the stored preferences and follows changes made in another panel window. */
  async function load(): Promise<void> {
    const [, country] = await Promise.all([settings.load(), dialCountryItem.getValue()]);
    chosenDialCountry.value = toCountryCode(country);
    loaded.value = true;
    for (const stop of unwatch) stop();
    unwatch = [
      dialCountryItem.watch((value) => {
        chosenDialCountry.value = toCountryCode(value);
      }),
    ];
  }

  /** Stores the agent's language; false when the admin locked it. */
  async function setLanguage(language: UiLanguage): Promise<boolean> {
    return (await settings.choose('ui.language', language)).ok;
  }

  async function setDialCountry(country: string): Promise<void> {
    const code = toCountryCode(country);
    if (!code) return;
    chosenDialCountry.value = code;
    await dialCountryItem.setValue(code);
  }

  /**
   * The language the panel shows: the agent's choice here, else the agent's language on the instance
   * (ja_JP -> ja), else the browser's, else English.
   */
  function effectiveLanguage(instanceLanguage: string | null | undefined, browserLanguage: string): UiLanguage {
    return chosenLanguage.value ?? languageFromTag(instanceLanguage) ?? languageFromTag(browserLanguage) ?? 'en';
  }

  /** The country the number pad dials in and numbers are formatted for. */
  function effectiveDialCountry(instanceCountries: readonly string[] | null | undefined, browserLanguage: string): string {
    const chosen = chosenDialCountry.value;
    const allowed = instanceCountries?.map((c) => c.toUpperCase());
    if (chosen && (!allowed || allowed.length === 0 || allowed.includes(chosen))) return chosen;
    return defaultDialCountry(instanceCountries, browserLanguage);
  }

  return {
    chosenLanguage,
    /** Whether the agent may change the language (the admin may lock it). */
    languageEditable: computed(() => settings.isEditable('ui.language')),
    chosenDialCountry: computed(() => chosenDialCountry.value),
    loaded,
    load,
    setLanguage,
    setDialCountry,
    effectiveLanguage,
    effectiveDialCountry,
  };
});

// Pinia store of the panel's own preferences (UI language, the country numbers are dialed in), kept in
// storage.local so they survive closing the panel and restarting the browser. Nothing here is session state:
// the worker never reads it.

import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { storage } from 'wxt/utils/storage';
import { defaultDialCountry } from '@/lib/phone/dialable-countries';
import { toCountryCode } from '@/lib/phone/phone-number';
import { isUiLanguage, languageFromTag, type UiLanguage } from '@/locales/i18n';

/** The UI language the agent chose in the panel; null: follow the instance's language, then the browser's. */
export const uiLanguageItem = storage.defineItem<UiLanguage | null>('local:panel.uiLanguage', { fallback: null, version: 1 });

/** The country the number pad dials in, as the agent last picked it (ISO code); null: the instance's first. */
export const dialCountryItem = storage.defineItem<string | null>('local:panel.dialCountry', { fallback: null, version: 1 });

export const usePreferencesStore = defineStore('preferences', () => {
  const chosenLanguage = ref<UiLanguage | null>(null);
  const chosenDialCountry = ref<string | null>(null);
  const loaded = ref(false);
  let unwatch: (() => void)[] = [];

  /** Reads the stored preferences and follows changes made in another panel window. */
  async function load(): Promise<void> {
    const [language, country] = await Promise.all([uiLanguageItem.getValue(), dialCountryItem.getValue()]);
    chosenLanguage.value = isUiLanguage(language) ? language : null;
    chosenDialCountry.value = toCountryCode(country);
    loaded.value = true;
    for (const stop of unwatch) stop();
    unwatch = [
      uiLanguageItem.watch((value) => {
        chosenLanguage.value = isUiLanguage(value) ? value : null;
      }),
      dialCountryItem.watch((value) => {
        chosenDialCountry.value = toCountryCode(value);
      }),
    ];
  }

  async function setLanguage(language: UiLanguage): Promise<void> {
    chosenLanguage.value = language;
    await uiLanguageItem.setValue(language);
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
    chosenLanguage: computed(() => chosenLanguage.value),
    chosenDialCountry: computed(() => chosenDialCountry.value),
    loaded,
    load,
    setLanguage,
    setDialCountry,
    effectiveLanguage,
    effectiveDialCountry,
  };
});

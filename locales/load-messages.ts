// Loads a UI language's messages on demand (each locale is its own chunk, so a page parses only the language it
// shows), switches a page's vue-i18n to a language once its messages are in, and remembers the language shown
// so that the next page starts loading the right one at once.

import { useI18n } from 'vue-i18n';
import { loadOnce } from '@/lib/load-once';
import { languageFromTag, type MessageSchema, type UiLanguage } from './i18n';

/** Each language's messages; one fetch however often asked, tried again after a failed one. */
const LOADERS: Record<UiLanguage, () => Promise<MessageSchema>> = {
  en: loadOnce(() => import('./en.json').then((module) => module.default)),
  ja: loadOnce(() => import('./ja.json').then((module) => module.default as MessageSchema)),
};

/** The language's messages. */
export const loadMessages = (language: UiLanguage): Promise<MessageSchema> => LOADERS[language]();

const SHOWN_LANGUAGE_KEY = 'switchboard.panel.language';

/** The language the last page showed (localStorage), else the browser's, else English. */
export function likelyLanguage(): UiLanguage {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(SHOWN_LANGUAGE_KEY);
  } catch {
    // Storage can be unavailable (a locked-down profile): the browser's language is the guess then.
  }
  return languageFromTag(remembered) ?? languageFromTag(navigator.language) ?? 'en';
}

function rememberLanguage(language: UiLanguage): void {
  try {
    localStorage.setItem(SHOWN_LANGUAGE_KEY, language);
  } catch {
    // See likelyLanguage.
  }
}

/**
 * For a page's root component: returns `show(language)`, which switches the page to `language` (at once when its
 * messages are in, else once they are loaded; meanwhile the page stays in the language it shows), sets the
 * document's `lang`, and remembers it. Of several calls, the last one wins. A failed load keeps the language
 * shown and is retried on the next call.
 */
export function useLanguageSwitch(): (language: UiLanguage) => Promise<void> {
  const composer = useI18n();
  const loaded = (language: UiLanguage) => composer.availableLocales.includes(language);
  let wanted: UiLanguage | null = null;
  const apply = (language: UiLanguage) => {
    composer.locale.value = language;
    document.documentElement.lang = language;
    rememberLanguage(language);
  };
  return async (language) => {
    wanted = language;
    if (loaded(language)) return apply(language);
    try {
      const messages = await loadMessages(language);
      if (!loaded(language)) composer.setLocaleMessage(language, messages);
    } catch {
      return;
    }
    if (wanted === language) apply(language);
  };
}

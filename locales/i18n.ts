// The panel's translations: vue-i18n (Composition API mode) over locales/en.json and locales/ja.json. English
// is the reference: its keys are the message schema, and Japanese must have every one of them.

import { createI18n } from 'vue-i18n';
import en from './en.json';
import ja from './ja.json';

export type MessageSchema = typeof en;
export type UiLanguage = 'en' | 'ja';

export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'ja'];

export const isUiLanguage = (value: unknown): value is UiLanguage => value === 'en' || value === 'ja';

/** The UI language for a language tag such as 'ja_JP' (Amazon Connect) or 'ja-JP' (browsers); null if unsupported. */
export function languageFromTag(tag: string | null | undefined): UiLanguage | null {
  const primary = tag?.split(/[-_]/)[0]?.toLowerCase();
  return isUiLanguage(primary) ? primary : null;
}

export function createPanelI18n(language: UiLanguage = 'en') {
  return createI18n<[MessageSchema], UiLanguage, false>({
    legacy: false,
    locale: language,
    fallbackLocale: 'en',
    messages: { en, ja },
    // A missing key is a bug the locale test catches; at run time show the English text instead of warning.
    missingWarn: false,
    fallbackWarn: false,
  });
}

export type PanelI18n = ReturnType<typeof createPanelI18n>;

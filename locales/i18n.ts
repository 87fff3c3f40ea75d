// The panel's translations: vue-i18n (Composition API mode) over locales/en.json and locales/ja.json. English
// is the reference: its keys are the message schema, and Japanese must have every one of them. Pages load only
// the language they show (locales/load-messages.ts); tests take both at once (locales/bundled-i18n.ts).

import { createI18n } from 'vue-i18n';
import type en from './en.json';

export type MessageSchema = typeof en;
export type UiLanguage = 'en' | 'ja';

export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'ja'];

export const isUiLanguage = (value: unknown): value is UiLanguage => value === 'en' || value === 'ja';

/** The UI language for a language tag such as 'ja_JP' (Amazon Connect) or 'ja-JP' (browsers); null if unsupported. */
export function languageFromTag(tag: string | null | undefined): UiLanguage | null {
  const primary = tag?.split(/[-_]/)[0]?.toLowerCase();
  return isUiLanguage(primary) ? primary : null;
}

/** vue-i18n showing `language`, with the messages of the languages given (at least that one). */
export function createI18nWith(language: UiLanguage, messages: Partial<Record<UiLanguage, MessageSchema>>) {
  return createI18n<[MessageSchema], UiLanguage, false>({
    legacy: false,
    locale: language,
    fallbackLocale: 'en',
    messages: messages as Record<UiLanguage, MessageSchema>,
    // A missing key is a bug the locale test catches; at run time show the English text instead of warning.
    missingWarn: false,
    fallbackWarn: false,
  });
}

export type PanelI18n = ReturnType<typeof createI18nWith>;

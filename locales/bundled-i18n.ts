// vue-i18n with both languages bundled in, for component tests (and anything that must switch languages without
// waiting). Extension pages do not use it: they load only the language they show (locales/load-messages.ts).

import en from './en.json';
import { createI18nWith, type UiLanguage } from './i18n';
import ja from './ja.json';

export function createPanelI18n(language: UiLanguage = 'en') {
  return createI18nWith(language, { en, ja });
}

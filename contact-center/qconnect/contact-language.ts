// Which language's articles suit a customer's words: Japanese when the words have kana or kanji; otherwise the
// contact's own language attribute when it has one (language, Language, locale, customerLanguage, … with a value
// such as "ja", "ja-JP" or "en_US"; a Japanese customer may type "Wi-Fi"), else English.
import type { ArticleLanguage } from '../knowledge/knowledge-types';

const LANGUAGE_ATTRIBUTE = /^(language|lang|locale|customer_?language|preferred_?language)$/i;
const JAPANESE_SCRIPT = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]/;

function languageOfTag(value: string): ArticleLanguage | null {
  const tag = value.trim().toLowerCase();
  if (/^(ja|jpn|japanese|日本語)([-_].*)?$/.test(tag)) return 'ja';
  if (/^(en|eng|english|英語)([-_].*)?$/.test(tag)) return 'en';
  return null;
}

/** Whether an attribute's name says it holds the contact's language. */
export const isLanguageAttribute = (key: string): boolean => LANGUAGE_ATTRIBUTE.test(key.replace(/[-\s]/g, '_'));

/** The language a contact's attributes name, or null when none does. */
export function languageOfAttributes(attributes: Readonly<Record<string, string>>): ArticleLanguage | null {
  for (const [key, value] of Object.entries(attributes)) {
    if (isLanguageAttribute(key)) {
      const language = languageOfTag(value);
      if (language !== null) return language;
    }
  }
  return null;
}

/** Japanese when the text has kana or kanji; otherwise null (Latin script alone does not rule Japanese out). */
export function japaneseOrNull(text: string): ArticleLanguage | null {
  return JAPANESE_SCRIPT.test(text) ? 'ja' : null;
}

/** The language to match a customer's words in: their script when Japanese, else the contact's attribute, else English. */
export function languageForWords(text: string, attributes: Readonly<Record<string, string>>): ArticleLanguage {
  return japaneseOrNull(text) ?? languageOfAttributes(attributes) ?? 'en';
}

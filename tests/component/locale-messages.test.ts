// Tests of the panel's locale files: Japanese has every English message with the same placeholders, every
// message compiles in vue-i18n, and every message key the components name literally exists.
import { describe, expect, it } from 'vitest';
import en from '@/locales/en.json';
import ja from '@/locales/ja.json';
import { createPanelI18n } from '@/locales/bundled-i18n';

type Messages = { [key: string]: string | Messages };

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [k, v] of flatten(value, path)) flat.set(k, v);
  }
  return flat;
}

const english = flatten(en);
const japanese = flatten(ja);
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const sources = import.meta.glob<string>(['/components/**/*.vue', '/components/**/*.ts'], { query: '?raw', import: 'default', eager: true });

describe('locale files', () => {
  it('has a Japanese message for every English one, and no other', () => {
    expect([...japanese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, message] of english) {
      expect({ key, placeholders: placeholders(japanese.get(key) ?? '') }).toEqual({ key, placeholders: placeholders(message) });
    }
  });

  it('has no message left untranslated in Japanese except names that stay as they are', () => {
    const sameOnPurpose = new Set(['app.name', 'languages.en', 'languages.ja', 'options.values.en', 'options.values.ja']);
    // A message of punctuation only (the dash for a missing value) has nothing to translate.
    const hasWords = (message: string) => /[\p{L}\p{N}]/u.test(message);
    const untranslated = [...english].filter(([key, message]) => !sameOnPurpose.has(key) && hasWords(message) && japanese.get(key) === message).map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('compiles every message in both languages', () => {
    const i18n = createPanelI18n('en');
    for (const language of ['en', 'ja'] as const) {
      i18n.global.locale.value = language;
      for (const key of english.keys()) {
        const params = Object.fromEntries(placeholders(english.get(key) ?? '').map((p) => [p, `<${p}>`]));
        const text = i18n.global.t(key, params);
        expect(text, key).not.toBe(key);
        for (const name of Object.keys(params)) expect(text, key).toContain(`<${name}>`);
      }
    }
  });

  it('defines every message key the components name', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    const used = new Set<string>();
    for (const source of Object.values(sources)) {
      for (const match of source.matchAll(/\bte?\(\s*'([a-zA-Z][\w.-]*)'/g)) used.add(match[1] as string);
      for (const match of source.matchAll(/label: '([a-zA-Z][\w.-]*\.[\w.-]+)'/g)) used.add(match[1] as string);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !english.has(key))).toEqual([]);
  });
});

// Tests for the knowledge search's tokeniser: English (stop words, stemming, hyphenated words) and Japanese
// (Intl.Segmenter words, particles and auxiliaries dropped, katakana and verb forms brought together), offsets.

import { describe, expect, it } from 'vitest';
import { detectLanguage, termOf, tokenize } from '../../../contact-center/knowledge/text-tokens';

const terms = (text: string) => tokenize(text).map((token) => token.term);
const surfaces = (text: string) => tokenize(text).map((token) => token.surface);

describe('English', () => {
  it('drops stop words, lower-cases and stems', () => {
    expect(terms('My router keeps dropping the connection')).toEqual(['router', 'keep', 'drop', 'connect']);
    expect(surfaces('My router keeps dropping the connection')).toEqual(['router', 'keeps', 'dropping', 'connection']);
  });

  it('brings the forms of a word together', () => {
    expect(termOf('disconnects')).toBe(termOf('disconnected'));
    expect(termOf('Charges')).toBe(termOf('charged'));
    expect(termOf('refunding')).toBe(termOf('refund'));
  });

  it("drops contractions and keeps possessives' word", () => {
    expect(terms("I can't open my account's page")).toEqual(['open', 'account', 'page']);
  });

  it('gives a hyphenated word its parts and its joined form', () => {
    expect(terms('Wi-Fi is slow')).toEqual(['wi', 'wifi', 'fi', 'slow']);
    expect(terms('wifi')).toEqual(['wifi']);
  });

  it('reads full-width Latin as Latin', () => {
    expect(terms('ＲＯＵＴＥＲ')).toEqual(['router']);
  });

  it('keeps numbers and drops single letters', () => {
    expect(terms('error 651 on port b')).toEqual(['error', '651', 'port']);
  });
});

describe('Japanese', () => {
  it('splits 「ルーターの接続が頻繁に切れる」 into its meaningful words', () => {
    const tokens = tokenize('ルーターの接続が頻繁に切れる');
    expect(tokens.map((token) => token.surface)).toEqual(['ルーター', '接続', '頻繁', '切れる']);
    // Particles の, が, に are gone; the katakana word the dictionary splits (ルー|ター) is whole again.
    expect(tokens.map((token) => token.term)).toEqual(['ルータ', '接続', '頻繁', '切']);
  });

  it('meets the forms of a verb at its kanji stem', () => {
    expect(terms('接続が切れます')).toEqual(['接続', '切']);
    expect(terms('すぐに切れてしまう')).toEqual(['切']);
    expect(terms('繋がらない')).toEqual(terms('繋がります'));
    expect(terms('速度が遅くなった')).toEqual(['速度', '遅']);
  });

  it('meets kana-only verbs at their stem', () => {
    expect(terms('つながらない')).toEqual(terms('つながりません'));
  });

  it('drops particles, auxiliaries and polite phrasing', () => {
    expect(terms('パスワードを忘れました。教えてください。お願いします')).toEqual(['パスワード', '忘']);
    expect(terms('住所を変更したいです')).toEqual(['住所', '変更']);
  });

  it('matches ルーター and ルータ, full-width and half-width katakana', () => {
    expect(termOf('ルーター')).toBe('ルータ');
    expect(terms('ﾙｰﾀｰ')).toEqual(['ルータ']);
  });

  it('gives single-kanji pieces their joined word too', () => {
    expect(terms('請求書')).toEqual(expect.arrayContaining(['請求', '請求書']));
  });

  it('tokenises mixed Japanese and English', () => {
    expect(terms('Wi-Fiがつながらない')).toEqual(['wi', 'wifi', 'fi', 'つなが']);
  });
});

describe('offsets', () => {
  it('are UTF-16 offsets of the words as written', () => {
    for (const text of ['ルーターの接続が頻繁に切れる', 'My 🛜 router keeps dropping', '𠮷野家のWi-Fiが切れる']) {
      for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.surface);
    }
  });
});

describe('detectLanguage', () => {
  it('takes kana or kanji for Japanese, anything else for English', () => {
    expect(detectLanguage('router keeps dropping')).toBe('en');
    expect(detectLanguage('ルーター')).toBe('ja');
    expect(detectLanguage('接続')).toBe('ja');
    expect(detectLanguage('my ルーター')).toBe('ja');
  });
});

// Tokenisation of the knowledge base's text and queries, English and Japanese alike: the words of a text with
// their search term (the form both index and query use) and where they stand (UTF-16 offsets, for highlights).
// Words come from Intl.Segmenter('ja', { granularity: 'word' }) (ICU's dictionary segmentation for Japanese,
// Unicode word boundaries for the rest); then, per word:
//   - Latin: NFKC, lower case, stop words dropped, Porter-stemmed (`stemmer`): "dropping" → "drop";
//     hyphenated words also give their joined form ("Wi-Fi" → "wi", "fi", "wifi").
//   - Japanese: katakana runs the dictionary split are joined ("ルー|ター" → "ルーター"), a long katakana word's final
//     "ー" is dropped (ルーター and ルータ match); particles and auxiliaries are dropped; a word starting in kanji loses
//     its trailing kana (okurigana), and kana the dictionary split off right after kanji are dropped, so the forms of
//     a verb meet: 切れる, 切れ(ます), 切れ(て) → "切"; a kana-only word loses its last kana (つながら, つながり → つなが);
//     single-kanji pieces also give the joined word (間|違 → 間違).

import { stemmer } from 'stemmer';
import type { ArticleLanguage } from './knowledge-types';
import { ENGLISH_STOP_WORDS, JAPANESE_STOP_WORDS } from './stop-words';

/** One searchable word of a text. */
export interface TextToken {
  /** The search term (normalised, stemmed). */
  term: string;
  /** The word as written. */
  surface: string;
  /** UTF-16 offsets in the text, end exclusive. */
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

const JAPANESE_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const KATAKANA_WORD = /^[\p{Script=Katakana}ー・]+$/u; // ー is Common script, not Katakana
const HIRAGANA_WORD = /^[\p{Script=Hiragana}ー]+$/u;
const STARTS_WITH_KANJI = /^[\p{Script=Han}々]/u;
const TRAILING_KANA = /[\p{Script=Hiragana}]+$/u;
const LATIN_OR_DIGIT = /^[\p{Script=Latin}\p{Nd}'’._]+$/u;

interface RawWord {
  text: string;
  start: number;
  end: number;
  /** Hiragana right after a word ending in kanji: the okurigana or inflection of that word (遅|く, 届|き, 変|えたい). */
  inflection: boolean;
  /** An inflection that the next kana continues: after a one-kanji verb or adjective stem (繋|が|ら|ない, 遅|く|な|っ|た). */
  continues: boolean;
}

const KANJI_WORD = /^[\p{Script=Han}々]+$/u;
const ENDS_WITH_KANJI = /[\p{Script=Han}々]$/u;
/** Single kana that are words by themselves (particles); any other lone kana is a piece the dictionary split off. */
const LONE_PARTICLES = new Set(['の', 'が', 'を', 'に', 'は', 'で', 'と', 'も', 'へ', 'や', 'か', 'ね', 'よ', 'な', 'わ', 'ぞ', 'さ', 'し', 'て', 'た', 'い', 'う', 'る']);

/** The word-like segments, with what the dictionary split wrongly joined again: katakana runs (ルー|ター) and a lone
 *  kana with the kana after it (つ|ながら). */
function rawWords(text: string): RawWord[] {
  const words: RawWord[] = [];
  for (const segment of segmenter.segment(text)) {
    if (!segment.isWordLike) continue;
    const start = segment.index;
    const end = start + segment.segment.length;
    const previous = words[words.length - 1];
    const adjacent = previous !== undefined && previous.end === start;
    const normalised = segment.segment.normalize('NFKC');
    if (adjacent && KATAKANA_WORD.test(previous.text.normalize('NFKC')) && KATAKANA_WORD.test(normalised)) {
      previous.text += segment.segment;
      previous.end = end;
      continue;
    }
    const hiragana = HIRAGANA_WORD.test(normalised);
    if (adjacent && hiragana && !previous.inflection && previous.text.length === 1 && HIRAGANA_WORD.test(previous.text) && !LONE_PARTICLES.has(previous.text)) {
      previous.text += segment.segment;
      previous.end = end;
      continue;
    }
    const inflection = adjacent && hiragana && (ENDS_WITH_KANJI.test(previous.text) || previous.continues);
    const continues = inflection && ((previous.text.length === 1 && KANJI_WORD.test(previous.text)) || previous.continues);
    words.push({ text: segment.segment, start, end, inflection, continues });
  }
  return words;
}

function latinTerm(normalised: string): string | null {
  const word = normalised.replace(/[’]/g, "'").replace(/^[._']+|[._']+$/g, '');
  if (word === '' || ENGLISH_STOP_WORDS.has(word)) return null;
  const bare = word.replace(/'s$/, '').replace(/'/g, '');
  if (ENGLISH_STOP_WORDS.has(bare)) return null;
  if (/^\p{Nd}+$/u.test(bare)) return bare;
  if (bare.length < 2) return null;
  return /^[a-z]+$/.test(bare) ? stemmer(bare) : bare;
}

function japaneseTerm(normalised: string): string | null {
  if (JAPANESE_STOP_WORDS.has(normalised)) return null;
  if (HIRAGANA_WORD.test(normalised)) {
    // A word in kana only (つながら, つながり, つながっ): its last kana is the conjugation, so drop it.
    if (normalised.length < 3) return null;
    const stem = normalised.slice(0, -1);
    return JAPANESE_STOP_WORDS.has(stem) ? null : stem;
  }
  if (KATAKANA_WORD.test(normalised)) return normalised.length > 3 ? normalised.replace(/ー+$/u, '') : normalised;
  if (STARTS_WITH_KANJI.test(normalised)) {
    const stem = normalised.replace(TRAILING_KANA, '');
    return JAPANESE_STOP_WORDS.has(stem) ? null : stem;
  }
  return normalised;
}

/** The term of one word as written (null: a stop word, or too short to mean anything). */
export function termOf(word: string): string | null {
  const normalised = word.normalize('NFKC').toLowerCase();
  if (JAPANESE_SCRIPT.test(normalised)) return japaneseTerm(normalised);
  if (LATIN_OR_DIGIT.test(normalised)) return latinTerm(normalised);
  return normalised.length > 1 ? normalised : null;
}

/** The joined form of two adjacent words, when they are pieces of one: "Wi-Fi", "e-mail"; 間|違, 請求|書, 再|起動. */
function joinedToken(text: string, word: RawWord, next: RawWord | undefined): TextToken | null {
  if (!next) return null;
  const hyphenated = text[word.end] === '-' && next.start === word.end + 1 && /^[A-Za-z]+$/.test(word.text) && /^[A-Za-z]+$/.test(next.text);
  const kanjiPieces = next.start === word.end && KANJI_WORD.test(word.text) && KANJI_WORD.test(next.text) && (word.text.length === 1 || next.text.length === 1);
  if (!hyphenated && !kanjiPieces) return null;
  const term = termOf(hyphenated ? word.text + next.text : text.slice(word.start, next.end));
  return term === null ? null : { term, surface: text.slice(word.start, next.end), start: word.start, end: next.end };
}

/** The searchable words of `text`, in order. */
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  const words = rawWords(text);
  words.forEach((word, i) => {
    const term = word.inflection ? null : termOf(word.text);
    if (term !== null) tokens.push({ term, surface: word.text, start: word.start, end: word.end });
    const joined = joinedToken(text, word, words[i + 1]);
    if (joined !== null) tokens.push(joined);
  });
  return tokens;
}

/** Just the terms (what the index stores). */
export function termsOf(text: string): string[] {
  return tokenize(text).map((token) => token.term);
}

/** The language a query is written in: any kana or kanji makes it Japanese. */
export function detectLanguage(text: string): ArticleLanguage {
  return JAPANESE_SCRIPT.test(text) ? 'ja' : 'en';
}

/** Whether a term is of Latin script (fuzzy and prefix matching apply to those only). */
export function isLatinTerm(term: string): boolean {
  return /^[a-z]/.test(term);
}

// A small lexicon-based sentiment scorer for the lines of a transcript, in English and Japanese: words and stems
// (sentiment-lexicon.ts) found in Intl.Segmenter's word segments, turned around by negation ("not happy",
// 良く|ない), strengthened or softened by intensifiers ("very", とても), weighted toward what follows a contrast
// ("but", けど). The sum becomes a score in [-1, 1] and Contact Lens's POSITIVE | NEGATIVE | NEUTRAL.

import type { TranscriptSentiment } from './transcript-types';
import {
  ENGLISH_CONTRAST,
  ENGLISH_INTENSIFIERS,
  ENGLISH_NEGATORS,
  ENGLISH_POLARITY,
  JAPANESE_CONTRAST,
  JAPANESE_EXCESS,
  JAPANESE_INTENSIFIERS,
  JAPANESE_NEGATORS,
  JAPANESE_POLARITY,
} from './sentiment-lexicon';

export interface SentimentResult {
  sentiment: TranscriptSentiment;
  /** From -1 (very negative) to 1 (very positive). */
  score: number;
  /** The words or stems that counted, in order, for explaining a score. */
  terms: string[];
}

/** |score| at or beyond this is POSITIVE or NEGATIVE; closer to 0 is NEUTRAL. */
export const SENTIMENT_THRESHOLD = 0.2;
/** How much a negated term keeps of its polarity, turned around: "not good" is criticism, "not bad" only mild praise. */
const NEGATED_POSITIVE_FACTOR = -0.75;
const NEGATED_NEGATIVE_FACTOR = -0.5;
/** How many words after a negator or an intensifier it still reaches. */
const ENGLISH_SCOPE = 3;
/** How many segments after a Japanese term a negator may come (満足|し|てい|ま|せん). */
const JAPANESE_NEGATION_REACH = 4;
/** Normalises the sum into [-1, 1] (as VADER does): sum / sqrt(sum² + ALPHA). */
const ALPHA = 15;

const JAPANESE_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;
const LATIN_WORD = /^[a-z0-9'’-]+$/i;
const HIRAGANA = /^[\u3040-\u309f]$/;
const ALL_HIRAGANA = /^[\u3040-\u309f]+$/;
const SENTENCE_BREAK = /[.!?;:,。、！？；：…]/;

interface Token {
  text: string;
  start: number;
  end: number;
  /** A punctuation break between words: negation and intensifiers stop there. */
  isBreak: boolean;
}

interface Hit {
  term: string;
  value: number;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(language: 'en' | 'ja'): Intl.Segmenter {
  let found = segmenters.get(language);
  if (!found) {
    found = new Intl.Segmenter(language, { granularity: 'word' });
    segmenters.set(language, found);
  }
  return found;
}

function tokenize(text: string): Token[] {
  const language = JAPANESE_SCRIPT.test(text) ? 'ja' : 'en';
  const tokens: Token[] = [];
  for (const { segment, index, isWordLike } of segmenter(language).segment(text)) {
    if (isWordLike) tokens.push({ text: segment, start: index, end: index + segment.length, isBreak: false });
    else if (SENTENCE_BREAK.test(segment)) tokens.push({ text: segment, start: index, end: index + segment.length, isBreak: true });
  }
  return tokens;
}

// Longest stems first, so 最悪 wins over 悪 and 問題ない over 問題.
const JAPANESE_STEMS = [...JAPANESE_POLARITY.keys()].sort((a, b) => b.length - a.length);

/** The stem that starts at token `i`: it must end where a segment ends, or before kana that inflect it. */
function japaneseStemAt(text: string, tokens: Token[], boundaries: ReadonlySet<number>, i: number): { stem: string; end: number } | null {
  const start = tokens[i]!.start;
  for (const stem of JAPANESE_STEMS) {
    if (!text.startsWith(stem, start)) continue;
    const end = start + stem.length;
    const next = text[end] ?? '';
    if (boundaries.has(end) || next === '') return { stem, end };
    // An all-hiragana stem of two letters would match inside unrelated words; longer ones and kanji stems may inflect.
    if (HIRAGANA.test(next) && !(ALL_HIRAGANA.test(stem) && stem.length < 3)) return { stem, end };
  }
  return null;
}

const startsWithAny = (text: string, prefixes: readonly string[]) => prefixes.some((p) => text.startsWith(p));

class Scorer {
  readonly hits: Hit[] = [];
  /** Index in `hits` where the last contrast word put the weight on what follows. */
  contrastAt = -1;
  private intensity = 1;
  private intensityReach = 0;
  private negationReach = 0;
  private readonly boundaries: ReadonlySet<number>;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {
    this.boundaries = new Set(tokens.map((t) => t.end));
  }

  run(): void {
    let i = 0;
    while (i < this.tokens.length) i = this.step(i);
  }

  private step(i: number): number {
    const token = this.tokens[i]!;
    if (token.isBreak) {
      this.intensityReach = 0;
      this.negationReach = 0;
      return i + 1;
    }
    return LATIN_WORD.test(token.text) ? this.english(i) : this.japanese(i);
  }

  private english(i: number): number {
    const word = this.tokens[i]!.text.toLowerCase().replace(/’/g, "'");
    const nextToken = this.tokens[i + 1];
    const pair = nextToken && !nextToken.isBreak ? `${word} ${nextToken.text.toLowerCase()}` : '';
    if (ENGLISH_POLARITY.has(pair)) {
      this.add(pair, ENGLISH_POLARITY.get(pair)!, this.negationReach > 0);
      return i + 2;
    }
    if (ENGLISH_CONTRAST.has(word)) {
      this.contrastAt = this.hits.length;
      this.negationReach = 0;
      this.intensityReach = 0;
    } else if (ENGLISH_NEGATORS.has(word) || word.endsWith("n't")) {
      this.negationReach = ENGLISH_SCOPE;
      return i + 1;
    } else if (ENGLISH_INTENSIFIERS.has(word)) {
      this.intensity = ENGLISH_INTENSIFIERS.get(word)!;
      this.intensityReach = 2;
      this.countDownNegation();
      return i + 1;
    } else if (ENGLISH_POLARITY.has(word)) {
      this.add(word, ENGLISH_POLARITY.get(word)!, this.negationReach > 0);
    }
    this.countDownNegation();
    this.countDownIntensity();
    return i + 1;
  }

  private japanese(i: number): number {
    const segment = this.tokens[i]!.text;
    if (JAPANESE_CONTRAST.includes(segment)) {
      this.contrastAt = this.hits.length;
      this.intensityReach = 0;
      return i + 1;
    }
    // A one-letter intensifier (超) only as a whole segment: 超過 (an excess charge) is no intensifier.
    const intensifier = [...JAPANESE_INTENSIFIERS.keys()].find((word) => segment === word || (word.length > 1 && segment.startsWith(word)));
    if (intensifier !== undefined) {
      this.intensity = JAPANESE_INTENSIFIERS.get(intensifier)!;
      this.intensityReach = 3;
      return i + 1;
    }
    const match = japaneseStemAt(this.text, this.tokens, this.boundaries, i);
    if (match === null) {
      this.countDownIntensity();
      return i + 1;
    }
    let next = i + 1;
    while (next < this.tokens.length && this.tokens[next]!.start < match.end) next++;
    const { negated, excess } = this.japaneseAfter(next);
    this.add(match.stem, JAPANESE_POLARITY.get(match.stem)! * (excess ? 1.5 : 1), negated);
    return next;
  }

  /** What follows a Japanese term: a negator (良く|ない) or an excess (遅|すぎる), before the next break or term. */
  private japaneseAfter(from: number): { negated: boolean; excess: boolean } {
    let negated = false;
    let excess = false;
    for (let j = from; j < Math.min(this.tokens.length, from + JAPANESE_NEGATION_REACH); j++) {
      const token = this.tokens[j]!;
      if (token.isBreak || JAPANESE_CONTRAST.includes(token.text) || japaneseStemAt(this.text, this.tokens, this.boundaries, j) !== null) break;
      if (startsWithAny(token.text, JAPANESE_NEGATORS)) negated = !negated;
      if (startsWithAny(token.text, JAPANESE_EXCESS)) excess = true;
    }
    return { negated, excess };
  }

  private add(term: string, polarity: number, negated: boolean): void {
    let value = polarity;
    if (this.intensityReach > 0) value *= this.intensity;
    if (negated) value *= value > 0 ? NEGATED_POSITIVE_FACTOR : NEGATED_NEGATIVE_FACTOR;
    this.hits.push({ term, value });
    this.intensityReach = 0;
  }

  private countDownNegation(): void {
    if (this.negationReach > 0) this.negationReach--;
  }

  private countDownIntensity(): void {
    if (this.intensityReach > 0) this.intensityReach--;
  }
}

/** The sentiment of one line of a transcript, in English or Japanese (or both mixed). */
export function scoreSentiment(text: string): SentimentResult {
  const scorer = new Scorer(text, tokenize(text));
  scorer.run();
  let sum = 0;
  scorer.hits.forEach((hit, index) => {
    const weight = scorer.contrastAt < 0 ? 1 : index < scorer.contrastAt ? 0.5 : 1.5;
    sum += hit.value * weight;
  });
  const exclamations = Math.min(3, (text.match(/[!！]/g) ?? []).length);
  sum *= 1 + 0.1 * exclamations;
  const score = sum === 0 ? 0 : sum / Math.sqrt(sum * sum + ALPHA);
  const rounded = Math.round(score * 1000) / 1000;
  const sentiment: TranscriptSentiment = rounded >= SENTIMENT_THRESHOLD ? 'POSITIVE' : rounded <= -SENTIMENT_THRESHOLD ? 'NEGATIVE' : 'NEUTRAL';
  return { sentiment, score: rounded, terms: scorer.hits.map((hit) => hit.term) };
}

// Highlights and search excerpts: where a hit's matched terms stand in a title, and the short passage of an
// article's plain text (markdown-text.ts) around most of them, with their offsets in that passage (UTF-16, end
// exclusive, as KnowledgeSearchHit gives them).

import type { TextHighlight } from './knowledge-types';
import type { TextToken } from './text-tokens';

export interface Excerpt {
  text: string;
  highlights: TextHighlight[];
}

const ELLIPSIS = '…';

/** The stretches of the tokens whose term is in `terms`, in order, overlapping ones merged. */
export function highlightsOf(tokens: readonly TextToken[], terms: ReadonlySet<string>): TextHighlight[] {
  const spans = tokens.filter((token) => terms.has(token.term)).map((token) => ({ begin: token.start, end: token.end }));
  spans.sort((a, b) => a.begin - b.begin || b.end - a.end);
  const merged: TextHighlight[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.begin <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The first stretch of at most maxLength characters with the most distinct matched terms (then the most matches). */
function bestWindow(matches: readonly TextToken[], maxLength: number): { first: number; last: number } {
  let best = { first: 0, last: 0, distinct: 0, count: 0 };
  for (let first = 0; first < matches.length; first++) {
    const terms = new Set<string>();
    let last = first;
    for (let j = first; j < matches.length && (matches[j] as TextToken).end - (matches[first] as TextToken).start <= maxLength; j++) {
      terms.add((matches[j] as TextToken).term);
      last = j;
    }
    const count = last - first + 1;
    if (terms.size > best.distinct || (terms.size === best.distinct && count > best.count)) best = { first, last, distinct: terms.size, count };
  }
  return best;
}

/** Moves `start` forward to the beginning of a line or word when one comes before `limit`. */
function snapStart(text: string, start: number, limit: number): number {
  if (start <= 0) return 0;
  const line = text.lastIndexOf('\n', limit - 1);
  if (line >= start) return line + 1;
  const space = text.indexOf(' ', start);
  return space !== -1 && space < limit ? space + 1 : start;
}

/** Moves `end` back to the end of a word when one comes after `floor`. */
function snapEnd(text: string, end: number, floor: number): number {
  if (end >= text.length) return text.length;
  const space = text.lastIndexOf(' ', end);
  return space > floor ? space : end;
}

/**
 * A passage of `text` (at most about maxLength characters, "…" where cut) around the tokens whose term is in
 * `terms`, newlines shown as spaces, with the matches' highlights in the passage. No match: the text's beginning.
 */
export function excerptAround(text: string, tokens: readonly TextToken[], terms: ReadonlySet<string>, maxLength: number): Excerpt {
  const matches = tokens.filter((token) => terms.has(token.term));
  let start = 0;
  let end = Math.min(text.length, maxLength);
  if (matches.length > 0) {
    const window = bestWindow(matches, maxLength);
    const firstMatch = matches[window.first] as TextToken;
    const lastEnd = Math.max(...matches.slice(window.first, window.last + 1).map((m) => m.end));
    const spare = Math.max(0, maxLength - (lastEnd - firstMatch.start));
    start = snapStart(text, Math.max(0, firstMatch.start - Math.floor(spare / 3)), firstMatch.start);
    end = Math.min(text.length, Math.max(lastEnd, start + maxLength));
    end = snapEnd(text, end, lastEnd);
  } else {
    end = snapEnd(text, end, 0);
  }
  const prefix = start > 0 ? ELLIPSIS : '';
  const passage = prefix + text.slice(start, end).replace(/\n/g, ' ') + (end < text.length ? ELLIPSIS : '');
  const shift = prefix.length - start;
  const highlights = highlightsOf(tokens, terms)
    .filter((h) => h.begin >= start && h.end <= end)
    .map((h) => ({ begin: h.begin + shift, end: h.end + shift }));
  return { text: passage, highlights };
}

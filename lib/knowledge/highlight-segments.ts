// Splits a service's text into plain and highlighted stretches from its highlight offsets, for the panel to show
// matches with <mark> elements (as text, never as HTML): offsets sorted, clamped to the text, overlaps merged.
import type { TextRange } from './knowledge-views';

export interface TextSegment {
  text: string;
  marked: boolean;
}

/** `text` cut at `ranges` (UTF-16 offsets, end exclusive); malformed ranges are ignored. */
export function highlightSegments(text: string, ranges: readonly TextRange[]): TextSegment[] {
  const clean = ranges
    .filter((r) => Number.isInteger(r.begin) && Number.isInteger(r.end))
    .map((r) => ({ begin: Math.max(0, r.begin), end: Math.min(text.length, r.end) }))
    .filter((r) => r.begin < r.end)
    .sort((a, b) => a.begin - b.begin);
  const merged: TextRange[] = [];
  for (const range of clean) {
    const last = merged[merged.length - 1];
    if (last && range.begin <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  const segments: TextSegment[] = [];
  let at = 0;
  for (const { begin, end } of merged) {
    if (begin > at) segments.push({ text: text.slice(at, begin), marked: false });
    segments.push({ text: text.slice(begin, end), marked: true });
    at = end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), marked: false });
  return segments;
}

// Highlight offsets to marked stretches: in order, clamped to the text, overlaps merged, malformed ones ignored,
// Japanese text cut at its UTF-16 offsets like any other.
import { describe, expect, it } from 'vitest';
import { highlightSegments } from '../../../lib/knowledge/highlight-segments';

const marked = (text: string, ranges: { begin: number; end: number }[]) =>
  highlightSegments(text, ranges).map((s) => (s.marked ? `[${s.text}]` : s.text)).join('');

describe('highlightSegments', () => {
  it('marks each range, in order, whatever order they came in', () => {
    expect(marked('Router keeps dropping', [{ begin: 13, end: 21 }, { begin: 0, end: 6 }])).toBe('[Router] keeps [dropping]');
  });

  it('merges overlapping and touching ranges and clamps them to the text', () => {
    expect(marked('abcdefgh', [{ begin: 1, end: 4 }, { begin: 3, end: 6 }, { begin: 6, end: 7 }])).toBe('a[bcdefg]h');
    expect(marked('abc', [{ begin: -5, end: 2 }, { begin: 2, end: 99 }])).toBe('[abc]');
  });

  it('ignores empty, reversed and non-integer ranges', () => {
    expect(marked('abc', [{ begin: 2, end: 2 }, { begin: 2, end: 1 }, { begin: 0.5, end: 2 }, { begin: Number.NaN, end: 1 }])).toBe('abc');
    expect(highlightSegments('', [])).toEqual([{ text: '', marked: false }]);
  });

  it('cuts Japanese text at its offsets', () => {
    expect(marked('ルーターの接続が切れる', [{ begin: 0, end: 4 }, { begin: 8, end: 11 }])).toBe('[ルーター]の接続が[切れる]');
  });
});

// Folding full-width and look-alike characters (０３－１２３４, （０３）, ＋８１, ー) to ASCII one code unit for one,
// so a number can be matched in the folded text and its offsets are still offsets into the page's text.

/**
 * Characters to fold: full-width ASCII (U+FF01–FF5E: digits, ＋, （）, －, ．, ：, ＃…), the ideographic and
 * no-break spaces, and the dashes Japanese text uses between digits (‐ ‑ ‒ – — ―, −, the long-vowel marks ー ｰ).
 * Every one of them is a single UTF-16 code unit and so is its replacement: the folded text has the same length.
 */
const FOLDABLE = /[\uFF01-\uFF5E\u3000\u00A0\u2010-\u2015\u2212\u30FC\uFF70]/g;

function foldOne(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000 || code === 0x00a0) return ' ';
  return '-';
}

/** `text` with every foldable character replaced by its ASCII form; `result.length === text.length`. */
export function foldCharacters(text: string): string {
  return text.replace(FOLDABLE, foldOne);
}

/** A digit, ASCII or full-width: the pre-filter's test, run on the unfolded text. */
export function isDigitCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

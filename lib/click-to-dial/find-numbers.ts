// Finding the phone numbers in a page's text for click-to-dial: offsets into the text (the content script turns
// them into Ranges), each with its E.164 form. A cheap pre-filter, an own candidate scan, libphonenumber-js
// ("min" metadata) for validity, and a post-filter for the dates, ids and amounts that look like numbers.
//
// Why "min" metadata: the content script runs on every page and must stay under 60 KB gzip; with "min" this
// module bundles to about 32 KB, with "max" to about 53 KB ("mobile" metadata, 37 KB, validates only mobile
// numbers). "min" still validates each country's number ranges as a whole (03-1234-567 and 123-456-7890 are
// rejected); it cannot tell a mobile from a fixed line, or GB from GG/JE for +44, which detection does not need.
// Why an own scan rather than libphonenumber-js's findNumbers: it is faster on text that is mostly not numbers,
// knows full-width text, and leaves findNumbers (about 7 KB gzip) out of the bundle.

import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/min';
import { foldCharacters, isDigitCode } from './fold-characters';
import { isCardOrIsbnRun, isDateOrAddressPiece, rejectedByTextAfter, rejectedByTextBefore } from './not-a-phone-number';

export type { CountryCode };

export interface PhoneNumberMatch {
  /** Offset of the first character of the number in the text given (UTF-16 code units, like Range offsets). */
  start: number;
  /** Offset just after the number's last digit. */
  end: number;
  /** The number as written: `text.slice(start, end)`, full-width characters and all. */
  raw: string;
  /** '+81312345678' */
  e164: string;
  /** The number's country, null for non-geographic numbers (+800…). */
  country: CountryCode | null;
  /** The number as its own country writes it: '03-1234-5678', '(415) 555-0132'. */
  national: string;
}

/** Fewer digits than this cannot be a dialable number (JP and US numbers have 9 to 11); most text stops here. */
const MIN_DIGITS = 7;
/** An international prefix (011, 010, 00) plus the 15 digits E.164 allows. */
const MAX_DIGITS = 18;
/** "+81 3 1234 5678" is four pieces, "+44 (0) 20 7946 0958" five; more space-separated groups is not one number. */
const MAX_PIECES = 6;

/**
 * A candidate run in folded text: digits joined by up to three spaces, hyphens, dots or parentheses, starting
 * with a digit, "+" or "(". Bounded separators keep the scan linear. Newlines, tabs, slashes, colons and
 * commas end a run, which is what keeps times ("12:30") and amounts ("1,234") out.
 */
const CANDIDATE_RUN = /[+(]?\d(?:[ \-.()]{0,3}\d)*/g;
/** The space-free pieces of a run. */
const PIECE = /[^ ]+/g;

interface Piece {
  /** Offset in the text of the piece's first character that can start a number (digit, "+", "("), or -1. */
  start: number;
  /** Offset just after the piece's last digit, or -1 when it has none. */
  end: number;
  digits: number;
  /** The longest unbroken digit group in the piece: 2 for "03", 4 for "1234-5678". */
  longestGroup: number;
  /** A date or an IP address: no number contains it. */
  excluded: boolean;
}

/** Made once: a regular expression literal in a function is a new object at every call. */
const ANY_DIGIT = /[0-9\uFF10-\uFF19]/;

/** True when `text` has at least MIN_DIGITS digits (ASCII or full-width); the fast path for most text nodes. */
export function mayContainPhoneNumber(text: string): boolean {
  const first = text.search(ANY_DIGIT);
  if (first < 0) return false;
  let count = 0;
  for (let i = first; i < text.length; i++) {
    if (isDigitCode(text.charCodeAt(i)) && ++count >= MIN_DIGITS) return true;
  }
  return false;
}

function countDigits(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) count++;
  }
  return count;
}

function longestDigitGroup(text: string): number {
  let longest = 0;
  let current = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    current = code >= 0x30 && code <= 0x39 ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return longest;
}

/**
 * True when the span is a stretch of a longer list of one- and two-digit numbers ("Scores 98 87 76 65 54 43",
 * lottery numbers): only its groups are small and more small numbers are written right next to it.
 */
function isPartOfNumberList(pieces: Piece[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (pieces[i].longestGroup > 2) return false;
  return (pieces[first - 1]?.digits ?? 0) > 0 || (pieces[last + 1]?.digits ?? 0) > 0;
}

function piecesOf(run: string, runStart: number): Piece[] {
  const pieces: Piece[] = [];
  for (const match of run.matchAll(PIECE)) {
    const text = match[0];
    const offset = runStart + match.index;
    const lead = text.search(/[+(\d]/);
    let last = -1;
    for (let i = text.length - 1; i >= 0; i--) {
      const code = text.charCodeAt(i);
      if (code >= 0x30 && code <= 0x39) {
        last = i;
        break;
      }
    }
    pieces.push({
      start: lead < 0 || last < 0 ? -1 : offset + lead,
      end: last < 0 ? -1 : offset + last + 1,
      digits: countDigits(text),
      longestGroup: longestDigitGroup(text),
      excluded: isDateOrAddressPiece(text),
    });
  }
  return pieces;
}

/**
 * True when the digits were written the way people dial the number: with "+", in the country's own national
 * form (03-1234-5678, not 3-1234-5678 or 212-555-0188 read as Japanese), after an international prefix
 * (011 81 3…), or as 1 + area code in the NANP countries (1-800-555-0199).
 */
function writtenAsDialed(spanText: string, parsed: PhoneNumber, national: string): boolean {
  if (spanText.startsWith('+') || spanText.startsWith('(+')) return true;
  const digits = spanText.replace(/\D/g, '');
  if (digits === national.replace(/\D/g, '')) return true;
  const international = parsed.countryCallingCode + parsed.nationalNumber;
  if (!digits.endsWith(international)) return false;
  const prefix = digits.slice(0, digits.length - international.length);
  return prefix === '' ? parsed.countryCallingCode === '1' : prefix.startsWith('0');
}

/** The match for a span of folded text, or null when the span is not a valid number written as one. */
function matchSpan(text: string, start: number, end: number, spanText: string, defaultCountry: CountryCode): PhoneNumberMatch | null {
  const parsed = parsePhoneNumberFromString(spanText, { defaultCountry, extract: false });
  if (!parsed || !parsed.isValid()) return null;
  const national = parsed.formatNational();
  if (!writtenAsDialed(spanText, parsed, national)) return null;
  return { start, end, raw: text.slice(start, end), e164: parsed.number, country: parsed.country ?? null, national };
}

/** The numbers in one candidate run: the longest valid span from each piece, left to right, never overlapping. */
function numbersInRun(text: string, folded: string, pieces: Piece[], defaultCountry: CountryCode, out: PhoneNumberMatch[]) {
  for (let first = 0; first < pieces.length; first++) {
    const head = pieces[first];
    if (head.start < 0 || head.excluded || rejectedByTextBefore(folded, head.start)) continue;
    // The pieces this span may reach: at most MAX_PIECES with digits, at most MAX_DIGITS digits in all.
    let reach = first;
    let digits = head.digits;
    let withDigits = 1;
    while (reach + 1 < pieces.length) {
      const next = pieces[reach + 1];
      if (next.excluded || digits + next.digits > MAX_DIGITS) break;
      if (next.digits > 0 && ++withDigits > MAX_PIECES) break;
      reach++;
      digits += next.digits;
    }
    for (let last = reach; last >= first; last--) {
      if (last < reach) digits -= pieces[last + 1].digits;
      const tail = pieces[last];
      if (digits < MIN_DIGITS) break;
      if (tail.end < 0 || rejectedByTextAfter(folded, tail.end) || isPartOfNumberList(pieces, first, last)) continue;
      let start = head.start;
      let spanText = folded.slice(start, tail.end);
      // "(03-1234-5678)": the opening parenthesis belongs to the sentence, not to the number.
      if (spanText.startsWith('(') && !spanText.includes(')')) {
        start++;
        spanText = spanText.slice(1);
      }
      const match = matchSpan(text, start, tail.end, spanText, defaultCountry);
      if (match) {
        out.push(match);
        first = last;
        break;
      }
    }
  }
}

/**
 * The phone numbers in `text`, in order, as offsets into `text` with their E.164 form. National numbers are read
 * as numbers of `defaultCountry`; numbers starting with "+" or an international prefix as written. Only numbers
 * valid for their country are returned, and not the dates, times, amounts, ids, versions, IP addresses, postal
 * codes, card numbers or ISBNs that look like them.
 */
export function findPhoneNumbers(text: string, defaultCountry: CountryCode): PhoneNumberMatch[] {
  if (!mayContainPhoneNumber(text)) return [];
  const folded = foldCharacters(text);
  const found: PhoneNumberMatch[] = [];
  for (const run of folded.matchAll(CANDIDATE_RUN)) {
    const digitCount = countDigits(run[0]);
    if (digitCount < MIN_DIGITS || isCardOrIsbnRun(run[0], digitCount)) continue;
    numbersInRun(text, folded, piecesOf(run[0], run.index), defaultCountry, found);
  }
  return found;
}

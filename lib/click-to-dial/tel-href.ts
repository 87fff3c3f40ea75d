// Reading the number out of a page's `tel:` link without handing the page's href to libphonenumber-js: a crafted
// `;phone-context=` parameter makes the library's RFC 3966 checks backtrack for seconds, so the href is cut at
// its first ";", decoded, bounded and checked to be a plain number before the parser sees it.

import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { foldCharacters } from './fold-characters';

export interface TelHrefNumber {
  /** '+81312345678' */
  e164: string;
}

/** The longest number part (before decoding) worth decoding: "%2B81%20..." triples the 40 characters below. */
const MAX_ENCODED_LENGTH = 160;
/** The longest number worth parsing once decoded: 18 digits with generous separators. */
const MAX_NUMBER_LENGTH = 40;
/** Shorter numbers ("+1", "110") are not dialed through Switchboard; longer ones exceed E.164 plus a prefix. */
const MIN_DIGITS = 7;
const MAX_DIGITS = 18;
/** What a dialable number may contain once decoded; letters (vanity numbers, parameters) are not dialed. */
const PLAIN_NUMBER = /^\+?[\d\s\-.()]+$/;

/** `text` cut at its first ";" (the start of the tel URI's parameters). */
function beforeParameters(text: string): string {
  const semicolon = text.indexOf(';');
  return semicolon < 0 ? text : text.slice(0, semicolon);
}

/**
 * The number a `tel:` href dials, as E.164, or null when the href is not a `tel:` link or its number is not valid
 * (national numbers are read as numbers of `defaultCountry`). Parameters (`;ext=`, `;phone-context=`, `;isub=`)
 * are ignored. Costs microseconds whatever the href's length.
 */
export function numberFromTelHref(href: string, defaultCountry: CountryCode): TelHrefNumber | null {
  // Leading spaces are allowed in an href attribute; only look at the first few characters for the scheme.
  const schemeAt = href.slice(0, 32).search(/\S/);
  if (schemeAt < 0 || schemeAt > 16 || href.slice(schemeAt, schemeAt + 4).toLowerCase() !== 'tel:') return null;
  const encoded = beforeParameters(href.slice(schemeAt + 4, schemeAt + 4 + MAX_ENCODED_LENGTH + 1)).replace(/^\/\//, '');
  if (encoded.length > MAX_ENCODED_LENGTH) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return null; // a malformed escape ("%E0%A4%A") is not a number
  }
  // An encoded ";" ("%3Bphone-context=…") starts the parameters too.
  const number = beforeParameters(foldCharacters(decoded)).trim();
  if (number.length > MAX_NUMBER_LENGTH || !PLAIN_NUMBER.test(number)) return null;
  const digits = number.replace(/\D/g, '').length;
  if (digits < MIN_DIGITS || digits > MAX_DIGITS) return null;
  const parsed = parsePhoneNumberFromString(number, { defaultCountry, extract: false });
  return parsed && parsed.isValid() ? { e164: parsed.number } : null;
}

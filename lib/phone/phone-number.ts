// Phone numbers for the softphone: turning what an agent types (national, international, full-width digits)
// into E.164 for the contact center, and E.164 back into the form an agent in a given country reads best.
// Uses libphonenumber-js's "max" metadata: only it validates number ranges (03-1234 is rejected, not just its
// length), and the side panel can afford its size.

import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

export type { CountryCode };

/** Why a typed number cannot be dialed; each is translated under `phone.invalid.<reason>`. */
export type PhoneNumberProblem =
  | 'empty' // nothing typed
  | 'not-a-number' // letters or symbols a phone number cannot have
  | 'invalid' // digits, but not a number that exists in that country
  | 'has-extension' // "ext. 12": a contact center dials the number only
  | 'country-not-dialable'; // valid, but the instance does not let the agent call that country

export type E164Result =
  | { ok: true; e164: string; country: CountryCode | null }
  | { ok: false; reason: PhoneNumberProblem; country: CountryCode | null };

/** Dashes and pluses Japanese and other input methods produce, beyond what NFKC folds. */
const LOOK_ALIKE_DASHES = /[\u2010-\u2015\u2212\u30FC\uFF70]/g;

/** Full-width digits, parentheses, plus and hyphen (what a Japanese IME types) become their ASCII forms. */
export function normalizeTyped(input: string): string {
  return input.normalize('NFKC').replace(LOOK_ALIKE_DASHES, '-').trim();
}

/** The two-letter region code in upper case when libphonenumber-js knows it, else null. */
export function toCountryCode(code: string | null | undefined): CountryCode | null {
  if (!code) return null;
  const upper = code.toUpperCase();
  return isSupportedCountry(upper) ? upper : null;
}

/**
 * The E.164 form of a typed number. A number starting with + (or the country's international prefix, such as
 * 010 from Japan) is read as international; anything else as a national number of `defaultCountry`.
 * `dialableCountries` (ISO codes, any case), when given, restricts where the number may be.
 */
export function toE164(input: string, defaultCountry: string, dialableCountries?: readonly string[]): E164Result {
  const country = toCountryCode(defaultCountry);
  const text = normalizeTyped(input);
  if (text === '') return { ok: false, reason: 'empty', country };
  // Digits, spaces and the usual separators only; libphonenumber-js would otherwise read "03-1234-abcd" leniently.
  if (!/^[+\d\s\-().]*(?:(?:ext\.?|x|#)\s*\d+)?$/i.test(text)) return { ok: false, reason: 'not-a-number', country };
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: country ?? undefined, extract: false });
  if (!parsed) return { ok: false, reason: text.replace(/\D/g, '') === '' ? 'not-a-number' : 'invalid', country };
  const numberCountry = parsed.country ?? null;
  if (parsed.ext) return { ok: false, reason: 'has-extension', country: numberCountry ?? country };
  if (!parsed.isValid()) return { ok: false, reason: 'invalid', country: numberCountry ?? country };
  if (dialableCountries && dialableCountries.length > 0) {
    const allowed = new Set(dialableCountries.map((c) => c.toUpperCase()));
    if (!numberCountry || !allowed.has(numberCountry)) {
      return { ok: false, reason: 'country-not-dialable', country: numberCountry };
    }
  }
  return { ok: true, e164: parsed.number, country: numberCountry };
}

/** True when `value` is already a valid number in E.164 form (+ and digits only). */
export function isE164(value: string): boolean {
  if (!/^\+[1-9]\d{1,14}$/.test(value)) return false;
  return parsePhoneNumberFromString(value)?.isValid() ?? false;
}

/**
 * How an agent in `agentCountry` reads a number: the national form when the number is in that country
 * (03-1234-5678), the international form otherwise (+1 212 555 0188). Anything unparseable (a SIP address,
 * "anonymous") is returned as given.
 */
export function formatForAgent(number: string, agentCountry: string | null): string {
  const parsed = parsePhoneNumberFromString(normalizeTyped(number));
  if (!parsed) return number;
  const own = toCountryCode(agentCountry);
  return own !== null && parsed.country === own ? parsed.formatNational() : parsed.formatInternational();
}

/** The country calling code, with its plus: '+81' for JP. */
export function callingCodeOf(country: CountryCode): string {
  return `+${getCountryCallingCode(country)}`;
}

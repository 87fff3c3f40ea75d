// The countries an agent may call, as the number pad's country picker shows them: localized names (from the
// browser's Intl data, so every UI language gets them for free) with calling codes, sorted for that language.

import { getCountries } from 'libphonenumber-js/min';
import { callingCodeOf, toCountryCode, type CountryCode } from './phone-number';

export interface DialableCountry {
  code: CountryCode;
  /** The country's name in the UI language, e.g. "Japan" / "日本". */
  name: string;
  /** '+81' */
  callingCode: string;
}

/** The country's name in `locale`, or its code when the browser does not know it. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code.toUpperCase()) ?? code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}

/**
 * The picker's entries for the instance's dialable countries (ISO codes, any case); every country
 * libphonenumber-js knows when the instance gives none. Unknown codes are skipped.
 */
export function dialableCountries(codes: readonly string[] | null | undefined, locale: string): DialableCountry[] {
  const known = (codes && codes.length > 0 ? codes : getCountries())
    .map(toCountryCode)
    .filter((code): code is CountryCode => code !== null);
  const collator = new Intl.Collator(locale);
  return [...new Set(known)]
    .map((code) => ({ code, name: countryName(code, locale), callingCode: callingCodeOf(code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * The country numbers are dialed in when the agent has not picked one: the first country the instance lists
 * (its home country), else the region of the browser language, else the United States.
 */
export function defaultDialCountry(instanceCountries: readonly string[] | null | undefined, browserLanguage: string): CountryCode {
  const first = instanceCountries?.map(toCountryCode).find((code): code is CountryCode => code !== null);
  if (first) return first;
  let region: string | undefined;
  try {
    region = new Intl.Locale(browserLanguage).maximize().region;
  } catch {
    region = undefined;
  }
  return toCountryCode(region) ?? 'US';
}

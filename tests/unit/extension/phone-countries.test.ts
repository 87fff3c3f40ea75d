// Unit tests of the number pad's country list: the instance's dialable countries with localized names and
// calling codes, and the default dialing country.
import { describe, expect, it } from 'vitest';
import { defaultDialCountry, dialableCountries } from '@/lib/phone/dialable-countries';

describe('dialableCountries', () => {
  it('names the instance’s countries in English with calling codes, sorted by name', () => {
    expect(dialableCountries(['jp', 'us', 'gb'], 'en')).toEqual([
      { code: 'JP', name: 'Japan', callingCode: '+81' },
      { code: 'GB', name: 'United Kingdom', callingCode: '+44' },
      { code: 'US', name: 'United States', callingCode: '+1' },
    ]);
  });

  it('names them in Japanese for the Japanese UI', () => {
    const names = dialableCountries(['jp', 'us'], 'ja').map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['日本', 'アメリカ合衆国']));
  });

  it('skips codes it does not know and lists every country when the instance gives none', () => {
    expect(dialableCountries(['jp', 'zz'], 'en').map((c) => c.code)).toEqual(['JP']);
    expect(dialableCountries([], 'en').length).toBeGreaterThan(200);
  });
});

describe('defaultDialCountry', () => {
  it('takes the first country the instance lists', () => {
    expect(defaultDialCountry(['jp', 'us'], 'en-US')).toBe('JP');
  });

  it('falls back to the browser language’s region, then the United States', () => {
    expect(defaultDialCountry([], 'ja-JP')).toBe('JP');
    expect(defaultDialCountry(null, 'ja')).toBe('JP');
    expect(defaultDialCountry(undefined, 'not a language')).toBe('US');
  });
});

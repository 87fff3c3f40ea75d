// Unit tests of the softphone's phone numbers: typed input to E.164 (Japanese and US numbers, full-width
// digits, invalid input) and E.164 to the form an agent in a given country reads.
import { describe, expect, it } from 'vitest';
import { formatForAgent, isE164, normalizeTyped, toE164 } from '@/lib/phone/phone-number';

describe('toE164', () => {
  it('reads a Tokyo number typed nationally in Japan', () => {
    expect(toE164('03-1234-5678', 'JP')).toEqual({ ok: true, e164: '+81312345678', country: 'JP' });
  });

  it('reads a Japanese mobile number without separators', () => {
    expect(toE164('09012345678', 'jp')).toMatchObject({ ok: true, e164: '+819012345678' });
  });

  it('reads full-width digits and hyphens as an IME types them', () => {
    expect(toE164('０３－１２３４－５６７８', 'JP')).toMatchObject({ ok: true, e164: '+81312345678' });
    expect(toE164('０９０ー１２３４ー５６７８', 'JP')).toMatchObject({ ok: true, e164: '+819012345678' });
  });

  it('reads a US number in its usual national form', () => {
    expect(toE164('(212) 555-0188', 'US')).toEqual({ ok: true, e164: '+12125550188', country: 'US' });
  });

  it('lets a + number override the dialing country', () => {
    expect(toE164('+1 206 555 0142', 'JP')).toEqual({ ok: true, e164: '+12065550142', country: 'US' });
  });

  it("dials abroad with the country's international prefix (010 from Japan)", () => {
    expect(toE164('010 1 212 555 0188', 'JP')).toMatchObject({ ok: true, e164: '+12125550188' });
  });

  it('rejects a number too short to exist', () => {
    expect(toE164('090-123', 'JP')).toEqual({ ok: false, reason: 'invalid', country: 'JP' });
  });

  it('rejects a Japanese number read as a US one', () => {
    expect(toE164('03-1234-5678', 'US')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('rejects letters and empty input with their own reasons', () => {
    expect(toE164('call me', 'JP')).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(toE164('03-1234-abcd', 'JP')).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(toE164('   ', 'JP')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('refuses an extension, which a contact center cannot dial', () => {
    expect(toE164('03-1234-5678 ext. 12', 'JP')).toMatchObject({ ok: false, reason: 'has-extension' });
  });

  it('refuses a valid number in a country the instance does not let the agent call', () => {
    expect(toE164('+44 20 7946 0958', 'JP', ['jp', 'us'])).toEqual({ ok: false, reason: 'country-not-dialable', country: 'GB' });
    expect(toE164('+1 212 555 0188', 'JP', ['jp', 'us'])).toMatchObject({ ok: true, e164: '+12125550188' });
  });
});

describe('formatForAgent', () => {
  it('shows a number of the agent’s own country in national form', () => {
    expect(formatForAgent('+81312345678', 'JP')).toBe('03-1234-5678');
    expect(formatForAgent('+12125550188', 'US')).toBe('(212) 555-0188');
  });

  it('shows a number of another country in international form', () => {
    expect(formatForAgent('+81312345678', 'US')).toBe('+81 3 1234 5678');
    expect(formatForAgent('+12125550188', 'JP')).toBe('+1 212 555 0188');
  });

  it('returns what it cannot parse as given', () => {
    expect(formatForAgent('anonymous', 'JP')).toBe('anonymous');
  });
});

describe('helpers', () => {
  it('folds full-width characters and look-alike dashes', () => {
    expect(normalizeTyped(' ＋８１（３）１２３４―５６７８ ')).toBe('+81(3)1234-5678');
  });

  it('recognises valid E.164 only', () => {
    expect(isE164('+81312345678')).toBe(true);
    expect(isE164('03-1234-5678')).toBe(false);
    expect(isE164('+8109')).toBe(false);
  });
});

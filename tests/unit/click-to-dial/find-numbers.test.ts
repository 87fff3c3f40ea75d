// Click-to-dial detection: precision and recall over the labelled corpus, each Japanese and US format, each
// look-alike the post-filter rejects, offsets into the original (full-width) text, and tel: href safety.

import { describe, expect, it } from 'vitest';
import {
  findPhoneNumbers,
  foldCharacters,
  mayContainPhoneNumber,
  numberFromTelHref,
  type CountryCode,
} from '../../../lib/click-to-dial/index';
import { phoneCorpus, type CorpusKind } from './phone-corpus';

function e164s(text: string, country: CountryCode): string[] {
  return findPhoneNumbers(text, country).map((match) => match.e164);
}

describe('the labelled corpus', () => {
  const positives = phoneCorpus.filter((entry) => entry.numbers.length > 0);
  const negatives = phoneCorpus.filter((entry) => entry.numbers.length === 0);

  it('has at least 220 strings: 90 with numbers and 110 without', () => {
    expect(phoneCorpus.length).toBeGreaterThanOrEqual(220);
    expect(positives.length).toBeGreaterThanOrEqual(90);
    expect(negatives.length).toBeGreaterThanOrEqual(110);
    expect(new Set(phoneCorpus.map((entry) => entry.text)).size).toBe(phoneCorpus.length);
  });

  it('is detected with precision and recall of at least 0.95', () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    const mistakes: string[] = [];
    for (const entry of phoneCorpus) {
      const expected = [...entry.numbers];
      for (const found of e164s(entry.text, entry.country)) {
        const at = expected.indexOf(found);
        if (at >= 0) {
          expected.splice(at, 1);
          truePositives++;
        } else {
          falsePositives++;
          mistakes.push(`false positive ${found} in ${JSON.stringify(entry.text)} (${entry.country})`);
        }
      }
      falseNegatives += expected.length;
      for (const missed of expected) mistakes.push(`missed ${missed} in ${JSON.stringify(entry.text)} (${entry.country})`);
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    console.info(
      `click-to-dial corpus: ${phoneCorpus.length} strings (${positives.length} with numbers, ${negatives.length} without), ` +
        `${truePositives + falseNegatives} numbers; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}` +
        (mistakes.length > 0 ? `\n  ${mistakes.join('\n  ')}` : ''),
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('gives offsets into the original text for every number it finds', () => {
    for (const entry of phoneCorpus) {
      for (const match of findPhoneNumbers(entry.text, entry.country)) {
        expect(entry.text.slice(match.start, match.end)).toBe(match.raw);
        expect(match.raw).toMatch(/^[+(＋（\d０-９]/);
        expect(match.raw).toMatch(/[\d０-９]$/);
      }
    }
  });
});

describe('Japanese formats (default country JP)', () => {
  it.each([
    ['03-1234-5678', '+81312345678', '03-1234-5678'],
    ['0120-123-456', '+81120123456', '0120-123-456'],
    ['090-1234-5678', '+819012345678', '090-1234-5678'],
    ['０３－１２３４－５６７８', '+81312345678', '03-1234-5678'],
    ['+81 3 1234 5678', '+81312345678', '03-1234-5678'],
    ['(03) 1234-5678', '+81312345678', '03-1234-5678'],
    ['050-1234-5678', '+815012345678', '050-1234-5678'],
    ['03(1234)5678', '+81312345678', '03-1234-5678'],
    ['0570-012-345', '+81570012345', '0570-012-345'],
    ['0800-123-4567', '+818001234567', '0800-123-4567'],
    ['0466-12-3456', '+81466123456', '0466-12-3456'],
    ['+81 (0)3-1234-5678', '+81312345678', '03-1234-5678'],
    ['010-1-212-555-0188', '+12125550188', '(212) 555-0188'],
  ])('finds %s as %s', (written, e164, national) => {
    const text = `お問い合わせ：${written}（平日）`;
    const [match, ...rest] = findPhoneNumbers(text, 'JP');
    expect(rest).toEqual([]);
    expect(match).toMatchObject({ raw: written, e164, national, start: 7, end: 7 + written.length });
  });

  it('names the country of each number', () => {
    expect(findPhoneNumbers('03-1234-5678 / +1 415-555-0132', 'JP').map((match) => match.country)).toEqual(['JP', 'US']);
  });

  it('does not read a US national number as Japanese', () => {
    expect(e164s('(212) 555-0188', 'JP')).toEqual([]);
    expect(e164s('3-1234-5678', 'JP')).toEqual([]);
  });
});

describe('US formats (default country US)', () => {
  it.each([
    ['+1 (415) 555-0132', '+14155550132'],
    ['415-555-0132', '+14155550132'],
    ['(212) 555-0188', '+12125550188'],
    ['1-800-555-0199', '+18005550199'],
    ['415.555.0132', '+14155550132'],
    ['4155550132', '+14155550132'],
    ['1 (800) 555-0199', '+18005550199'],
    ['(503)555-0111', '+15035550111'],
    ['011 81 3 1234 5678', '+81312345678'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+65 6221 1234', '+6562211234'],
  ])('finds %s as %s', (written, e164) => {
    const text = `Call ${written} today`;
    expect(findPhoneNumbers(text, 'US')).toEqual([expect.objectContaining({ raw: written, e164, start: 5, end: 5 + written.length })]);
  });

  it('finds two numbers side by side, and an extension does not join the number', () => {
    expect(e164s('Main 415-555-0132, fax 415-555-0133', 'US')).toEqual(['+14155550132', '+14155550133']);
    expect(e164s('415-555-0132/415-555-0133', 'US')).toEqual(['+14155550132', '+14155550133']);
    expect(findPhoneNumbers('415-555-0132 ext. 12', 'US')[0].raw).toBe('415-555-0132');
    expect(findPhoneNumbers('415-555-0132x12', 'US')[0].raw).toBe('415-555-0132');
  });

  it('keeps a sentence parenthesis out of the number', () => {
    expect(findPhoneNumbers('(call 415-555-0132)', 'US')[0].raw).toBe('415-555-0132');
    expect(findPhoneNumbers('(03-1234-5678)', 'JP')[0].raw).toBe('03-1234-5678');
  });
});

describe('what is not a phone number', () => {
  it.each([
    ['dates', ['2024-01-15', '2024/01/15', '15.01.2024', '令和6年', '２０２４－０１－１５', 'Created 2024-01-15T09:30:00Z']],
    ['times', ['12:30', '09:00-18:00', '10:30:45', '１２：３０']],
    ['amounts', ['¥12,345', '$1,234.56', '1,234円', '¥0312345678', '1234567890円', 'Amount 2125550188.00']],
    ['ids and order numbers', ['ORD-2024-0001234', '#123456789', 'INV-00012345', 'Order #4155550132', '注文番号：0312345678']],
    ['version strings', ['v1.2.3', '10.0.19045', 'Chrome 120.0.6099.109', 'ver.0.3.1234.5678']],
    ['IP addresses', ['192.168.10.200', '172.16.254.1', 'Section 1.2.3.4']],
    ['postal codes', ['〒100-0001', '100-0005', '94105-1234', '〒０６０－０００１']],
    ['card numbers', ['4111 1111 1111 1111', '4111-1111-1111-1111', '3782 822463 10005', '4111111111111111']],
    ['ISBNs', ['ISBN 978-4-12-345678-9', '978-1-4028-9462-6', 'ISBN 1-4028-9462-7', 'ISBN-13: 9780306406157']],
    ['counts, rooms and extensions', ['Call 3 times', 'Room 1203', 'ext. 12', '1203号室', '参加者 1234567名']],
    ['invalid numbers', ['03-1234-567', '090-1234-567', '123-456-7890', '555-0132', '03-1234-5678-9']],
    ['product codes', ['ABC-1234-5678', 'SN1234567890', 'Part no. 415-555-0132', 'KX-PD315-0312']],
    ['log timestamps', ['[2024-01-15 12:30:45,123] ERROR pid=12345', 'request_id=4155550132', '1705312345678 heartbeat']],
    ['lists of small numbers', ['Scores 98 87 76 65 54 43 21', '当選番号 03 12 23 34 45 06']],
  ])('rejects %s', (_category, texts) => {
    for (const text of texts) {
      expect(e164s(text, 'JP'), `${text} (JP)`).toEqual([]);
      expect(e164s(text, 'US'), `${text} (US)`).toEqual([]);
    }
  });

  /**
   * Corpus negatives detection is known to get wrong (they count against precision above). Only the first of a
   * list of ids is seen as an id: the label is written once, before the first ("accounts: 0312…, 0312…").
   */
  const knownMisses = new Set(['accounts: 0312345678, 0312345679 (口座番号)']);
  const negativeKinds = [...new Set(phoneCorpus.filter((entry) => entry.numbers.length === 0).map((entry) => entry.kind))];
  it.each(negativeKinds)('rejects every corpus negative of kind %s', (kind: CorpusKind) => {
    for (const entry of phoneCorpus.filter((candidate) => candidate.kind === kind && candidate.numbers.length === 0)) {
      if (knownMisses.has(entry.text)) expect(e164s(entry.text, entry.country), entry.text).not.toEqual([]);
      else expect(e164s(entry.text, entry.country), entry.text).toEqual([]);
    }
  });

  it('still finds the number next to a date, a time or an order id', () => {
    expect(e164s('2024-01-15 12:30 着信 090-1111-2222', 'JP')).toEqual(['+819011112222']);
    expect(e164s('営業時間 09:00-18:00 TEL 03-1234-5678', 'JP')).toEqual(['+81312345678']);
    expect(e164s('Order ORD-2024-0001234: call 415-555-0132', 'US')).toEqual(['+14155550132']);
    expect(e164s('Caller ID: 469-555-0147', 'US')).toEqual(['+14695550147']);
  });

  it('accepts a phone label glued to the digits, and no other word', () => {
    for (const text of ['TEL03-1234-5678', 'Tel.03-1234-5678', 'FAX:03-1234-5678', 'TEL No.03-1234-5678', 'phone=0312345678']) {
      expect(e164s(text, 'JP'), text).toEqual(['+81312345678']);
    }
    for (const text of ['No.0312345678', 'A0312345678', 'ID-03-1234-5678', 'id=0312345678']) {
      expect(e164s(text, 'JP'), text).toEqual([]);
    }
  });
});

describe('full-width text', () => {
  it('folds full-width digits, hyphens, parentheses, plus and long-vowel dashes one character for one', () => {
    const text = '（０３）１２３４－５６７８　＋８１　ー‐−';
    const folded = foldCharacters(text);
    expect(folded).toBe('(03)1234-5678 +81 ---');
    expect(folded.length).toBe(text.length);
  });

  it('returns offsets and the raw text of the page, not of the folded copy', () => {
    const text = '山田様 電話：０３－１２３４－５６７８、携帯：０９０ー１２３４ー５６７８';
    const matches = findPhoneNumbers(text, 'JP');
    expect(matches.map((match) => match.e164)).toEqual(['+81312345678', '+819012345678']);
    for (const match of matches) expect(text.slice(match.start, match.end)).toBe(match.raw);
    expect(matches[0].raw).toBe('０３－１２３４－５６７８');
    expect(matches[0].start).toBe(text.indexOf('０３'));
  });

  it('finds full-width international and parenthesised numbers', () => {
    expect(e164s('＋８１　３　１２３４　５６７８', 'US')).toEqual(['+81312345678']);
    expect(e164s('（０１２０）１２３－４５６', 'JP')).toEqual(['+81120123456']);
  });
});

describe('the pre-filter', () => {
  it('lets through only text with enough digits', () => {
    expect(mayContainPhoneNumber('Open cases for this customer')).toBe(false);
    expect(mayContainPhoneNumber('Room 1203, 3 times')).toBe(false);
    expect(mayContainPhoneNumber('03-1234-5678')).toBe(true);
    expect(mayContainPhoneNumber('０３－１２３４－５６７８')).toBe(true);
  });

  it('stays linear on hostile text', () => {
    for (const text of ['1 '.repeat(20000), '11 '.repeat(10000), '1-'.repeat(20000), '(1) '.repeat(10000), '9'.repeat(40000)]) {
      const started = performance.now();
      expect(findPhoneNumbers(text, 'JP')).toEqual([]);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});

describe('numberFromTelHref', () => {
  it.each([
    ['tel:+81-3-1234-5678', 'JP', '+81312345678'],
    ['tel:03-1234-5678', 'JP', '+81312345678'],
    ['tel:0120123456', 'JP', '+81120123456'],
    ['tel:+1-415-555-0132', 'JP', '+14155550132'],
    ['tel:(415) 555-0132', 'US', '+14155550132'],
    ['TEL:+14155550132', 'US', '+14155550132'],
    ['  tel:+14155550132', 'US', '+14155550132'],
    ['tel://+14155550132', 'US', '+14155550132'],
    ['tel:%2B1%20415%20555%200132', 'US', '+14155550132'],
    ['tel:%EF%BC%90%EF%BC%93-1234-5678', 'JP', '+81312345678'],
    ['tel:+1-415-555-0132;ext=123', 'US', '+14155550132'],
    ['tel:415-555-0132;phone-context=+1', 'US', '+14155550132'],
    ['tel:+14155550132%3Bphone-context=example.com', 'US', '+14155550132'],
  ] as const)('reads %s as %s', (href, country, e164) => {
    expect(numberFromTelHref(href, country)).toEqual({ e164 });
  });

  it.each([
    ['not a tel link', 'https://example.com/call?n=4155550132'],
    ['mailto', 'mailto:sales@example.com'],
    ['empty', 'tel:'],
    ['an invalid number', 'tel:03-1234-567'],
    ['letters', 'tel:1-800-FLOWERS'],
    ['a malformed escape', 'tel:%E0%A4%A'],
    ['script', 'tel:javascript:alert(1)'],
    ['a number part too long to be one', `tel:+1${'0'.repeat(200)}`],
    ['separators padding the number past 40 characters', `tel:+1 ${'-'.repeat(40)} 415 555 0132`],
  ])('returns null for %s', (_what, href) => {
    expect(numberFromTelHref(href, 'US')).toBeNull();
  });

  // The inputs below make libphonenumber-js's phone-context checks backtrack (the digits one takes about 6.5 s
  // in the library itself); numberFromTelHref never hands them over. 50 ms is the product's bound and far above
  // the microseconds this takes, so the timing is a sanity check that cannot flake, not a benchmark.
  const freezeStrings: [string, string][] = [
    ['letters', `tel:+1;phone-context=${'a'.repeat(50000)}`],
    ['dots', `tel:+1;phone-context=${'a.'.repeat(25000)}`],
    ['dashes', `tel:+1;phone-context=${'a-'.repeat(25000)}!`],
    ['digits', `tel:+1;phone-context=+${'1'.repeat(50000)}a`],
    ['digit labels', `tel:+1;phone-context=${'1-'.repeat(25000)}!`],
    ['encoded', `tel:+1%3Bphone-context=+${'1'.repeat(50000)}a`],
    ['no separator', `tel:+${'1'.repeat(50000)}a`],
  ];
  it.each(freezeStrings)('handles a crafted phone-context (%s) in well under 50 ms', (_what, href) => {
    numberFromTelHref(href, 'US');
    const started = performance.now();
    const result = numberFromTelHref(href, 'US');
    const elapsed = performance.now() - started;
    expect(result).toBeNull();
    expect(elapsed).toBeLessThan(50);
  });
});

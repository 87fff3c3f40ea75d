// Validation of setting values: every kind rejects bad values of every JSON type with a reason, and
// normalizes good ones.
import { describe, expect, it } from 'vitest';
import { SETTINGS_SCHEMA, type CrmRuleSetting } from '../../../lib/settings/schema';
import { validateSettingValue } from '../../../lib/settings/validate';

const check = (key: keyof typeof SETTINGS_SCHEMA, value: unknown) => validateSettingValue(SETTINGS_SCHEMA[key], value);
const codeOf = (key: keyof typeof SETTINGS_SCHEMA, value: unknown) => {
  const checked = check(key, value);
  return checked.ok ? 'ok' : checked.problem.code;
};

const ALL_JSON_TYPES: unknown[] = [null, true, 3, 2.5, 'text', [], {}];

const goodRule: CrmRuleSetting = {
  id: 'acme-crm',
  name: 'Acme CRM',
  matches: ['https://crm.acme.example/*'],
  recordSelectors: { phone: '.phone', email: '.email', recordId: '[data-id]' },
  urlTemplates: { record: 'https://crm.acme.example/c/{profileId}', search: 'https://crm.acme.example/s?q={phone}' },
  caseReferencePattern: 'AC-\\d+',
};

describe('setting validation', () => {
  it('each kind refuses every JSON type but its own, saying which type it expected', () => {
    const samples = {
      'clickToDial.enabled': true,
      'screenPop.mode': 'ring',
      'session.engineLostGraceSeconds': 3,
      'contactCenter.url': 'text',
      'clickToDial.deniedSites': [],
      'screenPop.templateValues': {},
      'crm.rules': [],
    } as const;
    for (const [key, own] of Object.entries(samples) as [keyof typeof samples, unknown][]) {
      for (const value of ALL_JSON_TYPES) {
        if (JSON.stringify(value) === JSON.stringify(own) || (typeof own === 'string' && typeof value === 'string')) continue;
        const checked = check(key, value);
        expect(checked.ok, `${key} = ${JSON.stringify(value)}`).toBe(false);
        if (!checked.ok) expect(checked.problem.code, key).toBe('wrong-type');
      }
    }
  });

  it('enums, ranges and formats give their own reasons', () => {
    expect(check('screenPop.mode', 'always')).toEqual({ ok: false, problem: { code: 'not-one-of', params: { value: 'always', allowed: 'ring, accept, off' } } });
    expect(codeOf('session.engineLostGraceSeconds', 601)).toBe('out-of-range');
    expect(codeOf('session.engineLostGraceSeconds', -1)).toBe('out-of-range');
    expect(codeOf('contactCenter.url', 'ftp://example.com')).toBe('not-http-url');
    expect(codeOf('contactCenter.url', 'https://user:pw@example.com')).toBe('not-http-url');
    expect(codeOf('contactCenter.url', 'x'.repeat(3000))).toBe('too-long');
    expect(codeOf('phone.deskPhoneNumber', '03-1234-5678')).toBe('not-e164');
    expect(codeOf('contactCenter.region', 'Tokyo')).toBe('not-aws-region');
    expect(codeOf('clickToDial.defaultCountry', 'XX')).toBe('unknown-country');
    expect(codeOf('clickToDial.deniedSites', ['https://ok.example/*', 'not a pattern'])).toBe('not-match-pattern');
    expect(check('clickToDial.deniedSites', ['https://ok.example/*', 4])).toMatchObject({ ok: false, problem: { code: 'wrong-type', params: { index: 1 } } });
    expect(codeOf('clickToDial.disabledSites', ['https://crm.example.com/path'])).toBe('not-origin');
    expect(codeOf('screenPop.templateValues', { crmBase: 5 })).toBe('wrong-type');
  });

  it('normalizes good values', () => {
    expect(check('contactCenter.url', ' https://acme.my.connect.aws/ ')).toEqual({ ok: true, value: 'https://acme.my.connect.aws' });
    expect(check('clickToDial.defaultCountry', 'us')).toEqual({ ok: true, value: 'US' });
    expect(check('phone.deskPhoneNumber', '+81312345678')).toEqual({ ok: true, value: '+81312345678' });
    expect(check('contactCenter.region', 'ap-northeast-1')).toEqual({ ok: true, value: 'ap-northeast-1' });
    expect(check('clickToDial.disabledSites', ['https://crm.example.com/', 'https://crm.example.com'])).toEqual({ ok: true, value: ['https://crm.example.com'] });
    expect(check('crm.rules', [goodRule])).toEqual({ ok: true, value: [goodRule] });
  });

  it('a CRM rule names the field that is wrong', () => {
    const withField = (patch: Partial<Record<keyof CrmRuleSetting, unknown>>) => check('crm.rules', [{ ...goodRule, ...patch }]);
    expect(withField({ id: 'Bad Id' })).toMatchObject({ ok: false, problem: { code: 'invalid-rule', params: { index: 0, field: 'id' } } });
    expect(withField({ matches: [] })).toMatchObject({ ok: false, problem: { params: { field: 'matches' } } });
    expect(withField({ matches: ['nope'] })).toMatchObject({ ok: false, problem: { params: { field: 'matches' } } });
    expect(withField({ caseReferencePattern: 'AC-(' })).toMatchObject({ ok: false, problem: { params: { field: 'caseReferencePattern' } } });
    expect(withField({ urlTemplates: { record: 'javascript:alert(1)', search: 'https://x/' } })).toMatchObject({
      ok: false,
      problem: { params: { field: 'urlTemplates.record' } },
    });
    expect(withField({ recordSelectors: { phone: '.p', email: 5, recordId: '#r' } })).toMatchObject({ ok: false, problem: { params: { field: 'recordSelectors.email' } } });
    expect(check('crm.rules', [goodRule, goodRule])).toMatchObject({ ok: false, problem: { code: 'duplicate-rule-id' } });
  });
});

// URL templates of CRM site rules: values are URL-encoded, unknown placeholders are errors.
import { describe, expect, it } from 'vitest';
import { fillUrlTemplate, placeholdersOf, UnknownPlaceholderError } from '../../../lib/crm-rules/url-template';
import { recordUrl, searchUrl, caseUrl } from '../../../lib/crm-rules/record-urls';
import { demoCrmPort, demoCrmRule } from '../../../lib/crm-rules/rules/demo-crm';

describe('fillUrlTemplate', () => {
  it('fills phone, profile id and attributes', () => {
    const url = fillUrlTemplate('https://crm.example/p/{profileId}?tel={phone}&acct={attributes.accountNumber}', {
      values: { profileId: 'abc', phone: '+819012345678' },
      attributes: { accountNumber: 'AC-1001' },
    });
    expect(url).toBe('https://crm.example/p/abc?tel=%2B819012345678&acct=AC-1001');
  });

  it('encodes hostile values so they cannot add parameters or walk the path', () => {
    const url = fillUrlTemplate('https://crm.example/records/{profileId}?q={phone}', { values: { profileId: '../../admin', phone: 'a&b=c/../' } });
    expect(url).toBe('https://crm.example/records/..%2F..%2Fadmin?q=a%26b%3Dc%2F..%2F');
    expect(new URL(url).searchParams.get('q')).toBe('a&b=c/../');
    expect(new URL(url).pathname).toBe('/records/..%2F..%2Fadmin');
  });

  it('encodes #, spaces and non-ASCII', () => {
    expect(fillUrlTemplate('x:{email}', { values: { email: 'ta ro#@例.jp' } })).toBe('x:ta%20ro%23%40%E4%BE%8B.jp');
  });

  it('throws for a placeholder without a value instead of leaving it empty', () => {
    expect(() => fillUrlTemplate('https://crm/{profileId}', { values: { phone: '1' } })).toThrow(UnknownPlaceholderError);
    expect(() => fillUrlTemplate('https://crm/{attributes.missing}', { values: {}, attributes: {} })).toThrow(/attributes\.missing/);
    expect(() => fillUrlTemplate('https://crm/{email}', { values: { email: '' } })).toThrow(UnknownPlaceholderError);
  });

  it('does not reach inherited properties through attribute names', () => {
    expect(() => fillUrlTemplate('https://crm/{attributes.constructor}', { values: {}, attributes: {} })).toThrow(UnknownPlaceholderError);
    expect(() => fillUrlTemplate('https://crm/{toString}', { values: {} })).toThrow(UnknownPlaceholderError);
  });

  it('lists the placeholders a template uses', () => {
    expect(placeholdersOf('a/{phone}/{attributes.X}')).toEqual(['phone', 'attributes.X']);
  });
});

describe('the demo CRM rule', () => {
  it('derives the CRM port from a local contact center (its port + 1)', () => {
    expect(demoCrmPort('http://127.0.0.1:8080')).toBe('8081');
    expect(demoCrmPort('http://localhost:8080/')).toBe('8081');
    expect(demoCrmPort('https://example.my.connect.aws')).toBeNull();
    expect(demoCrmPort(null)).toBeNull();
  });

  it('a placeholder that starts the template is the base URL: inserted as is, only when it is an http(s) URL', () => {
    const template = '{crmBase}/people/{profileId}';
    expect(fillUrlTemplate(template, { values: { crmBase: 'https://crm.acme.example/', profileId: 'a/b' } })).toBe('https://crm.acme.example/people/a%2Fb');
    expect(() => fillUrlTemplate(template, { values: { crmBase: 'javascript:alert(1)//', profileId: 'p' } })).toThrow(UnknownPlaceholderError);
    expect(() => fillUrlTemplate(template, { values: { crmBase: 'crm.acme.example', profileId: 'p' } })).toThrow(UnknownPlaceholderError);
  });

  it('builds the record, search and case URLs', () => {
    const input = { instanceUrl: 'http://127.0.0.1:8080', profileId: '7c1e', phone: '+819012345678', caseId: 'case-2026-0001' };
    expect(recordUrl(demoCrmRule, input)).toBe('http://localhost:8081/customers/7c1e');
    expect(searchUrl(demoCrmRule, input)).toBe('http://localhost:8081/customers?q=%2B819012345678');
    expect(caseUrl(demoCrmRule, input)).toBe('http://localhost:8081/cases/case-2026-0001');
  });

  it('takes the CRM port from settings over the derived one', () => {
    expect(recordUrl(demoCrmRule, { instanceUrl: 'http://127.0.0.1:8080', extraValues: { crmPort: '9999' }, profileId: 'p' })).toBe('http://localhost:9999/customers/p');
  });

  it('refuses to build a record URL for a remote instance without a configured port', () => {
    expect(() => recordUrl(demoCrmRule, { instanceUrl: 'https://x.my.connect.aws', profileId: 'p' })).toThrow(UnknownPlaceholderError);
  });

  it('finds the demo case references', () => {
    const found = 'See CASE-2026-0001 and CASE-2026-0012, not CASE-26-1.'.match(new RegExp(demoCrmRule.caseReferencePattern, 'g'));
    expect(found).toEqual(['CASE-2026-0001', 'CASE-2026-0012']);
  });
});

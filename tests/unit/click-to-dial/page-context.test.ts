// @vitest-environment happy-dom
// What a dial from a page says about it (F31): URL and title always, the record id only where a CRM site rule
// matches the URL and its selector finds exactly one record; a page cannot hand over more than the bounds.
import { beforeEach, describe, expect, it } from 'vitest';
import { capturePageContext, PAGE_CONTEXT_LIMITS } from '../../../lib/click-to-dial/page-context';
import { BUILT_IN_RULES } from '../../../lib/crm-rules/built-in-rules';
import type { CrmSiteRule } from '../../../lib/crm-rules/crm-rule';

const RECORD_URL = 'http://localhost:8081/customers/7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b01';

beforeEach(() => {
  document.title = '';
  document.body.innerHTML = '';
});

describe('capturePageContext', () => {
  it('takes the URL, the title and the record id on a demo CRM customer record', () => {
    document.title = '  Taro Suzuki\n  — Northwind CRM ';
    document.body.innerHTML = '<div data-record-id="7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b01" class="record"><span data-field="phone">090-1234-5678</span></div>';
    expect(capturePageContext(document, RECORD_URL, BUILT_IN_RULES)).toEqual({
      url: RECORD_URL,
      title: 'Taro Suzuki — Northwind CRM',
      recordId: '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b01',
    });
  });

  it('gives no record id where no rule matches, even when the page has the attribute', () => {
    document.title = 'Hana Sato';
    document.body.innerHTML = '<div data-record-id="42">03-5550-0123</div>';
    expect(capturePageContext(document, 'https://intranet.example/people/42', BUILT_IN_RULES)).toEqual({ url: 'https://intranet.example/people/42', title: 'Hana Sato', recordId: null });
  });

  it('gives no record id on a list showing several records, and one when every element names the same record', () => {
    document.body.innerHTML = '<table><tr data-record-id="p1"></tr><tr data-record-id="p2"></tr></table>';
    expect(capturePageContext(document, 'http://localhost:8081/customers', BUILT_IN_RULES).recordId).toBeNull();
    document.body.innerHTML = '<div data-record-id="p1"><p data-record-id=" p1 "></p></div>';
    expect(capturePageContext(document, 'http://localhost:8081/cases/case-1', BUILT_IN_RULES).recordId).toBe('p1');
  });

  it('finds nothing with a rule whose selector is not valid CSS, instead of failing the dial', () => {
    const broken: CrmSiteRule = { ...BUILT_IN_RULES[0]!, recordSelectors: { phone: 'x', email: 'x', recordId: '[[nope' } };
    document.body.innerHTML = '<div data-record-id="p1"></div>';
    expect(capturePageContext(document, RECORD_URL, [broken]).recordId).toBeNull();
  });

  it('clips what a page controls to the bounds the worker accepts', () => {
    document.title = 'T'.repeat(1000);
    document.body.innerHTML = `<div data-record-id="${'r'.repeat(1000)}"></div>`;
    const context = capturePageContext(document, `${RECORD_URL}?${'q'.repeat(5000)}`, BUILT_IN_RULES);
    expect([context.url.length, context.title.length, context.recordId?.length]).toEqual([PAGE_CONTEXT_LIMITS.url, PAGE_CONTEXT_LIMITS.title, PAGE_CONTEXT_LIMITS.recordId]);
  });
});

// @vitest-environment happy-dom
// The Cases tab's list: open and pending cases before closed ones, each with its reference, title, status and
// update time (in Japanese too); a failure said in words with Try again; a case opened and left again (focus back
// on its row); "New case" opening the form.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import CasesPane from '@/components/workspace/CasesPane.vue';
import { accessibleName } from '../softphone-fixture';
import { mountForCases } from './case-fixture';
import { requestsOf } from './workspace-test-kit';

enableAutoUnmount(afterEach);

const rowTexts = (wrapper: { findAll(s: string): { find(s: string): { text(): string } }[] }, part: string) => wrapper.findAll('[data-testid="case-row"]').map((row) => row.find(part).text());

describe('the Cases tab', () => {
  it('lists open and pending cases first, most recently updated first, then closed ones', async () => {
    const { wrapper } = await mountForCases(CasesPane);
    expect(rowTexts(wrapper, '.case-reference')).toEqual(['CASE-2026-0051', 'CASE-2026-0049', 'CASE-2026-0040']);
    expect(rowTexts(wrapper, '.case-title')).toEqual(['Slow line', 'Router keeps dropping', 'Old router']);
    expect(rowTexts(wrapper, '.case-status')).toEqual(['Pending', 'Open', 'Closed']);
    const updated = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-11-26T09:00:00Z'));
    expect(rowTexts(wrapper, '.case-updated')[0]).toBe(`Updated ${updated}`);
    // A screen reader hears the whole row: reference, status, title and update time.
    expect(accessibleName(wrapper.get('[data-testid="case-row"]').element).replace(/\s+/g, ' ')).toBe(`CASE-2026-0051, Pending, Slow line, Updated ${updated}`);
  });

  it('names statuses and times in Japanese', async () => {
    const { wrapper } = await mountForCases(CasesPane, { language: 'ja' });
    expect(wrapper.get('h2').text()).toBe('ケース');
    expect(rowTexts(wrapper, '.case-status')).toEqual(['保留中', 'オープン', 'クローズ']);
    const updated = new Intl.DateTimeFormat('ja', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-11-26T09:00:00Z'));
    expect(rowTexts(wrapper, '.case-updated')[0]).toBe(`更新: ${updated}`);
    expect(wrapper.get('[data-testid="case-new"]').text()).toBe('新しいケース');
  });

  it('says when Cases cannot be reached, and tries again', async () => {
    let fail = true;
    const { wrapper, client } = await mountForCases(CasesPane, {
      answers: { 'cases-of-profile': () => (fail ? { ok: false, error: { code: 'workspace-source-failed', params: { source: 'cases' } } } : { cases: [] }) },
    });
    const error = wrapper.get('[data-testid="cases-error"]');
    expect(error.text()).toBe('Cases could not be reached. The rest of the workspace still works; try again in a moment.');
    expect(error.element.parentElement?.getAttribute('role')).toBe('alert');
    expect(wrapper.find('[data-testid="case-row"]').exists()).toBe(false);
    fail = false;
    await wrapper.get('[data-testid="cases-retry"]').trigger('click');
    await flushPromises();
    expect(requestsOf(client).filter((r) => r.op === 'cases-of-profile')).toHaveLength(2);
    expect(wrapper.find('[data-testid="cases-error"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="cases-none"]').text()).toBe('This customer has no cases yet.');
  });

  it('opens a case and goes back to the list with focus on that case', async () => {
    const { wrapper, client } = await mountForCases(CasesPane);
    await wrapper.findAll('[data-testid="case-row"]')[1]!.trigger('click');
    await flushPromises();
    expect(requestsOf(client)).toContainEqual({ op: 'case-get', caseId: 'k-1' });
    expect(wrapper.find('[data-testid="case-row"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="case-title"]').text()).toBe('Router keeps dropping');
    await wrapper.get('[data-testid="case-back"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="case-view"]').exists()).toBe(false);
    expect(document.activeElement?.getAttribute('data-case-id')).toBe('k-1');
  });

  it('opens the New case form, and Cancel comes back to the list', async () => {
    const { wrapper } = await mountForCases(CasesPane);
    await wrapper.get('[data-testid="case-new"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="case-form"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="case-row"]').exists()).toBe(false);
    await wrapper.get('[data-testid="case-form"] button[type="button"]').trigger('click');
    await flushPromises();
    expect(wrapper.findAll('[data-testid="case-row"]')).toHaveLength(3);
  });
});

// @vitest-environment happy-dom
// Creating a case: the template chosen, its fields shown with required marks and a title, the account number
// filled from the contact's attribute through the template's mapping; empty required fields and a bad URL
// refused per field with focus on the first and nothing sent; a case created with the contact linked (or not) and
// opened; Cases' refusal shown with the input kept. English and Japanese.
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import CaseForm from '@/components/workspace/CaseForm.vue';
import { useWorkspaceStore } from '@/stores/workspace';
import { accessibleName } from '../softphone-fixture';
import { mountForCases } from './case-fixture';
import { requestsOf } from './workspace-test-kit';

enableAutoUnmount(afterEach);

const field = (wrapper: VueWrapper, id: string) => wrapper.get(`[data-field-id="${id}"]`);
const value = (wrapper: VueWrapper, id: string) => (field(wrapper, id).element as HTMLInputElement).value;

async function chooseTechnical(wrapper: VueWrapper) {
  await wrapper.get('[data-testid="case-template"]').setValue('tpl-tech');
  await flushPromises();
}

describe('the New case form', () => {
  it('offers the templates, then the title and the template’s fields, required ones marked, the account number from the contact', async () => {
    const { wrapper } = await mountForCases(CaseForm);
    expect(document.activeElement?.textContent?.trim()).toBe('New case');
    expect(wrapper.findAll('[data-testid="case-template"] option').map((o) => o.text())).toEqual(['Choose…', 'Technical support', 'Billing inquiry']);
    await chooseTechnical(wrapper);
    expect(wrapper.findAll('.field-label').map((l) => l.text())).toEqual(['Template', 'Title', 'Account number', 'Priority', 'Devices affected', 'Follow up by', 'Status page', 'Summary']);
    expect(wrapper.findAll('.field-label.required').map((l) => l.text())).toEqual(['Template', 'Title', 'Priority']);
    expect(field(wrapper, 'title').attributes('aria-required')).toBe('true');
    expect(value(wrapper, 'f-account')).toBe('AC-1001');
    expect(accessibleName(field(wrapper, 'f-priority').element)).toBe('Priority');
    expect((wrapper.get('[data-testid="case-link-contact"]').element as HTMLInputElement).checked).toBe(true);
  });

  it('refuses a missing template, then empty required fields and a bad URL, focusing the first and sending nothing', async () => {
    const { wrapper, client } = await mountForCases(CaseForm);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="case-template"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('Choose a template.');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="case-template"]').element);

    await chooseTechnical(wrapper);
    await field(wrapper, 'f-page').setValue('javascript:alert(1)');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const invalid = wrapper.findAll('[aria-invalid="true"]').map((e) => e.attributes('data-field-id'));
    expect(invalid).toEqual(['title', 'f-priority', 'f-page']);
    expect(document.activeElement).toBe(field(wrapper, 'title').element);
    expect(wrapper.findAll('.field-error').map((e) => e.text())).toEqual(['Fill in this field.', 'Fill in this field.', 'Enter a web address that starts with http:// or https://.']);
    expect(requestsOf(client).some((r) => r.op === 'case-create')).toBe(false);

    // Fixed as the agent types.
    await field(wrapper, 'title').setValue('Router keeps dropping');
    expect(field(wrapper, 'title').attributes('aria-invalid')).toBeUndefined();
  });

  it('creates the case with the contact linked and opens it', async () => {
    const { wrapper, client, contact, pinia } = await mountForCases(CaseForm, { answers: { 'case-create': () => ({ caseId: 'k-1' }) } });
    await chooseTechnical(wrapper);
    await field(wrapper, 'title').setValue(' Router keeps dropping ');
    await field(wrapper, 'f-priority').setValue('high');
    await field(wrapper, 'f-devices').setValue('２');
    await field(wrapper, 'f-callback').setValue(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(requestsOf(client)).toContainEqual({
      op: 'case-create',
      templateId: 'tpl-tech',
      profileId: 'p-taro',
      fields: { title: 'Router keeps dropping', 'f-account': 'AC-1001', 'f-priority': 'high', 'f-devices': 2, 'f-callback': true },
      linkContactId: contact.id,
    });
    const opened = useWorkspaceStore(pinia).openCase;
    expect(opened.status === 'ready' && opened.value.caseId).toBe('k-1');
    expect(wrapper.emitted('created')).toEqual([['k-1']]);
  });

  it('creates without linking when the agent unticks it', async () => {
    const { wrapper, client } = await mountForCases(CaseForm, { answers: { 'case-create': () => ({ caseId: 'k-9' }) } });
    await wrapper.get('[data-testid="case-template"]').setValue('tpl-billing');
    await flushPromises();
    await wrapper.get('[data-testid="case-link-contact"]').setValue(false);
    await field(wrapper, 'title').setValue('Charge');
    await field(wrapper, 'f-invoice').setValue('INV-1');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const sent = requestsOf(client).find((r) => r.op === 'case-create');
    expect(sent).toMatchObject({ templateId: 'tpl-billing', linkContactId: null, fields: { title: 'Charge', 'f-invoice': 'INV-1' } });
  });

  it('shows Cases’ refusal and keeps what the agent typed', async () => {
    const { wrapper } = await mountForCases(CaseForm, {
      answers: { 'case-create': () => ({ ok: false, error: { code: 'rejected', params: { detail: 'Template tpl-tech is Inactive.' } } }) },
    });
    await chooseTechnical(wrapper);
    await field(wrapper, 'title').setValue('Router');
    await field(wrapper, 'f-priority').setValue('low');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="case-form-error"]').text()).toBe('The contact center refused: Template tpl-tech is Inactive.');
    expect(value(wrapper, 'title')).toBe('Router');
    expect(value(wrapper, 'f-priority')).toBe('low');
    expect(wrapper.emitted('created')).toBeUndefined();
  });

  it('speaks Japanese, and says when the templates cannot be read', async () => {
    const { wrapper } = await mountForCases(CaseForm, { language: 'ja' });
    expect(wrapper.get('h2').text()).toBe('新しいケース');
    await chooseTechnical(wrapper);
    expect(wrapper.findAll('.field-label').slice(0, 2).map((l) => l.text())).toEqual(['テンプレート', 'タイトル']);
    expect(wrapper.get('[data-testid="case-link-contact"]').element.parentElement?.textContent?.trim()).toBe('このコンタクトをケースにリンクする');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.findAll('.field-error')[0]!.text()).toBe('この項目を入力してください。');

    const failing = await mountForCases(CaseForm, { answers: { 'case-templates': () => ({ ok: false, error: { code: 'workspace-source-failed', params: { source: 'cases' } } }) } });
    expect(failing.wrapper.get('[data-testid="case-templates-error"]').text()).toContain('Cases could not be reached');
  });
});

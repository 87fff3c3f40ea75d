// @vitest-environment happy-dom
// One open case: reference, title, status (changed at once, a refusal putting it back), the template's fields
// labelled and saved with only what changed, the feed newest first with a contact's durations as Cases gives
// them (read by the engine's activityOf), comments (an empty one refused), "Link this contact" only while the
// contact is not on the case, and "Open in CRM" only when a CRM rule has a case page for it. English and Japanese.
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import CaseView from '@/components/workspace/CaseView.vue';
import { useWorkspaceStore } from '@/stores/workspace';
import { voiceContact } from '../softphone-fixture';
import { mountForCases, type CaseAnswers } from './case-fixture';
import { requestsOf } from './workspace-test-kit';

enableAutoUnmount(afterEach);

async function openCase(options: Parameters<typeof mountForCases>[1] = {}) {
  const mounted = await mountForCases(CaseView, options);
  await useWorkspaceStore(mounted.pinia).showCase('k-1');
  await flushPromises();
  return mounted;
}

const activity = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="case-activity"]');
const refused: CaseAnswers['case-update'] = () => ({ ok: false, error: { code: 'rejected', params: { detail: 'Field f-priority takes one of its options.' } } });

describe('an open case', () => {
  it('shows reference, title, status and the template’s fields with their values, focus on the title', async () => {
    const { wrapper } = await openCase();
    expect(wrapper.get('.card-kicker').text()).toBe('Reference CASE-2026-0049');
    expect(wrapper.get('[data-testid="case-title"]').text()).toBe('Router keeps dropping');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="case-title"]').element);
    expect((wrapper.get('[data-testid="case-status"]').element as HTMLSelectElement).value).toBe('open');
    const labels = wrapper.findAll('[data-testid="case-fields"] .field-label').map((l) => l.text());
    expect(labels).toEqual(['Account number', 'Priority', 'Devices affected', 'Follow up by', 'Status page', 'Summary']);
    expect((wrapper.get('[data-field-id="f-account"]').element as HTMLInputElement).value).toBe('AC-1001');
    expect((wrapper.get('[data-field-id="f-callback"]').element as HTMLInputElement).checked).toBe(true);
    expect((wrapper.get('[data-field-id="summary"]').element as HTMLTextAreaElement).value).toBe('The router drops the line every evening.');
  });

  it('lists the activity newest first, with a finished call’s queue, hold, talk and ACW times', async () => {
    const { wrapper } = await openCase();
    const items = activity(wrapper);
    expect(items.map((i) => i.attributes('data-kind'))).toEqual(['comment', 'contact', 'contact']);
    expect(items[0]!.text()).toContain('Sent a new router.');
    expect(items[1]!.find('.activity-kind').text()).toBe('Chat');
    expect(items[1]!.find('.durations').exists()).toBe(false);
    expect(items[2]!.find('.activity-kind').text()).toBe('Call');
    expect(items[2]!.findAll('.duration').map((d) => `${d.get('dt').text()} ${d.get('dd').text()}`)).toEqual(['Queue 1:35', 'Hold 2:00', 'Talk 1:02:05', 'After contact work 1:00']);
    const time = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-11-19T15:55:00.000Z'));
    expect(items[2]!.get('time').text()).toBe(time);
  });

  it('changes the status at once and says so; a refused change puts the status back and says why', async () => {
    let refuse = false;
    const { wrapper, client } = await openCase({ answers: { 'case-update': (r, usual) => (refuse ? refused!(r, usual) : usual()) } });
    await wrapper.get('[data-testid="case-status"]').setValue('closed');
    await flushPromises();
    expect(requestsOf(client)).toContainEqual({ op: 'case-update', caseId: 'k-1', fields: { status: 'closed' } });
    expect(wrapper.get('[data-testid="case-announcement"]').text()).toBe('Status changed to Closed.');
    expect(wrapper.get('[data-testid="case-announcement"]').attributes('role')).toBe('status');
    refuse = true;
    await wrapper.get('[data-testid="case-status"]').setValue('pending');
    await flushPromises();
    expect((wrapper.get('[data-testid="case-status"]').element as HTMLSelectElement).value).toBe('closed');
    expect(wrapper.get('[data-testid="case-command-error"]').text()).toBe('The contact center refused: Field f-priority takes one of its options.');
  });

  it('saves only the fields that changed, refusing a bad number first', async () => {
    const { wrapper, client } = await openCase();
    await wrapper.get('[data-field-id="f-devices"]').setValue('two');
    await wrapper.get('[data-field-id="f-account"]').setValue('AC-2002');
    await wrapper.get('[data-testid="case-fields"]').trigger('submit');
    await flushPromises();
    const devices = wrapper.get('[data-field-id="f-devices"]');
    expect(devices.attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(devices.element);
    expect(wrapper.get('[data-testid="case-fields"]').text()).toContain('Enter a number, such as 3 or 12.5.');
    expect(requestsOf(client).some((r) => r.op === 'case-update')).toBe(false);

    await devices.setValue('3');
    await wrapper.get('[data-testid="case-fields"]').trigger('submit');
    await flushPromises();
    expect(requestsOf(client).filter((r) => r.op === 'case-update')).toEqual([{ op: 'case-update', caseId: 'k-1', fields: { 'f-account': 'AC-2002', 'f-devices': 3 } }]);
    expect(wrapper.get('[data-testid="case-save-status"]').text()).toBe('Case saved.');
    // Read again, the saved values show as the case's own.
    expect((wrapper.get('[data-field-id="f-devices"]').element as HTMLInputElement).value).toBe('3');
  });

  it('keeps a refused save’s input and says why', async () => {
    const { wrapper } = await openCase({ answers: { 'case-update': refused } });
    await wrapper.get('[data-field-id="f-account"]').setValue('AC-3003');
    await wrapper.get('[data-testid="case-fields"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="case-save-error"]').text()).toContain('The contact center refused');
    expect((wrapper.get('[data-field-id="f-account"]').element as HTMLInputElement).value).toBe('AC-3003');
  });

  it('refuses an empty comment, then adds one and shows it first in the feed', async () => {
    const { wrapper, client } = await openCase();
    const box = wrapper.get('[data-testid="case-comment"]');
    await box.setValue('   ');
    await wrapper.get('[data-testid="case-comment-form"]').trigger('submit');
    await flushPromises();
    expect(box.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="case-comment-form"]').text()).toContain('Write the comment first.');
    expect(document.activeElement).toBe(box.element);
    expect(requestsOf(client).some((r) => r.op === 'case-comment')).toBe(false);

    await box.setValue('Customer will call back tomorrow.');
    await wrapper.get('[data-testid="case-comment-form"]').trigger('submit');
    await flushPromises();
    expect(requestsOf(client)).toContainEqual({ op: 'case-comment', caseId: 'k-1', body: 'Customer will call back tomorrow.' });
    expect(activity(wrapper)[0]!.text()).toContain('Customer will call back tomorrow.');
    expect((box.element as HTMLTextAreaElement).value).toBe('');
    expect(wrapper.get('[data-testid="case-announcement"]').text()).toBe('Comment added.');
  });

  it('links this contact, then hides the button and marks the contact in the feed', async () => {
    const { wrapper, client, contact } = await openCase();
    expect(wrapper.find('[data-testid="case-activity-this-contact"]').exists()).toBe(false);
    await wrapper.get('[data-testid="case-link"]').trigger('click');
    await flushPromises();
    expect(requestsOf(client)).toContainEqual({ op: 'case-link-contact', caseId: 'k-1', contactId: contact.id });
    expect(wrapper.find('[data-testid="case-link"]').exists()).toBe(false);
    expect(activity(wrapper)[0]!.find('[data-testid="case-activity-this-contact"]').text()).toBe('This contact');
    expect(wrapper.get('[data-testid="case-announcement"]').text()).toBe('This contact is now linked to the case.');
  });

  it('has no Link button when the contact is already on the case', async () => {
    const contact = voiceContact({ id: 'old-call', state: 'connected' });
    const { wrapper } = await openCase({ contact });
    expect(wrapper.find('[data-testid="case-link"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="case-activity-this-contact"]').exists()).toBe(true);
  });

  it('links to the case in the demo CRM for the local contact center, and not for another instance', async () => {
    const { wrapper } = await openCase();
    const link = wrapper.get('[data-testid="case-open-crm"]');
    expect(link.attributes('href')).toBe('http://localhost:8791/cases/k-1');
    expect(link.attributes('target')).toBe('_blank');
    wrapper.unmount();
    const other = await openCase({ instanceUrl: 'https://example.my.connect.aws' });
    expect(other.wrapper.find('[data-testid="case-open-crm"]').exists()).toBe(false);
  });

  it('speaks Japanese, and says a case that cannot be read could not be', async () => {
    const { wrapper } = await openCase({ language: 'ja' });
    expect(wrapper.get('[data-testid="case-back"]').text()).toContain('ケース一覧に戻る');
    expect(wrapper.findAll('[data-testid="case-status"] option').map((o) => o.text())).toEqual(['オープン', '保留中', 'クローズ']);
    expect(wrapper.get('[data-testid="case-comment-add"]').text()).toBe('コメントを追加');
    expect(wrapper.get('[data-testid="case-link"]').text()).toBe('このコンタクトをリンク');
    expect(wrapper.get('[data-testid="case-open-crm"]').text()).toContain('CRM で開く');
    expect(activity(wrapper)[2]!.findAll('.duration dt').map((d) => d.text())).toEqual(['キュー', '保留', '通話', '後処理']);

    const failing = await openCase({ answers: { 'case-get': () => ({ ok: false, error: { code: 'workspace-source-failed', params: { source: 'cases' } } }) } });
    expect(failing.wrapper.get('[data-testid="case-error"]').text()).toContain('Cases could not be reached');
  });
});

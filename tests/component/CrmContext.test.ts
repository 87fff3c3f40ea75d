// @vitest-environment happy-dom
// Component tests of the CRM context in the call views: the "From page" line of a call dialed from a CRM page
// (F31: title linking to the page, record id, a note when the contact center did not store it), and the chooser
// when several customer profiles match the caller (F29: name, account, open cases; choosing sends one command).
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import ActiveCallView from '@/components/softphone/ActiveCallView.vue';
import IncomingContactCard from '@/components/softphone/IncomingContactCard.vue';
import type { ContactPageContext, ContactView, ProfileChoices, SessionSnapshot } from '@/lib/session/snapshot';
import { useSettingsStore } from '@/stores/settings';
import { connection, FakeSessionClient, mountSoftphone, readySnapshot, voiceContact } from './softphone-fixture';

enableAutoUnmount(afterEach);

const PAGE: ContactPageContext = {
  url: 'http://localhost:8791/customers/7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b01',
  title: 'Taro Suzuki — Northwind CRM',
  recordId: '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b01',
  dialId: 'page-dial:1',
  attributes: 'written',
};

const CHOICES: ProfileChoices = {
  profiles: [
    { profileId: 'p-taro', name: 'Taro Suzuki', accountNumber: 'AC-1001', openCases: 2, recordUrl: 'http://localhost:8791/customers/p-taro' },
    { profileId: 'p-hanako', name: 'Hanako Suzuki', accountNumber: null, openCases: 0, recordUrl: 'http://localhost:8791/customers/p-hanako' },
    { profileId: 'p-ken', name: 'Ken Suzuki', accountNumber: null, openCases: 1, recordUrl: null },
  ],
  chosenProfileId: null,
};

const outbound = voiceContact({
  state: 'connected',
  initiationMethod: 'outbound',
  connections: [connection({ id: 'agent-leg', role: 'agent' }), connection({ id: 'customer-leg', role: 'customer', phoneNumber: '+819012345678' })],
});
const ringing = voiceContact();

async function mountWith(component: typeof ActiveCallView | typeof IncomingContactCard, contact: ContactView, extra: Partial<SessionSnapshot>, options: { language?: 'en' | 'ja'; client?: FakeSessionClient } = {}) {
  const mounted = await mountSoftphone(component, readySnapshot({ contacts: [contact], ...extra }), { props: { contact }, ...options });
  await useSettingsStore(mounted.pinia).load(); // the policy the test set (the agent workspace on or off)
  await flushPromises();
  return mounted;
}

describe('the page a call was dialed from', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('shows "From page" with the title linking to the page, and the record id', async () => {
    const { wrapper } = await mountWith(ActiveCallView, outbound, { pageContexts: { [outbound.id]: PAGE } });
    const line = wrapper.get('[data-testid="page-context"]');
    expect(line.text()).toContain('From page');
    const link = wrapper.get('[data-testid="page-context-link"]');
    expect([link.text(), link.attributes('href'), link.attributes('target')]).toEqual([PAGE.title, PAGE.url, '_blank']);
    expect(wrapper.get('[data-testid="page-context-record"]').text()).toBe(`Record ${PAGE.recordId}`);
    expect(line.text()).not.toContain('Kept in this panel only');
  });

  it('speaks Japanese, names an untitled page, and says when the context stayed in the panel', async () => {
    const { wrapper } = await mountWith(ActiveCallView, outbound, { pageContexts: { [outbound.id]: { ...PAGE, title: '', recordId: null, attributes: 'panel-only' } } }, { language: 'ja' });
    const line = wrapper.get('[data-testid="page-context"]');
    expect(line.text()).toContain('発信元のページ');
    expect(wrapper.get('[data-testid="page-context-link"]').text()).toBe('無題のページ');
    expect(wrapper.find('[data-testid="page-context-record"]').exists()).toBe(false);
    expect(line.text()).toContain('このパネルにのみ表示しています');
  });

  it('links nothing but a web page', async () => {
    const { wrapper } = await mountWith(ActiveCallView, outbound, { pageContexts: { [outbound.id]: { ...PAGE, url: 'javascript:alert(1)' } } });
    expect(wrapper.find('[data-testid="page-context-link"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="page-context"]').text()).toContain(PAGE.title);
  });

  it('shows no line for a call that was not dialed from a page, or another contact’s page', async () => {
    const { wrapper } = await mountWith(ActiveCallView, outbound, { pageContexts: { 'other-contact': PAGE } });
    expect(wrapper.find('[data-testid="page-context"]').exists()).toBe(false);
  });
});

describe('the chooser when several customers match', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    // The call views show the screen pop's chooser only with the agent workspace off (its Profile tab has one).
    await fakeBrowser.storage.managed.set({ 'features.workspace': { value: false, locked: true } });
  });

  it('is not in the call views while the agent workspace is on', async () => {
    await fakeBrowser.storage.managed.set({ 'features.workspace': { value: true } });
    const { wrapper } = await mountWith(IncomingContactCard, ringing, { profileChoices: { [ringing.id]: CHOICES } });
    expect(wrapper.find('[data-testid="profile-chooser"]').exists()).toBe(false);
  });

  it('lists each profile with its name, account number and open cases on the ringing call', async () => {
    const { wrapper } = await mountWith(IncomingContactCard, ringing, { profileChoices: { [ringing.id]: CHOICES } });
    const chooser = wrapper.get('[data-testid="profile-chooser"]');
    expect(chooser.get('h3').text()).toBe('3 customers match this number');
    const shown = chooser.findAll('[data-testid="profile-choice"]').map((b) => [b.get('.choice-name').text(), b.get('.choice-meta').text()]);
    expect(shown).toEqual([
      ['Taro Suzuki', 'Account AC-1001 · Open cases: 2'],
      ['Hanako Suzuki', 'Open cases: 0'],
      ['Ken Suzuki', 'Open cases: 1'],
    ]);
  });

  it('sends one choose-profile command for the profile chosen; one without a record link cannot be chosen', async () => {
    const { wrapper, client } = await mountWith(IncomingContactCard, ringing, { profileChoices: { [ringing.id]: CHOICES } });
    const [, hanako, ken] = wrapper.findAll('[data-testid="profile-choice"]');
    await hanako!.trigger('click');
    await flushPromises();
    expect(client.commands).toEqual([{ type: 'choose-profile', contactId: ringing.id, profileId: 'p-hanako' }]);
    expect(ken!.attributes('disabled')).toBeDefined();
  });

  it('marks the chosen profile on the call view', async () => {
    const chosen = { ...CHOICES, chosenProfileId: 'p-taro' };
    const { wrapper } = await mountWith(ActiveCallView, outbound, { profileChoices: { [outbound.id]: chosen } });
    const buttons = wrapper.findAll('[data-testid="profile-choice"]');
    expect(buttons.map((b) => b.attributes('aria-pressed'))).toEqual(['true', 'false', 'false']);
    expect(buttons[0]!.text()).toContain('Opened');
  });

  it('shows a translated error next to the chooser when the record could not be opened', async () => {
    const client = new FakeSessionClient();
    client.answer = () => ({ ok: false, error: { code: 'record-not-opened', detail: 'No tab with id: 5' } });
    const { wrapper } = await mountWith(IncomingContactCard, ringing, { profileChoices: { [ringing.id]: CHOICES } }, { language: 'ja', client });
    await wrapper.findAll('[data-testid="profile-choice"]')[0]!.trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="profile-chooser"] [role="alert"]').text()).toBe('顧客レコードを開けませんでした。画面ポップアップのカードから開いてください。');
  });
});

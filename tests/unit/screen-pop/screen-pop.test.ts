// Screen pop in the worker: once per contact, on ring / on accept / off, the card goes to the active tab,
// the record tab is focused when open and created otherwise, several matching profiles open no tab but are
// offered in the session for the panel's chooser, and choosing one opens its record once.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { activeRules } from '../../../lib/crm-rules/active-rules';
import type { ScreenPopMessage } from '../../../lib/screen-pop/card-message';
import { isScreenPopMessage } from '../../../lib/screen-pop/card-message';
import { ScreenPop, type ScreenPopTabs } from '../../../lib/screen-pop/screen-pop';
import { poppedContactsItem, type ScreenPopMode } from '../../../lib/screen-pop/settings';
import { getSetting, loadSettings, setAgentChoice } from '../../../lib/settings/settings-store';
import { SessionStore } from '../../../lib/session/session-store';
import { emptySnapshot, type ContactView, type SessionSnapshot } from '../../../lib/session/snapshot';

const INSTANCE = 'http://127.0.0.1:8080';
const TARO = { ProfileId: 'p-taro', FirstName: 'Taro', LastName: 'Suzuki', AccountNumber: 'AC-1001', EmailAddress: 'taro@example.jp' };
const HANAKO = { ProfileId: 'p-hanako', FirstName: 'Hanako', LastName: 'Suzuki' };
const TARO_RECORD = 'http://localhost:8081/customers/p-taro';

function contact(overrides: Partial<ContactView> = {}): ContactView {
  return {
    id: 'c-1',
    initialContactId: null,
    channel: 'voice',
    state: 'connecting',
    since: 0,
    initiationMethod: 'inbound',
    queueName: 'BasicQueue',
    attributes: { accountNumber: 'AC-1001' },
    connections: [
      { id: 'a', role: 'agent', state: 'connecting', since: 0, phoneNumber: null, name: null, endpointType: 'agent', quickConnectName: null },
      { id: 'k', role: 'customer', state: 'connected', since: 0, phoneNumber: '+819012345678', name: null, endpointType: 'phone_number', quickConnectName: null },
    ],
    transferredBy: null,
    deskPhone: false,
    ...overrides,
  };
}

function snapshotWith(contacts: ContactView[], sequence = 1): SessionSnapshot {
  return { ...emptySnapshot(0), sequence, instanceUrl: INSTANCE, contacts };
}

let profiles: Record<string, unknown>[];
let fetchMock: ReturnType<typeof vi.fn>;
let sent: { tabId: number; message: ScreenPopMessage }[];
let log: { event: string; data?: Record<string, unknown> }[];

/** The browser's tabs as screen pop sees them (fakeBrowser.tabs does not track which tab is active). */
class FakeTabs implements ScreenPopTabs {
  tabs: { id: number; url: string; windowId: number }[] = [];
  activeId: number | null = null;
  private nextId = 1;
  query(q: { active?: boolean }) {
    return Promise.resolve(this.tabs.filter((t) => q.active === undefined || (t.id === this.activeId) === q.active).map((t) => ({ ...t })));
  }
  create(p: { url: string; active: boolean }) {
    const tab = { id: this.nextId++, url: p.url, windowId: 1 };
    this.tabs.push(tab);
    if (p.active) this.activeId = tab.id;
    return Promise.resolve({ id: tab.id });
  }
  update(tabId: number, p: { active: boolean }) {
    if (p.active) this.activeId = tabId;
    return Promise.resolve({});
  }
  sendMessage(tabId: number, message: ScreenPopMessage) {
    sent.push({ tabId, message });
    return Promise.resolve();
  }
  /** Makes a tab showing `url` active, opening it when needed. */
  async activate(url: string) {
    const existing = this.tabs.find((t) => t.url === url);
    if (existing) this.activeId = existing.id;
    else await this.create({ url, active: true });
  }
}

let tabs: FakeTabs;
/** The worker's session store, kept in memory (storage.session's part is tested elsewhere). */
let session: SessionStore;

function makeScreenPop(): ScreenPop {
  return new ScreenPop({
    session,
    tabs,
    fetch: fetchMock as unknown as (url: string, init: RequestInit) => Promise<Response>,
    log: { append: (event, data) => log.push({ event, data }) },
    rules: { getValue: async () => activeRules((await loadSettings()).values) },
    mode: { getValue: () => getSetting('screenPop.mode') },
    templateValues: { getValue: () => getSetting('screenPop.templateValues') },
    popped: poppedContactsItem,
    formatNumber: (e164) => Promise.resolve(e164 === '+819012345678' ? '090-1234-5678' : e164),
  });
}

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

function urlsOfTabs(): string[] {
  return tabs.tabs.map((t) => t.url);
}

async function setMode(mode: ScreenPopMode) {
  expect(await setAgentChoice('screenPop.mode', mode)).toEqual({ ok: true });
}

/** The admin's policy (managed storage), as default values. */
async function setPolicy(values: Record<string, unknown>) {
  await fakeBrowser.storage.managed.set(Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value }])));
}

beforeEach(async () => {
  fakeBrowser.reset();
  profiles = [TARO];
  sent = [];
  log = [];
  fetchMock = vi.fn((url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { filter?: { profileId: string } };
    if (url.endsWith('/api/v1/profiles/search')) return Promise.resolve(json({ Items: profiles }));
    if (url.endsWith('/api/v1/cases/search')) {
      return Promise.resolve(
        json({
          cases: [
            { caseId: 'case-2026-0001', reference: 'CASE-2026-0001', title: 'Router', status: 'open', profileId: body.filter?.profileId },
            { caseId: 'case-2026-0002', reference: 'CASE-2026-0002', title: 'Old', status: 'closed', profileId: body.filter?.profileId },
          ],
        }),
      );
    }
    return Promise.resolve(new Response('no', { status: 404 }));
  });
  tabs = new FakeTabs();
  let stored: SessionSnapshot | null = null;
  session = new SessionStore({ getValue: () => Promise.resolve(stored), setValue: (value) => Promise.resolve(void (stored = value)) });
  await session.load();
  // The agent is on some web page (the active tab).
  await tabs.activate('https://intranet.example/home');
});

describe('screen pop', () => {
  it('pops on ring: sends the card to the active tab and opens the record tab', async () => {
    await makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    expect(sent).toHaveLength(1);
    const message = sent[0]!.message;
    expect(isScreenPopMessage(message)).toBe(true);
    expect(message.card).toEqual({
      contactId: 'c-1',
      phoneNumber: '+819012345678',
      phoneNumberDisplay: '090-1234-5678',
      queueName: 'BasicQueue',
      attributes: { accountNumber: 'AC-1001' },
      profiles: [
        {
          profileId: 'p-taro',
          name: 'Taro Suzuki',
          accountNumber: 'AC-1001',
          recordUrl: TARO_RECORD,
          cases: [{ reference: 'CASE-2026-0001', title: 'Router', status: 'open', url: 'http://localhost:8081/cases/case-2026-0001' }],
        },
      ],
      searchUrl: 'http://localhost:8081/customers?q=%2B819012345678',
    });
    expect(urlsOfTabs()).toEqual(['https://intranet.example/home', TARO_RECORD]);
    const [, body] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(JSON.parse(String(body.body))).toEqual({ KeyName: '_phone', Values: ['+819012345678'] });
  });

  it('pops once per contact, not once per snapshot', async () => {
    const pop = makeScreenPop();
    await pop.handleSnapshot(snapshotWith([contact()], 1));
    await pop.handleSnapshot(snapshotWith([contact({ state: 'connected' })], 2));
    await pop.handleSnapshot(snapshotWith([contact({ state: 'connected' })], 3));
    expect(sent).toHaveLength(1);
    expect((urlsOfTabs()).filter((u) => u === TARO_RECORD)).toHaveLength(1);
  });

  it('remembers popped contacts in storage.session across a worker restart', async () => {
    await makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    await makeScreenPop().handleSnapshot(snapshotWith([contact({ state: 'connected' })], 2));
    expect(sent).toHaveLength(1);
    expect(await poppedContactsItem.getValue()).toEqual(['c-1']);
  });

  it('pops a second contact of the same customer by focusing the tab already open', async () => {
    const pop = makeScreenPop();
    await pop.handleSnapshot(snapshotWith([contact()]));
    await tabs.activate('https://intranet.example/home');
    await pop.handleSnapshot(snapshotWith([contact({ id: 'c-2' })], 2));
    expect(sent).toHaveLength(2);
    expect((urlsOfTabs()).filter((u) => u === TARO_RECORD)).toHaveLength(1);
    expect(log.map((l) => l.event)).toContain('screen-pop-record-focused');
    expect(tabs.tabs.find((t) => t.id === tabs.activeId)?.url).toBe(TARO_RECORD);
  });

  it('waits for the accept when the setting says on accept', async () => {
    await setMode('accept');
    const pop = makeScreenPop();
    await pop.handleSnapshot(snapshotWith([contact({ state: 'connecting' })]));
    expect(sent).toHaveLength(0);
    await pop.handleSnapshot(snapshotWith([contact({ state: 'connected' })], 2));
    expect(sent).toHaveLength(1);
    expect(urlsOfTabs()).toContain(TARO_RECORD);
  });

  it('does nothing when switched off', async () => {
    await setMode('off');
    await makeScreenPop().handleSnapshot(snapshotWith([contact({ state: 'connected' })]));
    expect(sent).toHaveLength(0);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(urlsOfTabs()).toEqual(['https://intranet.example/home']);
  });

  it('pops nothing for outbound calls and chats', async () => {
    await makeScreenPop().handleSnapshot(snapshotWith([contact({ initiationMethod: 'outbound' }), contact({ id: 'chat', channel: 'chat' })]));
    expect(sent).toHaveLength(0);
  });

  it('lists several matching profiles on the card and opens no tab', async () => {
    profiles = [TARO, HANAKO];
    await makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    expect(sent[0]!.message.card.profiles.map((p) => [p.name, p.recordUrl])).toEqual([
      ['Taro Suzuki', TARO_RECORD],
      ['Hanako Suzuki', 'http://localhost:8081/customers/p-hanako'],
    ]);
    expect(urlsOfTabs()).toEqual(['https://intranet.example/home']);
    expect(log.map((l) => l.event)).toContain('screen-pop-several-matches');
  });

  it('offers several matching profiles in the session for the panel, with their open cases counted', async () => {
    profiles = [TARO, HANAKO];
    const { current } = await session.update(() => snapshotWith([contact()]));
    await makeScreenPop().handleSnapshot(current);
    expect(session.snapshot.profileChoices).toEqual({
      'c-1': {
        profiles: [
          { profileId: 'p-taro', name: 'Taro Suzuki', accountNumber: 'AC-1001', openCases: 1, recordUrl: TARO_RECORD },
          { profileId: 'p-hanako', name: 'Hanako Suzuki', accountNumber: null, openCases: 1, recordUrl: 'http://localhost:8081/customers/p-hanako' },
        ],
        chosenProfileId: null,
      },
    });
  });

  it('opens the chosen profile’s record once: choosing it again focuses the same tab', async () => {
    profiles = [TARO, HANAKO];
    const pop = makeScreenPop();
    await pop.handleSnapshot((await session.update(() => snapshotWith([contact()]))).current);
    await expect(pop.chooseProfile('c-1', 'p-hanako')).resolves.toEqual({ ok: true });
    await tabs.activate('https://intranet.example/home');
    await expect(pop.chooseProfile('c-1', 'p-hanako')).resolves.toEqual({ ok: true });
    expect(urlsOfTabs()).toEqual(['https://intranet.example/home', 'http://localhost:8081/customers/p-hanako']);
    expect(tabs.tabs.find((t) => t.id === tabs.activeId)?.url).toBe('http://localhost:8081/customers/p-hanako');
    expect(session.snapshot.profileChoices['c-1']?.chosenProfileId).toBe('p-hanako');
  });

  it('refuses a choice for a contact without matches, or of a profile that was not offered', async () => {
    profiles = [TARO, HANAKO];
    const pop = makeScreenPop();
    await pop.handleSnapshot((await session.update(() => snapshotWith([contact()]))).current);
    await expect(pop.chooseProfile('c-9', 'p-taro')).resolves.toMatchObject({ ok: false, error: { code: 'contact-not-found' } });
    await expect(pop.chooseProfile('c-1', 'p-other')).resolves.toMatchObject({ ok: false, error: { code: 'bad-command' } });
    expect(urlsOfTabs()).toEqual(['https://intranet.example/home']);
  });

  it('offers nothing for a contact that ended during the lookup', async () => {
    profiles = [TARO, HANAKO];
    await makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    expect(session.snapshot.profileChoices).toEqual({});
  });

  it('shows the number without a record when nobody matches', async () => {
    profiles = [];
    await makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    expect(sent[0]!.message.card.profiles).toEqual([]);
    expect(sent[0]!.message.card.searchUrl).toBe('http://localhost:8081/customers?q=%2B819012345678');
    expect(urlsOfTabs()).toEqual(['https://intranet.example/home']);
  });

  it('uses the configured CRM port over the derived one', async () => {
    await setPolicy({ 'screenPop.templateValues': { crmPort: '9100' } });
    await makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    expect(urlsOfTabs()).toContain('http://localhost:9100/customers/p-taro');
  });

  it("an admin's CRM rule serves the contact when the agent is on that CRM, with the admin's template values", async () => {
    await setPolicy({
      'screenPop.templateValues': { crmBase: 'https://crm.acme.example' },
      'crm.rules': [
        {
          id: 'acme',
          name: 'Acme CRM',
          matches: ['https://crm.acme.example/*'],
          recordSelectors: { phone: '.phone', email: '.email', recordId: '[data-id]' },
          urlTemplates: { record: '{crmBase}/people/{profileId}?from={contactId}', search: '{crmBase}/find?tel={phone}' },
          caseReferencePattern: 'AC-\\d+',
        },
      ],
    });
    await tabs.activate('https://crm.acme.example/home');
    await makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    expect(urlsOfTabs().filter((url) => url.includes('/people/'))).toEqual(['https://crm.acme.example/people/p-taro?from=c-1']);
  });

  it('with the built-in rules switched off and no rule of its own, it pops the card but opens no record', async () => {
    await setPolicy({ 'crm.builtInRules': false });
    await makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    expect(sent[0]!.message.card.profiles[0]).toMatchObject({ recordUrl: null });
    expect(urlsOfTabs()).toEqual(['https://intranet.example/home']);
  });

  it('still opens the record when the active tab is not a web page', async () => {
    await tabs.activate('chrome://newtab/');
    await makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    expect(sent).toHaveLength(0);
    expect(urlsOfTabs()).toContain(TARO_RECORD);
  });

  it('logs a failed lookup and does not pop that contact again', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(new Response('{}', { status: 403 })));
    const pop = makeScreenPop();
    await pop.handleSnapshot(snapshotWith([contact()]));
    await pop.handleSnapshot(snapshotWith([contact({ state: 'connected' })], 2));
    expect(log.filter((l) => l.event === 'screen-pop-failed')).toHaveLength(1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('uses profile attributes for instances without the profiles API', async () => {
    const remote = { ...snapshotWith([contact({ attributes: { profileId: 'x/../y', customerName: 'Ken' } })]), instanceUrl: 'https://acme.my.connect.aws' };
    await setPolicy({ 'screenPop.templateValues': { crmPort: '8081' } });
    await makeScreenPop().handleSnapshot(remote);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(sent[0]!.message.card.profiles[0]).toMatchObject({ name: 'Ken', recordUrl: 'http://localhost:8081/customers/x%2F..%2Fy' });
  });
});

describe('isScreenPopMessage', () => {
  it('refuses messages that are not well-formed cards', () => {
    expect(isScreenPopMessage({ type: 'screen-pop' })).toBe(false);
    expect(isScreenPopMessage({ type: 'screen-pop', card: { contactId: 1 } })).toBe(false);
    expect(isScreenPopMessage(null)).toBe(false);
  });
});

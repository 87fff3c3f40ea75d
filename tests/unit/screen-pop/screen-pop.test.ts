// Screen pop in the worker: once per contact, on ring / on accept / off, the customer is looked up through the
// engine's workspace (profiles, then their open cases when the instance has Cases), the card goes to the active
// tab, the record tab is focused when open and created otherwise, several matching profiles open no tab but are
// offered in the session for the panel's chooser, and choosing one opens its record once. A failed lookup still
// pops the card, from what the contact carries.
import { beforeEach, describe, expect, it } from 'vitest';
import { isScreenPopMessage } from '../../../lib/screen-pop/card-message';
import { poppedContactsItem } from '../../../lib/screen-pop/settings';
import { ACME_RULE, contact, HANAKO, ScreenPopWorld, setMode, setPolicy, snapshotWith, TARO, TARO_RECORD } from './screen-pop-kit';

let world: ScreenPopWorld;

beforeEach(async () => {
  world = await ScreenPopWorld.start();
});

describe('screen pop', () => {
  it('pops on ring: sends the card to the active tab and opens the record tab', async () => {
    await world.makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    expect(world.sent).toHaveLength(1);
    const message = world.sent[0]!.message;
    expect(isScreenPopMessage(message)).toBe(true);
    expect(message.card).toEqual({
      contactId: 'c-1',
      channel: 'voice',
      customerName: null,
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
    expect(world.urlsOfTabs()).toEqual(['https://intranet.example/home', TARO_RECORD]);
    expect(world.requests()).toEqual([
      { op: 'profile-search', key: '_phone', value: '+819012345678' },
      { op: 'cases-of-profile', profileId: 'p-taro' },
    ]);
  });

  it('pops once per contact, not once per snapshot', async () => {
    const pop = world.makeScreenPop();
    await pop.handleSnapshot(snapshotWith([contact()], 1));
    await pop.handleSnapshot(snapshotWith([contact({ state: 'connected' })], 2));
    await pop.handleSnapshot(snapshotWith([contact({ state: 'connected' })], 3));
    expect(world.sent).toHaveLength(1);
    expect(world.urlsOfTabs().filter((u) => u === TARO_RECORD)).toHaveLength(1);
  });

  it('remembers popped contacts in storage.session across a worker restart', async () => {
    await world.makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    await world.makeScreenPop().handleSnapshot(snapshotWith([contact({ state: 'connected' })], 2));
    expect(world.sent).toHaveLength(1);
    expect(await poppedContactsItem.getValue()).toEqual(['c-1']);
  });

  it('pops a second contact of the same customer by focusing the tab already open', async () => {
    const pop = world.makeScreenPop();
    await pop.handleSnapshot(snapshotWith([contact()]));
    await world.tabs.activate('https://intranet.example/home');
    await pop.handleSnapshot(snapshotWith([contact({ id: 'c-2' })], 2));
    expect(world.sent).toHaveLength(2);
    expect(world.urlsOfTabs().filter((u) => u === TARO_RECORD)).toHaveLength(1);
    expect(world.log.map((l) => l.event)).toContain('screen-pop-record-focused');
    expect(world.tabs.tabs.find((t) => t.id === world.tabs.activeId)?.url).toBe(TARO_RECORD);
  });

  it('waits for the accept when the setting says on accept', async () => {
    await setMode('accept');
    const pop = world.makeScreenPop();
    await pop.handleSnapshot(snapshotWith([contact({ state: 'connecting' })]));
    expect(world.sent).toHaveLength(0);
    await pop.handleSnapshot(snapshotWith([contact({ state: 'connected' })], 2));
    expect(world.sent).toHaveLength(1);
    expect(world.urlsOfTabs()).toContain(TARO_RECORD);
  });

  it('does nothing when switched off', async () => {
    await setMode('off');
    await world.makeScreenPop().handleSnapshot(snapshotWith([contact({ state: 'connected' })]));
    expect(world.sent).toHaveLength(0);
    expect(world.askMock).not.toHaveBeenCalled();
    expect(world.urlsOfTabs()).toEqual(['https://intranet.example/home']);
  });

  it('pops nothing for outbound calls', async () => {
    await world.makeScreenPop().handleSnapshot(snapshotWith([contact({ initiationMethod: 'outbound' })]));
    expect(world.sent).toHaveLength(0);
  });

  it('lists several matching profiles on the card and opens no tab', async () => {
    world.profiles = [TARO, HANAKO];
    await world.makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    expect(world.sent[0]!.message.card.profiles.map((p) => [p.name, p.recordUrl])).toEqual([
      ['Taro Suzuki', TARO_RECORD],
      ['Hanako Suzuki', 'http://localhost:8081/customers/p-hanako'],
    ]);
    expect(world.urlsOfTabs()).toEqual(['https://intranet.example/home']);
    expect(world.log.map((l) => l.event)).toContain('screen-pop-several-matches');
  });

  it('offers several matching profiles in the session for the panel, with their open cases counted', async () => {
    world.profiles = [TARO, HANAKO];
    const { current } = await world.session.update(() => snapshotWith([contact()]));
    await world.makeScreenPop().handleSnapshot(current);
    expect(world.session.snapshot.profileChoices).toEqual({
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
    world.profiles = [TARO, HANAKO];
    const pop = world.makeScreenPop();
    await pop.handleSnapshot((await world.session.update(() => snapshotWith([contact()]))).current);
    await expect(pop.chooseProfile('c-1', 'p-hanako')).resolves.toEqual({ ok: true });
    await world.tabs.activate('https://intranet.example/home');
    await expect(pop.chooseProfile('c-1', 'p-hanako')).resolves.toEqual({ ok: true });
    expect(world.urlsOfTabs()).toEqual(['https://intranet.example/home', 'http://localhost:8081/customers/p-hanako']);
    expect(world.tabs.tabs.find((t) => t.id === world.tabs.activeId)?.url).toBe('http://localhost:8081/customers/p-hanako');
    expect(world.session.snapshot.profileChoices['c-1']?.chosenProfileId).toBe('p-hanako');
  });

  it('refuses a choice for a contact without matches, or of a profile that was not offered', async () => {
    world.profiles = [TARO, HANAKO];
    const pop = world.makeScreenPop();
    await pop.handleSnapshot((await world.session.update(() => snapshotWith([contact()]))).current);
    await expect(pop.chooseProfile('c-9', 'p-taro')).resolves.toMatchObject({ ok: false, error: { code: 'contact-not-found' } });
    await expect(pop.chooseProfile('c-1', 'p-other')).resolves.toMatchObject({ ok: false, error: { code: 'bad-command' } });
    expect(world.urlsOfTabs()).toEqual(['https://intranet.example/home']);
  });

  it('offers nothing for a contact that ended during the lookup', async () => {
    world.profiles = [TARO, HANAKO];
    await world.makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    expect(world.session.snapshot.profileChoices).toEqual({});
  });

  it('shows the number without a record when nobody matches', async () => {
    world.profiles = [];
    await world.makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    expect(world.sent[0]!.message.card.profiles).toEqual([]);
    expect(world.sent[0]!.message.card.searchUrl).toBe('http://localhost:8081/customers?q=%2B819012345678');
    expect(world.urlsOfTabs()).toEqual(['https://intranet.example/home']);
  });

  it('uses the configured CRM port over the derived one', async () => {
    await setPolicy({ 'screenPop.templateValues': { crmPort: '9100' } });
    await world.makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    expect(world.urlsOfTabs()).toContain('http://localhost:9100/customers/p-taro');
  });

  it("an admin's CRM rule serves the contact when the agent is on that CRM, with the admin's template values", async () => {
    await setPolicy({
      'screenPop.templateValues': { crmBase: 'https://crm.acme.example' },
      'crm.rules': [ACME_RULE],
    });
    await world.tabs.activate('https://crm.acme.example/home');
    await world.makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    expect(world.urlsOfTabs().filter((url) => url.includes('/people/'))).toEqual(['https://crm.acme.example/people/p-taro?from=c-1']);
  });

  it('with the built-in rules switched off and no rule of its own, it pops the card but opens no record', async () => {
    await setPolicy({ 'crm.builtInRules': false });
    await world.makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    expect(world.sent[0]!.message.card.profiles[0]).toMatchObject({ recordUrl: null });
    expect(world.urlsOfTabs()).toEqual(['https://intranet.example/home']);
  });

  it('still opens the record when the active tab is not a web page', async () => {
    await world.tabs.activate('chrome://newtab/');
    await world.makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    expect(world.sent).toHaveLength(0);
    expect(world.urlsOfTabs()).toContain(TARO_RECORD);
  });

  it('logs a failed lookup, still pops the card from what the contact carries, and does not pop that contact again', async () => {
    world.askMock.mockImplementation(() => Promise.resolve({ ok: false, error: { code: 'workspace-source-failed', params: { source: 'profiles' }, detail: 'searchProfiles: 403 Forbidden' } }));
    const pop = world.makeScreenPop();
    await pop.handleSnapshot(snapshotWith([contact({ attributes: { profileId: 'p-ivr', customerName: 'Ken' } })]));
    await pop.handleSnapshot(snapshotWith([contact({ state: 'connected' })], 2));
    const failures = world.log.filter((l) => l.event === 'screen-pop-lookup-failed');
    expect(failures).toEqual([{ event: 'screen-pop-lookup-failed', data: { contactId: 'c-1', detail: expect.stringContaining('403 Forbidden') } }]);
    expect(world.askMock).toHaveBeenCalledTimes(1);
    expect(world.sent).toHaveLength(1);
    expect(world.sent[0]!.message.card.profiles).toMatchObject([{ profileId: 'p-ivr', name: 'Ken', cases: [] }]);
  });

  it('on Amazon Connect, looks the number up through the engine too; nobody found, the profileId attribute names the profile', async () => {
    world.profiles = [];
    const remote = { ...snapshotWith([contact({ attributes: { profileId: 'x/../y', customerName: 'Ken' } })]), instanceUrl: 'https://acme.my.connect.aws' };
    await setPolicy({ 'screenPop.templateValues': { crmPort: '8081' } });
    await world.makeScreenPop().handleSnapshot(remote);
    expect(world.requests()).toEqual([{ op: 'profile-search', key: '_phone', value: '+819012345678' }]);
    expect(world.sent[0]!.message.card.profiles[0]).toMatchObject({ name: 'Ken', recordUrl: 'http://localhost:8081/customers/x%2F..%2Fy' });
  });

  it('asks for no cases when the instance has no Cases service, and shows the profile without cases', async () => {
    world.hasCases = false;
    await world.makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    expect(world.requests().map((r) => r.op)).toEqual(['profile-search']);
    expect(world.sent[0]!.message.card.profiles).toMatchObject([{ profileId: 'p-taro', recordUrl: TARO_RECORD, cases: [] }]);
    expect(world.urlsOfTabs()).toContain(TARO_RECORD);
  });

  it('shows the profiles without cases when Cases fails, and logs it', async () => {
    const answer = world.askMock.getMockImplementation()!;
    world.askMock.mockImplementation((request) =>
      request.op === 'cases-of-profile' ? Promise.resolve({ ok: false, error: { code: 'workspace-source-failed', params: { source: 'cases' }, detail: 'SearchCases: 500' } }) : answer(request),
    );
    await world.makeScreenPop().handleSnapshot(snapshotWith([contact()]));
    expect(world.sent[0]!.message.card.profiles).toMatchObject([{ profileId: 'p-taro', name: 'Taro Suzuki', cases: [] }]);
    expect(world.log.filter((l) => l.event === 'screen-pop-cases-failed')).toEqual([{ event: 'screen-pop-cases-failed', data: { contactId: 'c-1', detail: expect.stringContaining('cases') } }]);
    expect(world.urlsOfTabs()).toContain(TARO_RECORD);
  });
});

describe('isScreenPopMessage', () => {
  it('refuses messages that are not well-formed cards', () => {
    expect(isScreenPopMessage({ type: 'screen-pop' })).toBe(false);
    expect(isScreenPopMessage({ type: 'screen-pop', card: { contactId: 1 } })).toBe(false);
    expect(isScreenPopMessage(null)).toBe(false);
  });
});

// Screen pop for chats: a chat has no number, so the customer is looked up by the `email` attribute the chat's
// backend passed (a `_email` profile search through the engine's workspace), else the `profileId` attribute names
// the profile, else the card shows
// the name the customer gave, without a lookup; the CRM site rules build the record URL as for calls, and the
// mode (on ring / on accept / off) and once-per-contact rules are the same.
import { beforeEach, describe, expect, it } from 'vitest';
import { isScreenPopMessage } from '../../../lib/screen-pop/card-message';
import type { ContactView } from '../../../lib/session/snapshot';
import { ACME_RULE, contact, ScreenPopWorld, setMode, setPolicy, snapshotWith, TARO, TARO_RECORD } from './screen-pop-kit';

let world: ScreenPopWorld;

beforeEach(async () => {
  world = await ScreenPopWorld.start();
});

/** A chat offered to the agent (StartChatContact: initiation method 'api'), as the engine reports it. */
function chat(overrides: Partial<ContactView> = {}): ContactView {
  return contact({
    id: 'chat-1',
    channel: 'chat',
    state: 'incoming',
    initiationMethod: 'api',
    customerName: 'Taro S.',
    attributes: { email: 'taro@example.jp' },
    connections: [
      { id: 'a', role: 'agent', state: 'connecting', since: 0, phoneNumber: null, name: null, endpointType: 'agent', quickConnectName: null },
      { id: 'k', role: 'customer', state: 'connected', since: 0, phoneNumber: null, name: null, endpointType: null, quickConnectName: null },
    ],
    ...overrides,
  });
}

describe('screen pop for chats', () => {
  it("looks the customer up by the chat's email attribute, sends the chat card and opens the record", async () => {
    await world.makeScreenPop().handleSnapshot(snapshotWith([chat()]));
    expect(world.profileSearches()).toEqual([{ op: 'profile-search', key: '_email', value: 'taro@example.jp' }]);
    expect(world.sent).toHaveLength(1);
    const message = world.sent[0]!.message;
    expect(isScreenPopMessage(message)).toBe(true);
    expect(message.card).toMatchObject({
      contactId: 'chat-1',
      channel: 'chat',
      customerName: 'Taro S.',
      phoneNumber: null,
      phoneNumberDisplay: null,
      attributes: { email: 'taro@example.jp' },
      profiles: [{ profileId: 'p-taro', name: 'Taro Suzuki', recordUrl: TARO_RECORD }],
      searchUrl: null,
    });
    expect(world.urlsOfTabs()).toEqual(['https://intranet.example/home', TARO_RECORD]);
  });

  it('pops a chat once, from the offer through the accept', async () => {
    const pop = world.makeScreenPop();
    await pop.handleSnapshot(snapshotWith([chat()], 1));
    await pop.handleSnapshot(snapshotWith([chat({ state: 'connected' })], 2));
    expect(world.sent).toHaveLength(1);
    expect(world.urlsOfTabs().filter((url) => url === TARO_RECORD)).toHaveLength(1);
  });

  it('waits for the accept when the setting says on accept, and pops nothing when off', async () => {
    await setMode('accept');
    const pop = world.makeScreenPop();
    await pop.handleSnapshot(snapshotWith([chat()], 1));
    expect(world.sent).toHaveLength(0);
    await pop.handleSnapshot(snapshotWith([chat({ state: 'connected' })], 2));
    expect(world.sent).toHaveLength(1);

    await setMode('off');
    await pop.handleSnapshot(snapshotWith([chat({ id: 'chat-2', state: 'connected' })], 3));
    expect(world.sent).toHaveLength(1);
  });

  it('falls back to the profileId attribute when nobody has the email address', async () => {
    world.profiles = [];
    await world.makeScreenPop().handleSnapshot(snapshotWith([chat({ attributes: { email: 'new@example.jp', profileId: 'p-known' } })]));
    expect(world.profileSearches()).toEqual([{ op: 'profile-search', key: '_email', value: 'new@example.jp' }]);
    expect(world.sent[0]!.message.card.profiles).toMatchObject([{ profileId: 'p-known', name: 'Taro S.' }]);
    expect(world.urlsOfTabs()).toContain('http://localhost:8081/customers/p-known');
  });

  it('uses the profileId attribute without a lookup when the chat carries no email address', async () => {
    await world.makeScreenPop().handleSnapshot(snapshotWith([chat({ attributes: { profileId: TARO.ProfileId } })]));
    expect(world.askMock).not.toHaveBeenCalled();
    expect(world.urlsOfTabs()).toContain(TARO_RECORD);
  });

  it('shows the name the customer gave, with no lookup and no record, when nothing identifies them', async () => {
    await world.makeScreenPop().handleSnapshot(snapshotWith([chat({ customerName: 'Mina Kato', attributes: {} })]));
    expect(world.askMock).not.toHaveBeenCalled();
    expect(world.sent[0]!.message.card).toMatchObject({ channel: 'chat', customerName: 'Mina Kato', profiles: [], searchUrl: null });
    expect(world.urlsOfTabs()).toEqual(['https://intranet.example/home']);
  });

  it('on Amazon Connect, looks the email address up through the engine too; nobody found, the profileId attribute and its CRM rule', async () => {
    world.profiles = [];
    await setPolicy({ 'screenPop.templateValues': { crmBase: 'https://crm.acme.example' }, 'crm.rules': [ACME_RULE] });
    await world.tabs.activate('https://crm.acme.example/home');
    const remote = { ...snapshotWith([chat({ attributes: { email: 'taro@example.jp', profileId: 'acme-42' } })]), instanceUrl: 'https://acme.my.connect.aws' };
    await world.makeScreenPop().handleSnapshot(remote);
    expect(world.profileSearches()).toEqual([{ op: 'profile-search', key: '_email', value: 'taro@example.jp' }]);
    expect(world.urlsOfTabs()).toContain('https://crm.acme.example/people/acme-42?from=chat-1');
  });

  it('a chat and a call ringing together each pop once, each looked up by what it has', async () => {
    await world.makeScreenPop().handleSnapshot(snapshotWith([contact(), chat()]));
    expect(world.profileSearches()).toEqual([
      { op: 'profile-search', key: '_phone', value: '+819012345678' },
      { op: 'profile-search', key: '_email', value: 'taro@example.jp' },
    ]);
    expect(world.sent.map((s) => [s.message.card.contactId, s.message.card.channel])).toEqual([
      ['c-1', 'voice'],
      ['chat-1', 'chat'],
    ]);
  });
});

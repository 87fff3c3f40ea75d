// @vitest-environment happy-dom
// Component tests of the call view: hold/resume, mute/unmute, DTMF and end call on a two-party call, and the
// transfer controls once a third party is on the call (Join, Swap, Leave, hang up the third party), plus what
// the receiving agent of a transfer sees.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ActiveCallView from '@/components/softphone/ActiveCallView.vue';
import { useWorkspaceStore } from '@/stores/workspace';
import type { ConnectionView, ContactView } from '@/lib/session/snapshot';
import { button, buttonNames, connection, mountSoftphone, readySnapshot, voiceContact } from './softphone-fixture';

enableAutoUnmount(afterEach);

const agentLeg = connection({ id: 'agent-leg', role: 'agent' });
const customer = (state: ConnectionView['state'] = 'connected') =>
  connection({ id: 'customer-leg', role: 'customer', state, phoneNumber: '+81355501234' });
const escalationDesk = (state: ConnectionView['state']) =>
  connection({ id: 'third-leg', role: 'third-party', state, phoneNumber: '+81355500123', name: 'Escalation desk' });

const call = (connections: ConnectionView[], overrides: Partial<ContactView> = {}) =>
  voiceContact({ state: 'connected', connections: [agentLeg, ...connections], ...overrides });

async function mountCall(contact: ContactView, agent: Parameters<typeof readySnapshot>[1] = {}, language: 'en' | 'ja' = 'en') {
  return mountSoftphone(ActiveCallView, readySnapshot({ contacts: [contact] }, agent), { props: { contact }, language });
}

async function click(wrapper: Awaited<ReturnType<typeof mountCall>>['wrapper'], name: string) {
  await button(wrapper, name).trigger('click');
  await flushPromises();
}

describe('ActiveCallView on a two-party call', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('shows the customer and offers Hold, Mute, Keypad and End call', async () => {
    const { wrapper } = await mountCall(call([customer()]));
    expect(wrapper.get('[data-testid="customer-number"]').text()).toBe('03-5550-1234');
    expect(buttonNames(wrapper)).toEqual(['Hold', 'Mute', 'Keypad', 'End call']);
  });

  it('shows the customer’s name once the workspace has chosen their profile, family name first in Japanese', async () => {
    for (const [language, name] of [['en', 'Taro Suzuki'], ['ja', 'Suzuki Taro']] as const) {
      const { wrapper, pinia } = await mountCall(call([customer()]), {}, language);
      expect(wrapper.find('[data-testid="customer-name"]').exists()).toBe(false);
      const workspace = useWorkspaceStore(pinia);
      workspace.customers['contact-1'] = {
        profiles: { status: 'ready', value: { found: [{ ProfileId: 'p1', FirstName: 'Taro', LastName: 'Suzuki' }, { ProfileId: 'p2', FirstName: 'Jiro' }], lookedUpBy: [] } },
        chosenProfileId: 'p1',
        history: { status: 'idle' },
        cases: { status: 'idle' },
        lookup: { status: 'absent' },
      };
      await flushPromises();
      expect(wrapper.get('[data-testid="customer-name"]').text()).toBe(name);
      expect(wrapper.get('[data-testid="customer-number"]').text()).toBe('03-5550-1234');
    }
  });

  it('holds the customer’s connection, and resumes it once on hold', async () => {
    const { wrapper, client } = await mountCall(call([customer()]));
    await click(wrapper, 'Hold');
    expect(client.commands).toEqual([{ type: 'hold', contactId: 'contact-1', connectionId: 'customer-leg' }]);

    const held = await mountCall(call([customer('hold')]));
    expect(held.wrapper.text()).toContain('Customer on hold');
    await click(held.wrapper, 'Resume');
    expect(held.client.commands).toEqual([{ type: 'resume', contactId: 'contact-1', connectionId: 'customer-leg' }]);
  });

  it('mutes, and unmutes when muted', async () => {
    const { wrapper, client } = await mountCall(call([customer()]));
    await click(wrapper, 'Mute');
    expect(client.commands).toEqual([{ type: 'mute' }]);

    const muted = await mountCall(call([customer()]), { muted: true });
    await click(muted.wrapper, 'Unmute');
    expect(muted.client.commands).toEqual([{ type: 'unmute' }]);
  });

  it('sends each keypad key as DTMF digits', async () => {
    const { wrapper, client } = await mountCall(call([customer()]));
    await click(wrapper, 'Keypad');
    await click(wrapper, '1');
    await click(wrapper, '#');
    expect(client.commands).toEqual([
      { type: 'send-digits', contactId: 'contact-1', digits: '1' },
      { type: 'send-digits', contactId: 'contact-1', digits: '#' },
    ]);
    expect(wrapper.text()).toContain('Sent: 1#');
  });

  it('ends the call with End call (hang-up)', async () => {
    const { wrapper, client } = await mountCall(call([customer()]));
    await click(wrapper, 'End call');
    expect(client.commands).toEqual([{ type: 'hang-up', contactId: 'contact-1' }]);
  });

  it('has no Mute in desk phone mode (the audio is on the desk phone)', async () => {
    const { wrapper } = await mountCall(call([customer()], { deskPhone: true }));
    expect(buttonNames(wrapper)).toEqual(['Hold', 'Keypad', 'End call']);
  });

  it('uses the Japanese names in the Japanese UI', async () => {
    const { wrapper } = await mountCall(call([customer()]), {}, 'ja');
    expect(buttonNames(wrapper)).toEqual(['保留', 'ミュート', 'キーパッド', '通話を終了']);
  });
});

describe('ActiveCallView with a third party (consult and transfer)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('lists every connection with its state', async () => {
    const { wrapper } = await mountCall(call([customer('hold'), escalationDesk('connected')]));
    const rows = wrapper.findAll('[data-testid="connection"]').map((row) => [
      row.get('.party-name').text(),
      row.get('.party-meta').text().replace(/\s+/g, ' '),
    ]);
    expect(rows).toEqual([
      ['03-5550-1234', expect.stringMatching(/^Customer · On hold · \d\d:\d\d$/)],
      ['Escalation desk', expect.stringMatching(/^Third party · Connected · \d\d:\d\d$/)],
    ]);
  });

  it('replaces End call with Join, Swap and Leave, and lets each party be held or hung up', async () => {
    const { wrapper } = await mountCall(call([customer('hold'), escalationDesk('connected')]));
    expect(buttonNames(wrapper)).toEqual([
      'Resume 03-5550-1234',
      'Hold Escalation desk',
      'Hang up Escalation desk',
      'Join',
      'Swap',
      'Leave',
      'Mute',
      'Keypad',
    ]);
  });

  it('sends conference for Join, swap for Swap, hang-up for Leave and end-connection to hang up the third party', async () => {
    const { wrapper, client } = await mountCall(call([customer('hold'), escalationDesk('connected')]));
    await click(wrapper, 'Join');
    await click(wrapper, 'Swap');
    await click(wrapper, 'Hang up Escalation desk');
    await click(wrapper, 'Leave');
    await click(wrapper, 'Resume 03-5550-1234');
    expect(client.commands).toEqual([
      { type: 'conference', contactId: 'contact-1' },
      { type: 'swap', contactId: 'contact-1' },
      { type: 'end-connection', contactId: 'contact-1', connectionId: 'third-leg' },
      { type: 'hang-up', contactId: 'contact-1' },
      { type: 'resume', contactId: 'contact-1', connectionId: 'customer-leg' },
    ]);
  });

  it('offers only Leave and hanging up while the third party is still being called', async () => {
    const { wrapper } = await mountCall(call([customer('hold'), escalationDesk('connecting')]));
    expect(buttonNames(wrapper)).toEqual(['Resume 03-5550-1234', 'Hang up Escalation desk', 'Leave', 'Mute', 'Keypad']);
    expect(wrapper.findAll('[data-testid="connection"]')[1]?.text()).toContain('Calling');
  });

  it('drops Join and Swap once everyone is joined', async () => {
    const { wrapper } = await mountCall(call([customer('connected'), escalationDesk('connected')]));
    expect(buttonNames(wrapper)).not.toContain('Join');
    expect(buttonNames(wrapper)).not.toContain('Swap');
    expect(buttonNames(wrapper)).toContain('Leave');
  });

  it('goes back to the two-party controls once the third party is gone', async () => {
    const { wrapper } = await mountCall(call([customer('hold'), escalationDesk('disconnected')]));
    expect(buttonNames(wrapper)).toEqual(['Resume', 'Mute', 'Keypad', 'End call']);
  });

  it('names the transfer controls in Japanese', async () => {
    const { wrapper } = await mountCall(call([customer('hold'), escalationDesk('connected')]), {}, 'ja');
    expect(buttonNames(wrapper)).toEqual([
      '03-5550-1234 との通話を再開',
      'Escalation desk を保留',
      'Escalation desk を切断',
      '参加',
      'スワップ',
      '退出',
      'ミュート',
      'キーパッド',
    ]);
  });

  it('shows the receiving agent who transferred the call', async () => {
    const { wrapper } = await mountCall(call([customer('hold')], { initiationMethod: 'transfer', transferredBy: 'Emily Carter' }));
    expect(wrapper.get('[data-testid="transferred-by"]').text()).toBe('Transferred by Emily Carter');
    expect(buttonNames(wrapper)).toContain('Resume');
  });
});

// @vitest-environment happy-dom
// Component tests of the incoming call card (caller formatted for the agent's country, queue, attributes,
// ring countdown, Accept/Reject, desk-phone variant), the missed-call card, and the panel's announcement.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import IncomingContactCard from '@/components/softphone/IncomingContactCard.vue';
import MissedCallCard from '@/components/softphone/MissedCallCard.vue';
import SoftphonePanel from '@/components/softphone/SoftphonePanel.vue';
import { button, buttonNames, mountSoftphone, readySnapshot, statusArn, voiceContact } from './softphone-fixture';

enableAutoUnmount(afterEach);

describe('IncomingContactCard', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ now: new Date('2025-03-03T09:00:00Z'), toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const ringing = (overrides: Parameters<typeof voiceContact>[0] = {}) =>
    voiceContact({ since: Date.now() - 5_000, attributes: { accountNumber: 'AC-1001', tier: 'Gold' }, ...overrides });

  async function mountCard(contact = ringing(), language: 'en' | 'ja' = 'en') {
    return mountSoftphone(IncomingContactCard, readySnapshot({ contacts: [contact] }), { props: { contact }, language });
  }

  it('shows the caller in national form for an agent dialing in Japan, the queue and the attributes', async () => {
    const { wrapper } = await mountCard();
    expect(wrapper.get('[data-testid="caller-number"]').text()).toBe('03-5550-1234');
    expect(wrapper.get('[data-testid="queue-name"]').text()).toBe('BasicQueue');
    const facts = wrapper.findAll('dt').map((dt, i) => [dt.text(), wrapper.findAll('dd')[i]?.text()]);
    expect(facts).toEqual([
      ['Queue', 'BasicQueue'],
      ['accountNumber', 'AC-1001'],
      ['tier', 'Gold'],
    ]);
  });

  it('shows a caller from abroad in international form', async () => {
    const contact = ringing();
    contact.connections[1] = { ...contact.connections[1]!, phoneNumber: '+12065550142' };
    const { wrapper } = await mountCard(contact);
    expect(wrapper.get('[data-testid="caller-number"]').text()).toBe('+1 206 555 0142');
  });

  it('counts down the 20 s before the call is missed', async () => {
    const { wrapper } = await mountCard();
    expect(wrapper.get('[data-testid="ring-countdown"]').text()).toBe('Becomes a missed call in 15 s');
    vi.advanceTimersByTime(3_000);
    await flushPromises();
    expect(wrapper.get('[data-testid="ring-countdown"]').text()).toBe('Becomes a missed call in 12 s');
    vi.advanceTimersByTime(15_000);
    await flushPromises();
    expect(wrapper.get('[data-testid="ring-countdown"]').text()).toBe('About to become a missed call');
  });

  it('sends accept with Accept call and reject with Reject call', async () => {
    const { wrapper, client } = await mountCard();
    await button(wrapper, 'Accept call').trigger('click');
    await flushPromises();
    await button(wrapper, 'Reject call').trigger('click');
    await flushPromises();
    expect(client.commands).toEqual([
      { type: 'accept', contactId: 'contact-1' },
      { type: 'reject', contactId: 'contact-1' },
    ]);
  });

  it('has no Accept button in desk phone mode and tells the agent to answer the desk phone', async () => {
    const { wrapper } = await mountCard(ringing({ deskPhone: true }));
    expect(buttonNames(wrapper)).toEqual(['Reject call']);
    expect(wrapper.text()).toContain('Answer on your desk phone');
  });

  it('says who transfers a transferred call', async () => {
    const { wrapper } = await mountCard(ringing({ initiationMethod: 'transfer', transferredBy: 'Emily Carter' }));
    expect(wrapper.get('h2').text()).toBe('Incoming transfer');
    expect(wrapper.text()).toContain('Transferred by Emily Carter');
  });

  it('speaks Japanese in the Japanese UI', async () => {
    const { wrapper } = await mountCard(ringing(), 'ja');
    expect(buttonNames(wrapper)).toEqual(['通話を拒否', '通話を受信']);
    expect(wrapper.get('[data-testid="ring-countdown"]').text()).toBe('あと 15 秒で不在着信になります');
  });
});

describe('incoming call in the panel', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('announces the call through the live region', async () => {
    const { wrapper, client } = await mountSoftphone(SoftphonePanel, readySnapshot());
    const announcer = wrapper.get('[data-testid="announcer"]');
    expect(announcer.attributes('aria-live')).toBe('assertive');
    expect(announcer.text()).toBe('');
    client.emit(readySnapshot({ contacts: [voiceContact()] }));
    await flushPromises();
    expect(announcer.text()).toBe('Incoming call from 03-5550-1234');
    expect(wrapper.find('[data-testid="incoming-contact"]').exists()).toBe(true);
  });
});

describe('MissedCallCard', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('explains why the call was missed and offers to go Available', async () => {
    const missed = voiceContact({ state: 'missed' });
    const snapshot = readySnapshot({ contacts: [missed] }, { state: { name: 'MissedCallAgent', type: 'error', since: Date.now() } });
    const { wrapper, client } = await mountSoftphone(MissedCallCard, snapshot, { props: { contact: missed } });
    expect(wrapper.text()).toContain('You did not accept this call within 20 seconds, so it went back to the queue');
    expect(wrapper.text()).toContain('No calls reach you until you change your status. Choose Available when you are ready.');
    await button(wrapper, 'Go Available').trigger('click');
    await flushPromises();
    expect(client.commands).toEqual([{ type: 'set-status', statusArn: statusArn('available') }]);
  });
});

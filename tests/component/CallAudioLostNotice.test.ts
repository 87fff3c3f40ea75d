// @vitest-environment happy-dom
// Component tests of the warning on a call whose audio was lost when the softphone restarted (the worker marks
// the contact audioLost): what the call view says in English and Japanese, the alert said once per contact and
// the note that stays, and "End call and call back" (hang up, close the contact left in after call work, dial
// the customer's number), including a call that does not end and a caller whose number is unknown.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ActiveCallView from '@/components/softphone/ActiveCallView.vue';
import type { ContactView } from '@/lib/session/snapshot';
import { accessibleName, button, buttonNames, connection, mountSoftphone, readySnapshot, voiceContact } from './softphone-fixture';

enableAutoUnmount(afterEach);

/** A connected call with the customer at +81 3-5550-1234; `audioLost` as the worker marks it. */
const call = (id: string, overrides: Partial<ContactView> = {}) =>
  voiceContact({
    id,
    state: 'connected',
    connections: [
      connection({ id: 'agent-leg', role: 'agent' }),
      connection({ id: 'customer-leg', role: 'customer', phoneNumber: '+81355501234' }),
    ],
    audioLost: true,
    ...overrides,
  });

const mountCall = (contact: ContactView, language: 'en' | 'ja' = 'en') =>
  mountSoftphone(ActiveCallView, readySnapshot({ contacts: [contact] }), { props: { contact }, language });

const EXPECTED = {
  en: {
    heading: 'No audio on this call',
    alert: 'The audio of this call was lost when the softphone restarted. The customer may still be on the line.',
    advice: 'End the call and call the customer back at 03-5550-1234.',
    callBack: 'End call and call back',
    endCall: 'End call',
  },
  ja: {
    heading: 'この通話は音声が途切れています',
    alert: 'ソフトフォンの再起動により、この通話の音声が失われました。お客様はまだ通話中の可能性があります。',
    advice: '通話を終了し、お客様（03-5550-1234）にかけ直してください。',
    callBack: '通話を終了してかけ直す',
    endCall: '通話を終了',
  },
} as const;

describe('ActiveCallView on a call whose audio was lost', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  for (const language of ['en', 'ja'] as const) {
    it(`says so in a labelled note with what to do, and alerts the agent (${language})`, async () => {
      const expected = EXPECTED[language];
      const { wrapper } = await mountCall(call(`shown-${language}`), language);

      const note = wrapper.get('[data-testid="call-audio-lost"]');
      expect(accessibleName(note.element)).toBe(expected.heading);
      expect(note.get('h3').text()).toBe(expected.heading);
      expect(note.text()).toContain(expected.advice);
      expect(wrapper.get('[role="alert"]').text()).toBe(expected.alert);

      const callBack = button(wrapper, expected.callBack);
      const describedBy = callBack.attributes('aria-describedby') ?? '';
      expect(document.getElementById(describedBy)?.textContent?.trim()).toBe(expected.advice);
      // The call's own controls stay: the agent may still end it without calling back.
      expect(buttonNames(wrapper)).toContain(expected.endCall);
    });
  }

  it('shows nothing of the kind on a call whose audio is fine', async () => {
    const { wrapper } = await mountCall(call('fine', { audioLost: undefined }));
    expect(wrapper.find('[data-testid="call-audio-lost"]').exists()).toBe(false);
    expect(buttonNames(wrapper)).toEqual(['Hold', 'Mute', 'Keypad', 'End call']);

    const lost = await mountCall(call('lost'));
    expect(lost.wrapper.find('[data-testid="call-audio-lost"]').exists()).toBe(true);
  });

  it('alerts once per contact; shown again, the note stays without a second alert', async () => {
    const first = await mountCall(call('once'));
    expect(first.wrapper.get('[role="alert"]').text()).toBe(EXPECTED.en.alert);
    first.wrapper.unmount();

    const again = await mountCall(call('once'));
    expect(again.wrapper.get('[role="alert"]').text()).toBe('');
    expect(again.wrapper.get('[data-testid="call-audio-lost"]').text()).toContain(EXPECTED.en.advice);
  });

  it('ends the call, closes it in after call work, then dials the customer back', async () => {
    const contact = call('call-back');
    const { wrapper, client } = await mountCall(contact);

    await button(wrapper, 'End call and call back').trigger('click');
    await flushPromises();
    expect(client.commands).toEqual([{ type: 'hang-up', contactId: 'call-back' }]);
    expect(wrapper.get('[role="status"]').text()).toBe('Ending the call…');
    expect(button(wrapper, 'End call and call back').attributes('disabled')).toBeDefined();

    client.emit(readySnapshot({ contacts: [{ ...contact, state: 'ended', audioLost: undefined }] }));
    await flushPromises();
    expect(client.commands).toEqual([
      { type: 'hang-up', contactId: 'call-back' },
      { type: 'clear', contactId: 'call-back' },
      { type: 'dial', target: { phoneNumber: '+81355501234' } },
    ]);
  });

  it('dials at once when the ended call leaves no after call work', async () => {
    const { wrapper, client } = await mountCall(call('no-acw'));
    await button(wrapper, 'End call and call back').trigger('click');
    await flushPromises();
    client.emit(readySnapshot({ contacts: [] }));
    await flushPromises();
    expect(client.commands).toEqual([
      { type: 'hang-up', contactId: 'no-acw' },
      { type: 'dial', target: { phoneNumber: '+81355501234' } },
    ]);
  });

  it('calls nobody when the hang-up fails, and says so when the call does not end', async () => {
    const refused = await mountCall(call('refused'));
    refused.client.answer = () => ({ ok: false, error: { code: 'rejected', detail: 'no such connection' } });
    await button(refused.wrapper, 'End call and call back').trigger('click');
    await flushPromises();
    expect(refused.client.commands.map((command) => command.type)).toEqual(['hang-up']);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const stuck = await mountCall(call('stuck'), 'ja');
    await button(stuck.wrapper, EXPECTED.ja.callBack).trigger('click');
    await flushPromises();
    await vi.advanceTimersByTimeAsync(10_000);
    await flushPromises();
    expect(stuck.client.commands.map((command) => command.type)).toEqual(['hang-up']);
    expect(stuck.wrapper.get('[role="status"]').text()).toBe('通話が終了しなかったため、かけ直していません。「通話を終了」をお試しください。');
    expect(button(stuck.wrapper, EXPECTED.ja.callBack).attributes('disabled')).toBeUndefined();
  });

  it('says to end the call, with no call back, when the caller’s number is unknown', async () => {
    const anonymous = call('anonymous', {
      connections: [connection({ id: 'agent-leg', role: 'agent' }), connection({ id: 'customer-leg', role: 'customer', phoneNumber: null })],
    });
    for (const [language, advice] of [
      ['en', 'End the call. The caller’s number is not known, so they cannot be called back from here.'],
      ['ja', '通話を終了してください。発信者番号が不明なため、ここからかけ直すことはできません。'],
    ] as const) {
      const { wrapper } = await mountCall(anonymous, language);
      expect(wrapper.get('[data-testid="call-audio-lost"]').text()).toContain(advice);
      expect(buttonNames(wrapper)).not.toContain(EXPECTED[language].callBack);
    }
  });
});

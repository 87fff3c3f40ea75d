// @vitest-environment happy-dom
// Component tests of the number pad: E.164 validation before anything is sent (an invalid number gets a
// translated inline error and no command), dialing, the keypad, the country picker, and consulting during a call.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import NumberPad from '@/components/softphone/NumberPad.vue';
import { dialCountryItem } from '@/stores/preferences';
import { accessibleName, button, connection, mountSoftphone, readySnapshot, voiceContact } from './softphone-fixture';

enableAutoUnmount(afterEach);

async function typeAndCall(wrapper: Awaited<ReturnType<typeof mountSoftphone>>['wrapper'], number: string, callButton = 'Call') {
  await wrapper.get('#dial-number').setValue(number);
  await button(wrapper, callButton).trigger('click');
  await flushPromises();
}

describe('NumberPad', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('dials a Japanese number typed nationally as E.164', async () => {
    const { wrapper, client } = await mountSoftphone(NumberPad, readySnapshot());
    expect((wrapper.get('#dial-country').element as HTMLSelectElement).value).toBe('JP');
    await typeAndCall(wrapper, '03-1234-5678');
    expect(client.commands).toEqual([{ type: 'dial', target: { phoneNumber: '+81312345678' } }]);
    expect((wrapper.get('#dial-number').element as HTMLInputElement).value).toBe('');
  });

  it('shows a translated error for an invalid number and sends nothing', async () => {
    const { wrapper, client } = await mountSoftphone(NumberPad, readySnapshot());
    await typeAndCall(wrapper, '090-123');
    expect(client.commands).toEqual([]);
    const error = wrapper.get('[data-testid="dial-error"]');
    expect(error.attributes('role')).toBe('alert');
    expect(error.text()).toBe('090-123 is not a valid phone number for Japan');
    expect(wrapper.get('#dial-number').attributes('aria-invalid')).toBe('true');
  });

  it('shows the error in Japanese in the Japanese UI', async () => {
    const { wrapper, client } = await mountSoftphone(NumberPad, readySnapshot(), { language: 'ja' });
    await typeAndCall(wrapper, '090-123', '呼び出し');
    expect(client.commands).toEqual([]);
    expect(wrapper.get('[data-testid="dial-error"]').text()).toBe('090-123 は日本の電話番号として正しくありません');
  });

  it('asks for a number when the field is empty, and clears the error once the agent types', async () => {
    const { wrapper, client } = await mountSoftphone(NumberPad, readySnapshot());
    await typeAndCall(wrapper, '');
    expect(client.commands).toEqual([]);
    expect(wrapper.get('[data-testid="dial-error"]').text()).toBe('Enter a phone number to call.');
    await wrapper.get('#dial-number').setValue('0');
    expect(wrapper.find('[data-testid="dial-error"]').exists()).toBe(false);
  });

  it('refuses a number in a country the instance does not let the agent call', async () => {
    const { wrapper, client } = await mountSoftphone(NumberPad, readySnapshot({}, { dialableCountries: ['jp', 'us'] }));
    await typeAndCall(wrapper, '+44 20 7946 0958');
    expect(client.commands).toEqual([]);
    expect(wrapper.get('[data-testid="dial-error"]').text()).toBe('Your contact center does not allow calls to United Kingdom.');
  });

  it('types with the keypad', async () => {
    const { wrapper, client } = await mountSoftphone(NumberPad, readySnapshot());
    for (const digit of '0312345678') await button(wrapper, digit).trigger('click');
    await button(wrapper, 'Call').trigger('click');
    await flushPromises();
    expect(client.commands).toEqual([{ type: 'dial', target: { phoneNumber: '+81312345678' } }]);
  });

  it('reads numbers in the country picked, and remembers the pick', async () => {
    const { wrapper, client } = await mountSoftphone(NumberPad, readySnapshot());
    const picker = wrapper.get('#dial-country');
    expect(accessibleName(picker.element)).toBe('Country');
    expect([...picker.element.querySelectorAll('option')].map((o) => o.textContent?.trim())).toEqual([
      'Japan (+81)',
      'United Kingdom (+44)',
      'United States (+1)',
    ]);
    await picker.setValue('US');
    await flushPromises();
    await typeAndCall(wrapper, '(212) 555-0188');
    expect(client.commands).toEqual([{ type: 'dial', target: { phoneNumber: '+12125550188' } }]);
    expect(await dialCountryItem.getValue()).toBe('US');
  });

  it('shows the contact center’s refusal next to the field', async () => {
    const { wrapper, client } = await mountSoftphone(NumberPad, readySnapshot());
    client.answer = () => ({ ok: false, error: { code: 'rejected', params: { detail: 'the agent is offline' } } });
    await typeAndCall(wrapper, '03-1234-5678');
    expect(wrapper.get('[data-testid="dial-error"]').text()).toBe('The contact center refused: the agent is offline');
  });

  it('consults the number (add-connection) during a call instead of dialing', async () => {
    const onCall = voiceContact({
      state: 'connected',
      connections: [connection({ id: 'agent-leg', role: 'agent' }), connection({ id: 'customer-leg', role: 'customer', phoneNumber: '+81355501234' })],
    });
    const { wrapper, client } = await mountSoftphone(NumberPad, readySnapshot({ contacts: [onCall] }));
    expect(wrapper.text()).toContain('the customer is put on hold');
    await typeAndCall(wrapper, '03-5550-0123');
    expect(client.commands).toEqual([{ type: 'add-connection', contactId: 'contact-1', target: { phoneNumber: '+81355500123' } }]);
  });
});

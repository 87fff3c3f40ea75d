// @vitest-environment happy-dom
// The workspace shell: it looks up the contact in focus once, keeps the tabs keyboard-operable, reads the
// history again when the contact ends and when it closes, and keeps the last customer shown after the close.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import CustomerWorkspace from '@/components/workspace/CustomerWorkspace.vue';
import { readySnapshot, voiceContact } from '../softphone-fixture';
import { HISTORY, mountLookedUp, requestsOf, TARO } from './workspace-test-kit';

enableAutoUnmount(afterEach);

describe('the customer workspace', () => {
  it('looks the call’s customer up once and reads the history again when the call ends and when it closes', async () => {
    const call = voiceContact({ state: 'connected' });
    const { wrapper, client } = await mountLookedUp(
      CustomerWorkspace,
      (r) => (r.op === 'customer-for-contact' ? { profiles: [TARO], lookedUpBy: [], history: HISTORY } : r.op === 'profile-history' ? { history: HISTORY } : { cases: [] }),
      { contact: call, props: {}, lookUp: false },
    );
    expect(requestsOf(client).filter((r) => r.op === 'customer-for-contact')).toEqual([{ op: 'customer-for-contact', contactId: call.id }]);
    expect(wrapper.get('[data-testid="workspace-customer-name"]').text()).toBe('Taro Suzuki');
    const historyReads = () => requestsOf(client).filter((r) => r.op === 'profile-history').length;
    expect(historyReads()).toBe(0); // the lookup brought the history with it

    client.emit(readySnapshot({ contacts: [{ ...call, state: 'ended' }] }));
    await flushPromises();
    expect(historyReads()).toBe(1);

    client.emit(readySnapshot({ contacts: [] }));
    await flushPromises();
    expect(historyReads()).toBe(2);
    expect(wrapper.find('[data-testid="workspace-closed-contact"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="workspace-customer-name"]').text()).toBe('Taro Suzuki');
    await wrapper.get('[data-testid="workspace-closed-contact"] button').trigger('click');
    expect(wrapper.find('[data-testid="customer-workspace"]').exists()).toBe(false);
  });

  it('moves between tabs with the arrow keys, only the selected tab in the tab order', async () => {
    const { wrapper } = await mountLookedUp(CustomerWorkspace, (r) => (r.op === 'customer-for-contact' ? { profiles: [TARO], lookedUpBy: [], history: HISTORY } : { cases: [] }), {
      props: {},
    });
    const tabs = () => wrapper.findAll('[role="tab"]');
    expect(tabs().map((t) => t.attributes('tabindex'))).toEqual(['0', '-1', '-1', '-1', '-1']);
    expect(tabs().map((t) => t.text())).toEqual(['Profile', 'History', 'Cases', 'Knowledge', 'Transcript']);
    await tabs()[0]!.trigger('keydown', { key: 'ArrowRight' });
    await flushPromises();
    expect(tabs()[1]!.attributes('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs()[1]!.element);
    expect(wrapper.get('[role="tabpanel"]').attributes('aria-labelledby')).toBe(tabs()[1]!.attributes('id'));
    expect(wrapper.find('[data-testid="contact-history"]').exists()).toBe(true);
    await tabs()[1]!.trigger('keydown', { key: 'End' });
    await flushPromises();
    expect(tabs().at(-1)!.attributes('aria-selected')).toBe('true');
  });
});

// @vitest-environment happy-dom
// Component tests of the incoming chat card: the customer, the queue, the first message shown as text, and
// Accept chat / Reject chat.
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import IncomingChatCard from '@/components/chat/IncomingChatCard.vue';
import type { IncomingChatView } from '@/components/chat/chat-view-model';
import { mountChat } from './chat-fixture';

enableAutoUnmount(afterEach);

const offered: IncomingChatView = {
  contactId: 'chat-9',
  customerName: 'Mary Major',
  queueName: 'BasicQueue',
  initialMessage: 'My parcel <b>never</b> arrived',
};

const mountCard = (props: { chat?: IncomingChatView; transferred?: boolean; pending?: boolean } = {}, language: 'en' | 'ja' = 'en') =>
  mountChat(IncomingChatCard, { props: { chat: offered, ...props }, language });

const buttonNames = (wrapper: ReturnType<typeof mountCard>) => wrapper.findAll('button').map((button) => button.text());

describe('IncomingChatCard', () => {
  it('is a region named by its heading, with the customer, the queue and the first message as text', () => {
    const wrapper = mountCard();
    const section = wrapper.get('section');
    expect(wrapper.get(`#${section.attributes('aria-labelledby')}`).text()).toBe('Incoming chat');
    expect(wrapper.get('[data-testid="customer-name"]').text()).toBe('Mary Major');
    expect(wrapper.get('[data-testid="queue-name"]').text()).toBe('BasicQueue');
    expect(wrapper.get('[data-testid="first-message"]').text()).toBe('My parcel <b>never</b> arrived');
    expect(wrapper.find('b').exists()).toBe(false);
  });

  it('cuts a long first message and leaves out what is missing', () => {
    const wrapper = mountCard({ chat: { ...offered, queueName: null, initialMessage: 'x'.repeat(1_000) } });
    expect(wrapper.get('[data-testid="first-message"]').text()).toBe(`${'x'.repeat(280)}…`);
    expect(wrapper.find('[data-testid="queue-name"]').exists()).toBe(false);
    expect(mountCard({ chat: { ...offered, initialMessage: null } }).find('[data-testid="first-message"]').exists()).toBe(false);
  });

  it('emits accept and reject, and disables both while pending', async () => {
    const wrapper = mountCard();
    expect(buttonNames(wrapper)).toEqual(['Reject chat', 'Accept chat']);
    await wrapper.findAll('button')[1]?.trigger('click');
    await wrapper.findAll('button')[0]?.trigger('click');
    expect(wrapper.emitted('accept')).toHaveLength(1);
    expect(wrapper.emitted('reject')).toHaveLength(1);
    const pending = mountCard({ pending: true });
    expect(pending.findAll('button').every((button) => button.attributes('disabled') !== undefined)).toBe(true);
  });

  it('speaks Japanese in the Japanese UI, also for a transfer', () => {
    const wrapper = mountCard({ transferred: true }, 'ja');
    expect(wrapper.get('h2').text()).toBe('チャット転送の着信');
    expect(buttonNames(wrapper)).toEqual(['チャットを拒否', 'チャットを承諾']);
    expect(wrapper.text()).toContain('キュー');
    expect(wrapper.text()).toContain('最初のメッセージ');
  });
});

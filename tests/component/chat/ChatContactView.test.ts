// @vitest-environment happy-dom
// Component tests of one chat contact's view: the tab panel it is, the transcript and composer while the chat is
// live with Transfer and End chat, and After Contact Work with Close contact once it has ended.
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ChatContactView from '@/components/chat/ChatContactView.vue';
import type { ChatContactViewModel } from '@/components/chat/chat-view-model';
import { useBrowserNodeName } from '../../unit/chat-rendering/browser-node-name';
import { chatContact, mountChat } from './chat-fixture';

useBrowserNodeName();
enableAutoUnmount(afterEach);

const mountView = (chat: ChatContactViewModel = chatContact(), language: 'en' | 'ja' = 'en', pending = false) =>
  mountChat(ChatContactView, { props: { chat, pending }, language });

const buttonNamed = (wrapper: ReturnType<typeof mountView>, name: string) => {
  const button = wrapper.findAll('button').find((candidate) => candidate.text() === name);
  if (!button) throw new Error(`no button named ${name}`);
  return button;
};

describe('ChatContactView', () => {
  it('is the tab panel of its chat\'s tab', () => {
    const panel = mountView().get('[role="tabpanel"]');
    expect(panel.attributes('id')).toBe('chat-panel-chat-1');
    expect(panel.attributes('aria-labelledby')).toBe('chat-tab-chat-1');
  });

  it('shows the conversation and, while live, the composer, Transfer and End chat', async () => {
    const wrapper = mountView();
    expect(wrapper.get('h2').text()).toBe('Chat with Mary Major');
    expect(wrapper.get('.chat-body').text()).toBe('Hello, my order has not arrived.');
    expect(wrapper.find('[data-testid="chat-composer"]').exists()).toBe(true);
    await buttonNamed(wrapper, 'Transfer').trigger('click');
    await buttonNamed(wrapper, 'End chat').trigger('click');
    await wrapper.get('textarea').setValue('On its way');
    await wrapper.get('textarea').trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('transfer')).toHaveLength(1);
    expect(wrapper.emitted('end')).toHaveLength(1);
    expect(wrapper.emitted('send')).toEqual([['On its way']]);
    expect(wrapper.emitted('typing')).toHaveLength(1);
  });

  it('passes downloads up', async () => {
    const chat = chatContact({
      messages: [
        {
          id: 'att',
          kind: 'attachment',
          role: 'CUSTOMER',
          displayName: 'Mary Major',
          time: 0,
          contentType: 'application/pdf',
          content: '',
          attachments: [{ id: 'file-1', name: 'label.pdf', contentType: 'application/pdf', size: 2_048, status: 'APPROVED' }],
        },
      ],
    });
    const wrapper = mountView(chat);
    await wrapper.get('button.download').trigger('click');
    expect(wrapper.emitted('download')).toEqual([['file-1']]);
  });

  it('in After Contact Work has no composer, says the chat ended and offers Close contact', async () => {
    const wrapper = mountView(chatContact({ state: 'acw' }));
    expect(wrapper.find('[data-testid="chat-composer"]').exists()).toBe(false);
    expect(wrapper.findAll('button').map((button) => button.text())).toEqual(['Close contact']);
    expect(wrapper.get('[data-testid="chat-ended"]').text()).toBe('This chat has ended. Finish your after contact work, then close the contact.');
    await buttonNamed(wrapper, 'Close contact').trigger('click');
    expect(wrapper.emitted('close')).toHaveLength(1);
  });

  it('disables its actions while a command is pending', () => {
    const wrapper = mountView(chatContact(), 'en', true);
    expect(buttonNamed(wrapper, 'End chat').attributes('disabled')).toBeDefined();
    expect(buttonNamed(wrapper, 'Transfer').attributes('disabled')).toBeDefined();
  });

  it('speaks Japanese in the Japanese UI', () => {
    const live = mountView(chatContact({ customerName: '佐藤 花子' }), 'ja');
    expect(live.get('h2').text()).toBe('佐藤 花子 とのチャット');
    expect(buttonNamed(live, 'チャットを終了').exists()).toBe(true);
    expect(buttonNamed(live, '転送').exists()).toBe(true);
    const ended = mountView(chatContact({ state: 'acw' }), 'ja');
    expect(buttonNamed(ended, '連絡先を閉じる').exists()).toBe(true);
  });
});

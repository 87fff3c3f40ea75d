// @vitest-environment happy-dom
// Component tests of the chat transcript: messages with sender, time and rendered body, events, receipts on the
// agent's own messages, attachments (preview from a blob URL, download button otherwise), the typing line, the
// live region for new customer messages, and staying at the bottom unless the agent scrolled up.
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ChatTranscript from '@/components/chat/ChatTranscript.vue';
import type { ChatMessageView } from '@/components/chat/chat-view-model';
import { useBrowserNodeName } from '../../unit/chat-rendering/browser-node-name';
import { chatMessage, mountChat } from './chat-fixture';

useBrowserNodeName();
enableAutoUnmount(afterEach);

const conversation = (): ChatMessageView[] => [
  chatMessage({ id: 'e1', kind: 'event', eventType: 'participant.joined', role: 'AGENT', displayName: 'Emily Carter', content: '' }),
  chatMessage({ id: 'm1', content: 'Where is **order 77**?', contentType: 'text/markdown' }),
  chatMessage({ id: 'm2', role: 'AGENT', displayName: 'Emily Carter', content: 'Checking now.', receipt: 'read' }),
  chatMessage({ id: 'm3', role: 'AGENT', displayName: 'Emily Carter', content: 'It left today.', receipt: 'delivered' }),
  chatMessage({ id: 'e2', kind: 'event', eventType: 'typing', content: '' }),
  chatMessage({ id: 'e3', kind: 'event', eventType: 'participant.left', displayName: 'Mary Major', content: '' }),
  chatMessage({ id: 'e4', kind: 'event', eventType: 'chat.ended', role: 'SYSTEM', displayName: 'SYSTEM', content: '' }),
];

const mountTranscript = (props: Partial<InstanceType<typeof ChatTranscript>['$props']> = {}, language: 'en' | 'ja' = 'en') =>
  mountChat(ChatTranscript, { props: { messages: conversation(), customerName: 'Mary Major', ...props }, language });

/** Gives the log a layout (happy-dom has none): content height, visible height and where it is scrolled to. */
function layOut(wrapper: VueWrapper, sizes: { scrollHeight: number; clientHeight: number; scrollTop: number }) {
  const log = wrapper.get('[role="log"]').element as HTMLElement;
  Object.defineProperty(log, 'scrollHeight', { configurable: true, get: () => sizes.scrollHeight });
  Object.defineProperty(log, 'clientHeight', { configurable: true, get: () => sizes.clientHeight });
  log.scrollTop = sizes.scrollTop;
  return log;
}

describe('ChatTranscript', () => {
  it('is a labelled, focusable log whose own additions are not read out', () => {
    const log = mountTranscript().get('[role="log"]');
    expect(log.attributes('aria-label')).toBe('Conversation with Mary Major');
    expect(log.attributes('tabindex')).toBe('0');
    expect(log.attributes('aria-live')).toBe('off');
  });

  it('shows each message with its sender, time and rendered body, and the events as lines', () => {
    const wrapper = mountTranscript();
    const messages = wrapper.findAll('[data-testid="chat-message"]');
    expect(messages).toHaveLength(3);
    expect(messages[0]?.get('.sender').text()).toBe('Mary Major');
    expect(messages[0]?.get('time').attributes('datetime')).toBe('2025-03-03T09:15:00.000Z');
    expect(messages[0]?.get('.chat-body').html()).toContain('<strong>order 77</strong>');
    expect(wrapper.findAll('[data-testid="chat-event"]').map((event) => event.get('span').text())).toEqual([
      'Emily Carter joined the chat',
      'Mary Major left the chat',
      'The chat has ended',
    ]);
  });

  it('shows receipts on the agent\'s own messages only', () => {
    const wrapper = mountTranscript();
    const receipts = wrapper.findAll('[data-testid="receipt"]');
    expect(receipts.map((receipt) => receipt.text())).toEqual(['Read', 'Delivered']);
  });

  it('renders Markdown as plain text when the contact has Markdown off', () => {
    const wrapper = mountTranscript({ markdownEnabled: false });
    expect(wrapper.findAll('.chat-body')[0]?.text()).toBe('Where is **order 77**?');
  });

  it('previews an image from its blob URL and offers every approved file as a download', async () => {
    const attachments = chatMessage({
      kind: 'attachment',
      content: '',
      contentType: 'image/png',
      attachments: [
        { id: 'img', name: 'damaged-box.png', contentType: 'image/png', size: 245_760, status: 'APPROVED' },
        { id: 'pdf', name: 'receipt.pdf', contentType: 'application/pdf', size: 14_540, status: 'APPROVED' },
        { id: 'up', name: 'log.txt', contentType: 'text/plain', size: 100, status: 'IN_PROGRESS' },
        { id: 'bad', name: 'macro.xls', contentType: 'application/vnd.ms-excel', size: 100, status: 'REJECTED' },
      ],
    });
    const wrapper = mountTranscript({ messages: [attachments], attachmentUrls: { img: 'blob:chrome-extension://x/1' } });
    const image = wrapper.get('img');
    expect(image.attributes()).toMatchObject({ src: 'blob:chrome-extension://x/1', alt: 'damaged-box.png' });
    const downloads = wrapper.findAll('button.download');
    expect(downloads.map((button) => button.attributes('aria-label'))).toEqual(['Download damaged-box.png (240 KB)', 'Download receipt.pdf (14.2 KB)']);
    expect(wrapper.text()).toContain('Uploading log.txt…');
    expect(wrapper.text()).toContain('macro.xls was blocked by the attachment scan');
    await downloads[1]?.trigger('click');
    expect(wrapper.emitted('download')).toEqual([['pdf']]);
  });

  it('says who is typing', async () => {
    const wrapper = mountTranscript();
    expect(wrapper.get('[data-testid="typing"]').text()).toBe('');
    await wrapper.setProps({ typingName: 'Mary Major' });
    expect(wrapper.get('[data-testid="typing"]').attributes('role')).toBe('status');
    expect(wrapper.get('[data-testid="typing"]').text()).toBe('Mary Major is typing…');
  });

  it('reads out a new customer message but not the agent\'s own', async () => {
    const wrapper = mountTranscript();
    const announcer = wrapper.get('[data-testid="chat-announcer"]');
    expect(announcer.attributes('aria-live')).toBe('polite');
    expect(announcer.text()).toBe('');
    await wrapper.setProps({ messages: [...conversation(), chatMessage({ role: 'AGENT', displayName: 'Emily Carter', content: 'Anything else?' })] });
    expect(announcer.text()).toBe('');
    // A bounded transcript drops its oldest item as a new one comes: the length stays the same.
    const [, ...rest] = wrapper.props('messages');
    await wrapper.setProps({ messages: [...rest, chatMessage({ content: 'No, thanks!' })] });
    expect(announcer.text()).toBe('Message from Mary Major: No, thanks!');
  });

  it('follows new messages at the bottom, and offers a "new messages" button once the agent scrolled up', async () => {
    const wrapper = mountTranscript();
    const log = layOut(wrapper, { scrollHeight: 1_000, clientHeight: 300, scrollTop: 700 });
    await wrapper.get('[role="log"]').trigger('scroll');
    await wrapper.setProps({ messages: [...conversation(), chatMessage({ content: 'one' })] });
    await flushPromises();
    expect(log.scrollTop).toBe(1_000);
    expect(wrapper.find('.new-messages').exists()).toBe(false);

    log.scrollTop = 100;
    await wrapper.get('[role="log"]').trigger('scroll');
    const earlier = wrapper.props('messages');
    await wrapper.setProps({ messages: [...earlier, chatMessage({ content: 'two' }), chatMessage({ content: 'three' }), chatMessage({ content: 'four' })] });
    await flushPromises();
    expect(log.scrollTop).toBe(100);
    expect(wrapper.get('.new-messages').text()).toBe('New messages (3)');

    await wrapper.get('.new-messages').trigger('click');
    expect(log.scrollTop).toBe(1_000);
    expect(wrapper.find('.new-messages').exists()).toBe(false);
  });

  describe('a long conversation', () => {
    const longConversation = () => Array.from({ length: 100 }, (_, n) => chatMessage({ content: `Message number ${n + 1}` }));
    const shownTexts = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="chat-message"] .chat-body').map((body) => body.text());
    /** A log whose content is 20 px an item rendered, 300 px tall. */
    function layOutByItems(wrapper: VueWrapper, scrollTop: number) {
      const log = wrapper.get('[role="log"]').element as HTMLElement;
      Object.defineProperty(log, 'scrollHeight', { configurable: true, get: () => 20 * log.querySelectorAll('[data-testid="chat-message"]').length });
      Object.defineProperty(log, 'clientHeight', { configurable: true, get: () => 300 });
      log.scrollTop = scrollTop;
      return log;
    }

    it('opens on its newest 20 messages, and renders earlier ones a page of 50 at a time, keeping the view in place', async () => {
      const wrapper = mountTranscript({ messages: longConversation() });
      expect(shownTexts(wrapper)).toHaveLength(20);
      expect(shownTexts(wrapper).at(0)).toBe('Message number 81');
      expect(shownTexts(wrapper).at(-1)).toBe('Message number 100');
      const earlier = wrapper.get('[data-testid="show-earlier"]');
      expect(earlier.element.tagName).toBe('BUTTON');
      expect(earlier.text()).toBe('Show earlier messages (80)');

      const log = layOutByItems(wrapper, 0);
      await earlier.trigger('click');
      await flushPromises();
      expect(shownTexts(wrapper)).toHaveLength(70);
      expect(shownTexts(wrapper).at(0)).toBe('Message number 31');
      expect(log.scrollTop).toBe(50 * 20); // the message that was at the top is still there
      expect(wrapper.get('[data-testid="show-earlier"]').text()).toBe('Show earlier messages (30)');

      await wrapper.get('[data-testid="show-earlier"]').trigger('click');
      await flushPromises();
      expect(shownTexts(wrapper)).toHaveLength(100);
      expect(wrapper.find('[data-testid="show-earlier"]').exists()).toBe(false);
    });

    it('renders the earlier messages when the agent scrolls up to the top, not before', async () => {
      const wrapper = mountTranscript({ messages: longConversation() });
      const log = layOutByItems(wrapper, 200);
      await wrapper.get('[role="log"]').trigger('scroll');
      expect(shownTexts(wrapper)).toHaveLength(20);
      log.scrollTop = 10;
      await wrapper.get('[role="log"]').trigger('scroll');
      await flushPromises();
      expect(shownTexts(wrapper)).toHaveLength(70);
    });

    it('renders every message that arrives after it opened', async () => {
      const wrapper = mountTranscript({ messages: longConversation() });
      await wrapper.setProps({ messages: [...wrapper.props('messages'), chatMessage({ content: 'A new one' })] });
      expect(shownTexts(wrapper)).toHaveLength(21);
      expect(shownTexts(wrapper).at(-1)).toBe('A new one');
      expect(wrapper.get('[data-testid="show-earlier"]').text()).toBe('Show earlier messages (80)');
    });

    it('says so in Japanese', () => {
      const wrapper = mountTranscript({ messages: longConversation() }, 'ja');
      expect(wrapper.get('[data-testid="show-earlier"]').text()).toBe('以前のメッセージを表示（80 件）');
    });
  });

  it('speaks Japanese in the Japanese UI', async () => {
    const wrapper = mountTranscript({ typingName: '佐藤 花子' }, 'ja');
    expect(wrapper.get('[role="log"]').attributes('aria-label')).toBe('Mary Major との会話');
    expect(wrapper.findAll('[data-testid="receipt"]').map((receipt) => receipt.text())).toEqual(['既読', '配信済み']);
    expect(wrapper.findAll('[data-testid="chat-event"]')[0]?.get('span').text()).toBe('Emily Carter がチャットに参加しました');
    expect(wrapper.get('[data-testid="typing"]').text()).toBe('佐藤 花子 が入力中…');
  });
});

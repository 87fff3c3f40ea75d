// @vitest-environment happy-dom
// The softphone panel with chat contacts: an offered chat is accepted, the transcript followed from the worker
// shows in the chat's tab with its unread count, showing a chat sends its read receipt, messages are sent, and
// after contact work is closed; the chat views load only when a chat exists.

import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import SoftphonePanel from '@/components/softphone/SoftphonePanel.vue';
import type { ChatItemView } from '@/lib/session/chat-transcript';
import type { ContactView } from '@/lib/session/snapshot';
import { button, connection, FakeSessionClient, mountSoftphone, readySnapshot } from './softphone-fixture';

function chatContact(id: string, name: string, state: ContactView['state']): ContactView {
  return {
    id,
    initialContactId: id,
    channel: 'chat',
    state,
    since: Date.now(),
    initiationMethod: 'api',
    queueName: 'BasicQueue',
    attributes: {},
    connections: [connection({ id: `${id}-agent`, role: 'agent', state: state === 'connected' ? 'connected' : 'connecting' }), connection({ id: `${id}-customer`, role: 'customer', name })],
    transferredBy: null,
    deskPhone: false,
    customerName: name,
    chatFeatures: { attachments: true, markdown: true },
  };
}

function customerMessage(id: string, content: string, time: number, receipt?: ChatItemView['receipt']): ChatItemView {
  return { id, kind: 'message', role: 'CUSTOMER', own: false, displayName: 'Hanako Yamada', time, contentType: 'text/plain', content, ...(receipt ? { receipt } : {}) };
}

async function settle() {
  for (let i = 0; i < 5; i++) await flushPromises();
}

/** The chat views are loaded lazily: wait for the import and the first render. */
async function chatLoaded(wrapper: { find(selector: string): { exists(): boolean } }) {
  await vi.waitFor(() => expect(wrapper.find('.chat-workspace').exists()).toBe(true), { timeout: 10_000 });
  await settle();
}

describe('chat in the softphone panel', () => {
  it('offers an incoming chat with its first message, and Accept sends accept', async () => {
    const client = new FakeSessionClient();
    const { wrapper } = await mountSoftphone(SoftphonePanel, readySnapshot({ contacts: [chatContact('chat-1', 'Hanako Yamada', 'connecting')] }), { client });
    await chatLoaded(wrapper);
    client.pushChat('chat-1', { type: 'items', full: true, items: [customerMessage('m1', 'My router keeps rebooting.', Date.now())] });
    await settle();
    expect(wrapper.text()).toContain('Hanako Yamada');
    expect(wrapper.text()).toContain('My router keeps rebooting.');
    await button(wrapper, 'Accept chat').trigger('click');
    expect(client.commands).toContainEqual({ type: 'accept', contactId: 'chat-1' });
  });

  it('shows a tab per chat with unread counts, marks the shown chat read, sends, and closes after contact work', async () => {
    const client = new FakeSessionClient();
    const contacts = [chatContact('chat-1', 'Hanako Yamada', 'connected'), chatContact('chat-2', 'Taro Suzuki', 'connected')];
    const { wrapper } = await mountSoftphone(SoftphonePanel, readySnapshot({ contacts }), { client });
    await chatLoaded(wrapper);
    const t0 = Date.now() - 60_000;
    client.pushChat('chat-1', { type: 'items', full: true, items: [customerMessage('a1', 'Hello', t0)] });
    client.pushChat('chat-2', { type: 'items', full: true, items: [customerMessage('b1', 'Hi', t0), customerMessage('b2', 'Anyone there?', t0 + 1000)] });
    await settle();
    const tabs = wrapper.findAll('[data-testid="chat-tabs"] [role="tab"]');
    expect(tabs).toHaveLength(2);
    // The first chat is shown: its message is read at once; the second keeps its two unread.
    expect(client.commands).toContainEqual({ type: 'chat-read', contactId: 'chat-1', messageId: 'a1' });
    expect(tabs[1]!.text()).toContain('2');
    expect(client.commands.some((c) => c.type === 'chat-read' && c.contactId === 'chat-2')).toBe(false);

    await tabs[1]!.trigger('click');
    await settle();
    expect(client.commands).toContainEqual({ type: 'chat-read', contactId: 'chat-2', messageId: 'b2' });

    const box = wrapper.find('textarea');
    await box.setValue('Yes, I am here.');
    await box.trigger('keydown', { key: 'Enter' });
    expect(client.commands).toContainEqual({ type: 'chat-send', contactId: 'chat-2', text: 'Yes, I am here.', contentType: 'text/markdown' });

    client.emit(readySnapshot({ contacts: [contacts[0]!, { ...contacts[1]!, state: 'ended' }] }));
    await settle();
    await button(wrapper, 'Close contact').trigger('click');
    expect(client.commands).toContainEqual({ type: 'clear', contactId: 'chat-2' });
  });

  it('transfers a chat to a queue quick connect, never to a phone number', async () => {
    const client = new FakeSessionClient();
    const { wrapper } = await mountSoftphone(SoftphonePanel, readySnapshot({ contacts: [chatContact('chat-1', 'Hanako Yamada', 'connected')] }), { client });
    await chatLoaded(wrapper);
    await button(wrapper, 'Transfer').trigger('click');
    await settle();
    expect(wrapper.text()).not.toContain('Escalation desk');
    await button(wrapper, 'Support queue').trigger('click');
    expect(client.commands).toContainEqual({ type: 'transfer', contactId: 'chat-1', quickConnectArn: expect.stringContaining('qc-support-queue') });
  });

  it('loads no chat view for a voice-only agent', async () => {
    const { wrapper } = await mountSoftphone(SoftphonePanel, readySnapshot());
    await settle();
    expect(wrapper.find('.chat-workspace').exists()).toBe(false);
  });
});

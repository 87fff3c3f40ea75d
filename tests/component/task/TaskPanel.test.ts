// @vitest-environment happy-dom
// Tasks in the softphone panel: the task views load when a task contact arrives, the Create task tool opens the
// form (its own chunk), and "Create a follow-up task" on a call or chat opens it pre-filled from that contact.
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import SoftphonePanel from '@/components/softphone/SoftphonePanel.vue';
import type { ContactView } from '@/lib/session/snapshot';
import { accessibleName, button, connection, FakeSessionClient, mountSoftphone, readySnapshot, voiceContact } from '../softphone-fixture';
import { settle, taskContact } from './task-fixture';

type Findable = { find(selector: string): { exists(): boolean } };

async function shown(wrapper: Findable, selector: string) {
  await vi.waitFor(() => expect(wrapper.find(selector).exists()).toBe(true), { timeout: 10_000 });
  await settle();
}

const valueOf = (wrapper: { findAll(selector: string): { element: Element }[] }, name: string) =>
  (wrapper.findAll('input, textarea').find((c) => accessibleName(c.element) === name && !c.element.closest('.reference-row'))?.element as HTMLInputElement | undefined)?.value;

describe('tasks in the softphone panel', () => {
  it('shows the task workspace when a task is offered, not before', async () => {
    const client = new FakeSessionClient();
    const { wrapper } = await mountSoftphone(SoftphonePanel, readySnapshot(), { client });
    expect(wrapper.find('.task-workspace').exists()).toBe(false);
    expect(wrapper.text()).toContain('You are available.');
    client.emit(readySnapshot({ contacts: [taskContact('task-1', 'connecting')] }));
    await shown(wrapper, '.task-workspace');
    expect(wrapper.text()).not.toContain('You are available.');
    await button(wrapper, 'Accept task').trigger('click');
    expect(client.commands).toContainEqual({ type: 'accept', contactId: 'task-1' });
  });

  it('opens the Create task form from its tool', async () => {
    const { wrapper } = await mountSoftphone(SoftphonePanel, readySnapshot());
    await button(wrapper, 'Create task').trigger('click');
    await shown(wrapper, '[data-testid="create-task-form"]');
    expect(wrapper.get('[data-testid="create-task-form"] h2').text()).toBe('Create a task');
    expect(document.activeElement?.textContent?.trim()).toBe('Create a task');
  });

  it('opens the form pre-filled from a call with “Create a follow-up task”', async () => {
    const call: ContactView = voiceContact({ id: 'call-1', state: 'connected' });
    call.connections = [connection({ id: 'agent-leg', role: 'agent' }), connection({ id: 'customer-leg', role: 'customer', phoneNumber: '+81355501234' })];
    const { wrapper } = await mountSoftphone(SoftphonePanel, readySnapshot({ contacts: [call] }));
    await button(wrapper, 'Create a follow-up task').trigger('click');
    await shown(wrapper, '[data-testid="create-task-form"]');
    expect(wrapper.get('[data-testid="follows-up"]').text()).toBe('It will be linked to this call.');
    expect(valueOf(wrapper, 'Name')).toBe('Follow up: +81355501234');
    const rows = wrapper.findAll('.reference-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.findAll('input').map((i) => (i.element as HTMLInputElement).value)).toEqual(['Phone number', '+81355501234']);
  });

  it('opens the form pre-filled from a chat with the customer’s name and email', async () => {
    const chat: ContactView = {
      ...taskContact('chat-1', 'connected'),
      channel: 'chat',
      task: undefined,
      customerName: 'Hanako Yamada',
      attributes: { email: 'hanako@example.jp' },
      connections: [connection({ id: 'chat-agent', role: 'agent' }), connection({ id: 'chat-customer', role: 'customer', name: 'Hanako Yamada' })],
      chatFeatures: { attachments: true, markdown: true },
    };
    const { wrapper } = await mountSoftphone(SoftphonePanel, readySnapshot({ contacts: [chat] }));
    await shown(wrapper, '.chat-workspace');
    await button(wrapper, 'Create a follow-up task').trigger('click');
    await flushPromises();
    await shown(wrapper, '[data-testid="create-task-form"]');
    expect(valueOf(wrapper, 'Name')).toBe('Follow up: Hanako Yamada');
    expect(valueOf(wrapper, 'Description')).toBe('Follow-up of the chat with Hanako Yamada.');
    const values = wrapper.findAll('.reference-row input').map((i) => (i.element as HTMLInputElement).value);
    expect(values).toEqual(['Customer name', 'Hanako Yamada', 'Email', 'hanako@example.jp']);
  });
});

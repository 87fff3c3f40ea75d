// @vitest-environment happy-dom
// The task workspace over the session store: an offered task's card (name, queue, how long offered) with Accept /
// Reject, a tab per worked task with its state and scheduled time, and the shown task's buttons sending the right
// commands: Pause (task-pause), Resume (task-resume), Transfer to a queue or agent quick connect, End task
// (hang-up, to After Contact Work) and Close contact (clear).
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import TaskWorkspace from '@/components/task/TaskWorkspace.vue';
import type { ContactView } from '@/lib/session/snapshot';
import { button, buttonNames, FakeSessionClient, mountSoftphone, QUICK_CONNECTS, readySnapshot } from '../softphone-fixture';
import { settle, taskContact } from './task-fixture';

enableAutoUnmount(afterEach);

async function mountWorkspace(contacts: ContactView[], language: 'en' | 'ja' = 'en') {
  const client = new FakeSessionClient();
  const mounted = await mountSoftphone(TaskWorkspace, readySnapshot({ contacts }), { client, language });
  return { ...mounted, client };
}

describe('TaskWorkspace', () => {
  it('offers an incoming task with its name, queue and time offered; Accept and Reject send their commands', async () => {
    const { wrapper, client } = await mountWorkspace([taskContact('task-1', 'connecting')]);
    const card = wrapper.get('[data-testid="incoming-task"]');
    expect(card.get('[data-testid="task-name"]').text()).toBe('Send the return label');
    expect(card.get('[data-testid="queue-name"]').text()).toBe('BasicQueue');
    expect(card.get('[data-testid="offered-for"]').text()).toMatch(/^01:0[5-9]$/);
    expect(wrapper.find('[role="tab"]').exists()).toBe(false);
    await button(wrapper, 'Accept task').trigger('click');
    await button(wrapper, 'Reject task').trigger('click');
    expect(client.commands).toEqual([
      { type: 'accept', contactId: 'task-1' },
      { type: 'reject', contactId: 'task-1' },
    ]);
  });

  it('lists the worked tasks as tabs with their state and scheduled time, and shows the selected one', async () => {
    const scheduledTime = Date.UTC(2025, 2, 4, 6, 0);
    const { wrapper } = await mountWorkspace([
      taskContact('task-1', 'connected'),
      taskContact('task-2', 'paused', { name: 'Call back at 15:00', scheduledTime }),
    ]);
    const tabs = wrapper.findAll('[role="tab"]');
    expect(tabs.map((tab) => tab.text())).toEqual([
      'Send the return labelIn progress',
      `Call back at 15:00Paused${`Scheduled ${new Intl.DateTimeFormat('en', { dateStyle: 'short', timeStyle: 'short' }).format(scheduledTime)}`}`,
    ]);
    expect(tabs[0]!.attributes('aria-selected')).toBe('true');
    expect(wrapper.get('[role="tabpanel"]').attributes('aria-labelledby')).toBe(tabs[0]!.attributes('id'));
    await tabs[0]!.trigger('keydown', { key: 'ArrowRight' });
    await settle();
    expect(wrapper.findAll('[role="tab"]')[1]!.attributes('aria-selected')).toBe('true');
    expect(wrapper.get('[role="tabpanel"] h2').text()).toBe('Call back at 15:00');
    expect(document.activeElement?.id).toBe('task-tab-task-2');
  });

  it('shows the description as text, never HTML', async () => {
    const { wrapper } = await mountWorkspace([taskContact('task-1', 'connected', { description: '<img src=x onerror="alert(1)">\nSecond line' })]);
    expect(wrapper.find('[data-testid="task-description"] img').exists()).toBe(false);
    expect(wrapper.get('[data-testid="task-description"]').text()).toBe('<img src=x onerror="alert(1)">\nSecond line');
  });

  it('pauses a task in progress, and resumes a paused one', async () => {
    const { wrapper, client } = await mountWorkspace([taskContact('task-1', 'connected')]);
    expect(buttonNames(wrapper.get('[role="tabpanel"]'))).toEqual(['Pause', 'Transfer', 'End task']);
    await button(wrapper, 'Pause').trigger('click');
    expect(client.commands).toEqual([{ type: 'task-pause', contactId: 'task-1' }]);

    client.emit(readySnapshot({ contacts: [taskContact('task-1', 'paused')] }));
    await settle();
    expect(wrapper.get('[data-testid="task-paused"]').text()).toBe('Paused: this task does not count against your task capacity until you resume it.');
    expect(buttonNames(wrapper.get('[role="tabpanel"]'))).toEqual(['Resume', 'End task']);
    await button(wrapper, 'Resume').trigger('click');
    expect(client.commands.at(-1)).toEqual({ type: 'task-resume', contactId: 'task-1' });
  });

  it('ends a task (hang-up), then closes it from After Contact Work (clear)', async () => {
    const { wrapper, client } = await mountWorkspace([taskContact('task-1', 'connected')]);
    await button(wrapper, 'End task').trigger('click');
    expect(client.commands).toEqual([{ type: 'hang-up', contactId: 'task-1' }]);

    client.emit(readySnapshot({ contacts: [taskContact('task-1', 'ended')] }));
    await settle();
    expect(wrapper.get('[data-testid="task-ended"]').text()).toBe('This task has ended. Finish your after contact work, then close the contact.');
    expect(buttonNames(wrapper.get('[role="tabpanel"]'))).toEqual(['Close contact']);
    await button(wrapper, 'Close contact').trigger('click');
    expect(client.commands.at(-1)).toEqual({ type: 'clear', contactId: 'task-1' });
  });

  it('transfers to a queue or agent quick connect (never a phone number), and shows a refusal in place', async () => {
    const { wrapper, client } = await mountWorkspace([taskContact('task-1', 'connected')]);
    await button(wrapper, 'Transfer').trigger('click');
    const list = wrapper.get('[data-testid="task-transfer"]');
    expect(buttonNames(list)).toEqual(['Support queue, Queue', 'Yuki Tanaka, Agent', 'Cancel transfer']);

    client.answer = () => ({ ok: false, error: { code: 'rejected', params: { detail: 'The agent is not available' } } });
    await button(wrapper, 'Yuki Tanaka, Agent').trigger('click');
    await settle();
    expect(client.commands).toEqual([{ type: 'transfer', contactId: 'task-1', quickConnectArn: QUICK_CONNECTS[1]!.arn }]);
    expect(wrapper.get('[data-testid="task-transfer"] [role="alert"]').text()).toBe('The contact center refused: The agent is not available');

    client.answer = () => ({ ok: true });
    await button(wrapper, 'Support queue, Queue').trigger('click');
    await settle();
    expect(client.commands.at(-1)).toEqual({ type: 'transfer', contactId: 'task-1', quickConnectArn: QUICK_CONNECTS[0]!.arn });
    expect(wrapper.find('[data-testid="task-transfer"]').exists()).toBe(false);
  });

  it('speaks Japanese in the Japanese UI', async () => {
    const { wrapper } = await mountWorkspace([taskContact('task-1', 'connecting'), taskContact('task-2', 'connected')], 'ja');
    expect(button(wrapper, 'タスクを受け入れる').exists()).toBe(true);
    expect(button(wrapper, 'タスクを拒否').exists()).toBe(true);
    expect(wrapper.get('[role="tab"]').text()).toContain('対応中');
    expect(buttonNames(wrapper.get('[role="tabpanel"]'))).toEqual(['一時停止', '転送', 'タスクを終了']);
  });
});

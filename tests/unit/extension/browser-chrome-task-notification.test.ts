// An offered task raises the same desktop notification as a call when no view is open (titled as a task, with the
// task's name), and counts on the badge with ringing calls and chats; a paused task does not ring.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { badgeFor } from '@/lib/browser-chrome/badge';
import type { Translate } from '@/lib/browser-chrome/chrome-messages';
import { IncomingNotifier, notificationIdFor, type NotificationsApi } from '@/lib/browser-chrome/incoming-notification';
import type { ContactView } from '@/lib/session/snapshot';
import { connectionView, readySnapshot, RecordingLog, ringingCall } from './session-test-kit';

const t: Translate = (key, substitutions) => (substitutions?.length ? `${key}(${substitutions.join(',')})` : key);

/** A task offered to the agent, as the engine maps it: one connection, the agent's, connecting. */
const offeredTask = (id: string, state: ContactView['state'] = 'connecting'): ContactView => ({
  ...ringingCall(id),
  channel: 'task',
  state,
  initiationMethod: 'api',
  connections: [connectionView({ id: `${id}-agent`, role: 'agent', state: state === 'paused' ? 'connected' : 'connecting', phoneNumber: null, endpointType: null })],
  task: { name: 'Call back Hana Sato', description: '', references: [], scheduledTime: null, templateId: null, relatedContactId: null },
});

describe('an offered task in the browser chrome', () => {
  beforeEach(() => fakeBrowser.reset());

  it("is notified like a call, titled as a task, with the task's name", async () => {
    const notifier = new IncomingNotifier({
      execute: vi.fn(async () => ({ ok: true as const })),
      log: new RecordingLog(),
      notifications: fakeBrowser.notifications as unknown as NotificationsApi,
      t,
      iconUrl: () => 'icon.png',
    });
    await notifier.update(readySnapshot({ contacts: [offeredTask('task-1')] }), false);
    const all = (await fakeBrowser.notifications.getAll()) as unknown as Record<string, Record<string, unknown>>;
    expect(all[notificationIdFor('task-1')]).toMatchObject({
      title: 'notification_incoming_task_title',
      message: 'notification_incoming_from_queue(Call back Hana Sato,Support)',
      buttons: [{ title: 'notification_accept' }, { title: 'notification_reject' }],
    });
  });

  it('counts offered tasks with ringing calls on the badge, not paused ones', () => {
    expect(badgeFor(readySnapshot({ contacts: [offeredTask('task-1'), offeredTask('task-2'), ringingCall('call-1')] }), t).text).toBe('3');
    expect(badgeFor(readySnapshot({ contacts: [offeredTask('task-1', 'paused')] }), t).text).not.toBe('1');
  });
});

// An incoming chat raises the same desktop notification as a call when no view is open (titled as a chat, with
// the customer's display name), and counts on the badge with ringing calls.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { badgeFor } from '@/lib/browser-chrome/badge';
import type { Translate } from '@/lib/browser-chrome/chrome-messages';
import { IncomingNotifier, notificationIdFor, type NotificationsApi } from '@/lib/browser-chrome/incoming-notification';
import type { ContactView } from '@/lib/session/snapshot';
import { connectionView, readySnapshot, RecordingLog, ringingCall } from './session-test-kit';

const t: Translate = (key, substitutions) => (substitutions?.length ? `${key}(${substitutions.join(',')})` : key);

/** A chat offered to the agent, as the engine maps it (streams reports a chat offer as 'connecting'). */
const ringingChat = (id: string): ContactView => ({
  ...ringingCall(id),
  channel: 'chat',
  initiationMethod: 'api',
  customerName: 'Hana Sato',
  chatFeatures: { attachments: true, markdown: true },
  connections: [
    connectionView({ id: `${id}-agent`, role: 'agent', phoneNumber: null, endpointType: null, name: 'Agent One' }),
    connectionView({ id: `${id}-customer`, role: 'customer', state: 'connected', phoneNumber: null, endpointType: null, name: 'Hana Sato' }),
  ],
});

describe('incoming chat in the browser chrome', () => {
  beforeEach(() => fakeBrowser.reset());

  it("is notified like a call, titled as a chat, with the customer's name", async () => {
    const notifier = new IncomingNotifier({
      execute: vi.fn(async () => ({ ok: true as const })),
      log: new RecordingLog(),
      notifications: fakeBrowser.notifications as unknown as NotificationsApi,
      t,
      iconUrl: () => 'icon.png',
    });
    await notifier.update(readySnapshot({ contacts: [ringingChat('chat-1')] }), false);
    const all = (await fakeBrowser.notifications.getAll()) as unknown as Record<string, Record<string, unknown>>;
    expect(all[notificationIdFor('chat-1')]).toMatchObject({
      title: 'notification_incoming_chat_title',
      message: 'notification_incoming_from_queue(Hana Sato,Support)',
      buttons: [{ title: 'notification_accept' }, { title: 'notification_reject' }],
    });
  });

  it('counts waiting chats with ringing calls on the badge', () => {
    const look = badgeFor(readySnapshot({ contacts: [ringingChat('chat-1'), ringingChat('chat-2'), ringingCall('call-1')] }), t);
    expect(look.text).toBe('3');
  });
});

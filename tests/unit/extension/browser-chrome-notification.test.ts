// The incoming-call notification: shown only while no view is open, with Accept / Reject that run commands,
// cleared when the call stops ringing or a view opens, never raised twice for one call.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Translate } from '@/lib/browser-chrome/chrome-messages';
import { ACCEPT_BUTTON, IncomingNotifier, notificationIdFor, REJECT_BUTTON, type NotificationsApi } from '@/lib/browser-chrome/incoming-notification';
import type { CommandEnvelope, CommandResult } from '@/lib/session/commands';
import { connectedCall, readySnapshot, RecordingLog, ringingCall } from './session-test-kit';

const t: Translate = (key, substitutions) => (substitutions?.length ? `${key}(${substitutions.join(',')})` : key);

function make() {
  const execute = vi.fn(async (_envelope: CommandEnvelope): Promise<CommandResult> => ({ ok: true }));
  const notifier = new IncomingNotifier({
    execute,
    log: new RecordingLog(),
    notifications: fakeBrowser.notifications as unknown as NotificationsApi,
    t,
    iconUrl: () => 'chrome-extension://test/icon/128.png',
  });
  return { notifier, execute };
}

const shown = async () => Object.keys(await fakeBrowser.notifications.getAll());

describe('incoming call notification', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('is shown for a ringing call when no view is open, with the caller, queue and both buttons', async () => {
    const { notifier } = make();
    await notifier.update(readySnapshot({ contacts: [ringingCall('c1')] }), false);

    const all = (await fakeBrowser.notifications.getAll()) as unknown as Record<string, Record<string, unknown>>;
    expect(all[notificationIdFor('c1')]).toMatchObject({
      title: 'notification_incoming_title',
      message: 'notification_incoming_from_queue(+819012345678,Support)',
      buttons: [{ title: 'notification_accept' }, { title: 'notification_reject' }],
      requireInteraction: true,
    });
  });

  it('is not shown while the side panel is open', async () => {
    const { notifier } = make();
    await notifier.update(readySnapshot({ contacts: [ringingCall('c1')] }), true);
    expect(await shown()).toEqual([]);
  });

  it('is cleared when the call stops ringing', async () => {
    const { notifier } = make();
    await notifier.update(readySnapshot({ contacts: [ringingCall('c1')] }), false);
    await notifier.update(readySnapshot({ contacts: [connectedCall('c1')] }), false);
    expect(await shown()).toEqual([]);
  });

  it('is cleared when the side panel opens, and shown when it closes while the call still rings', async () => {
    const { notifier } = make();
    const ringing = readySnapshot({ contacts: [ringingCall('c1')] });
    await notifier.update(ringing, false);
    await notifier.update(ringing, true);
    expect(await shown()).toEqual([]);
    await notifier.update(ringing, false);
    expect(await shown()).toEqual([notificationIdFor('c1')]);
  });

  it('is not raised again for a call after the agent dismissed it', async () => {
    const { notifier } = make();
    const ringing = readySnapshot({ contacts: [ringingCall('c1')] });
    await notifier.update(ringing, false);
    await fakeBrowser.notifications.clear(notificationIdFor('c1'));
    await notifier.update({ ...ringing, sequence: 9 }, false);
    expect(await shown()).toEqual([]);
  });

  it('is not shown for a call delivered to the desk phone', async () => {
    const { notifier } = make();
    await notifier.update(readySnapshot({ contacts: [ringingCall('c1', { deskPhone: true })] }), false);
    expect(await shown()).toEqual([]);
  });

  it('accepts the call from its Accept button', async () => {
    const { notifier, execute } = make();
    await notifier.update(readySnapshot({ contacts: [ringingCall('c1')] }), false);

    await notifier.handleButton(notificationIdFor('c1'), ACCEPT_BUTTON);

    expect(execute).toHaveBeenCalledWith({ id: 'notification:c1:accept', command: { type: 'accept', contactId: 'c1' } });
    expect(await shown()).toEqual([]);
  });

  it('rejects the call from its Reject button', async () => {
    const { notifier, execute } = make();
    await notifier.handleButton(notificationIdFor('c1'), REJECT_BUTTON);
    expect(execute).toHaveBeenCalledWith({ id: 'notification:c1:reject', command: { type: 'reject', contactId: 'c1' } });
  });

  it('leaves other notifications alone', async () => {
    const { notifier, execute } = make();
    expect(await notifier.handleButton('someone-else', ACCEPT_BUTTON)).toBeNull();
    expect(execute).not.toHaveBeenCalled();
  });
});

// The notifications in Firefox's shape (no buttons, no requireInteraction: Firefox throws on both): the incoming
// contact says to click it and a click opens the softphone (the sidebar if Firefox lets it, else a window); the
// dial failure has no requireInteraction. Chrome's notifications keep their buttons and ignore clicks.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Translate } from '@/lib/browser-chrome/chrome-messages';
import { notifyDialFailure, type DialFailureNotificationDeps } from '@/lib/browser-chrome/dial-failure-notification';
import { IncomingNotifier, notificationIdFor, type NotificationsApi } from '@/lib/browser-chrome/incoming-notification';
import { browserNotificationShape, openPanelFromNotification, PANEL_WINDOW_SIZE, type NotificationShape, type PanelOpenerApis } from '@/lib/browser-chrome/notification-shape';
import type { CommandEnvelope, CommandResult } from '@/lib/session/commands';
import { readySnapshot, RecordingLog, ringingCall } from './session-test-kit';

const t: Translate = (key, substitutions) => (substitutions?.length ? `${key}(${substitutions.join(',')})` : key);
const notifications = fakeBrowser.notifications as unknown as NotificationsApi;
type Shown = Record<string, Record<string, unknown>>;

function make(shape: NotificationShape, opened: 'sidebar' | 'window' = 'window') {
  const execute = vi.fn(async (_envelope: CommandEnvelope): Promise<CommandResult> => ({ ok: true }));
  const openPanel = vi.fn(async () => ({ opened, ...(opened === 'window' ? { sidebarError: 'sidebarAction.open may only be called from a user input handler' } : {}) }));
  const log = new RecordingLog();
  const notifier = new IncomingNotifier({ execute, log, notifications, t, iconUrl: () => 'moz-extension://test/icon/128.png', shape, openPanel });
  return { notifier, execute, openPanel, log };
}

describe('incoming contact notification in Firefox', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('has no buttons and no requireInteraction, and says to click it', async () => {
    const { notifier } = make('click-to-open');
    await notifier.update(readySnapshot({ contacts: [ringingCall('c1')] }), false);
    const all = (await fakeBrowser.notifications.getAll()) as unknown as Shown;
    expect(all[notificationIdFor('c1')]).toEqual({
      type: 'basic',
      iconUrl: 'moz-extension://test/icon/128.png',
      title: 'notification_incoming_title',
      message: 'notification_incoming_from_queue(+819012345678,Support)\nnotification_click_to_open',
      priority: 2,
    });
  });

  it('puts who transferred the contact in the message (Firefox shows no context line)', async () => {
    const { notifier } = make('click-to-open');
    await notifier.update(readySnapshot({ contacts: [ringingCall('c1', { transferredBy: 'Alice' })] }), false);
    const all = (await fakeBrowser.notifications.getAll()) as unknown as Shown;
    expect(all[notificationIdFor('c1')]?.message).toBe('notification_incoming_from_queue(+819012345678,Support)\nnotification_incoming_transfer(Alice)\nnotification_click_to_open');
    expect(all[notificationIdFor('c1')]).not.toHaveProperty('contextMessage');
  });

  it('opens the softphone when clicked, clears itself and logs where it opened', async () => {
    const { notifier, openPanel, execute, log } = make('click-to-open');
    await notifier.update(readySnapshot({ contacts: [ringingCall('c1')] }), false);

    expect(await notifier.handleClick(notificationIdFor('c1'))).toBe('window');

    expect(openPanel).toHaveBeenCalledTimes(1);
    expect(execute).not.toHaveBeenCalled();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);
    expect(log.entries.at(-1)).toEqual({
      event: 'notification-clicked',
      data: { contactId: 'c1', opened: 'window', sidebarError: 'sidebarAction.open may only be called from a user input handler' },
    });
  });

  it('ignores clicks on notifications that are not its own', async () => {
    const { notifier, openPanel } = make('click-to-open');
    expect(await notifier.handleClick('dial-failed:n1')).toBeNull();
    expect(openPanel).not.toHaveBeenCalled();
  });
});

describe('incoming contact notification in Chrome', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('keeps its buttons and requireInteraction, and a click on its body does nothing', async () => {
    const { notifier, openPanel } = make('buttons');
    await notifier.update(readySnapshot({ contacts: [ringingCall('c1')] }), false);
    const all = (await fakeBrowser.notifications.getAll()) as unknown as Shown;
    expect(all[notificationIdFor('c1')]).toMatchObject({ requireInteraction: true, buttons: [{ title: 'notification_accept' }, { title: 'notification_reject' }] });
    expect(all[notificationIdFor('c1')]?.message).toBe('notification_incoming_from_queue(+819012345678,Support)');

    expect(await notifier.handleClick(notificationIdFor('c1'))).toBeNull();
    expect(openPanel).not.toHaveBeenCalled();
    expect(Object.keys(all)).toEqual([notificationIdFor('c1')]);
  });
});

describe('which shape the build takes', () => {
  it('is click-to-open for the Firefox build and buttons for Chrome (and anything else)', () => {
    expect(browserNotificationShape('firefox')).toBe('click-to-open');
    expect(browserNotificationShape('chrome')).toBe('buttons');
    expect(browserNotificationShape(undefined)).toBe('buttons');
  });
});

describe('opening the softphone from a notification click', () => {
  const windowsApi = () => ({ create: vi.fn(async () => ({})) });

  it('opens the sidebar when the browser allows it, and no window', async () => {
    const windows = windowsApi();
    const apis: PanelOpenerApis = { sidebarAction: { open: vi.fn(async () => undefined) }, windows, panelUrl: 'moz-extension://x/sidepanel.html' };
    expect(await openPanelFromNotification(apis)).toEqual({ opened: 'sidebar' });
    expect(windows.create).not.toHaveBeenCalled();
  });

  it('opens the sidebar page in a window when the sidebar refuses (not a user action)', async () => {
    const windows = windowsApi();
    const refusal = new Error('sidebarAction.open may only be called from a user input handler');
    const apis: PanelOpenerApis = { sidebarAction: { open: vi.fn(async () => Promise.reject(refusal)) }, windows, panelUrl: 'moz-extension://x/sidepanel.html' };
    expect(await openPanelFromNotification(apis)).toEqual({ opened: 'window', sidebarError: refusal.message });
    expect(windows.create).toHaveBeenCalledWith({ url: 'moz-extension://x/sidepanel.html', type: 'popup', ...PANEL_WINDOW_SIZE });
  });

  it('opens a window in a browser without a sidebar', async () => {
    const windows = windowsApi();
    expect(await openPanelFromNotification({ windows, panelUrl: 'moz-extension://x/sidepanel.html' })).toEqual({ opened: 'window', sidebarError: 'no sidebarAction' });
    expect(windows.create).toHaveBeenCalledTimes(1);
  });
});

describe('dial failure notification in each shape', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it.each([
    ['click-to-open', undefined],
    ['buttons', false],
  ] as const)('in the %s shape has requireInteraction %s', async (shape, requireInteraction) => {
    const deps: DialFailureNotificationDeps = {
      notifications: fakeBrowser.notifications as unknown as NonNullable<DialFailureNotificationDeps['notifications']>,
      t,
      iconUrl: () => 'moz-extension://test/icon/128.png',
      newId: () => 'n1',
      shape,
    };
    await notifyDialFailure({ code: 'not-signed-in' }, '03-1234-5678', deps);
    const shown = ((await fakeBrowser.notifications.getAll()) as unknown as Shown)['dial-failed:n1'];
    expect(shown?.requireInteraction).toBe(requireInteraction);
    expect(shown).not.toHaveProperty('buttons');
    if (requireInteraction === undefined) expect(shown).not.toHaveProperty('requireInteraction');
  });
});

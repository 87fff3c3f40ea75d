// The notification for a "Call <selection>" that placed no call: the reason in the agent's language, the
// selection quoted (shortened, on one line) when it had no phone number, no buttons, one notification per failure.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Translate } from '@/lib/browser-chrome/chrome-messages';
import { dialFailureText, notifyDialFailure, type DialFailureNotificationDeps } from '@/lib/browser-chrome/dial-failure-notification';

const t: Translate = (key, substitutions) => (substitutions?.length ? `${key}(${substitutions.join(',')})` : key);

describe('dial failure notification', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('quotes a selection without a number, shortened to one line', () => {
    expect(dialFailureText({ code: 'invalid-number' }, '  Order\n 2024-05-01 ', t)).toEqual({
      title: 'notification_dial_failed_title',
      message: 'notification_no_number_in_selection(Order 2024-05-01)',
    });
    const long = dialFailureText({ code: 'invalid-number' }, 'x'.repeat(100), t).message;
    expect(long).toBe(`notification_no_number_in_selection(${'x'.repeat(39)}…)`);
  });

  it.each([
    ['not-signed-in', 'c2d_error_not_signed_in'],
    ['engine-unavailable', 'c2d_error_engine_unavailable'],
    ['rejected', 'c2d_error_rejected'],
    ['timeout', 'c2d_error_timeout'],
    ['contact-not-found', 'c2d_error_other'],
  ] as const)('says why a dial failed with %s', (code, message) => {
    expect(dialFailureText({ code }, 'Call 03-1234-5678', t).message).toBe(message);
  });

  it('raises one notification per failure, without buttons', async () => {
    let n = 0;
    const deps = {
      notifications: fakeBrowser.notifications as unknown as NonNullable<DialFailureNotificationDeps['notifications']>,
      t,
      iconUrl: () => 'chrome-extension://test/icon/128.png',
      newId: () => `n${++n}`,
    };
    await notifyDialFailure({ code: 'not-signed-in' }, '03-1234-5678', deps);
    await notifyDialFailure({ code: 'invalid-number' }, 'hello', deps);
    const all = (await fakeBrowser.notifications.getAll()) as unknown as Record<string, Record<string, unknown>>;
    expect(Object.keys(all)).toEqual(['dial-failed:n1', 'dial-failed:n2']);
    expect(all['dial-failed:n1']).toEqual({
      type: 'basic',
      iconUrl: 'chrome-extension://test/icon/128.png',
      title: 'notification_dial_failed_title',
      message: 'c2d_error_not_signed_in',
      requireInteraction: false,
      priority: 1,
    });
  });
});

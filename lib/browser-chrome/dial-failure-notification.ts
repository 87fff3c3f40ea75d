// The desktop notification for a "Call <selection>" (context menu) that did not place a call: the menu has no
// place of its own to answer in, so the agent is told why here, in the browser's language; a selection with no
// phone number in it is quoted back. (The dial button in the page shows its own outcome.) Firefox's notifications
// take no `requireInteraction` (create throws on it), so it is left out there (notification-shape.ts).
import { browser } from 'wxt/browser';
import type { CommandError } from '../session/commands';
import { dialErrorMessageName } from '../click-to-dial/dial-errors';
import { browserTranslate, type Translate } from './chrome-messages';
import type { NotificationOptions } from './incoming-notification';
import { browserNotificationShape, type NotificationShape } from './notification-shape';

const PREFIX = 'dial-failed:';
/** How much of the selection the notification quotes. */
const QUOTED_CHARACTERS = 40;

export interface DialFailureNotificationDeps {
  notifications?: { create(notificationId: string, options: NotificationOptions): Promise<string> };
  t?: Translate;
  iconUrl?: () => string;
  newId?: () => string;
  /** Chrome's notification (with requireInteraction) or Firefox's; the browser's by default. */
  shape?: NotificationShape;
}

/** What the notification says for `error` on `selection`. */
export function dialFailureText(error: CommandError, selection: string, t: Translate): { title: string; message: string } {
  const quoted = selection.trim().replace(/\s+/g, ' ');
  const shown = quoted.length > QUOTED_CHARACTERS ? `${quoted.slice(0, QUOTED_CHARACTERS - 1)}…` : quoted;
  const noNumber = error.code === 'invalid-number';
  return {
    title: t('notification_dial_failed_title'),
    message: noNumber ? t('notification_no_number_in_selection', [shown]) : t(dialErrorMessageName(error.code)),
  };
}

/** Shows the notification (each failure its own; Chrome stacks them). */
export async function notifyDialFailure(error: CommandError, selection: string, deps: DialFailureNotificationDeps = {}): Promise<string> {
  const t = deps.t ?? browserTranslate;
  const notifications = deps.notifications ?? (browser.notifications as unknown as NonNullable<DialFailureNotificationDeps['notifications']>);
  const id = `${PREFIX}${(deps.newId ?? (() => crypto.randomUUID()))()}`;
  return notifications.create(id, {
    type: 'basic',
    iconUrl: (deps.iconUrl ?? (() => browser.runtime.getURL('/icon/128.png')))(),
    ...dialFailureText(error, selection, t),
    ...((deps.shape ?? browserNotificationShape()) === 'buttons' ? { requireInteraction: false } : {}),
    priority: 1,
  });
}

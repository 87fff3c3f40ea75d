// Desktop notification for an incoming contact (F27), raised only while no view of the session is open (the
// panel shows the call itself). In Chrome it has Accept / Reject buttons that run the commands through the
// router; in Firefox, which has no notification buttons, it says to click it, and a click opens the softphone
// (notification-shape.ts). A notification is cleared when its contact stops ringing or a view opens, and raised
// once per contact: one the agent dismissed does not come back (unless a view opened and closed again while it
// still rings).
import { browser } from 'wxt/browser';
import type { CommandEnvelope, CommandResult } from '../session/commands';
import type { ContactView, SessionSnapshot } from '../session/snapshot';
import { isRinging } from '../session/session-transitions';
import { notifiedContactsItem } from '../settings/storage-items';
import type { SessionLogWriter } from '../session-log/session-log';
import { browserTranslate, type ChromeMessageKey, type Translate } from './chrome-messages';
import { browserNotificationShape, openPanelFromNotification, type NotificationShape } from './notification-shape';

const PREFIX = 'incoming-contact:';
export const notificationIdFor = (contactId: string) => `${PREFIX}${contactId}`;
export const contactIdOfNotification = (notificationId: string) =>
  notificationId.startsWith(PREFIX) ? notificationId.slice(PREFIX.length) : null;

export const ACCEPT_BUTTON = 0;
export const REJECT_BUTTON = 1;

/** The notification calls this needs (fake-browser's notifications API fits). */
export interface NotificationsApi {
  create(notificationId: string, options: NotificationOptions): Promise<string>;
  clear(notificationId: string): Promise<boolean>;
  getAll(): Promise<Record<string, unknown>>;
}

export interface NotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  contextMessage?: string;
  /** Chrome only: Firefox throws on both. */
  buttons?: { title: string }[];
  requireInteraction?: boolean;
  priority: number;
}

export interface NotifiedStorage {
  getValue(): Promise<string[]>;
  setValue(value: string[]): Promise<void>;
}

export interface IncomingNotifierDeps {
  execute: (envelope: CommandEnvelope) => Promise<CommandResult>;
  log: SessionLogWriter;
  notifications?: NotificationsApi;
  notified?: NotifiedStorage;
  t?: Translate;
  iconUrl?: () => string;
  /** Buttons (Chrome) or click to open (Firefox); the browser's by default. */
  shape?: NotificationShape;
  /** Opens the softphone after a click on a click-to-open notification. */
  openPanel?: () => Promise<{ opened: 'sidebar' | 'window'; sidebarError?: string }>;
}

/** The customer's number (or the first number among the connections), a chat customer's display name, or a
 *  task's name. */
function callerOf(contact: ContactView): string | null {
  if (contact.channel === 'chat' && contact.customerName) return contact.customerName;
  if (contact.channel === 'task') return contact.task?.name || null;
  const customer = contact.connections.find((connection) => connection.role === 'customer');
  return customer?.phoneNumber ?? customer?.name ?? contact.connections.find((connection) => connection.phoneNumber)?.phoneNumber ?? null;
}

const TITLES: Record<ContactView['channel'], ChromeMessageKey> = {
  voice: 'notification_incoming_title',
  chat: 'notification_incoming_chat_title',
  task: 'notification_incoming_task_title',
};

export class IncomingNotifier {
  private readonly execute: (envelope: CommandEnvelope) => Promise<CommandResult>;
  private readonly log: SessionLogWriter;
  private readonly notifications: NotificationsApi;
  private readonly notified: NotifiedStorage;
  private readonly t: Translate;
  private readonly iconUrl: () => string;
  private readonly shape: NotificationShape;
  private readonly openPanel: NonNullable<IncomingNotifierDeps['openPanel']>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(deps: IncomingNotifierDeps) {
    this.execute = deps.execute;
    this.log = deps.log;
    this.notifications = deps.notifications ?? (browser.notifications as unknown as NotificationsApi);
    this.notified = deps.notified ?? notifiedContactsItem;
    this.t = deps.t ?? browserTranslate;
    this.iconUrl = deps.iconUrl ?? (() => browser.runtime.getURL('/icon/128.png'));
    this.shape = deps.shape ?? browserNotificationShape();
    this.openPanel = deps.openPanel ?? (() => openPanelFromNotification());
  }

  /** Brings the notifications in line with the snapshot and whether a view is open (one update at a time). */
  update(snapshot: SessionSnapshot, viewOpen: boolean): Promise<void> {
    const run = this.queue.then(() => this.reconcile(snapshot, viewOpen));
    this.queue = run.catch((error: unknown) => console.error('Switchboard: could not update notifications', error));
    return this.queue as Promise<void>;
  }

  private async reconcile(snapshot: SessionSnapshot, viewOpen: boolean): Promise<void> {
    const ringing = snapshot.connection.status === 'ready' ? snapshot.contacts.filter((contact) => isRinging(contact) && !contact.deskPhone) : [];
    const ringingIds = new Set(ringing.map((contact) => contact.id));
    const shown = Object.keys(await this.notifications.getAll()).filter((id) => contactIdOfNotification(id) !== null);
    for (const notificationId of shown) {
      const contactId = contactIdOfNotification(notificationId) ?? '';
      if (viewOpen || !ringingIds.has(contactId)) await this.notifications.clear(notificationId);
    }
    const stored = await this.notified.getValue();
    if (viewOpen) {
      // The view shows the calls; if it closes while one still rings, that call is notified again.
      if (stored.length > 0) await this.notified.setValue([]);
      return;
    }
    // Forget contacts that no longer ring (keeps the list short; a contact id never rings twice).
    const notified = stored.filter((id) => ringingIds.has(id));
    for (const contact of ringing) {
      if (notified.includes(contact.id)) continue;
      await this.notifications.create(notificationIdFor(contact.id), this.optionsFor(contact));
      notified.push(contact.id);
      this.log.append('notification-shown', { contactId: contact.id });
    }
    await this.notified.setValue(notified);
  }

  private optionsFor(contact: ContactView): NotificationOptions {
    const caller = callerOf(contact) ?? this.t('notification_unknown_caller');
    const title = this.t(TITLES[contact.channel]);
    const who = contact.queueName ? this.t('notification_incoming_from_queue', [caller, contact.queueName]) : caller;
    const transfer = contact.transferredBy ? this.t('notification_incoming_transfer', [contact.transferredBy]) : null;
    const iconUrl = this.iconUrl();
    if (this.shape === 'click-to-open') {
      // Firefox shows the title and the message only (no context line), so the transfer and what a click does
      // are lines of the message.
      const message = [who, transfer, this.t('notification_click_to_open')].filter((line) => line !== null).join('\n');
      return { type: 'basic', iconUrl, title, message, priority: 2 };
    }
    return {
      type: 'basic',
      iconUrl,
      title,
      message: who,
      ...(transfer ? { contextMessage: transfer } : {}),
      buttons: [{ title: this.t('notification_accept') }, { title: this.t('notification_reject') }],
      requireInteraction: true,
      priority: 2,
    };
  }

  /** notifications.onClicked: in Firefox, a click on an incoming-contact notification opens the softphone (the
   *  call is answered there). Must be called in the listener's own turn: it opens the sidebar first, while the
   *  click could still count as a user action. Chrome's notification is answered with its buttons: ignored. */
  async handleClick(notificationId: string): Promise<'sidebar' | 'window' | null> {
    const contactId = contactIdOfNotification(notificationId);
    if (contactId === null || this.shape !== 'click-to-open') return null;
    const opening = this.openPanel();
    await this.notifications.clear(notificationId);
    try {
      const { opened, sidebarError } = await opening;
      this.log.append('notification-clicked', { contactId, opened, ...(sidebarError ? { sidebarError } : {}) });
      return opened;
    } catch (error) {
      this.log.append('notification-clicked', { contactId, opened: null, detail: error instanceof Error ? error.message : String(error) });
      return null;
    }
  }

  /** notifications.onButtonClicked: Accept or Reject, each id fixed per contact so a double click runs once. */
  async handleButton(notificationId: string, buttonIndex: number): Promise<CommandResult | null> {
    const contactId = contactIdOfNotification(notificationId);
    if (contactId === null || (buttonIndex !== ACCEPT_BUTTON && buttonIndex !== REJECT_BUTTON)) return null;
    const type = buttonIndex === ACCEPT_BUTTON ? 'accept' : 'reject';
    await this.notifications.clear(notificationId);
    const result = await this.execute({ id: `notification:${contactId}:${type}`, command: { type, contactId } });
    this.log.append('notification-button', { contactId, type, ok: result.ok });
    return result;
  }
}

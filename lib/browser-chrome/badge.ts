// The toolbar badge (F27): a short text and colour for the session's state, with a localized tooltip. Ringing
// contacts win over everything else (their count, red; chat offers included), then connected chats whose
// customer waits for a reply (their count, amber), a missed call, after call work, being on a contact, and the
// agent's own status.
import { browser } from 'wxt/browser';
import type { ContactView, SessionSnapshot } from '../session/snapshot';
import { hasMissedContact, ringingContacts } from '../session/session-transitions';
import { browserTranslate, type Translate } from './chrome-messages';

export interface BadgeLook {
  text: string;
  /** Background colour, #rrggbb. */
  color: string;
  title: string;
}

export const BADGE_COLORS = {
  grey: '#5f6368',
  green: '#188038',
  red: '#d93025',
  amber: '#e37400',
  blue: '#1a73e8',
} as const;

/** Streams' system states while the agent is on a contact. */
const ON_CONTACT_STATES = new Set(['Busy', 'PendingBusy', 'CallingCustomer', 'Joining', 'Hold', 'BusyWithContact']);

/** The agent's connected chats whose customer waits for a reply (the worker keeps `chatWaitingSince`). */
export function chatsAwaitingReply(snapshot: SessionSnapshot): ContactView[] {
  const waitingSince = snapshot.chatWaitingSince ?? {}; // a snapshot stored before the field existed has none
  return snapshot.contacts.filter((contact) => contact.channel === 'chat' && contact.state === 'connected' && waitingSince[contact.id] !== undefined);
}

export function badgeFor(snapshot: SessionSnapshot, t: Translate): BadgeLook {
  switch (snapshot.connection.status) {
    case 'signed-out':
      return { text: '', color: BADGE_COLORS.grey, title: t('badge_title_signed_out') };
    case 'failed':
      return { text: '!', color: BADGE_COLORS.grey, title: t('badge_title_failed') };
    case 'connecting':
      return { text: '…', color: BADGE_COLORS.grey, title: t('badge_title_connecting') };
    case 'needs-sign-in':
      return { text: '…', color: BADGE_COLORS.amber, title: t('badge_title_needs_sign_in') };
    case 'engine-lost':
      return { text: '!', color: BADGE_COLORS.red, title: t('badge_title_engine_lost') };
    case 'ready':
      break;
  }
  const ringing = ringingContacts(snapshot).length;
  if (ringing > 0) return { text: String(ringing), color: BADGE_COLORS.red, title: t('badge_title_ringing', [String(ringing)]) };
  const agent = snapshot.agent;
  if (!agent) return { text: '…', color: BADGE_COLORS.grey, title: t('badge_title_connecting') };
  const waiting = chatsAwaitingReply(snapshot).length;
  if (waiting > 0) {
    const title = waiting === 1 ? t('badge_title_chat_waiting') : t('badge_title_chats_waiting', [String(waiting)]);
    return { text: String(waiting), color: BADGE_COLORS.amber, title };
  }
  if (hasMissedContact(snapshot)) return { text: '!', color: BADGE_COLORS.red, title: t('badge_title_missed') };
  const state = agent.state;
  if (state.name === 'AfterCallWork') return { text: t('badge_text_acw'), color: BADGE_COLORS.amber, title: t('badge_title_acw') };
  const onContact = ON_CONTACT_STATES.has(state.name) || snapshot.contacts.some((contact) => contact.state === 'connected' || contact.state === 'connecting');
  if (onContact) return { text: t('badge_text_busy'), color: BADGE_COLORS.blue, title: t('badge_title_busy') };
  if (state.type === 'error') return { text: '!', color: BADGE_COLORS.red, title: t('badge_title_error', [state.name]) };
  const title = t('badge_title_status', [agent.availability.name || state.name]);
  if (state.type === 'routable') return { text: t('badge_text_available'), color: BADGE_COLORS.green, title };
  if (state.type === 'offline') return { text: '', color: BADGE_COLORS.grey, title };
  return { text: t('badge_text_away'), color: BADGE_COLORS.grey, title };
}

/** What painting the badge needs of the action API (fake-browser's fits). */
export interface ActionApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

/** Paints the badge for each snapshot, touching the browser only when the look changes. */
export class BadgePainter {
  private painted: BadgeLook | null = null;

  constructor(
    // `action` in MV3; Firefox's MV2 build has the same calls on `browserAction`.
    private readonly action: ActionApi = ((browser as unknown as { action?: ActionApi }).action ?? (browser as unknown as { browserAction: ActionApi }).browserAction),
    private readonly t: Translate = browserTranslate,
  ) {}

  async paint(snapshot: SessionSnapshot): Promise<BadgeLook> {
    const look = badgeFor(snapshot, this.t);
    const before = this.painted;
    this.painted = look;
    const work: Promise<void>[] = [];
    if (before?.text !== look.text) work.push(this.action.setBadgeText({ text: look.text }));
    if (before?.color !== look.color) work.push(this.action.setBadgeBackgroundColor({ color: look.color }));
    if (before?.title !== look.title) work.push(this.action.setTitle({ title: look.title }));
    await Promise.all(work);
    return look;
  }
}

// The session state the background worker keeps in storage.session, declared once (it survives the worker
// being stopped, and is gone when the browser closes). Settings are elsewhere: settings-store.ts resolves them
// from the settings schema, the admin's policy and the agent's choices.
import { storage } from 'wxt/utils/storage';
import type { CommandResult } from '../session/commands';
import type { PageContext, SessionSnapshot } from '../session/snapshot';

// ── session state (storage.session) ─────────────────────────────────────────────────────────────────────────

/** The session snapshot the worker owns; null before the first sign-in of this browser session. */
export const snapshotItem = storage.defineItem<SessionSnapshot | null>('session:session.snapshot', { fallback: null });

/** One command id the router has seen: its result, or null while it runs (its outcome is then unknown to a
 *  worker that restarted meanwhile). */
export interface CommandRecord {
  id: string;
  at: number;
  result: CommandResult | null;
}

/** The most recent command ids and their results, oldest first (bounded), so a retried id is not run again. */
export const commandRecordsItem = storage.defineItem<CommandRecord[]>('session:session.commandRecords', { fallback: [] });

/** The engine-lost episode in progress, if any: when it began and whether the grace period ran out. */
export interface EngineRecovery {
  lostAt: number;
  reason: string;
  graceExpired: boolean;
}

export const engineRecoveryItem = storage.defineItem<EngineRecovery | null>('session:session.engineRecovery', { fallback: null });

/** The sign-in window the worker opened, and whether the agent closed it before signing in (then it is not
 *  reopened on its own: the panel offers "Sign in" again). */
export interface LoginWindowState {
  windowId: number | null;
  dismissed: boolean;
}

export const loginWindowItem = storage.defineItem<LoginWindowState>('session:session.loginWindow', {
  fallback: { windowId: null, dismissed: false },
});

/** A call dialed from a page whose outbound contact has not been bound to its page context yet (F31). */
export interface PendingPageDial {
  /** The page-dial command's id. */
  dialId: string;
  /** E.164, as dialed. */
  phoneNumber: string;
  page: PageContext;
  /** Contacts the session had before the dial: the dial's contact is none of them. */
  knownContactIds: string[];
  /** When the dial was asked for (epoch ms). */
  at: number;
}

/** Page dials waiting for their outbound contact, oldest first (kept so a restarted worker still binds them). */
export const pendingPageDialsItem = storage.defineItem<PendingPageDial[]>('session:session.pendingPageDials', { fallback: [] });

/** Chats the worker accepted by itself (setting `chat.autoAccept`), newest last, bounded: a restarted worker
 *  never sends a second accept for the same chat. */
export const autoAcceptedChatsItem = storage.defineItem<string[]>('session:chat.autoAccepted', { fallback: [] });

/** Contacts a desktop notification was raised for (so a dismissed notification is not raised again). */
export const notifiedContactsItem = storage.defineItem<string[]>('session:browserChrome.notifiedContacts', { fallback: [] });

/** Which chunks of the session log exist (the lines are in `session:sessionLog.<n>`). */
export interface SessionLogIndex {
  first: number;
  last: number;
}

export const sessionLogIndexItem = storage.defineItem<SessionLogIndex | null>('session:sessionLog.index', { fallback: null });

/** Storage key of one chunk of session log lines. */
export const sessionLogChunkKey = (chunk: number) => `session:sessionLog.${chunk}` as const;

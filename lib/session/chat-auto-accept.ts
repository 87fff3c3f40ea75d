// Chat auto-accept (setting `chat.autoAccept`): the worker accepts an incoming chat by itself, through the same
// accept command the panel's button sends. It lives in the worker, not the engine: the worker has the settings
// and the session log, and what it has accepted is kept in storage.session, so a worker that is stopped and
// started again (or an engine that is recreated and reports the offer again) never sends a second accept.
//
//   snapshot ──► ready, setting on, chat offered, not claimed ──► noted as accepted (storage.session)
//            ──► accept command ──► ok: done (the chat connects) │ failed: forgotten, tried again on a later
//                                                                  snapshot while it is still offered (at most
//                                                                  MAX_ATTEMPTS times)
import type { CommandEnvelope, CommandResult } from './commands';
import { isRinging } from './session-transitions';
import type { ContactView, SessionSnapshot } from './snapshot';

export interface AutoAcceptStorage {
  getValue(): Promise<string[]>;
  setValue(value: string[]): Promise<void>;
}

export interface ChatAutoAcceptDeps {
  execute(envelope: CommandEnvelope): Promise<CommandResult>;
  log: { append(event: string, data?: Record<string, unknown>): void };
  /** Chats already accepted (autoAcceptedChatsItem in the extension). */
  accepted: AutoAcceptStorage;
}

/** How many chat ids are remembered (far more than a shift's chats are offered at once). */
const REMEMBERED_LIMIT = 200;
/** Accept attempts per chat: a chat still offered after a failed accept is tried again, a few times only. */
export const MAX_ATTEMPTS = 3;

/** Whether `contact` is a chat offered to the agent and waiting to be accepted (streams reports a chat offer as
 *  'connecting' with the agent's leg connecting; 'incoming' is taken as an offer too). */
export const isOfferedChat = (contact: ContactView) => contact.channel === 'chat' && isRinging(contact);

export class ChatAutoAccept {
  private enabled = false;
  private snapshot: SessionSnapshot | null = null;
  /** Chats this worker is accepting or has accepted. */
  private readonly claimed = new Set<string>();
  private readonly attempts = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ChatAutoAcceptDeps) {}

  /** The setting's value (now and on every change); turning it on accepts a chat already offered. */
  handleSettings(enabled: boolean): Promise<void> {
    this.enabled = enabled;
    return this.schedule();
  }

  /** Every new snapshot; resolves when the accepts it started have answered. */
  handleSnapshot(snapshot: SessionSnapshot): Promise<void> {
    this.snapshot = snapshot;
    return this.schedule();
  }

  private schedule(): Promise<void> {
    const run = this.queue.then(() => this.acceptOffered());
    this.queue = run.catch((error: unknown) => console.error('Switchboard: chat auto-accept failed', error));
    return run;
  }

  private async acceptOffered(): Promise<void> {
    const snapshot = this.snapshot;
    if (!this.enabled || snapshot?.connection.status !== 'ready') return;
    const offered = snapshot.contacts.filter((contact) => isOfferedChat(contact) && !this.claimed.has(contact.id));
    if (offered.length === 0) return;
    // A copy: the storage item hands out its fallback array itself when nothing is stored.
    const accepted = [...(await this.deps.accepted.getValue())];
    for (const contact of offered) {
      this.claimed.add(contact.id);
      if (accepted.includes(contact.id)) continue; // an earlier worker accepted it
      accepted.push(contact.id);
      await this.deps.accepted.setValue(accepted.slice(-REMEMBERED_LIMIT));
      const attempt = (this.attempts.get(contact.id) ?? 0) + 1;
      this.attempts.set(contact.id, attempt);
      const started = Date.now();
      // One id per chat and attempt: the router runs an id once, even across worker restarts.
      const result = await this.deps.execute({ id: `chat-auto-accept:${contact.id}:${attempt}`, command: { type: 'accept', contactId: contact.id } });
      this.deps.log.append('chat-auto-accepted', {
        contactId: contact.id,
        attempt,
        ok: result.ok,
        ms: Date.now() - started,
        ...(result.ok ? {} : { code: result.error.code }),
      });
      if (!result.ok && attempt < MAX_ATTEMPTS) {
        // Still offered on a later snapshot: try again then.
        this.claimed.delete(contact.id);
        const index = accepted.indexOf(contact.id);
        if (index >= 0) accepted.splice(index, 1);
        await this.deps.accepted.setValue(accepted.slice(-REMEMBERED_LIMIT));
      }
    }
  }
}

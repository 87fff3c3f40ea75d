// Keeps the snapshot's `chatWaitingSince` (since when each chat's customer has waited for a reply) in step with
// the worker's transcripts: recomputed when a chat's items change, and once for each chat contact a worker sees
// first (a new offer, or every chat after a worker restart, read from the transcripts in storage.session). The
// snapshot changes only when a chat starts or stops waiting, not with every message.
import { customerWaitingSince, type ChatItemView } from './chat-transcript';
import type { ChatTranscriptChange } from './chat-transcript-store';
import type { SnapshotChange } from './session-store';
import { withChatWaitingSince } from './session-transitions';
import type { SessionSnapshot } from './snapshot';

export interface ChatWaitingDeps {
  store: {
    update(change: SnapshotChange): Promise<unknown>;
    subscribe(listener: (snapshot: SessionSnapshot) => void): () => void;
  };
  chats: {
    items(contactId: string): Promise<ChatItemView[]>;
    subscribe(listener: (change: ChatTranscriptChange) => void): () => void;
  };
}

export class ChatWaitingTracker {
  /** Chat contacts of the session whose waiting time this worker has computed since they joined it. */
  private readonly seen = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly stops: (() => void)[] = [];

  constructor(private readonly deps: ChatWaitingDeps) {}

  /** Starts following the transcripts and the session. */
  start(): this {
    this.stops.push(
      this.deps.chats.subscribe((change) => {
        if (change.type === 'items') void this.recompute(change.contactId);
      }),
      this.deps.store.subscribe((snapshot) => void this.handleSnapshot(snapshot)),
    );
    return this;
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  /** Computes the chats this worker has not looked at yet; resolves when their snapshot updates are done. */
  handleSnapshot(snapshot: SessionSnapshot): Promise<void> {
    const chats = snapshot.contacts.filter((contact) => contact.channel === 'chat').map((contact) => contact.id);
    for (const id of [...this.seen]) if (!chats.includes(id)) this.seen.delete(id);
    const unseen = chats.filter((id) => !this.seen.has(id));
    for (const id of unseen) this.seen.add(id);
    return Promise.all(unseen.map((id) => this.recompute(id))).then(() => undefined);
  }

  /** Resolves when every recompute asked for so far is done (tests). */
  async idle(): Promise<void> {
    await this.queue;
  }

  /** Recomputes one chat's waiting time from its transcript (one chat at a time, in order). */
  recompute(contactId: string): Promise<void> {
    const run = this.queue.then(async () => {
      const since = customerWaitingSince(await this.deps.chats.items(contactId));
      await this.deps.store.update((current) => withChatWaitingSince(current, contactId, since));
    });
    this.queue = run.catch((error: unknown) => console.error('Switchboard: could not update a chat’s waiting time', error));
    return run;
  }
}

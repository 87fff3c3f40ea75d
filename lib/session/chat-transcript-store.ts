// The worker's chat transcripts: the items the engine reports for each live chat, merged (by id, in time order),
// bounded (CHAT_ITEMS_LIMIT per chat) and kept in storage.session, one key per contact, so a stopped worker loses
// nothing; a chat's items are dropped when its contact leaves the session. Listeners (the views' subscriptions)
// hear every change as soon as it is merged; the write to storage follows, one at a time.
import type { EngineEvent } from '../messaging/protocol';
import { boundChatItems, isChatItemView, mergeChatItems, type ChatItemView, type ChatRole } from './chat-transcript';

/** Where transcripts are kept (storage.session in the extension, a Map in tests). */
export interface ChatTranscriptStorage {
  read(contactId: string): Promise<ChatItemView[] | null>;
  write(contactId: string, items: ChatItemView[]): Promise<void>;
  remove(contactIds: string[]): Promise<void>;
  /** The contacts that have a stored transcript. */
  contactIds(): Promise<string[]>;
}

export type ChatTranscriptChange =
  | { type: 'items'; contactId: string; items: ChatItemView[] }
  | { type: 'typing'; contactId: string; role: ChatRole; at: number };

export type ChatTranscriptListener = (change: ChatTranscriptChange) => void;

export class ChatTranscriptStore {
  private readonly cache = new Map<string, ChatItemView[]>();
  private readonly listeners = new Set<ChatTranscriptListener>();
  /** Merges run one after another (each reads what the one before wrote). */
  private queue: Promise<unknown> = Promise.resolve();
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly storage: ChatTranscriptStorage) {}

  /** Every item kept for a chat, in order. */
  items(contactId: string): Promise<ChatItemView[]> {
    return this.serialize(async () => [...(await this.load(contactId))]);
  }

  /** A 'chat-items' or 'chat-typing' report from the engine. */
  handleEngineEvent(event: Extract<EngineEvent, { type: 'chat-items' | 'chat-typing' }>): Promise<void> {
    if (typeof event.contactId !== 'string' || event.contactId === '') return Promise.resolve();
    if (event.type === 'chat-typing') {
      this.announce({ type: 'typing', contactId: event.contactId, role: event.role, at: event.at });
      return Promise.resolve();
    }
    const incoming = Array.isArray(event.items) ? event.items.filter(isChatItemView) : [];
    return this.serialize(async () => {
      const before = await this.load(event.contactId);
      const { items, changed } = mergeChatItems(before, incoming);
      if (changed.length === 0) return;
      const kept = boundChatItems(items);
      this.cache.set(event.contactId, kept);
      const keptIds = new Set(kept.map((item) => item.id));
      const announced = changed.filter((item) => keptIds.has(item.id));
      if (announced.length > 0) this.announce({ type: 'items', contactId: event.contactId, items: announced });
      this.save(event.contactId, kept);
    });
  }

  /** Drops the transcripts of these contacts (they left the session: cleared, or signed out). */
  drop(contactIds: readonly string[]): Promise<void> {
    if (contactIds.length === 0) return Promise.resolve();
    return this.serialize(async () => {
      for (const id of contactIds) this.cache.delete(id);
      await this.writes;
      await this.storage.remove([...contactIds]);
    });
  }

  /** Drops every stored transcript whose contact is not in `liveContactIds` (a worker start). */
  prune(liveContactIds: ReadonlySet<string>): Promise<void> {
    return this.storage
      .contactIds()
      .then((stored) => this.drop(stored.filter((id) => !liveContactIds.has(id))))
      .catch((error: unknown) => console.error('Switchboard: could not prune chat transcripts', error));
  }

  subscribe(listener: ChatTranscriptListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when every write so far has reached storage (tests, benches). */
  async flushed(): Promise<void> {
    await this.queue;
    await this.writes;
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch((error: unknown) => console.error('Switchboard: a chat transcript update failed', error));
    return run;
  }

  private async load(contactId: string): Promise<ChatItemView[]> {
    const cached = this.cache.get(contactId);
    if (cached) return cached;
    let stored: ChatItemView[] = [];
    try {
      const value = await this.storage.read(contactId);
      stored = Array.isArray(value) ? value.filter(isChatItemView) : [];
    } catch (error) {
      console.error('Switchboard: could not read a chat transcript', error);
    }
    this.cache.set(contactId, stored);
    return stored;
  }

  private save(contactId: string, items: ChatItemView[]): void {
    this.writes = this.writes
      .then(() => (this.cache.get(contactId) === items ? this.storage.write(contactId, items) : undefined))
      .catch((error: unknown) => console.error('Switchboard: could not save a chat transcript', error));
  }

  private announce(change: ChatTranscriptChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('Switchboard: a chat transcript listener failed', error);
      }
    }
  }
}

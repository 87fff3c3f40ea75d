// The worker's chat transcripts: the items the engine reports for each live chat, merged (by id, in time order),
// bounded (CHAT_ITEMS_LIMIT per chat) and kept in storage.session, one key per contact, so a stopped worker loses
// nothing; a chat's items are dropped when its contact leaves the session. Listeners (the views' subscriptions)
// hear every change as soon as it is merged; the write to storage follows, one at a time (see per-contact-keeper.ts).
import type { EngineEvent } from '../messaging/protocol';
import { boundChatItems, isChatItemView, mergeChatItems, type ChatItemView, type ChatRole } from './chat-transcript';
import { PerContactKeeper } from './per-contact-keeper';
import type { PerContactStorage } from './per-contact-storage';

/** Where transcripts are kept (storage.session in the extension, a Map in tests). */
export type ChatTranscriptStorage = PerContactStorage<ChatItemView[]>;

export type ChatTranscriptChange =
  | { type: 'items'; contactId: string; items: ChatItemView[] }
  | { type: 'typing'; contactId: string; role: ChatRole; at: number };

export type ChatTranscriptListener = (change: ChatTranscriptChange) => void;

/** A stored chat transcript as kept (what is not one: no items). */
const restoreItems = (value: unknown): ChatItemView[] => (Array.isArray(value) ? value.filter(isChatItemView) : []);

export class ChatTranscriptStore extends PerContactKeeper<ChatItemView[], ChatTranscriptChange> {
  constructor(storage: ChatTranscriptStorage) {
    super(storage, { restore: restoreItems, noun: 'chat transcript' });
  }

  /** Every item kept for a chat, in order. */
  items(contactId: string): Promise<ChatItemView[]> {
    return this.read(contactId, (kept) => [...kept]);
  }

  /** A 'chat-items' or 'chat-typing' report from the engine. */
  handleEngineEvent(event: Extract<EngineEvent, { type: 'chat-items' | 'chat-typing' }>): Promise<void> {
    if (typeof event.contactId !== 'string' || event.contactId === '') return Promise.resolve();
    const contactId = event.contactId;
    if (event.type === 'chat-typing') {
      this.announce({ type: 'typing', contactId, role: event.role, at: event.at });
      return Promise.resolve();
    }
    const incoming = Array.isArray(event.items) ? event.items.filter(isChatItemView) : [];
    return this.update(contactId, (before) => {
      const { items, changed } = mergeChatItems(before, incoming);
      if (changed.length === 0) return null;
      const kept = boundChatItems(items);
      const keptIds = new Set(kept.map((item) => item.id));
      const announced = changed.filter((item) => keptIds.has(item.id));
      return { kept, change: announced.length > 0 ? { type: 'items', contactId, items: announced } : null };
    });
  }
}

// Hands each new chat item to whoever pushes it on (the customer's WebSocket, the agents' CCP conduit), with the
// participants it is for, so the server only routes: per chat, or everything for a server-wide socket hub.

import type { ChatItem, ParticipantRole } from './chat-items';

export interface ChatRecipient {
  participantId: string;
  role: ParticipantRole;
  contactId: string;
}

export interface ChatDelivery {
  item: ChatItem;
  /** Who receives the item; a participant that left or was transferred away is never among them. */
  recipients: ChatRecipient[];
}

export type ChatListener = (delivery: ChatDelivery) => void;

export class ChatFanout {
  private readonly byChat = new Map<string, Set<ChatListener>>();
  private readonly everything = new Set<ChatListener>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  /** Calls `listener` for each item of the chat whose InitialContactId is given; returns the unsubscribe. */
  subscribe(initialContactId: string, listener: ChatListener): () => void {
    const listeners = this.byChat.get(initialContactId) ?? new Set<ChatListener>();
    listeners.add(listener);
    this.byChat.set(initialContactId, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.byChat.delete(initialContactId);
    };
  }

  /** Calls `listener` for each item of every chat; returns the unsubscribe. */
  subscribeAll(listener: ChatListener): () => void {
    this.everything.add(listener);
    return () => this.everything.delete(listener);
  }

  deliver(delivery: ChatDelivery): void {
    if (delivery.recipients.length === 0) return;
    const listeners = [...(this.byChat.get(delivery.item.InitialContactId) ?? []), ...this.everything];
    for (const listener of listeners) {
      // A failing socket must not fail the participant call that produced the item (it is stored already).
      try {
        listener(delivery);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}

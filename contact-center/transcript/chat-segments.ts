// Turns each chat message (customer, agent or system) into a CHAT segment of its contact's transcript as it is sent:
// the chat service's fan-out hands every stored item to this listener, so the chat code itself is not changed.

import type { ChatService } from '../chat/chat-service';
import type { TranscriptService } from './transcript-service';

/** Starts keeping chat messages as transcript segments; returns the unsubscribe function. */
export function keepChatMessagesAsSegments(chat: Pick<ChatService, 'subscribeAll'>, transcripts: TranscriptService): () => void {
  return chat.subscribeAll(({ item }) => {
    transcripts.addChatMessage(item);
  });
}

// The chat transcripts' place in storage.session: one key per live chat (`session:chat.transcript.<contactId>`)
// and an index of the contacts that have one (see per-contact-storage.ts).
import type { ChatItemView } from './chat-transcript';
import type { ChatTranscriptStorage } from './chat-transcript-store';
import { sessionPerContactStorage } from './per-contact-storage';

export function browserChatTranscriptStorage(): ChatTranscriptStorage {
  return sessionPerContactStorage<ChatItemView[]>('session:chat.transcriptIndex', 'session:chat.transcript.');
}

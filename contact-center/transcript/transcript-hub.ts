// Announces transcript segments as they are added (TranscriptEvents: the recommender listens to every contact) and,
// per contact, its segments and its end (the live stream of /contact-lens/realtime-stream listens to one contact).

import type { StoredTranscriptSegment } from '../store/transcript-repository';
import type { TranscriptEvents, TranscriptListener } from './transcript-types';

export interface ContactTranscriptListener {
  segment(segment: StoredTranscriptSegment): void;
  /** The contact has ended (the customer left or was disconnected): no segment follows. */
  completed(): void;
}

export class TranscriptHub implements TranscriptEvents {
  private readonly everything = new Set<TranscriptListener>();
  private readonly byContact = new Map<string, Set<ContactTranscriptListener>>();

  /** `onListenerError` hears what a listener threw; the others are still told. */
  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  onSegment(listener: TranscriptListener): () => void {
    // A listener added twice is still told once and removed by either unsubscribe: wrap it to keep them apart.
    const wrapped: TranscriptListener = (segment) => listener(segment);
    this.everything.add(wrapped);
    return () => this.everything.delete(wrapped);
  }

  /** Listens to one contact's new segments and its end; returns the unsubscribe function. */
  onContact(contactId: string, listener: ContactTranscriptListener): () => void {
    const listeners = this.byContact.get(contactId) ?? new Set<ContactTranscriptListener>();
    listeners.add(listener);
    this.byContact.set(contactId, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.byContact.get(contactId) === listeners) this.byContact.delete(contactId);
    };
  }

  /** How many listeners follow one contact (the live streams open on it). */
  contactListenerCount(contactId: string): number {
    return this.byContact.get(contactId)?.size ?? 0;
  }

  emitSegment(segment: StoredTranscriptSegment): void {
    for (const listener of [...(this.byContact.get(segment.contactId) ?? [])]) this.safely(() => listener.segment(segment));
    for (const listener of [...this.everything]) this.safely(() => listener(segment));
  }

  emitCompleted(contactId: string): void {
    for (const listener of [...(this.byContact.get(contactId) ?? [])]) this.safely(() => listener.completed());
  }

  private safely(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.onListenerError(error);
    }
  }
}

// The worker's live transcripts: the segments the engine reports for each followed contact, merged by id in the
// order said, bounded, and kept in storage.session (one key per contact) so a stopped worker loses nothing; a
// contact's transcript is dropped when the contact leaves the session. Listeners (the views' subscriptions) hear
// each change as soon as it is merged; the write to storage follows, one at a time. Like chat-transcript-store.ts.
import {
  boundSegments,
  isTranscriptSegmentView,
  mergeSegments,
  type TranscriptSegmentView,
} from './transcript-segments';
import type { TranscriptReport, TranscriptSource } from './transcript-requests';

/** One contact's kept transcript. */
export interface KeptTranscript {
  segments: TranscriptSegmentView[];
  completed: boolean;
  /** Where its segments come from; null before the engine said. */
  source: TranscriptSource | null;
}

/** Where transcripts are kept (storage.session in the extension, a Map in tests). */
export interface TranscriptStorage {
  read(contactId: string): Promise<KeptTranscript | null>;
  write(contactId: string, transcript: KeptTranscript): Promise<void>;
  remove(contactIds: string[]): Promise<void>;
  /** The contacts that have a stored transcript. */
  contactIds(): Promise<string[]>;
}

/** What a listener is told: the new or changed segments (merge by id), and the state after them. */
export interface TranscriptChange {
  contactId: string;
  segments: TranscriptSegmentView[];
  completed: boolean;
  source: TranscriptSource | null;
}

export type TranscriptListener = (change: TranscriptChange) => void;

const empty = (): KeptTranscript => ({ segments: [], completed: false, source: null });

function isKeptTranscript(value: unknown): value is KeptTranscript {
  return typeof value === 'object' && value !== null && Array.isArray((value as KeptTranscript).segments);
}

export class TranscriptKeeper {
  private readonly cache = new Map<string, KeptTranscript>();
  private readonly listeners = new Set<TranscriptListener>();
  private queue: Promise<unknown> = Promise.resolve();
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly storage: TranscriptStorage) {}

  /** A contact's kept transcript (a copy). */
  transcript(contactId: string): Promise<KeptTranscript> {
    return this.serialize(async () => {
      const kept = await this.load(contactId);
      return { ...kept, segments: [...kept.segments] };
    });
  }

  /** Whether a contact's transcript has completed (no need to follow it again). */
  async isCompleted(contactId: string): Promise<boolean> {
    return (await this.transcript(contactId)).completed;
  }

  /** The engine's 'transcript' report. */
  handleReport(report: TranscriptReport): Promise<void> {
    if (typeof report.contactId !== 'string' || report.contactId === '') return Promise.resolve();
    const incoming = Array.isArray(report.segments) ? report.segments.filter(isTranscriptSegmentView) : [];
    return this.serialize(async () => {
      const before = await this.load(report.contactId);
      const { segments, changed } = mergeSegments(before.segments, incoming);
      const completed = before.completed || report.completed === true;
      const source = report.source ?? before.source;
      if (changed.length === 0 && completed === before.completed && source === before.source) return;
      const kept: KeptTranscript = { segments: changed.length > 0 ? boundSegments(segments) : before.segments, completed, source };
      this.cache.set(report.contactId, kept);
      const keptIds = new Set(kept.segments.map((segment) => segment.id));
      this.announce({ contactId: report.contactId, segments: changed.filter((segment) => keptIds.has(segment.id)), completed, source });
      this.save(report.contactId, kept);
    });
  }

  /** Drops the transcripts of these contacts (they left the session). */
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
      .catch((error: unknown) => console.error('Switchboard: could not prune transcripts', error));
  }

  subscribe(listener: TranscriptListener): () => void {
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
    this.queue = run.catch((error: unknown) => console.error('Switchboard: a transcript update failed', error));
    return run;
  }

  private async load(contactId: string): Promise<KeptTranscript> {
    const cached = this.cache.get(contactId);
    if (cached) return cached;
    let kept = empty();
    try {
      const value = await this.storage.read(contactId);
      if (isKeptTranscript(value)) {
        kept = { segments: value.segments.filter(isTranscriptSegmentView), completed: value.completed === true, source: value.source ?? null };
      }
    } catch (error) {
      console.error('Switchboard: could not read a transcript', error);
    }
    this.cache.set(contactId, kept);
    return kept;
  }

  private save(contactId: string, kept: KeptTranscript): void {
    this.writes = this.writes
      .then(() => (this.cache.get(contactId) === kept ? this.storage.write(contactId, kept) : undefined))
      .catch((error: unknown) => console.error('Switchboard: could not save a transcript', error));
  }

  private announce(change: TranscriptChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('Switchboard: a transcript listener failed', error);
      }
    }
  }
}

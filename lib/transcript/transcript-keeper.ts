// The worker's live transcripts: the segments the engine reports for each followed contact, merged by id in the
// order said, bounded, and kept in storage.session (one key per contact) so a stopped worker loses nothing; a
// contact's transcript is dropped when the contact leaves the session. Listeners (the views' subscriptions) hear
// each change as soon as it is merged; the write to storage follows, one at a time (see per-contact-keeper.ts).
import { PerContactKeeper } from '../session/per-contact-keeper';
import type { PerContactStorage } from '../session/per-contact-storage';
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
export type TranscriptStorage = PerContactStorage<KeptTranscript>;

/** What a listener is told: the new or changed segments (merge by id), and the state after them. */
export interface TranscriptChange {
  contactId: string;
  segments: TranscriptSegmentView[];
  completed: boolean;
  source: TranscriptSource | null;
}

export type TranscriptListener = (change: TranscriptChange) => void;

function isKeptTranscript(value: unknown): value is KeptTranscript {
  return typeof value === 'object' && value !== null && Array.isArray((value as KeptTranscript).segments);
}

/** A stored transcript as kept (what is not one: an empty transcript). */
function restoreTranscript(value: unknown): KeptTranscript {
  if (!isKeptTranscript(value)) return { segments: [], completed: false, source: null };
  return { segments: value.segments.filter(isTranscriptSegmentView), completed: value.completed === true, source: value.source ?? null };
}

export class TranscriptKeeper extends PerContactKeeper<KeptTranscript, TranscriptChange> {
  constructor(storage: TranscriptStorage) {
    super(storage, { restore: restoreTranscript, noun: 'transcript' });
  }

  /** A contact's kept transcript (a copy). */
  transcript(contactId: string): Promise<KeptTranscript> {
    return this.read(contactId, (kept) => ({ ...kept, segments: [...kept.segments] }));
  }

  /** Whether a contact's transcript has completed (no need to follow it again). */
  async isCompleted(contactId: string): Promise<boolean> {
    return (await this.transcript(contactId)).completed;
  }

  /** The engine's 'transcript' report. */
  handleReport(report: TranscriptReport): Promise<void> {
    if (typeof report.contactId !== 'string' || report.contactId === '') return Promise.resolve();
    const contactId = report.contactId;
    const incoming = Array.isArray(report.segments) ? report.segments.filter(isTranscriptSegmentView) : [];
    return this.update(contactId, (before) => {
      const { segments, changed } = mergeSegments(before.segments, incoming);
      const completed = before.completed || report.completed === true;
      const source = report.source ?? before.source;
      if (changed.length === 0 && completed === before.completed && source === before.source) return null;
      const kept: KeptTranscript = { segments: changed.length > 0 ? boundSegments(segments) : before.segments, completed, source };
      const keptIds = new Set(kept.segments.map((segment) => segment.id));
      return { kept, change: { contactId, segments: changed.filter((segment) => keptIds.has(segment.id)), completed, source } };
    });
  }
}

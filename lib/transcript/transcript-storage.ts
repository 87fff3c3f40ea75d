// The live transcripts' place in storage.session: one key per followed contact (`session:transcript.contact.<id>`)
// and an index of the contacts that have one (see per-contact-storage.ts).
import { sessionPerContactStorage } from '../session/per-contact-storage';
import type { KeptTranscript, TranscriptStorage } from './transcript-keeper';

export function browserTranscriptStorage(): TranscriptStorage {
  return sessionPerContactStorage<KeptTranscript>('session:transcript.index', 'session:transcript.contact.');
}

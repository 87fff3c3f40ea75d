// The live transcript's own port between a view (the side panel) and the worker, beside the session port:
//   view {type:'transcript-subscribe', contactId} ──► worker {type:'transcript', full:true, segments: everything kept}
//   then, for every change:                          worker {type:'transcript', full:false, segments: new or changed}
//   view {type:'transcript-unsubscribe', contactId} (or the port closing) ends it.
// Kept out of the session snapshot: a long call's transcript would travel with every snapshot otherwise.
import type { TranscriptSource } from './transcript-requests';
import type { TranscriptSegmentView } from './transcript-segments';

export const TRANSCRIPT_VIEW_PORT = 'transcript-view';

export type TranscriptViewToWorker = { type: 'transcript-subscribe'; contactId: string } | { type: 'transcript-unsubscribe'; contactId: string };

export interface TranscriptUpdate {
  contactId: string;
  /** full: the whole kept transcript (replace); otherwise the new or changed segments (merge by id). */
  full: boolean;
  segments: TranscriptSegmentView[];
  completed: boolean;
  source: TranscriptSource | null;
}

export type TranscriptWorkerToView = { type: 'transcript' } & TranscriptUpdate;

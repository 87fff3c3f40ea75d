// A contact's live transcript as the extension carries it (engine → worker → panel): plain JSON segments read
// from Contact Lens' shapes (the voice Transcript of ListRealtimeContactAnalysisSegments and the live stream, the
// chat Transcript of ListRealtimeContactAnalysisSegmentsV2), and the pure rules every holder applies: segments
// are deduplicated by id, ordered by when they were said, bounded; and the customer's sentiment trend.
import { boundNewest, mergeById } from '../session/merge-by-id';

export type TranscriptRole = 'CUSTOMER' | 'AGENT' | 'SYSTEM';
export type TranscriptSentiment = 'POSITIVE' | 'NEGATIVE' | 'NEUTRAL';

export interface TranscriptSegmentView {
  /** Contact Lens' segment id (unique within the contact). */
  id: string;
  role: TranscriptRole;
  displayName: string | null;
  content: string;
  /** From the contact's start (calls); null when the shape has none (chats: see `time`). */
  beginOffsetMillis: number | null;
  endOffsetMillis: number | null;
  /** When it was said or sent (epoch ms), or null when the service did not say. */
  time: number | null;
  /** null: the service gave none (e.g. a system message). */
  sentiment: TranscriptSentiment | null;
}

/** What one contact's transcript holds besides its segments. */
export interface TranscriptState {
  segments: TranscriptSegmentView[];
  /** The service said the contact's analysis has ended (no more segments will come). */
  completed: boolean;
}

/** How many segments each contact keeps (engine, worker and panel); older ones are dropped first. */
export const TRANSCRIPT_SEGMENTS_LIMIT = 1000;
/** A cap on a contact's kept text (UTF-16 units) so several long calls fit storage.session. */
export const TRANSCRIPT_CONTENT_LIMIT = 300_000;
/** Longest content kept for one segment (longer is cut): a hostile or broken service cannot fill storage. */
const SEGMENT_CONTENT_MAX = 10_000;

const ROLES = new Set<TranscriptRole>(['CUSTOMER', 'AGENT', 'SYSTEM']);
const SENTIMENTS = new Set<TranscriptSentiment>(['POSITIVE', 'NEGATIVE', 'NEUTRAL']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const finiteOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function timeOf(value: unknown): number | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** A role as Contact Lens names it; supervisors count as agents, bots and the contact center as the system. */
function roleOf(value: unknown): TranscriptRole {
  const upper = typeof value === 'string' ? value.toUpperCase() : '';
  if (ROLES.has(upper as TranscriptRole)) return upper as TranscriptRole;
  if (upper === 'SUPERVISOR') return 'AGENT';
  return 'SYSTEM';
}

/** One Contact Lens Transcript object (voice or chat shape) as a segment view; null when it is not one. */
export function segmentFromContactLens(transcript: unknown): TranscriptSegmentView | null {
  if (!isRecord(transcript) || typeof transcript.Id !== 'string' || transcript.Id === '' || typeof transcript.Content !== 'string') return null;
  const sentiment = typeof transcript.Sentiment === 'string' ? transcript.Sentiment.toUpperCase() : '';
  const time = timeOf(transcript.AbsoluteTime) ?? (isRecord(transcript.Time) ? timeOf(transcript.Time.AbsoluteTime) : null);
  return {
    id: transcript.Id.slice(0, 200),
    role: roleOf(transcript.ParticipantRole),
    displayName: typeof transcript.DisplayName === 'string' && transcript.DisplayName !== '' ? transcript.DisplayName.slice(0, 200) : null,
    content: transcript.Content.slice(0, SEGMENT_CONTENT_MAX),
    beginOffsetMillis: finiteOrNull(transcript.BeginOffsetMillis),
    endOffsetMillis: finiteOrNull(transcript.EndOffsetMillis),
    time,
    sentiment: SENTIMENTS.has(sentiment as TranscriptSentiment) ? (sentiment as TranscriptSentiment) : null,
  };
}

/** A stored or received value that looks like a segment view (storage and messages are not trusted blindly). */
export function isTranscriptSegmentView(value: unknown): value is TranscriptSegmentView {
  if (!isRecord(value)) return false;
  return (
    typeof value.id === 'string' &&
    typeof value.content === 'string' &&
    typeof value.role === 'string' &&
    ROLES.has(value.role as TranscriptRole) &&
    (value.sentiment === null || SENTIMENTS.has(value.sentiment as TranscriptSentiment))
  );
}

/** Where a segment sits: its offset when it has one, else its time; ties by id. */
const orderKey = (segment: TranscriptSegmentView) => segment.beginOffsetMillis ?? segment.time ?? 0;

export const compareSegments = (a: TranscriptSegmentView, b: TranscriptSegmentView) =>
  orderKey(a) - orderKey(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface SegmentMerge {
  /** All segments, deduplicated and ordered. */
  segments: TranscriptSegmentView[];
  /** The new or changed ones, ordered (what a listener is told). */
  changed: TranscriptSegmentView[];
}

/** `incoming` merged into `existing` (already deduplicated and ordered); neither is modified. A later version of
 *  a segment (same id) replaces the earlier one. */
export function mergeSegments(existing: readonly TranscriptSegmentView[], incoming: readonly TranscriptSegmentView[]): SegmentMerge {
  const { all, changed } = mergeById(existing, incoming, compareSegments);
  return { segments: all, changed };
}

/** The newest segments within the count and content limits (ordered input, ordered output). */
export function boundSegments(
  segments: readonly TranscriptSegmentView[],
  maxSegments = TRANSCRIPT_SEGMENTS_LIMIT,
  maxContent = TRANSCRIPT_CONTENT_LIMIT,
): TranscriptSegmentView[] {
  return boundNewest(segments, maxSegments, maxContent);
}

/** Milliseconds from the start of the contact to this segment: its offset, or (chats) its time after the first
 *  segment's time; null when neither is known. */
export function offsetOf(segment: TranscriptSegmentView, first: TranscriptSegmentView | undefined): number | null {
  if (segment.beginOffsetMillis !== null) return segment.beginOffsetMillis;
  if (segment.time !== null && first?.time != null) return Math.max(0, segment.time - first.time);
  return null;
}

/** "m:ss" (or "h:mm:ss") of an offset. */
export function formatOffset(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

export const SENTIMENT_SCORE: Record<TranscriptSentiment, number> = { NEGATIVE: -1, NEUTRAL: 0, POSITIVE: 1 };

/** The customer's sentiments in the order said (segments without one are left out). */
export function customerSentiments(segments: readonly TranscriptSegmentView[]): TranscriptSentiment[] {
  return segments.flatMap((segment) => (segment.role === 'CUSTOMER' && segment.sentiment !== null ? [segment.sentiment] : []));
}

/** The trend in words: consecutive repeats folded ("NEGATIVE, NEGATIVE, NEUTRAL" → [NEGATIVE, NEUTRAL]); a long
 *  trend keeps its first step and its last `maxSteps - 1`, so the text stays short for a screen reader. */
export function sentimentSteps(sentiments: readonly TranscriptSentiment[], maxSteps = 6): TranscriptSentiment[] {
  const folded = sentiments.filter((sentiment, i) => i === 0 || sentiment !== sentiments[i - 1]);
  if (folded.length <= maxSteps) return folded;
  return [folded[0], ...folded.slice(folded.length - (maxSteps - 1))];
}

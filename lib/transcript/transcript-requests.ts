// What reaches the engine's transcript service (one session command, `transcript`, carrying one of these
// requests), checked in the worker like every command, and what crosses back: the engine's report of a followed
// contact's segments (an engine event) and the answers to the panel's reads and the agent's typed line.
import type { TranscriptChannel } from './contact-lens-client';
import type { TranscriptSegmentView } from './transcript-segments';

/** The longest line an agent may type into a call's transcript. */
export const AGENT_LINE_MAX = 2_000;

export type TranscriptRequest =
  // The worker: follow this live contact's transcript (idempotent) / stop following it.
  | { op: 'follow'; contactId: string; channel: TranscriptChannel }
  | { op: 'unfollow'; contactId: string }
  // The panel: the agent's own line in a call on the local contact center.
  | { op: 'say'; contactId: string; text: string }
  // The panel: a past contact's transcript (the History tab), read through Contact Lens.
  | { op: 'segments'; contactId: string; channel: TranscriptChannel };

export type TranscriptOp = TranscriptRequest['op'];

/** Where a contact's segments come from: the local contact center's push, polling the admin's backend, none
 *  (a real instance without workspace.contactLensUrl), or a source that failed. */
export type TranscriptSource = 'stream' | 'polling' | 'not-configured' | 'failed';

export interface TranscriptAnswer {
  segments?: TranscriptSegmentView[];
  completed?: boolean;
  /** 'say': the segment the contact center recorded. */
  segment?: TranscriptSegmentView;
  /** false: no Contact Lens service for this instance (the panel says so). */
  available?: boolean;
}

/** The engine's report of a followed contact (the engine event 'transcript'). */
export interface TranscriptReport {
  contactId: string;
  segments: TranscriptSegmentView[];
  completed?: boolean;
  source?: TranscriptSource;
}

const isText = (value: unknown, max = 1000): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;
const isChannel = (value: unknown): value is TranscriptChannel => value === 'voice' || value === 'chat';

const REQUEST_SHAPES: Record<TranscriptOp, (r: Record<string, unknown>) => boolean> = {
  follow: (r) => isText(r.contactId) && isChannel(r.channel),
  unfollow: (r) => isText(r.contactId),
  // The length is judged by the engine (a translated refusal), here only the shape.
  say: (r) => isText(r.contactId) && typeof r.text === 'string',
  segments: (r) => isText(r.contactId) && isChannel(r.channel),
};

/** Whether `value` is a well-formed transcript request. */
export function isTranscriptRequest(value: unknown): value is TranscriptRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const op = (value as { op?: unknown }).op;
  return typeof op === 'string' && Object.hasOwn(REQUEST_SHAPES, op) && REQUEST_SHAPES[op as TranscriptOp](value as Record<string, unknown>);
}

/** Reads: running them twice changes nothing (the command router keeps no record of them). */
export const isTranscriptRead = (request: TranscriptRequest): boolean => request.op !== 'say';

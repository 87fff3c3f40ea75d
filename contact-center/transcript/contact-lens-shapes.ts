// Transcript segments in Amazon Connect's shapes: the Contact Lens service's voice Transcript
// (ListRealtimeContactAnalysisSegments), Connect's chat Transcript (ListRealtimeContactAnalysisSegmentsV2), the live
// stream's event data (the voice shape with DisplayName and AbsoluteTime), and the page tokens of both lists.

import { AwsRequestError } from '../server/routes/aws-shaped-scope';
import type { StoredTranscriptSegment } from '../store/transcript-repository';

/** Contact Lens's real-time Transcript (voice). */
export interface VoiceTranscript {
  Id: string;
  ParticipantId: string;
  ParticipantRole: string;
  Content: string;
  BeginOffsetMillis: number;
  EndOffsetMillis: number;
  Sentiment: string;
}

/** What the live stream sends per segment: the voice shape, who said it and when. */
export interface StreamTranscript extends VoiceTranscript {
  DisplayName?: string;
  AbsoluteTime: string;
}

/** Connect's RealTimeContactAnalysisSegmentTranscript (chat). */
export interface ChatTranscript {
  Id: string;
  ParticipantId: string;
  ParticipantRole: string;
  DisplayName?: string;
  Content: string;
  ContentType: string;
  Time: { AbsoluteTime: string };
  Sentiment: string;
}

export function voiceTranscript(segment: StoredTranscriptSegment): VoiceTranscript {
  return {
    Id: segment.id,
    ParticipantId: segment.participantId,
    ParticipantRole: segment.participantRole,
    Content: segment.content,
    BeginOffsetMillis: segment.beginOffsetMillis,
    EndOffsetMillis: segment.endOffsetMillis,
    Sentiment: segment.sentiment,
  };
}

export function streamTranscript(segment: StoredTranscriptSegment): StreamTranscript {
  const shaped: StreamTranscript = { ...voiceTranscript(segment), AbsoluteTime: segment.absoluteTime };
  if (segment.displayName !== null) shaped.DisplayName = segment.displayName;
  return shaped;
}

export function chatTranscript(segment: StoredTranscriptSegment): ChatTranscript {
  const shaped: ChatTranscript = {
    Id: segment.id,
    ParticipantId: segment.participantId,
    ParticipantRole: segment.participantRole,
    Content: segment.content,
    ContentType: 'text/plain',
    Time: { AbsoluteTime: segment.absoluteTime },
    Sentiment: segment.sentiment,
  };
  if (segment.displayName !== null) shaped.DisplayName = segment.displayName;
  return shaped;
}

interface PagePosition {
  /** The contact the token pages through. */
  c: string;
  /** The last sequence already sent. */
  s: number;
  /** Which list: 'voice' or 'chat'. */
  k: 'voice' | 'chat';
}

/** The NextToken that continues a list of `contactId` after `sequence`. */
export function pageToken(kind: PagePosition['k'], contactId: string, sequence: number): string {
  const position: PagePosition = { c: contactId, s: sequence, k: kind };
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The sequence a NextToken continues after (0 without a token); a token of another contact or list is refused. */
export function sequenceAfter(kind: PagePosition['k'], contactId: string, token: string | undefined): number {
  if (token === undefined) return 0;
  let position: Partial<PagePosition> | null = null;
  try {
    position = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<PagePosition>;
  } catch {
    position = null;
  }
  if (position === null || typeof position.s !== 'number' || !Number.isInteger(position.s) || position.s < 0 || position.k !== kind) {
    throw new AwsRequestError(400, 'InvalidRequestException', 'NextToken is not a token this operation returned.');
  }
  if (position.c !== contactId) throw new AwsRequestError(400, 'InvalidRequestException', `NextToken belongs to another contact than ${contactId}.`);
  return position.s;
}

// A contact's live transcript as the local contact center keeps it: segments of calls (typed or scripted lines of
// the customer and the agent) and of chats (the participants' messages), each with its sentiment. The Contact Lens
// routes serve them in Amazon Connect's shapes; the recommender and the live stream listen to them.

export type TranscriptRole = 'CUSTOMER' | 'AGENT' | 'SYSTEM';
export type TranscriptSentiment = 'POSITIVE' | 'NEGATIVE' | 'NEUTRAL';

export interface TranscriptSegment {
  /** Unique id of the segment. */
  id: string;
  contactId: string;
  channel: 'VOICE' | 'CHAT';
  participantRole: TranscriptRole;
  participantId: string;
  displayName: string | null;
  content: string;
  /** Offsets from the contact's start (calls: when it was connected to the agent). */
  beginOffsetMillis: number;
  endOffsetMillis: number;
  /** ISO 8601 time the segment was said or sent. */
  absoluteTime: string;
  sentiment: TranscriptSentiment;
}

export type TranscriptListener = (segment: TranscriptSegment) => void;

/** Where segments are announced as they are added (implemented in contact-center/transcript/). */
export interface TranscriptEvents {
  /** Every new segment of every contact; returns the unsubscribe function. */
  onSegment(listener: TranscriptListener): () => void;
}

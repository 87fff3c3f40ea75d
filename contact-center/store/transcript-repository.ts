// Keeps the transcript segments of calls and chats in SQLite (table transcript_segments, migration 14): appends a
// contact's next segment with its sequence number and reads a contact's segments in order, from a sequence on.

import type { TranscriptSegment } from '../transcript/transcript-types';
import type { Database } from './database';

/** A segment as stored: its place in the contact's transcript (from 1) and the sentiment scorer's number. */
export interface StoredTranscriptSegment extends TranscriptSegment {
  sequence: number;
  sentimentScore: number;
}

export type NewTranscriptSegment = Omit<StoredTranscriptSegment, 'sequence'>;

interface SegmentRow {
  contact_id: string;
  sequence: number;
  segment_id: string;
  channel: 'VOICE' | 'CHAT';
  participant_role: TranscriptSegment['participantRole'];
  participant_id: string;
  display_name: string | null;
  content: string;
  begin_offset_ms: number;
  end_offset_ms: number;
  absolute_time: number;
  sentiment: TranscriptSegment['sentiment'];
  sentiment_score: number;
}

interface Statements {
  insert: (segment: StoredTranscriptSegment) => void;
  lastSequence: (contactId: string) => number;
  page: (contactId: string, afterSequence: number, limit: number) => SegmentRow[];
  last: (contactId: string) => SegmentRow | undefined;
}

const statementsByDatabase = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  let prepared = statementsByDatabase.get(db);
  if (prepared) return prepared;
  const insert = db.prepare<[string, number, string, string, string, string, string | null, string, number, number, number, string, number]>(
    `INSERT INTO transcript_segments (contact_id, sequence, segment_id, channel, participant_role, participant_id, display_name, content,
       begin_offset_ms, end_offset_ms, absolute_time, sentiment, sentiment_score)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const lastSequence = db.prepare<[string], { n: number | null }>('SELECT MAX(sequence) AS n FROM transcript_segments WHERE contact_id = ?');
  const page = db.prepare<[string, number, number], SegmentRow>(
    'SELECT * FROM transcript_segments WHERE contact_id = ? AND sequence > ? ORDER BY sequence LIMIT ?',
  );
  const last = db.prepare<[string], SegmentRow>('SELECT * FROM transcript_segments WHERE contact_id = ? ORDER BY sequence DESC LIMIT 1');
  prepared = {
    insert: (s) => {
      insert.run(
        s.contactId,
        s.sequence,
        s.id,
        s.channel,
        s.participantRole,
        s.participantId,
        s.displayName,
        s.content,
        s.beginOffsetMillis,
        s.endOffsetMillis,
        Date.parse(s.absoluteTime),
        s.sentiment,
        s.sentimentScore,
      );
    },
    lastSequence: (contactId) => lastSequence.get(contactId)?.n ?? 0,
    page: (contactId, afterSequence, limit) => page.all(contactId, afterSequence, limit),
    last: (contactId) => last.get(contactId),
  };
  statementsByDatabase.set(db, prepared);
  return prepared;
}

function fromRow(row: SegmentRow): StoredTranscriptSegment {
  return {
    id: row.segment_id,
    contactId: row.contact_id,
    sequence: row.sequence,
    channel: row.channel,
    participantRole: row.participant_role,
    participantId: row.participant_id,
    displayName: row.display_name,
    content: row.content,
    beginOffsetMillis: row.begin_offset_ms,
    endOffsetMillis: row.end_offset_ms,
    absoluteTime: new Date(row.absolute_time).toISOString(),
    sentiment: row.sentiment,
    sentimentScore: row.sentiment_score,
  };
}

/** Adds the contact's next segment (sequence = the last one's + 1) and returns it as stored. */
export function appendTranscriptSegment(db: Database, segment: NewTranscriptSegment): StoredTranscriptSegment {
  const prepared = statements(db);
  const append = db.transaction((): StoredTranscriptSegment => {
    const stored = { ...segment, sequence: prepared.lastSequence(segment.contactId) + 1 };
    prepared.insert(stored);
    return stored;
  });
  return append();
}

/** The contact's segments after `afterSequence` (0: from the first), in order, at most `limit`. */
export function listTranscriptSegments(db: Database, contactId: string, afterSequence = 0, limit = 1000): StoredTranscriptSegment[] {
  return statements(db).page(contactId, afterSequence, limit).map(fromRow);
}

/** The contact's latest segment, or null when it has none. */
export function lastTranscriptSegment(db: Database, contactId: string): StoredTranscriptSegment | null {
  const row = statements(db).last(contactId);
  return row ? fromRow(row) : null;
}

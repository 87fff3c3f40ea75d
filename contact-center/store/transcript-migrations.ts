// Live transcript segments of calls and chats (migration version 14). Kept apart from migrations.ts; appended to MIGRATIONS there in version order.
import type { Migration } from './migrations';

export const TRANSCRIPT_MIGRATIONS: Migration[] = [
  {
    version: 14,
    name: 'transcript segments',
    up(db) {
      // One row per segment, kept after the contact ends (the contact history shows it). sequence numbers a contact's
      // segments from 1 in the order they were added: the Contact Lens routes page by it and the live stream's event
      // ids are it. Offsets are milliseconds from the contact's start (a call: when it was connected to the agent);
      // absolute_time is epoch milliseconds; sentiment_score is the scorer's number in [-1, 1].
      db.exec(`
        CREATE TABLE transcript_segments (
          contact_id TEXT NOT NULL,
          sequence INTEGER NOT NULL CHECK (sequence >= 1),
          segment_id TEXT NOT NULL UNIQUE,
          channel TEXT NOT NULL CHECK (channel IN ('VOICE', 'CHAT')),
          participant_role TEXT NOT NULL CHECK (participant_role IN ('CUSTOMER', 'AGENT', 'SYSTEM')),
          participant_id TEXT NOT NULL,
          display_name TEXT,
          content TEXT NOT NULL,
          begin_offset_ms INTEGER NOT NULL CHECK (begin_offset_ms >= 0),
          end_offset_ms INTEGER NOT NULL CHECK (end_offset_ms >= begin_offset_ms),
          absolute_time INTEGER NOT NULL,
          sentiment TEXT NOT NULL CHECK (sentiment IN ('POSITIVE', 'NEGATIVE', 'NEUTRAL')),
          sentiment_score REAL NOT NULL,
          PRIMARY KEY (contact_id, sequence)
        ) WITHOUT ROWID;
      `);
    },
  },
];

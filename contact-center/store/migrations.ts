// The contact center's schema as ordered migrations in code, and the runner that applies the pending ones
// (each in its own transaction, recorded in schema_migrations) whenever the database is opened.

import { CASE_MIGRATIONS } from './case-migrations';
import type { Database } from './database';
import { GUIDE_MIGRATIONS } from './guide-migrations';
import { KNOWLEDGE_MIGRATIONS } from './knowledge-migrations';
import { PROFILE_MIGRATIONS } from './profile-migrations';
import { QCONNECT_MIGRATIONS } from './qconnect-migrations';
import { TASK_MIGRATIONS } from './task-migrations';
import { TASK_TEMPLATE_MIGRATIONS } from './task-template-migrations';
import { TRANSCRIPT_MIGRATIONS } from './transcript-migrations';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** The database was written by a newer Switchboard; running older code against it could corrupt it. */
export class SchemaVersionError extends Error {
  readonly code = 'SCHEMA_TOO_NEW';

  constructor(databaseVersion: number, latestKnownVersion: number) {
    super(
      `The contact center database is at schema version ${databaseVersion}, newer than this Switchboard knows (${latestKnownVersion}). Update Switchboard or use another data folder.`,
    );
    this.name = 'SchemaVersionError';
  }
}

// Append only: a released migration must never change, since databases out there already recorded it.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'instance configuration',
    up(db) {
      db.exec(`
        -- The CHECK on singleton keeps this table at one row: one local contact center per data folder.
        CREATE TABLE instance (
          singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
          instance_id TEXT NOT NULL,
          region TEXT NOT NULL,
          account_id TEXT NOT NULL,
          alias TEXT NOT NULL,
          default_behaviour TEXT NOT NULL CHECK (default_behaviour IN ('answers', 'busy', 'no_answer'))
        );

        CREATE TABLE statuses (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          names_json TEXT NOT NULL,
          type TEXT NOT NULL CHECK (type IN ('routable', 'not_routable', 'offline')),
          sort_order INTEGER NOT NULL
        );

        CREATE TABLE queues (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          names_json TEXT NOT NULL,
          outbound_caller_id TEXT NOT NULL
        );

        CREATE TABLE routing_profiles (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          concurrency_json TEXT NOT NULL,
          default_outbound_queue_id TEXT NOT NULL REFERENCES queues (id)
        );

        CREATE TABLE routing_profile_queues (
          profile_id TEXT NOT NULL REFERENCES routing_profiles (id) ON DELETE CASCADE,
          queue_id TEXT NOT NULL REFERENCES queues (id),
          channels_json TEXT NOT NULL,
          priority INTEGER NOT NULL CHECK (priority >= 1),
          delay_seconds INTEGER NOT NULL CHECK (delay_seconds >= 0),
          PRIMARY KEY (profile_id, queue_id)
        );

        CREATE TABLE users (
          id TEXT PRIMARY KEY,
          username TEXT NOT NULL UNIQUE,
          first_name TEXT NOT NULL,
          last_name TEXT NOT NULL,
          password_hash TEXT NOT NULL,
          routing_profile_id TEXT NOT NULL REFERENCES routing_profiles (id),
          acw_timeout_seconds INTEGER NOT NULL CHECK (acw_timeout_seconds >= 0),
          softphone_enabled INTEGER NOT NULL CHECK (softphone_enabled IN (0, 1)),
          desk_phone_number TEXT NOT NULL,
          auto_accept INTEGER NOT NULL CHECK (auto_accept IN (0, 1)),
          language TEXT NOT NULL
        );

        -- target is a queue id, an agent id or a phone number depending on kind, so it has no foreign key.
        CREATE TABLE quick_connects (
          id TEXT PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('queue', 'agent', 'phone')),
          name TEXT NOT NULL,
          target TEXT NOT NULL
        );

        CREATE TABLE directory (
          phone_number TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          behaviour TEXT NOT NULL CHECK (behaviour IN ('answers', 'busy', 'no_answer'))
        );
      `);
    },
  },
  {
    version: 2,
    name: 'contact records',
    up(db) {
      // No foreign keys to queues or users: records are history and must outlive configuration changes.
      db.exec(`
        CREATE TABLE contact_records (
          contact_id TEXT PRIMARY KEY,
          initial_contact_id TEXT NOT NULL,
          channel TEXT NOT NULL,
          queue_id TEXT,
          agent_id TEXT,
          state TEXT NOT NULL,
          initiated_at INTEGER NOT NULL,
          disconnected_at INTEGER,
          disconnect_reason TEXT,
          record_json TEXT NOT NULL
        );
        CREATE INDEX contact_records_by_initiated_at ON contact_records (initiated_at);
        CREATE INDEX contact_records_by_agent ON contact_records (agent_id, initiated_at);
        CREATE INDEX contact_records_by_initial_contact ON contact_records (initial_contact_id);
        CREATE INDEX contact_records_in_flight ON contact_records (state) WHERE state <> 'ended';
      `);
    },
  },
  {
    version: 3,
    name: 'agent status time',
    up(db) {
      db.exec(`
        CREATE TABLE status_time (
          id INTEGER PRIMARY KEY,
          agent_id TEXT NOT NULL,
          status_name TEXT NOT NULL,
          started_at INTEGER NOT NULL,
          ended_at INTEGER CHECK (ended_at IS NULL OR ended_at >= started_at)
        );
        CREATE INDEX status_time_by_started_at ON status_time (started_at);
        CREATE INDEX status_time_open ON status_time (agent_id) WHERE ended_at IS NULL;
      `);
    },
  },
  {
    version: 4,
    name: 'customer profiles and cases',
    up(db) {
      // Shaped after Amazon Connect Customer Profiles (one profile, several phone numbers) and Cases (a case
      // belongs to one profile, has a human reference such as CASE-2026-0042, free-form fields and activity).
      db.exec(`
        CREATE TABLE profiles (
          id TEXT PRIMARY KEY,
          first_name TEXT NOT NULL,
          last_name TEXT NOT NULL,
          name_reading TEXT,
          email TEXT,
          birth_date TEXT,
          address_json TEXT,
          account_number TEXT UNIQUE,
          company TEXT,
          created_at TEXT NOT NULL
        );
        CREATE INDEX profiles_by_email ON profiles (email COLLATE NOCASE);

        CREATE TABLE profile_phone_numbers (
          profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
          phone_number TEXT NOT NULL CHECK (phone_number GLOB '+[1-9]*'),
          kind TEXT NOT NULL CHECK (kind IN ('mobile', 'business', 'home', 'other')),
          sort_order INTEGER NOT NULL,
          PRIMARY KEY (profile_id, phone_number)
        );
        CREATE INDEX profile_phone_numbers_by_number ON profile_phone_numbers (phone_number);

        CREATE TABLE cases (
          id TEXT PRIMARY KEY,
          reference TEXT NOT NULL UNIQUE,
          profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
          title TEXT NOT NULL,
          summary TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('open', 'pending', 'closed')),
          fields_json TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX cases_by_profile ON cases (profile_id, status);

        CREATE TABLE case_activity (
          id INTEGER PRIMARY KEY,
          case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
          at TEXT NOT NULL,
          author TEXT NOT NULL,
          body TEXT NOT NULL
        );
        CREATE INDEX case_activity_by_case ON case_activity (case_id, at);
      `);
    },
  },
  {
    version: 5,
    name: 'case related items',
    up(db) {
      // Amazon Connect Cases' related items, of type Contact only: a contact linked to a case once. The contact
      // is not a foreign key: contact records are the routing engine's, and a case keeps its links either way.
      db.exec(`
        CREATE TABLE case_related_items (
          id TEXT PRIMARY KEY,
          case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
          type TEXT NOT NULL CHECK (type IN ('Contact')),
          contact_id TEXT NOT NULL,
          contact_arn TEXT NOT NULL,
          channel TEXT NOT NULL,
          associated_at TEXT NOT NULL,
          UNIQUE (case_id, contact_id)
        );
        CREATE INDEX case_related_items_by_case ON case_related_items (case_id, associated_at);
      `);
    },
  },
  {
    version: 6,
    name: 'chat participants, transcripts and attachments',
    up(db) {
      // Amazon Connect chat as the participant service sees it: one chat per initial contact id (a transfer adds
      // contacts to the chain, never a new chat), its participants with their two tokens, the transcript in send
      // order (seq), read/delivered receipts folded into messages on read, ClientToken replays, and attachments
      // with their one-time upload and expiring download URL tokens. Contact ids are not foreign keys: contacts
      // belong to the routing engine.
      db.exec(`
        CREATE TABLE chats (
          initial_contact_id TEXT PRIMARY KEY,
          current_contact_id TEXT NOT NULL,
          started_at INTEGER NOT NULL,
          ended_at INTEGER
        );

        CREATE TABLE chat_participants (
          participant_id TEXT PRIMARY KEY,
          initial_contact_id TEXT NOT NULL REFERENCES chats (initial_contact_id) ON DELETE CASCADE,
          contact_id TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('AGENT', 'CUSTOMER', 'SYSTEM', 'CUSTOM_BOT', 'SUPERVISOR')),
          display_name TEXT NOT NULL,
          participant_token TEXT NOT NULL UNIQUE,
          connection_token TEXT UNIQUE,
          connection_expires_at INTEGER,
          connected_at INTEGER,
          disconnected_at INTEGER,
          disconnect_reason TEXT CHECK (disconnect_reason IN ('left', 'transferred', 'chat_ended')),
          created_at INTEGER NOT NULL
        );
        CREATE INDEX chat_participants_by_chat ON chat_participants (initial_contact_id);

        CREATE TABLE chat_items (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          initial_contact_id TEXT NOT NULL REFERENCES chats (initial_contact_id) ON DELETE CASCADE,
          contact_id TEXT NOT NULL,
          type TEXT NOT NULL CHECK (type IN ('MESSAGE', 'EVENT', 'ATTACHMENT')),
          content_type TEXT NOT NULL,
          content TEXT,
          absolute_time TEXT NOT NULL,
          participant_id TEXT,
          participant_role TEXT,
          display_name TEXT,
          attachments_json TEXT
        );
        CREATE INDEX chat_items_by_chat ON chat_items (initial_contact_id, seq);

        CREATE TABLE chat_receipts (
          message_id TEXT NOT NULL REFERENCES chat_items (id) ON DELETE CASCADE,
          recipient_participant_id TEXT NOT NULL,
          delivered_at TEXT,
          read_at TEXT,
          PRIMARY KEY (message_id, recipient_participant_id)
        );

        CREATE TABLE chat_client_tokens (
          participant_id TEXT NOT NULL REFERENCES chat_participants (participant_id) ON DELETE CASCADE,
          operation TEXT NOT NULL,
          client_token TEXT NOT NULL,
          result_json TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          PRIMARY KEY (participant_id, operation, client_token)
        );

        CREATE TABLE chat_attachments (
          attachment_id TEXT PRIMARY KEY,
          initial_contact_id TEXT NOT NULL REFERENCES chats (initial_contact_id) ON DELETE CASCADE,
          participant_id TEXT NOT NULL REFERENCES chat_participants (participant_id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          content_type TEXT NOT NULL,
          size_bytes INTEGER NOT NULL CHECK (size_bytes >= 1),
          upload_state TEXT NOT NULL CHECK (upload_state IN ('awaiting_upload', 'uploaded', 'completed')),
          status TEXT CHECK (status IN ('APPROVED', 'REJECTED')),
          rejection_reason TEXT,
          created_at INTEGER NOT NULL
        );
        CREATE INDEX chat_attachments_by_chat ON chat_attachments (initial_contact_id);

        CREATE TABLE chat_attachment_urls (
          token TEXT PRIMARY KEY,
          attachment_id TEXT NOT NULL REFERENCES chat_attachments (attachment_id) ON DELETE CASCADE,
          purpose TEXT NOT NULL CHECK (purpose IN ('upload', 'download')),
          expires_at INTEGER NOT NULL,
          used_at INTEGER
        );
      `);
    },
  },
  {
    version: 7,
    name: 'chat participant timers',
    up(db) {
      // The instance's chat participant timers (idle and auto-disconnect minutes per role) as JSON; NULL is Amazon
      // Connect's default, no timer.
      db.exec(`ALTER TABLE instance ADD COLUMN chat_participant_timers_json TEXT;`);
    },
  },
  // Tasks keep their migrations in their own modules (task templates version 8, task contacts version 9).
  ...TASK_TEMPLATE_MIGRATIONS,
  ...TASK_MIGRATIONS,
  // Customer Profiles' fields and search keys (version 10).
  ...PROFILE_MIGRATIONS,
  // Amazon Connect Cases' fields, templates, field values and related items (version 11).
  ...CASE_MIGRATIONS,
  // Knowledge articles (12), Q in Connect's sessions and feedback (13), transcript segments (14), guides (15).
  ...KNOWLEDGE_MIGRATIONS,
  ...QCONNECT_MIGRATIONS,
  ...TRANSCRIPT_MIGRATIONS,
  ...GUIDE_MIGRATIONS,
];

export function currentSchemaVersion(db: Database): number {
  ensureMigrationsTable(db);
  const row = db.prepare<[], { version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations').get();
  return row?.version ?? 0;
}

/** Applies the migrations newer than the database's version, in order; returns the versions applied. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  assertOrdered(migrations);
  const databaseVersion = currentSchemaVersion(db);
  const latestKnownVersion = migrations.at(-1)?.version ?? 0;
  if (databaseVersion > latestKnownVersion) {
    throw new SchemaVersionError(databaseVersion, latestKnownVersion);
  }

  const record = db.prepare<[number, string, number]>('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= databaseVersion) continue;
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.name, Date.now());
    })();
    applied.push(migration.version);
  }
  return applied;
}

function ensureMigrationsTable(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at INTEGER NOT NULL
    )
  `);
}

function assertOrdered(migrations: readonly Migration[]): void {
  let previousVersion = 0;
  for (const migration of migrations) {
    if (!Number.isInteger(migration.version) || migration.version <= previousVersion) {
      throw new Error(`Migration ${JSON.stringify(migration.name)} has version ${migration.version}; versions must be ascending integers from 1`);
    }
    previousVersion = migration.version;
  }
}

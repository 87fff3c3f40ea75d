// Persists contact records (the CTR equivalent) as JSON plus indexed columns, and closes the ones a server
// restart interrupted so that nothing in flight disappears from the history silently.

import type { Channel, ContactRecord, ContactRecordAgent } from '../model';
import type { Database } from './database';

export interface ContactRecordQuery {
  /** Only records initiated at or after this time (epoch ms). */
  since?: number;
  /** Only records handled (accepted) by this agent. */
  agentId?: string;
  /** Only records of this channel. */
  channel?: Channel;
  /** Only the records of one chain of contacts (a contact and its transfers share the initial contact id). */
  initialContactId?: string;
  limit?: number;
}

interface RecordRow {
  record_json: string;
}

interface ListParameters {
  since: number;
  agentId: string | null;
  channel: Channel | null;
  initialContactId: string | null;
  limit: number;
}

interface Statements {
  upsert: (record: ContactRecord) => void;
  get: (contactId: string) => RecordRow | undefined;
  list: (parameters: ListParameters) => RecordRow[];
  inFlight: () => RecordRow[];
}

// Prepared once per connection because saveContactRecord runs on every state change of every contact.
const statementsByDatabase = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  let prepared = statementsByDatabase.get(db);
  if (prepared) return prepared;

  const upsert = db.prepare<[string, string, string, string | null, string | null, string, number, number | null, string | null, string]>(
    `INSERT INTO contact_records (contact_id, initial_contact_id, channel, queue_id, agent_id, state, initiated_at,
                                  disconnected_at, disconnect_reason, record_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (contact_id) DO UPDATE SET
       initial_contact_id = excluded.initial_contact_id, channel = excluded.channel, queue_id = excluded.queue_id,
       agent_id = excluded.agent_id, state = excluded.state, initiated_at = excluded.initiated_at,
       disconnected_at = excluded.disconnected_at, disconnect_reason = excluded.disconnect_reason,
       record_json = excluded.record_json`,
  );
  const get = db.prepare<[string], RecordRow>('SELECT record_json FROM contact_records WHERE contact_id = ?');
  // A negative LIMIT means no limit in SQLite, which lets one statement serve every query shape.
  const list = db.prepare<[ListParameters], RecordRow>(
    `SELECT record_json FROM contact_records
     WHERE initiated_at >= @since AND (@agentId IS NULL OR agent_id = @agentId) AND (@channel IS NULL OR channel = @channel)
       AND (@initialContactId IS NULL OR initial_contact_id = @initialContactId)
     ORDER BY initiated_at DESC, rowid DESC
     LIMIT @limit`,
  );
  const inFlight = db.prepare<[], RecordRow>(`SELECT record_json FROM contact_records WHERE state <> 'ended'`);

  prepared = {
    upsert: (record) => {
      upsert.run(
        record.contactId,
        record.initialContactId,
        record.channel,
        record.queueId,
        record.agentId,
        record.state,
        record.initiatedAt,
        record.disconnectedAt,
        record.disconnectReason,
        JSON.stringify(record),
      );
    },
    get: (contactId) => get.get(contactId),
    list: (parameters) => list.all(parameters),
    inFlight: () => inFlight.all(),
  };
  statementsByDatabase.set(db, prepared);
  return prepared;
}

/** Inserts the record or replaces the stored one with the same contact id. */
export function saveContactRecord(db: Database, record: ContactRecord): void {
  statements(db).upsert(record);
}

export function getContactRecord(db: Database, contactId: string): ContactRecord | null {
  const row = statements(db).get(contactId);
  return row ? parseRecord(row) : null;
}

/** Records matching the query, newest first. */
export function listContactRecords(db: Database, query: ContactRecordQuery = {}): ContactRecord[] {
  const { since, agentId, channel, initialContactId, limit } = query;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    throw new RangeError(`limit must be a non-negative integer, got ${limit}`);
  }
  return statements(db)
    .list({ since: since ?? Number.MIN_SAFE_INTEGER, agentId: agentId ?? null, channel: channel ?? null, initialContactId: initialContactId ?? null, limit: limit ?? -1 })
    .map(parseRecord);
}

/**
 * Ends every record a previous run left in flight, as of `now`, with disconnect reason 'server_restart';
 * returns how many it ended. Meant for startup, before the routing engine creates new contacts.
 */
export function markInFlightAsServerRestart(db: Database, now: number): number {
  const { inFlight, upsert } = statements(db);
  return db.transaction(() => {
    const records = inFlight().map(parseRecord);
    for (const record of records) upsert(endForServerRestart(record, now));
    return records.length;
  })();
}

/**
 * Closes the phase the contact was in when the server stopped. A contact already in After Contact Work keeps
 * its real disconnect time and reason (the customer had hung up); only its ACW is cut short.
 */
export function endForServerRestart(record: ContactRecord, now: number): ContactRecord {
  const elapsedSince = (start: number | null): number => (start === null ? 0 : Math.max(0, now - start));
  const handlingOffer = findHandlingOffer(record);

  let { dequeuedAt, queueDurationMs, ringDurationMs, talkDurationMs, acwDurationMs } = record;
  // Amazon Connect counts a contact as in queue until an agent connects, ringing included.
  if ((record.state === 'queued' || record.state === 'ringing') && record.enqueuedAt !== null && dequeuedAt === null) {
    dequeuedAt = now;
    queueDurationMs = elapsedSince(record.enqueuedAt);
  }
  for (const offer of record.agents) {
    if (offer.outcome === 'pending') ringDurationMs += elapsedSince(offer.offeredAt);
  }
  if (record.state === 'connected') {
    // A hold still running at the restart has not been added to holdDurationMs, so it counts as talk here.
    const connectedAt = handlingOffer?.connectedAt ?? record.connectedToAgentAt;
    talkDurationMs = Math.max(talkDurationMs, elapsedSince(connectedAt) - record.holdDurationMs);
  }
  if (record.state === 'acw') {
    acwDurationMs = Math.max(acwDurationMs, elapsedSince(handlingOffer?.acwStartedAt ?? null));
  }

  return {
    ...record,
    agents: record.agents.map((offer) => closeOffer(offer, now)),
    dequeuedAt,
    queueDurationMs,
    ringDurationMs,
    talkDurationMs,
    acwDurationMs,
    disconnectedAt: record.disconnectedAt ?? now,
    disconnectReason: record.disconnectedAt === null ? 'server_restart' : (record.disconnectReason ?? 'server_restart'),
    state: 'ended',
  };
}

function findHandlingOffer(record: ContactRecord): ContactRecordAgent | undefined {
  return record.agents.find((offer) => offer.agentId === record.agentId && offer.outcome === 'accepted');
}

function closeOffer(offer: ContactRecordAgent, now: number): ContactRecordAgent {
  if (offer.outcome === 'pending') return { ...offer, outcome: 'missed', endedAt: offer.endedAt ?? now };
  return {
    ...offer,
    endedAt: offer.connectedAt !== null && offer.endedAt === null ? now : offer.endedAt,
    acwEndedAt: offer.acwStartedAt !== null && offer.acwEndedAt === null ? now : offer.acwEndedAt,
  };
}

function parseRecord(row: RecordRow): ContactRecord {
  return JSON.parse(row.record_json) as ContactRecord;
}

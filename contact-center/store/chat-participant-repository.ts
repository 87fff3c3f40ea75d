// Chats (one per initial contact id) and their participants with tokens, in SQLite: look a participant up by
// either token, follow the chain's current contact through transfers, record connections and departures.

import type { ChatParticipant, DisconnectReason } from '../chat/participants';
import type { ParticipantRole } from '../chat/chat-items';
import { chatStatement } from './chat-statements';
import type { Database } from './database';

export interface ChatRecord {
  initialContactId: string;
  currentContactId: string;
  startedAt: number;
  endedAt: number | null;
}

interface ChatRow {
  initial_contact_id: string;
  current_contact_id: string;
  started_at: number;
  ended_at: number | null;
}

interface ParticipantRow {
  participant_id: string;
  initial_contact_id: string;
  contact_id: string;
  role: ParticipantRole;
  display_name: string;
  participant_token: string;
  connection_token: string | null;
  connection_expires_at: number | null;
  connected_at: number | null;
  disconnected_at: number | null;
  disconnect_reason: DisconnectReason | null;
}

const PARTICIPANT_COLUMNS =
  'participant_id, initial_contact_id, contact_id, role, display_name, participant_token, connection_token, connection_expires_at, connected_at, disconnected_at, disconnect_reason';

const toChat = (row: ChatRow): ChatRecord => ({
  initialContactId: row.initial_contact_id,
  currentContactId: row.current_contact_id,
  startedAt: row.started_at,
  endedAt: row.ended_at,
});

const toParticipant = (row: ParticipantRow): ChatParticipant => ({
  participantId: row.participant_id,
  initialContactId: row.initial_contact_id,
  contactId: row.contact_id,
  role: row.role,
  displayName: row.display_name,
  participantToken: row.participant_token,
  connectionToken: row.connection_token,
  connectionExpiresAt: row.connection_expires_at,
  connectedAt: row.connected_at,
  disconnectedAt: row.disconnected_at,
  disconnectReason: row.disconnect_reason,
});

export function insertChat(db: Database, chat: { initialContactId: string; contactId: string; at: number }): void {
  chatStatement(db, 'INSERT INTO chats (initial_contact_id, current_contact_id, started_at) VALUES (?, ?, ?)').run(chat.initialContactId, chat.contactId, chat.at);
}

export function getChat(db: Database, initialContactId: string): ChatRecord | undefined {
  const row = chatStatement<[string], ChatRow>(db, 'SELECT * FROM chats WHERE initial_contact_id = ?').get(initialContactId);
  return row ? toChat(row) : undefined;
}

/** The chat a contact id belongs to, whether it is the chain's first contact or a later one. */
export function chatOfContact(db: Database, contactId: string): ChatRecord | undefined {
  const row = chatStatement<{ contactId: string }, ChatRow>(
    db,
    `SELECT * FROM chats WHERE initial_contact_id = @contactId OR current_contact_id = @contactId
       OR initial_contact_id IN (SELECT initial_contact_id FROM chat_participants WHERE contact_id = @contactId)
     LIMIT 1`,
  ).get({ contactId });
  return row ? toChat(row) : undefined;
}

export function setCurrentContact(db: Database, initialContactId: string, contactId: string): void {
  chatStatement(db, 'UPDATE chats SET current_contact_id = ? WHERE initial_contact_id = ?').run(contactId, initialContactId);
}

export function markChatEnded(db: Database, initialContactId: string, at: number): void {
  chatStatement(db, 'UPDATE chats SET ended_at = ? WHERE initial_contact_id = ? AND ended_at IS NULL').run(at, initialContactId);
}

export function insertParticipant(db: Database, participant: ChatParticipant, at: number): void {
  chatStatement(
    db,
    `INSERT INTO chat_participants (${PARTICIPANT_COLUMNS}, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    participant.participantId,
    participant.initialContactId,
    participant.contactId,
    participant.role,
    participant.displayName,
    participant.participantToken,
    participant.connectionToken,
    participant.connectionExpiresAt,
    participant.connectedAt,
    participant.disconnectedAt,
    participant.disconnectReason,
    at,
  );
}

export function getParticipant(db: Database, participantId: string): ChatParticipant | undefined {
  return participantWhere(db, 'participant_id', participantId);
}

export function participantByParticipantToken(db: Database, token: string): ChatParticipant | undefined {
  return participantWhere(db, 'participant_token', token);
}

export function participantByConnectionToken(db: Database, token: string): ChatParticipant | undefined {
  return participantWhere(db, 'connection_token', token);
}

function participantWhere(db: Database, column: 'participant_id' | 'participant_token' | 'connection_token', value: string): ChatParticipant | undefined {
  const row = chatStatement<[string], ParticipantRow>(db, `SELECT ${PARTICIPANT_COLUMNS} FROM chat_participants WHERE ${column} = ?`).get(value);
  return row ? toParticipant(row) : undefined;
}

/** The chat's participants in the order they joined. */
export function participantsOfChat(db: Database, initialContactId: string): ChatParticipant[] {
  return chatStatement<[string], ParticipantRow>(db, `SELECT ${PARTICIPANT_COLUMNS} FROM chat_participants WHERE initial_contact_id = ? ORDER BY created_at, rowid`)
    .all(initialContactId)
    .map(toParticipant);
}

/** Who is still in the chat (not disconnected), in the order they joined: the recipients of its next item. Read
 *  for every item pushed, so it reads only the three columns a recipient needs. */
export function activeRecipientsOfChat(db: Database, initialContactId: string): { participantId: string; role: ParticipantRole; contactId: string }[] {
  return chatStatement<[string], { participantId: string; role: ParticipantRole; contactId: string }>(
    db,
    `SELECT participant_id AS participantId, role, contact_id AS contactId FROM chat_participants
     WHERE initial_contact_id = ? AND disconnected_at IS NULL ORDER BY created_at, rowid`,
  ).all(initialContactId);
}

export function setConnectionToken(db: Database, participantId: string, token: string, expiresAt: number): void {
  chatStatement(db, 'UPDATE chat_participants SET connection_token = ?, connection_expires_at = ? WHERE participant_id = ?').run(token, expiresAt, participantId);
}

/** New tokens and name for a participant that has not joined yet (a chat offered again, to another agent). */
export function reissueParticipant(db: Database, participantId: string, fresh: { displayName: string; participantToken: string; connectionToken: string; connectionExpiresAt: number }): void {
  chatStatement(db, 'UPDATE chat_participants SET display_name = ?, participant_token = ?, connection_token = ?, connection_expires_at = ?, connected_at = NULL WHERE participant_id = ?').run(
    fresh.displayName,
    fresh.participantToken,
    fresh.connectionToken,
    fresh.connectionExpiresAt,
    participantId,
  );
}

export function markConnected(db: Database, participantId: string, at: number): void {
  chatStatement(db, 'UPDATE chat_participants SET connected_at = ? WHERE participant_id = ? AND connected_at IS NULL').run(at, participantId);
}

export function setParticipantContact(db: Database, participantId: string, contactId: string): void {
  chatStatement(db, 'UPDATE chat_participants SET contact_id = ? WHERE participant_id = ?').run(contactId, participantId);
}

export function markDisconnected(db: Database, participantId: string, at: number, reason: DisconnectReason): void {
  chatStatement(db, 'UPDATE chat_participants SET disconnected_at = ?, disconnect_reason = ? WHERE participant_id = ? AND disconnected_at IS NULL').run(
    at,
    reason,
    participantId,
  );
}

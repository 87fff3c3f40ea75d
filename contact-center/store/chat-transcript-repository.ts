// Chat transcripts in SQLite: items per initial contact id in send order, read/delivered receipts folded into
// their messages, ClientToken replays, and GetTranscript's paging (start position, scan direction, sort order,
// NextToken) as the Amazon Connect Participant Service defines it.

import type { AttachmentItem, ChatItem, ChatItemType, MessageMetadata, ParticipantRole, Receipt, ReceiptKind } from '../chat/chat-items';
import { invalidInput } from '../chat/chat-errors';
import { chatStatement } from './chat-statements';
import type { Database } from './database';

export type ScanDirection = 'FORWARD' | 'BACKWARD';
export type SortOrder = 'ASCENDING' | 'DESCENDING';

/** Where a page starts. `edge` is the newest item when scanning backward and the oldest when scanning forward. */
export type TranscriptStart =
  | { kind: 'edge' }
  | { kind: 'id'; id: string }
  | { kind: 'time'; absoluteTime: string }
  | { kind: 'mostRecent'; count: number };

export interface TranscriptPageQuery {
  initialContactId: string;
  maxResults: number;
  scanDirection: ScanDirection;
  sortOrder: SortOrder;
  start: TranscriptStart;
  /** A NextToken from an earlier page of the same chat; it overrides `start` and `scanDirection`. */
  nextToken?: string;
}

export interface TranscriptPage {
  items: ChatItem[];
  nextToken?: string;
}

/** Operations whose ClientToken makes a retry return the first answer instead of acting twice. */
export type IdempotentOperation = 'SendMessage' | 'SendEvent' | 'DisconnectParticipant' | 'StartAttachmentUpload' | 'CompleteAttachmentUpload';

/** How long a ClientToken is remembered: Connect documents 7 days for its contact APIs' ClientToken
 *  (StartChatContact, StartTaskContact in the Connect service model); the participant service does not say. */
export const CLIENT_TOKEN_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

interface ItemRow {
  seq: number;
  id: string;
  initial_contact_id: string;
  contact_id: string;
  type: ChatItemType;
  content_type: string;
  content: string | null;
  absolute_time: string;
  participant_id: string | null;
  participant_role: ParticipantRole | null;
  display_name: string | null;
  attachments_json: string | null;
}

interface ReceiptRow {
  message_id: string;
  recipient_participant_id: string;
  delivered_at: string | null;
  read_at: string | null;
}

interface NextTokenPayload {
  chat: string;
  direction: ScanDirection;
  afterSeq: number;
}

const ITEM_COLUMNS =
  'seq, id, initial_contact_id, contact_id, type, content_type, content, absolute_time, participant_id, participant_role, display_name, attachments_json';

function toItem(row: ItemRow): ChatItem {
  const item: ChatItem = {
    Id: row.id,
    Type: row.type,
    ContentType: row.content_type,
    AbsoluteTime: row.absolute_time,
    ContactId: row.contact_id,
    InitialContactId: row.initial_contact_id,
  };
  if (row.content !== null) item.Content = row.content;
  if (row.participant_id !== null) item.ParticipantId = row.participant_id;
  if (row.participant_role !== null) item.ParticipantRole = row.participant_role;
  if (row.display_name !== null) item.DisplayName = row.display_name;
  if (row.attachments_json !== null) item.Attachments = JSON.parse(row.attachments_json) as AttachmentItem[];
  return item;
}

/** Stores a MESSAGE, EVENT or ATTACHMENT item at the end of its chat's transcript. */
export function appendItem(db: Database, item: ChatItem): void {
  if (item.Type !== 'MESSAGE' && item.Type !== 'EVENT' && item.Type !== 'ATTACHMENT') {
    throw new Error(`A ${item.Type} item is not part of a transcript`);
  }
  chatStatement(db, `INSERT INTO chat_items (${ITEM_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    item.Id,
    item.InitialContactId,
    item.ContactId,
    item.Type,
    item.ContentType,
    item.Content ?? null,
    item.AbsoluteTime,
    item.ParticipantId ?? null,
    item.ParticipantRole ?? null,
    item.DisplayName ?? null,
    item.Attachments ? JSON.stringify(item.Attachments) : null,
  );
}

export function getItem(db: Database, id: string): ChatItem | undefined {
  const row = chatStatement<[string], ItemRow>(db, `SELECT ${ITEM_COLUMNS} FROM chat_items WHERE id = ?`).get(id);
  return row ? toItem(row) : undefined;
}

/** Records that `recipientParticipantId` received or read a message; a later receipt of the same kind keeps
 *  the first time, as a message is delivered (or read) once. */
export function recordReceipt(db: Database, receipt: { messageId: string; recipientParticipantId: string; kind: ReceiptKind; at: string }): void {
  const column = receipt.kind === 'read' ? 'read_at' : 'delivered_at';
  chatStatement(
    db,
    `INSERT INTO chat_receipts (message_id, recipient_participant_id, ${column}) VALUES (?, ?, ?)
     ON CONFLICT (message_id, recipient_participant_id) DO UPDATE SET ${column} = COALESCE(${column}, excluded.${column})`,
  ).run(receipt.messageId, receipt.recipientParticipantId, receipt.at);
}

/** The first answer given to this participant's ClientToken for the operation, if it is still remembered. */
export function findClientTokenResult<T>(db: Database, key: { participantId: string; operation: IdempotentOperation; clientToken: string }, now: number): T | undefined {
  const row = chatStatement<[string, string, string, number], { result_json: string }>(
    db,
    'SELECT result_json FROM chat_client_tokens WHERE participant_id = ? AND operation = ? AND client_token = ? AND created_at > ?',
  ).get(key.participantId, key.operation, key.clientToken, now - CLIENT_TOKEN_WINDOW_MS);
  return row ? (JSON.parse(row.result_json) as T) : undefined;
}

/** How often remembered ClientTokens past their window are deleted. Reads already ignore them, so this is only
 *  housekeeping; doing it on every write scanned the whole table once per message. */
export const CLIENT_TOKEN_PRUNE_INTERVAL_MS = 60 * 1000;

const lastClientTokenPrune = new WeakMap<Database, number>();

function pruneClientTokens(db: Database, now: number): void {
  const last = lastClientTokenPrune.get(db);
  if (last !== undefined && now - last < CLIENT_TOKEN_PRUNE_INTERVAL_MS && now >= last) return;
  lastClientTokenPrune.set(db, now);
  chatStatement(db, 'DELETE FROM chat_client_tokens WHERE created_at <= ?').run(now - CLIENT_TOKEN_WINDOW_MS);
}

export function rememberClientTokenResult(
  db: Database,
  key: { participantId: string; operation: IdempotentOperation; clientToken: string },
  result: unknown,
  now: number,
): void {
  pruneClientTokens(db, now);
  chatStatement(
    db,
    `INSERT INTO chat_client_tokens (participant_id, operation, client_token, result_json, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (participant_id, operation, client_token) DO UPDATE SET result_json = excluded.result_json, created_at = excluded.created_at`,
  ).run(key.participantId, key.operation, key.clientToken, JSON.stringify(result), now);
}

/** One page of a chat's transcript, receipts folded into the messages they acknowledge. */
export function readTranscriptPage(db: Database, query: TranscriptPageQuery): TranscriptPage {
  const continuation = query.nextToken === undefined ? undefined : decodeNextToken(query.nextToken, query.initialContactId);
  const direction = continuation?.direction ?? query.scanDirection;
  const forward = direction === 'FORWARD';
  const bound = continuation ? { op: forward ? '>' : '<', column: 'seq', value: continuation.afterSeq } : startBound(db, query, forward);

  const where = bound ? `AND ${bound.column} ${bound.op} ?` : '';
  const params: (string | number)[] = [query.initialContactId];
  if (bound) params.push(bound.value);
  params.push(query.maxResults + 1);
  const rows = chatStatement<(string | number)[], ItemRow>(
    db,
    `SELECT ${ITEM_COLUMNS} FROM chat_items WHERE initial_contact_id = ? ${where} ORDER BY seq ${forward ? 'ASC' : 'DESC'} LIMIT ?`,
  ).all(...params);

  const page = rows.slice(0, query.maxResults);
  const last = page.at(-1);
  const nextToken = rows.length > query.maxResults && last ? encodeNextToken({ chat: query.initialContactId, direction, afterSeq: last.seq }) : undefined;

  page.sort((a, b) => (query.sortOrder === 'ASCENDING' ? a.seq - b.seq : b.seq - a.seq));
  const items = withReceipts(db, page.map(toItem));
  return nextToken === undefined ? { items } : { items, nextToken };
}

interface Bound {
  op: '>' | '<' | '>=' | '<=';
  column: 'seq' | 'absolute_time';
  value: number | string;
}

function startBound(db: Database, query: TranscriptPageQuery, forward: boolean): Bound | undefined {
  const start = query.start;
  switch (start.kind) {
    case 'edge':
      return undefined;
    case 'id': {
      const row = chatStatement<[string, string], { seq: number }>(db, 'SELECT seq FROM chat_items WHERE id = ? AND initial_contact_id = ?').get(start.id, query.initialContactId);
      if (!row) throw invalidInput(`StartPosition.Id ${start.id} is not an item of this chat.`);
      return { op: forward ? '>=' : '<=', column: 'seq', value: row.seq };
    }
    case 'time':
      return { op: forward ? '>=' : '<=', column: 'absolute_time', value: start.absoluteTime };
    case 'mostRecent': {
      // The count-th most recent item (1-based) is the anchor, the oldest one if the chat has fewer items;
      // 0 puts the anchor just past the newest item.
      if (start.count === 0) return { op: forward ? '>' : '<=', column: 'seq', value: newestSeq(db, query.initialContactId) };
      const row = chatStatement<[string, number], { seq: number }>(db, 'SELECT seq FROM chat_items WHERE initial_contact_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?').get(query.initialContactId, start.count - 1);
      return { op: forward ? '>=' : '<=', column: 'seq', value: row?.seq ?? oldestSeq(db, query.initialContactId) };
    }
  }
}

function newestSeq(db: Database, initialContactId: string): number {
  const row = chatStatement<[string], { seq: number | null }>(db, 'SELECT MAX(seq) AS seq FROM chat_items WHERE initial_contact_id = ?').get(initialContactId);
  return row?.seq ?? 0;
}

function oldestSeq(db: Database, initialContactId: string): number {
  const row = chatStatement<[string], { seq: number | null }>(db, 'SELECT MIN(seq) AS seq FROM chat_items WHERE initial_contact_id = ?').get(initialContactId);
  return row?.seq ?? 0;
}

function withReceipts(db: Database, items: ChatItem[]): ChatItem[] {
  const ids = items.filter((item) => item.Type === 'MESSAGE' || item.Type === 'ATTACHMENT').map((item) => item.Id);
  if (ids.length === 0) return items;
  const rows = chatStatement<string[], ReceiptRow>(
    db,
    `SELECT message_id, recipient_participant_id, delivered_at, read_at FROM chat_receipts WHERE message_id IN (${ids.map(() => '?').join(', ')})
     ORDER BY rowid`,
  ).all(...ids);
  const byMessage = new Map<string, Receipt[]>();
  for (const row of rows) {
    const receipt: Receipt = { RecipientParticipantId: row.recipient_participant_id };
    if (row.delivered_at !== null) receipt.DeliveredTimestamp = row.delivered_at;
    if (row.read_at !== null) receipt.ReadTimestamp = row.read_at;
    byMessage.set(row.message_id, [...(byMessage.get(row.message_id) ?? []), receipt]);
  }
  return items.map((item) => {
    const receipts = byMessage.get(item.Id);
    if (!receipts) return item;
    const metadata: MessageMetadata = { MessageId: item.Id, Receipts: receipts };
    return { ...item, MessageMetadata: metadata };
  });
}

function encodeNextToken(payload: NextTokenPayload): string {
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

function decodeNextToken(token: string, initialContactId: string): NextTokenPayload {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidInput('NextToken is not valid.');
  }
  if (
    typeof payload !== 'object' ||
    payload === null ||
    !('chat' in payload && 'direction' in payload && 'afterSeq' in payload) ||
    payload.chat !== initialContactId ||
    (payload.direction !== 'FORWARD' && payload.direction !== 'BACKWARD') ||
    typeof payload.afterSeq !== 'number'
  ) {
    throw invalidInput('NextToken is not valid for this chat.');
  }
  return { chat: initialContactId, direction: payload.direction, afterSeq: payload.afterSeq };
}

/** Whether the participant already has an event of this content type in the transcript (e.g. it has joined). */
export function hasEventFrom(db: Database, participantId: string, contentType: string): boolean {
  return chatStatement<[string, string], { one: number }>(db, "SELECT 1 AS one FROM chat_items WHERE participant_id = ? AND content_type = ? AND type = 'EVENT' LIMIT 1").get(participantId, contentType) !== undefined;
}

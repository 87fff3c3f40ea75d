// A case's related items in SQLite, as Cases' CreateRelatedItem and SearchRelatedItems see them: contacts (linked
// once per case; the contact's channel, start and, once it ended, its end and durations are kept in step with its
// contact record by the triggers of migration 11) and comments, newest first.
import type { Database } from './database';

export interface PerformedBy {
  userArn?: string;
  customEntity?: string;
}

export interface ContactItemDetails {
  contactId: string;
  contactArn: string;
  /** The contact's channel as the routing engine records it (voice, chat, task). */
  channel: string;
  connectedToSystemAt: string | null;
  disconnectedAt: string | null;
  /** Once the contact ended: queueDuration, agentInteractionDuration, customerHoldDuration, afterContactWorkDuration (seconds). */
  durations: Record<string, number> | null;
}

export interface StoredRelatedItem {
  id: string;
  caseId: string;
  type: 'Contact' | 'Comment';
  associatedAt: string;
  performedBy: PerformedBy | null;
  contact: ContactItemDetails | null;
  comment: { body: string; contentType: string } | null;
}

interface ItemRow {
  id: string;
  case_id: string;
  type: 'Contact' | 'Comment';
  contact_id: string | null;
  contact_arn: string | null;
  channel: string | null;
  connected_to_system_at: string | null;
  disconnected_at: string | null;
  durations_json: string | null;
  comment_body: string | null;
  comment_content_type: string | null;
  performed_by_user_arn: string | null;
  performed_by_custom_entity: string | null;
  associated_at: string;
}

const toItem = (r: ItemRow): StoredRelatedItem => ({
  id: r.id,
  caseId: r.case_id,
  type: r.type,
  associatedAt: r.associated_at,
  performedBy:
    r.performed_by_user_arn !== null ? { userArn: r.performed_by_user_arn } : r.performed_by_custom_entity !== null ? { customEntity: r.performed_by_custom_entity } : null,
  contact:
    r.type === 'Contact'
      ? {
          contactId: r.contact_id ?? '',
          contactArn: r.contact_arn ?? '',
          channel: r.channel ?? '',
          connectedToSystemAt: r.connected_to_system_at,
          disconnectedAt: r.disconnected_at,
          durations: r.durations_json === null ? null : (JSON.parse(r.durations_json) as Record<string, number>),
        }
      : null,
  comment: r.type === 'Comment' ? { body: r.comment_body ?? '', contentType: r.comment_content_type ?? 'Text/Plain' } : null,
});

export function getRelatedItem(db: Database, id: string): StoredRelatedItem | null {
  const row = db.prepare<[string], ItemRow>('SELECT * FROM case_related_items WHERE id = ?').get(id);
  return row ? toItem(row) : null;
}

export interface NewContactItem {
  id: string;
  caseId: string;
  contactId: string;
  contactArn: string;
  channel: string;
  associatedAt: string;
  performedBy: PerformedBy | null;
  /** For contacts this store has no record of (the demo's past contacts): their details as given. */
  details?: Pick<ContactItemDetails, 'connectedToSystemAt' | 'disconnectedAt' | 'durations'>;
}

/** Links the contact to the case; a contact already linked keeps its first item (`created: false`). */
export function insertContactItem(db: Database, item: NewContactItem): { item: StoredRelatedItem; created: boolean } {
  return db.transaction(() => {
    const existing = db.prepare<[string, string], ItemRow>('SELECT * FROM case_related_items WHERE case_id = ? AND contact_id = ?').get(item.caseId, item.contactId);
    if (existing) return { item: toItem(existing), created: false };
    db.prepare(
      `INSERT INTO case_related_items (id, case_id, type, contact_id, contact_arn, channel, connected_to_system_at, disconnected_at, durations_json,
         performed_by_user_arn, performed_by_custom_entity, associated_at)
       VALUES (?, ?, 'Contact', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      item.id,
      item.caseId,
      item.contactId,
      item.contactArn,
      item.channel,
      item.details?.connectedToSystemAt ?? null,
      item.details?.disconnectedAt ?? null,
      item.details?.durations ? JSON.stringify(item.details.durations) : null,
      item.performedBy?.userArn ?? null,
      item.performedBy?.customEntity ?? null,
      item.associatedAt,
    );
    return { item: getRelatedItem(db, item.id)!, created: true };
  }).immediate();
}

export interface NewCommentItem {
  id: string;
  caseId: string;
  body: string;
  associatedAt: string;
  performedBy: PerformedBy | null;
}

export function insertCommentItem(db: Database, item: NewCommentItem): StoredRelatedItem {
  db.prepare(
    `INSERT INTO case_related_items (id, case_id, type, comment_body, comment_content_type, performed_by_user_arn, performed_by_custom_entity, associated_at)
     VALUES (?, ?, 'Comment', ?, 'Text/Plain', ?, ?, ?)`,
  ).run(item.id, item.caseId, item.body, item.performedBy?.userArn ?? null, item.performedBy?.customEntity ?? null, item.associatedAt);
  return getRelatedItem(db, item.id)!;
}

/** SearchRelatedItems' filters: any one matching keeps an item (none: every item). */
export type RelatedItemFilter = { contact: { channels: string[]; contactArn: string | null } } | { comment: true } | { none: true };

export function searchRelatedItems(db: Database, caseId: string, filters: readonly RelatedItemFilter[], offset: number, limit: number): { items: StoredRelatedItem[]; total: number } {
  const params: (string | number)[] = [caseId];
  const clauses = filters.map((filter) => {
    if ('comment' in filter) return "type = 'Comment'";
    if ('none' in filter) return '0';
    const parts = ["type = 'Contact'"];
    if (filter.contact.channels.length) {
      parts.push(`lower(channel) IN (${filter.contact.channels.map(() => '?').join(',')})`);
      params.push(...filter.contact.channels.map((c) => c.toLowerCase()));
    }
    if (filter.contact.contactArn !== null) {
      parts.push('contact_arn = ?');
      params.push(filter.contact.contactArn);
    }
    return `(${parts.join(' AND ')})`;
  });
  const where = `case_id = ?${clauses.length ? ` AND (${clauses.join(' OR ')})` : ''}`;
  const total = db.prepare<(string | number)[], { n: number }>(`SELECT COUNT(*) AS n FROM case_related_items WHERE ${where}`).get(...params)!.n;
  const rows = db.prepare<(string | number)[], ItemRow>(`SELECT * FROM case_related_items WHERE ${where} ORDER BY associated_at DESC, rowid DESC LIMIT ? OFFSET ?`).all(...params, limit, offset);
  return { items: rows.map(toItem), total };
}

/** Copies the first cases' activity notes (case_activity) into comments, once each, by their author's name. */
export function importCaseActivityAsComments(db: Database): number {
  return db
    .prepare(
      `INSERT OR IGNORE INTO case_related_items (id, case_id, type, comment_body, comment_content_type, performed_by_custom_entity, associated_at)
       SELECT printf('00000000-0000-4000-8000-%012d', a.id), a.case_id, 'Comment', a.body, 'Text/Plain', a.author, a.at FROM case_activity a`,
    )
    .run().changes;
}

// Contacts linked to cases (Amazon Connect Cases' related items of type Contact) in SQLite: link one contact
// to one case at most once, and list a case's related items oldest first.

import { randomUUID } from 'node:crypto';
import type { Database } from './database';

export interface ContactRelatedItem {
  relatedItemId: string;
  caseId: string;
  type: 'Contact';
  contactId: string;
  contactArn: string;
  channel: string;
  associatedAt: string; // ISO 8601
}

export interface ContactToLink {
  caseId: string;
  contactId: string;
  contactArn: string;
  channel: string;
  /** Epoch ms of the link. */
  at: number;
}

interface RelatedItemRow {
  id: string;
  case_id: string;
  contact_id: string;
  contact_arn: string;
  channel: string;
  associated_at: string;
}

const COLUMNS = 'id, case_id, contact_id, contact_arn, channel, associated_at';

const toItem = (row: RelatedItemRow): ContactRelatedItem => ({
  relatedItemId: row.id,
  caseId: row.case_id,
  type: 'Contact',
  contactId: row.contact_id,
  contactArn: row.contact_arn,
  channel: row.channel,
  associatedAt: row.associated_at,
});

/**
 * Links the contact to the case; a contact already linked to that case keeps its first related item
 * (`created: false`), so a retried request adds nothing. The case must exist (foreign key).
 */
export function linkContactToCase(db: Database, link: ContactToLink): { item: ContactRelatedItem; created: boolean } {
  return db.transaction(() => {
    const existing = db
      .prepare<[string, string], RelatedItemRow>(`SELECT ${COLUMNS} FROM case_related_items WHERE case_id = ? AND contact_id = ?`)
      .get(link.caseId, link.contactId);
    if (existing) return { item: toItem(existing), created: false };
    const row: RelatedItemRow = {
      id: randomUUID(),
      case_id: link.caseId,
      contact_id: link.contactId,
      contact_arn: link.contactArn,
      channel: link.channel,
      associated_at: new Date(link.at).toISOString(),
    };
    db.prepare(
      `INSERT INTO case_related_items (id, case_id, type, contact_id, contact_arn, channel, associated_at)
       VALUES (@id, @case_id, 'Contact', @contact_id, @contact_arn, @channel, @associated_at)`,
    ).run(row);
    return { item: toItem(row), created: true };
  }).immediate();
}

/** The case's related items of type Contact, oldest first (its comments are Cases' SearchRelatedItems's). */
export function relatedItemsOf(db: Database, caseId: string): ContactRelatedItem[] {
  return db
    .prepare<[string], RelatedItemRow>(`SELECT ${COLUMNS} FROM case_related_items WHERE case_id = ? AND type = 'Contact' ORDER BY associated_at, rowid`)
    .all(caseId)
    .map(toItem);
}

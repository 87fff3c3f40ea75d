// Cases in SQLite as Amazon Connect Cases keeps them: each case's system fields (columns of the cases table, which
// the first cases already had: title, summary, status, reference, the customer's profile, times), its template,
// tags and CreateCase client token, and its custom field values (rows of case_field_values). Written by CreateCase
// and UpdateCase; references are assigned here (CASE-<year>-<number>, as the first cases have them).
import type { Database } from './database';

/** A field value as stored: text (Text, DateTime, SingleSelect, Url, User) or a number (Number, Boolean 0/1). */
export type StoredValue = { text: string } | { number: number };

export interface StoredCase {
  id: string;
  reference: string;
  profileId: string;
  templateId: string;
  title: string;
  /** '' when the case has no summary. */
  summary: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  lastClosedAt: string | null;
  tags: Record<string, string | null>;
  clientToken: string | null;
  requestHash: string | null;
  /** Custom field values by field id. */
  values: Map<string, StoredValue>;
}

interface CaseRow {
  id: string;
  reference: string;
  profile_id: string;
  template_id: string;
  title: string;
  summary: string;
  status: string;
  created_at: string;
  updated_at: string;
  last_closed_at: string | null;
  tags_json: string;
  client_token: string | null;
  request_hash: string | null;
}

interface ValueRow {
  case_id: string;
  field_id: string;
  text_value: string | null;
  number_value: number | null;
}

const COLUMNS = 'id, reference, profile_id, template_id, title, summary, status, created_at, updated_at, last_closed_at, tags_json, client_token, request_hash';

/** The cases with these ids, in the order given (missing ones left out), with their custom values. */
export function storedCases(db: Database, ids: readonly string[]): StoredCase[] {
  if (ids.length === 0) return [];
  const marks = ids.map(() => '?').join(',');
  const rows = new Map(db.prepare<string[], CaseRow>(`SELECT ${COLUMNS} FROM cases WHERE id IN (${marks})`).all(...ids).map((r) => [r.id, r]));
  const values = db.prepare<string[], ValueRow>(`SELECT case_id, field_id, text_value, number_value FROM case_field_values WHERE case_id IN (${marks})`).all(...ids);
  const byCase = new Map<string, Map<string, StoredValue>>();
  for (const v of values) {
    const map = byCase.get(v.case_id) ?? new Map<string, StoredValue>();
    map.set(v.field_id, v.text_value !== null ? { text: v.text_value } : { number: v.number_value ?? 0 });
    byCase.set(v.case_id, map);
  }
  return ids.flatMap((id) => {
    const r = rows.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        reference: r.reference,
        profileId: r.profile_id,
        templateId: r.template_id,
        title: r.title,
        summary: r.summary,
        status: r.status,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        lastClosedAt: r.last_closed_at,
        tags: JSON.parse(r.tags_json) as Record<string, string | null>,
        clientToken: r.client_token,
        requestHash: r.request_hash,
        values: byCase.get(r.id) ?? new Map(),
      },
    ];
  });
}

export function getStoredCase(db: Database, id: string): StoredCase | null {
  return storedCases(db, [id])[0] ?? null;
}

export function caseIdByClientToken(db: Database, clientToken: string): string | null {
  return db.prepare<[string], { id: string }>('SELECT id FROM cases WHERE client_token = ?').get(clientToken)?.id ?? null;
}

/** The next free reference of the year: CASE-<year>-<4 or more digits>, one above the year's highest. */
export function nextCaseReference(db: Database, year: number): string {
  const prefix = `CASE-${year}-`;
  const rows = db.prepare<[string], { reference: string }>("SELECT reference FROM cases WHERE reference LIKE ? || '%'").all(prefix);
  let highest = 0;
  for (const { reference } of rows) {
    const n = Number(reference.slice(prefix.length));
    if (Number.isInteger(n) && n > highest) highest = n;
  }
  return `${prefix}${String(highest + 1).padStart(4, '0')}`;
}

export interface NewCase {
  id: string;
  reference: string;
  profileId: string;
  templateId: string;
  title: string;
  summary: string;
  status: string;
  at: string;
  tags: Record<string, string | null>;
  clientToken: string | null;
  requestHash: string | null;
  values: Map<string, StoredValue>;
}

const upsertValue = (db: Database) =>
  db.prepare<[string, string, string | null, number | null]>(
    `INSERT INTO case_field_values (case_id, field_id, text_value, number_value) VALUES (?, ?, ?, ?)
     ON CONFLICT (case_id, field_id) DO UPDATE SET text_value = excluded.text_value, number_value = excluded.number_value`,
  );

function writeValues(db: Database, caseId: string, values: Map<string, StoredValue | null>): void {
  const upsert = upsertValue(db);
  const remove = db.prepare<[string, string]>('DELETE FROM case_field_values WHERE case_id = ? AND field_id = ?');
  for (const [fieldId, value] of values) {
    if (value === null) remove.run(caseId, fieldId);
    else if ('text' in value) upsert.run(caseId, fieldId, value.text, null);
    else upsert.run(caseId, fieldId, null, value.number);
  }
}

export function insertCase(db: Database, c: NewCase): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO cases (id, reference, profile_id, template_id, title, summary, status, fields_json, created_at, updated_at, last_closed_at, tags_json, client_token, request_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?)`,
    ).run(c.id, c.reference, c.profileId, c.templateId, c.title, c.summary, c.status, c.at, c.at, c.status === 'closed' ? c.at : null, JSON.stringify(c.tags), c.clientToken, c.requestHash);
    writeValues(db, c.id, c.values);
  })();
}

/** What UpdateCase changes: system columns given, custom values set (null clears). */
export interface CaseChanges {
  title?: string;
  summary?: string;
  status?: string;
  profileId?: string;
  values: Map<string, StoredValue | null>;
  at: string;
}

/** Applies the changes and moves last_updated (and last_closed, when the case becomes closed). */
export function updateCase(db: Database, caseId: string, changes: CaseChanges): void {
  db.transaction(() => {
    const current = db.prepare<[string], { status: string }>('SELECT status FROM cases WHERE id = ?').get(caseId);
    if (!current) return;
    const closing = changes.status === 'closed' && current.status !== 'closed';
    db.prepare(
      `UPDATE cases SET title = coalesce(?, title), summary = coalesce(?, summary), status = coalesce(?, status), profile_id = coalesce(?, profile_id),
         updated_at = ?, last_closed_at = CASE WHEN ? THEN ? ELSE last_closed_at END WHERE id = ?`,
    ).run(changes.title ?? null, changes.summary ?? null, changes.status ?? null, changes.profileId ?? null, changes.at, closing ? 1 : 0, changes.at, caseId);
    writeValues(db, caseId, changes.values);
  })();
}

/** Puts a case on a template with these custom values (the demo seed moving the first cases onto templates). */
export function assignCaseTemplate(db: Database, caseId: string, templateId: string, values: Map<string, StoredValue>): void {
  db.transaction(() => {
    db.prepare('UPDATE cases SET template_id = ? WHERE id = ?').run(templateId, caseId);
    writeValues(db, caseId, values);
  })();
}

export function profileExists(db: Database, profileId: string): boolean {
  return db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM profiles WHERE id = ?').get(profileId)!.n > 0;
}

// Cases' domain model in SQLite: fields (system and custom) with their SingleSelect options, layouts, and templates
// with their required fields and contact-attribute mapping. Read by every Cases operation; written by
// CreateTemplate and the demo seed. Times are ISO 8601 strings.
import type { FieldType } from '../cases/cases-model';
import type { Database } from './database';

export interface CaseField {
  id: string;
  name: string;
  description: string;
  type: FieldType;
  namespace: 'System' | 'Custom';
  createdAt: string;
  lastModifiedAt: string;
}

export interface FieldOption {
  value: string;
  name: string;
  active: boolean;
}

/** Cases' LayoutContent: a basic layout's top panel and More Info tab, each of field groups. */
export interface LayoutContent {
  basic: {
    topPanel?: { sections?: { fieldGroup: { name?: string; fields: { id: string }[] } }[] };
    moreInfo?: { sections?: { fieldGroup: { name?: string; fields: { id: string }[] } }[] };
  };
}

export interface CaseLayout {
  id: string;
  name: string;
  content: LayoutContent;
  createdAt: string;
  lastModifiedAt: string;
}

export interface CaseTemplate {
  id: string;
  name: string;
  description: string;
  status: 'Active' | 'Inactive';
  layoutId: string | null;
  requiredFieldIds: string[];
  /** Contact attribute name → field id. */
  attributeMapping: Record<string, string>;
  deleted: boolean;
  createdAt: string;
  lastModifiedAt: string;
}

interface FieldRow {
  id: string;
  name: string;
  description: string;
  type: FieldType;
  namespace: 'System' | 'Custom';
  created_at: string;
  last_modified_at: string;
}

interface TemplateRow {
  id: string;
  name: string;
  description: string;
  status: 'Active' | 'Inactive';
  layout_id: string | null;
  attribute_mapping_json: string;
  deleted: number;
  created_at: string;
  last_modified_at: string;
}

const toField = (r: FieldRow): CaseField => ({
  id: r.id,
  name: r.name,
  description: r.description,
  type: r.type,
  namespace: r.namespace,
  createdAt: r.created_at,
  lastModifiedAt: r.last_modified_at,
});

const FIELD_COLUMNS = 'id, name, description, type, namespace, created_at, last_modified_at';

/** Every field, system fields first, then custom fields in the order they were made. */
export function listCaseFields(db: Database): CaseField[] {
  return db.prepare<[], FieldRow>(`SELECT ${FIELD_COLUMNS} FROM case_fields ORDER BY namespace = 'Custom', rowid`).all().map(toField);
}

/** The fields with these ids that exist, by id. */
export function caseFieldsById(db: Database, ids: readonly string[]): Map<string, CaseField> {
  const unique = [...new Set(ids)];
  const out = new Map<string, CaseField>();
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = db.prepare<string[], FieldRow>(`SELECT ${FIELD_COLUMNS} FROM case_fields WHERE id IN (${chunk.map(() => '?').join(',')})`).all(...chunk);
    for (const row of rows) out.set(row.id, toField(row));
  }
  return out;
}

export function getCaseField(db: Database, id: string): CaseField | null {
  const row = db.prepare<[string], FieldRow>(`SELECT ${FIELD_COLUMNS} FROM case_fields WHERE id = ?`).get(id);
  return row ? toField(row) : null;
}

/** A SingleSelect field's options in their order (none for other fields). */
export function caseFieldOptions(db: Database, fieldId: string): FieldOption[] {
  return db
    .prepare<[string], { value: string; name: string; active: number }>('SELECT value, name, active FROM case_field_options WHERE field_id = ? ORDER BY sort_order, value')
    .all(fieldId)
    .map((r) => ({ value: r.value, name: r.name, active: r.active === 1 }));
}

export function insertCaseField(db: Database, field: CaseField, options: readonly FieldOption[] = []): void {
  db.prepare(
    `INSERT INTO case_fields (id, name, description, type, namespace, created_at, last_modified_at)
     VALUES (@id, @name, @description, @type, @namespace, @createdAt, @lastModifiedAt)`,
  ).run(field);
  const insertOption = db.prepare<[string, string, string, number, number]>('INSERT INTO case_field_options (field_id, value, name, active, sort_order) VALUES (?, ?, ?, ?, ?)');
  options.forEach((option, index) => insertOption.run(field.id, option.value, option.name, option.active ? 1 : 0, index));
}

export function insertCaseLayout(db: Database, layout: CaseLayout): void {
  db.prepare('INSERT INTO case_layouts (id, name, content_json, created_at, last_modified_at) VALUES (?, ?, ?, ?, ?)').run(
    layout.id,
    layout.name,
    JSON.stringify(layout.content),
    layout.createdAt,
    layout.lastModifiedAt,
  );
}

export function getCaseLayout(db: Database, id: string): CaseLayout | null {
  const row = db
    .prepare<[string], { id: string; name: string; content_json: string; created_at: string; last_modified_at: string }>('SELECT * FROM case_layouts WHERE id = ?')
    .get(id);
  return row ? { id: row.id, name: row.name, content: JSON.parse(row.content_json) as LayoutContent, createdAt: row.created_at, lastModifiedAt: row.last_modified_at } : null;
}

/** A layout's field ids in display order: the top panel's, then More Info's. */
export function layoutFieldIds(layout: CaseLayout): string[] {
  const ids: string[] = [];
  for (const panel of [layout.content.basic.topPanel, layout.content.basic.moreInfo]) {
    for (const section of panel?.sections ?? []) for (const field of section.fieldGroup.fields) if (!ids.includes(field.id)) ids.push(field.id);
  }
  return ids;
}

const TEMPLATE_COLUMNS = 'id, name, description, status, layout_id, attribute_mapping_json, deleted, created_at, last_modified_at';

function toTemplates(db: Database, rows: TemplateRow[]): CaseTemplate[] {
  const required = db.prepare<[string], { field_id: string }>('SELECT field_id FROM case_template_required_fields WHERE template_id = ? ORDER BY sort_order');
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    status: r.status,
    layoutId: r.layout_id,
    requiredFieldIds: required.all(r.id).map((f) => f.field_id),
    attributeMapping: JSON.parse(r.attribute_mapping_json) as Record<string, string>,
    deleted: r.deleted === 1,
    createdAt: r.created_at,
    lastModifiedAt: r.last_modified_at,
  }));
}

/** Templates that are not deleted, in the order they were made, with one of `statuses` when given. */
export function listCaseTemplates(db: Database, statuses: readonly string[] = []): CaseTemplate[] {
  const rows = db.prepare<[], TemplateRow>(`SELECT ${TEMPLATE_COLUMNS} FROM case_templates WHERE deleted = 0 ORDER BY rowid`).all();
  return toTemplates(
    db,
    rows.filter((r) => statuses.length === 0 || statuses.includes(r.status)),
  );
}

/** A template by id, deleted or not (GetTemplate still reads a deleted one). */
export function getCaseTemplate(db: Database, id: string): CaseTemplate | null {
  const row = db.prepare<[string], TemplateRow>(`SELECT ${TEMPLATE_COLUMNS} FROM case_templates WHERE id = ?`).get(id);
  return row ? (toTemplates(db, [row])[0] ?? null) : null;
}

export function caseTemplateNameTaken(db: Database, name: string): boolean {
  return db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM case_templates WHERE name = ?').get(name)!.n > 0;
}

export function caseTemplateCount(db: Database): number {
  return db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM case_templates WHERE deleted = 0').get()!.n;
}

export function insertCaseTemplate(db: Database, template: CaseTemplate): void {
  db.prepare(
    `INSERT INTO case_templates (id, name, description, status, layout_id, attribute_mapping_json, deleted, created_at, last_modified_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    template.id,
    template.name,
    template.description,
    template.status,
    template.layoutId,
    JSON.stringify(template.attributeMapping),
    template.deleted ? 1 : 0,
    template.createdAt,
    template.lastModifiedAt,
  );
  const required = db.prepare<[string, string, number]>('INSERT INTO case_template_required_fields (template_id, field_id, sort_order) VALUES (?, ?, ?)');
  template.requiredFieldIds.forEach((fieldId, index) => required.run(template.id, fieldId, index));
}

/** A template's fields in display order: its layout's, then its required fields that the layout lacks. */
export function templateFieldIds(db: Database, template: CaseTemplate): string[] {
  const layout = template.layoutId ? getCaseLayout(db, template.layoutId) : null;
  const ids = layout ? layoutFieldIds(layout) : [];
  for (const id of template.requiredFieldIds) if (!ids.includes(id)) ids.push(id);
  return ids;
}

// Amazon Connect Cases' model (migration version 11): the domain's fields (system and custom, SingleSelect
// options), layouts, templates (required fields, status, the contact-attribute mapping that fills a new case),
// each case's template, tags, closing time and CreateCase client token, custom field values, and related items of
// type Contact and Comment. Cases written before keep their rows: they belong to an "Imported case" template
// (deleted, so not offered for new cases), their activity becomes comments, their linked contacts stay linked.
// Triggers keep each Contact related item in step with its contact record, whatever code writes the record: the
// channel and start when linked, the disconnect time and durations once the contact ends, and the case's
// last_updated_datetime moves to that end. Kept apart from migrations.ts; appended to MIGRATIONS there.
import type { Migration } from './migrations';

/** The template of the cases written before this migration. */
export const IMPORTED_CASE_TEMPLATE_ID = '6f1d2c3b-0a4e-4b5f-8c6d-7e8f9a0b1c2d';

/** Cases' system fields: id, name, type; status's options are the three the local cases already had. */
export const SYSTEM_FIELD_ROWS = [
  ['title', 'Title', 'Text'],
  ['status', 'Status', 'SingleSelect'],
  ['reference_number', 'Reference number', 'Text'],
  ['summary', 'Summary', 'Text'],
  ['customer_id', 'Customer', 'Text'],
  ['created_datetime', 'Created date/time', 'DateTime'],
  ['last_updated_datetime', 'Last updated date/time', 'DateTime'],
  ['last_closed_datetime', 'Last closed date/time', 'DateTime'],
] as const;

const STATUS_OPTIONS = [
  ['open', 'Open'],
  ['pending', 'Pending'],
  ['closed', 'Closed'],
] as const;

// Epoch milliseconds as toISOString() writes them (exact: no floating point on the milliseconds).
const iso = (ms: string) => `(strftime('%Y-%m-%dT%H:%M:%S', (${ms}) / 1000, 'unixepoch') || '.' || printf('%03d', (${ms}) % 1000) || 'Z')`;

// What a Contact related item takes from its contact record r: channel, start, and once ended, end and durations.
const CONTACT_DETAILS = `r.channel, ${iso('r.initiated_at')},
  CASE WHEN r.disconnected_at IS NULL THEN NULL ELSE ${iso('r.disconnected_at')} END,
  CASE WHEN r.disconnected_at IS NULL THEN NULL ELSE json_object(
    'queueDuration', json_extract(r.record_json, '$.queueDurationMs') / 1000.0,
    'agentInteractionDuration', json_extract(r.record_json, '$.talkDurationMs') / 1000.0,
    'customerHoldDuration', json_extract(r.record_json, '$.holdDurationMs') / 1000.0,
    'afterContactWorkDuration', json_extract(r.record_json, '$.acwDurationMs') / 1000.0) END`;

export const CASE_MIGRATIONS: readonly Migration[] = [
  {
    version: 11,
    name: 'cases fields, templates, field values and related items',
    up(db) {
      const now = new Date().toISOString();
      // Field and template times are ISO 8601 (as Cases answers them). A field's name is unique in the domain.
      db.exec(`
        CREATE TABLE case_fields (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          description TEXT NOT NULL DEFAULT '',
          type TEXT NOT NULL CHECK (type IN ('Text', 'Number', 'Boolean', 'DateTime', 'SingleSelect', 'Url', 'User')),
          namespace TEXT NOT NULL CHECK (namespace IN ('System', 'Custom')),
          created_at TEXT NOT NULL,
          last_modified_at TEXT NOT NULL
        );

        CREATE TABLE case_field_options (
          field_id TEXT NOT NULL REFERENCES case_fields (id) ON DELETE CASCADE,
          value TEXT NOT NULL,
          name TEXT NOT NULL,
          active INTEGER NOT NULL CHECK (active IN (0, 1)),
          sort_order INTEGER NOT NULL,
          PRIMARY KEY (field_id, value)
        );

        -- A layout's content is Cases' LayoutContent JSON ({"basic": {"topPanel": …, "moreInfo": …}}).
        CREATE TABLE case_layouts (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          content_json TEXT NOT NULL,
          created_at TEXT NOT NULL,
          last_modified_at TEXT NOT NULL
        );

        -- attribute_mapping_json: contact attribute name → field id, to fill a new case from its contact.
        -- A deleted template is still read by GetTemplate but not listed, and makes no new cases.
        CREATE TABLE case_templates (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          description TEXT NOT NULL DEFAULT '',
          status TEXT NOT NULL CHECK (status IN ('Active', 'Inactive')),
          layout_id TEXT REFERENCES case_layouts (id),
          attribute_mapping_json TEXT NOT NULL DEFAULT '{}',
          deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
          created_at TEXT NOT NULL,
          last_modified_at TEXT NOT NULL
        );

        CREATE TABLE case_template_required_fields (
          template_id TEXT NOT NULL REFERENCES case_templates (id) ON DELETE CASCADE,
          field_id TEXT NOT NULL REFERENCES case_fields (id),
          sort_order INTEGER NOT NULL,
          PRIMARY KEY (template_id, field_id)
        );
      `);

      const field = db.prepare<[string, string, string, string, string]>(
        `INSERT INTO case_fields (id, name, type, namespace, created_at, last_modified_at) VALUES (?, ?, ?, 'System', ?, ?)`,
      );
      for (const [id, name, type] of SYSTEM_FIELD_ROWS) field.run(id, name, type, now, now);
      const option = db.prepare<[string, string, number]>(`INSERT INTO case_field_options (field_id, value, name, active, sort_order) VALUES ('status', ?, ?, 1, ?)`);
      STATUS_OPTIONS.forEach(([value, name], index) => option.run(value, name, index));
      db.prepare<[string, string, string]>(
        `INSERT INTO case_templates (id, name, description, status, deleted, created_at, last_modified_at)
         VALUES (?, 'Imported case', 'Cases written before Cases'' templates; offered for no new case.', 'Inactive', 1, ?, ?)`,
      ).run(IMPORTED_CASE_TEMPLATE_ID, now, now);

      // The system fields stay the cases table's columns; the rest of a case's values are rows of
      // case_field_values: text_value for Text, DateTime, SingleSelect, Url and User, number_value for Number and
      // Boolean (0/1). An empty value is no row. request_hash tells a CreateCase retried with its client token from
      // another request that reuses the token.
      db.exec(`
        ALTER TABLE cases ADD COLUMN template_id TEXT NOT NULL DEFAULT '${IMPORTED_CASE_TEMPLATE_ID}';
        ALTER TABLE cases ADD COLUMN last_closed_at TEXT;
        ALTER TABLE cases ADD COLUMN tags_json TEXT NOT NULL DEFAULT '{}';
        ALTER TABLE cases ADD COLUMN client_token TEXT;
        ALTER TABLE cases ADD COLUMN request_hash TEXT;
        CREATE UNIQUE INDEX cases_by_client_token ON cases (client_token) WHERE client_token IS NOT NULL;
        CREATE INDEX cases_by_updated_at ON cases (updated_at);
        UPDATE cases SET last_closed_at = updated_at WHERE status = 'closed';

        CREATE TABLE case_field_values (
          case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
          field_id TEXT NOT NULL REFERENCES case_fields (id),
          text_value TEXT,
          number_value REAL,
          CHECK ((text_value IS NULL) <> (number_value IS NULL)),
          PRIMARY KEY (case_id, field_id)
        ) WITHOUT ROWID;
        CREATE INDEX case_field_values_by_text ON case_field_values (field_id, text_value);
        CREATE INDEX case_field_values_by_number ON case_field_values (field_id, number_value);
      `);

      // Related items of type Contact (contact columns) or Comment (comment columns); who made them is a user ARN
      // or, for comments written before, the author's name (Cases' performedBy.customEntity). Rebuilt to widen the
      // type check; the links already made are kept.
      db.exec(`
        CREATE TABLE case_related_items_v11 (
          id TEXT PRIMARY KEY,
          case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
          type TEXT NOT NULL CHECK (type IN ('Contact', 'Comment')),
          contact_id TEXT,
          contact_arn TEXT,
          channel TEXT,
          connected_to_system_at TEXT,
          disconnected_at TEXT,
          durations_json TEXT,
          comment_body TEXT,
          comment_content_type TEXT,
          performed_by_user_arn TEXT,
          performed_by_custom_entity TEXT,
          associated_at TEXT NOT NULL,
          CHECK ((type = 'Contact') = (contact_id IS NOT NULL AND contact_arn IS NOT NULL AND channel IS NOT NULL)),
          CHECK ((type = 'Comment') = (comment_body IS NOT NULL AND comment_content_type IS NOT NULL)),
          UNIQUE (case_id, contact_id)
        );
        INSERT INTO case_related_items_v11 (id, case_id, type, contact_id, contact_arn, channel, associated_at)
          SELECT id, case_id, type, contact_id, contact_arn, channel, associated_at FROM case_related_items;
        DROP TABLE case_related_items;
        ALTER TABLE case_related_items_v11 RENAME TO case_related_items;
        CREATE INDEX case_related_items_by_case ON case_related_items (case_id, associated_at);
        CREATE INDEX case_related_items_by_contact ON case_related_items (contact_id) WHERE contact_id IS NOT NULL;

        INSERT OR IGNORE INTO case_related_items (id, case_id, type, comment_body, comment_content_type, performed_by_custom_entity, associated_at)
          SELECT printf('00000000-0000-4000-8000-%012d', a.id), a.case_id, 'Comment', a.body, 'Text/Plain', a.author, a.at FROM case_activity a;

        UPDATE case_related_items SET (channel, connected_to_system_at, disconnected_at, durations_json) =
          (SELECT ${CONTACT_DETAILS} FROM contact_records r WHERE r.contact_id = case_related_items.contact_id)
          WHERE type = 'Contact' AND contact_id IN (SELECT contact_id FROM contact_records);
      `);

      db.exec(`
        CREATE TRIGGER case_contact_item_after_insert AFTER INSERT ON case_related_items
          WHEN NEW.type = 'Contact' AND EXISTS (SELECT 1 FROM contact_records WHERE contact_id = NEW.contact_id) BEGIN
          UPDATE case_related_items SET (channel, connected_to_system_at, disconnected_at, durations_json) =
            (SELECT ${CONTACT_DETAILS} FROM contact_records r WHERE r.contact_id = NEW.contact_id)
            WHERE id = NEW.id;
          UPDATE cases SET updated_at = (SELECT disconnected_at FROM case_related_items WHERE id = NEW.id)
            WHERE id = NEW.case_id AND updated_at < coalesce((SELECT disconnected_at FROM case_related_items WHERE id = NEW.id), '');
        END;
        CREATE TRIGGER case_contact_items_after_record_insert AFTER INSERT ON contact_records
          WHEN EXISTS (SELECT 1 FROM case_related_items WHERE contact_id = NEW.contact_id) BEGIN
          UPDATE case_related_items SET (channel, connected_to_system_at, disconnected_at, durations_json) =
            (SELECT ${CONTACT_DETAILS} FROM contact_records r WHERE r.contact_id = NEW.contact_id)
            WHERE contact_id = NEW.contact_id AND type = 'Contact';
          UPDATE cases SET updated_at = ${iso('NEW.disconnected_at')}
            WHERE NEW.disconnected_at IS NOT NULL AND updated_at < ${iso('NEW.disconnected_at')}
              AND id IN (SELECT case_id FROM case_related_items WHERE contact_id = NEW.contact_id AND type = 'Contact');
        END;
        CREATE TRIGGER case_contact_items_after_record_update AFTER UPDATE ON contact_records
          WHEN EXISTS (SELECT 1 FROM case_related_items WHERE contact_id = NEW.contact_id) BEGIN
          UPDATE case_related_items SET (channel, connected_to_system_at, disconnected_at, durations_json) =
            (SELECT ${CONTACT_DETAILS} FROM contact_records r WHERE r.contact_id = NEW.contact_id)
            WHERE contact_id = NEW.contact_id AND type = 'Contact';
          UPDATE cases SET updated_at = ${iso('NEW.disconnected_at')}
            WHERE NEW.disconnected_at IS NOT NULL AND updated_at < ${iso('NEW.disconnected_at')}
              AND id IN (SELECT case_id FROM case_related_items WHERE contact_id = NEW.contact_id AND type = 'Contact');
        END;
      `);
    },
  },
];

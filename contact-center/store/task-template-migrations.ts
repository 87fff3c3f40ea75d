// The task templates' schema (migration version 8), kept apart from migrations.ts so that the task channel's
// tables read together; appended to MIGRATIONS there.
import type { Migration } from './migrations';

export const TASK_TEMPLATE_MIGRATIONS: readonly Migration[] = [
  {
    version: 8,
    name: 'task templates',
    up(db) {
      // Amazon Connect task templates: a template is read and written whole (CreateTaskTemplate, UpdateTaskTemplate,
      // GetTaskTemplate), so its fields, constraints and defaults are JSON in Connect's own shape. client_token makes
      // CreateTaskTemplate idempotent; names are unique in the instance. Times are epoch milliseconds.
      db.exec(`
        CREATE TABLE task_templates (
          id TEXT PRIMARY KEY,
          arn TEXT NOT NULL UNIQUE,
          instance_id TEXT NOT NULL,
          name TEXT NOT NULL UNIQUE,
          description TEXT,
          contact_flow_id TEXT,
          self_assign_flow_id TEXT,
          status TEXT NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE')),
          fields_json TEXT NOT NULL,
          constraints_json TEXT NOT NULL,
          defaults_json TEXT NOT NULL,
          client_token TEXT UNIQUE,
          created_at INTEGER NOT NULL,
          last_modified_at INTEGER NOT NULL CHECK (last_modified_at >= created_at)
        );
      `);
    },
  },
];

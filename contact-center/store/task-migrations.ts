// The task contacts' schema (migration version 9: every task with its references, its schedule and expiry, its
// ClientToken), kept apart from migrations.ts so that the task channel's tables read together; appended to
// MIGRATIONS there.
import type { Migration } from './migrations';

export const TASK_MIGRATIONS: readonly Migration[] = [
  {
    version: 9,
    name: 'task contacts',
    up(db) {
      // One row per task contact (a transfer is a new row). A scheduled task lives only here until its time, so a
      // restart finds it; status says whether it still waits, is a contact in flight, or is done. The task's
      // name, description, references and attributes are JSON in the routing engine's PersistedTask shape.
      // client_token answers a StartTaskContact retry with the same contact; previous_contact_id counts the tasks
      // that share one (Connect allows 12). Times are epoch milliseconds.
      db.exec(`
        CREATE TABLE tasks (
          contact_id TEXT PRIMARY KEY,
          initial_contact_id TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('scheduled', 'routed', 'ended')),
          client_token TEXT UNIQUE,
          previous_contact_id TEXT,
          created_at INTEGER NOT NULL,
          scheduled_at INTEGER,
          expires_at INTEGER NOT NULL CHECK (expires_at > created_at),
          task_json TEXT NOT NULL
        );
        CREATE INDEX tasks_by_status ON tasks (status, scheduled_at);
        CREATE INDEX tasks_by_previous_contact ON tasks (previous_contact_id) WHERE previous_contact_id IS NOT NULL;
      `);
    },
  },
];

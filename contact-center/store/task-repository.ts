// Keeps task contacts (the routing engine's PersistedTask) in SQLite: every change the engine reports, the
// scheduled tasks a restart must route again, a StartTaskContact retry's ClientToken, the tasks sharing one
// PreviousContactId. A task in flight when the contact center stopped is done (its record ends as server_restart).

import type { PersistedTask } from '../routing/task-types';
import type { Database } from './database';

interface TaskRow {
  task_json: string;
}

interface Statements {
  upsert: (task: PersistedTask) => void;
  byId: (contactId: string) => TaskRow | undefined;
  byClientToken: (token: string) => TaskRow | undefined;
  scheduled: () => TaskRow[];
  countByPrevious: (contactId: string) => number;
}

// Prepared once per connection: the engine reports every task's every change.
const statementsByDatabase = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  let prepared = statementsByDatabase.get(db);
  if (prepared) return prepared;
  const upsert = db.prepare<[string, string, string, string | null, string | null, number, number | null, number, string]>(
    `INSERT INTO tasks (contact_id, initial_contact_id, status, client_token, previous_contact_id, created_at, scheduled_at, expires_at, task_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (contact_id) DO UPDATE SET status = excluded.status, task_json = excluded.task_json`,
  );
  const byId = db.prepare<[string], TaskRow>('SELECT task_json FROM tasks WHERE contact_id = ?');
  const byClientToken = db.prepare<[string], TaskRow>('SELECT task_json FROM tasks WHERE client_token = ?');
  const scheduled = db.prepare<[], TaskRow>(`SELECT task_json FROM tasks WHERE status = 'scheduled' ORDER BY scheduled_at, rowid`);
  const countByPrevious = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM tasks WHERE previous_contact_id = ?');
  prepared = {
    upsert: (task) => {
      upsert.run(
        task.contactId,
        task.initialContactId,
        task.status,
        task.clientToken,
        task.previousContactId,
        task.createdAt,
        task.scheduledTime,
        task.expiresAt,
        JSON.stringify(task),
      );
    },
    byId: (contactId) => byId.get(contactId),
    byClientToken: (token) => byClientToken.get(token),
    scheduled: () => scheduled.all(),
    countByPrevious: (contactId) => countByPrevious.get(contactId)?.n ?? 0,
  };
  statementsByDatabase.set(db, prepared);
  return prepared;
}

const parse = (row: TaskRow | undefined): PersistedTask | null => (row ? (JSON.parse(row.task_json) as PersistedTask) : null);

/** Inserts the task or updates its status and details (its ClientToken and links never change). */
export function saveTask(db: Database, task: PersistedTask): void {
  statements(db).upsert(task);
}

export function getStoredTask(db: Database, contactId: string): PersistedTask | null {
  return parse(statements(db).byId(contactId));
}

/** The task a StartTaskContact with this ClientToken created, if any. */
export function findTaskByClientToken(db: Database, clientToken: string): PersistedTask | null {
  return parse(statements(db).byClientToken(clientToken));
}

/** The tasks waiting for their scheduled time, soonest first. */
export function listScheduledTasks(db: Database): PersistedTask[] {
  return statements(db).scheduled().map((row) => JSON.parse(row.task_json) as PersistedTask);
}

/** How many tasks name this contact as their PreviousContactId. */
export function countTasksWithPreviousContact(db: Database, contactId: string): number {
  return statements(db).countByPrevious(contactId);
}

/** At startup, before the engine runs: the tasks a previous run had in flight are done (their contact records end
 *  as server_restart); scheduled ones stay, for the engine to take back. Returns how many it ended. */
export function endTasksInFlight(db: Database): number {
  const rows = db.prepare<[], TaskRow>(`SELECT task_json FROM tasks WHERE status = 'routed'`).all();
  const end = db.transaction(() => {
    for (const row of rows) statements(db).upsert({ ...(JSON.parse(row.task_json) as PersistedTask), status: 'ended' });
  });
  end();
  return rows.length;
}

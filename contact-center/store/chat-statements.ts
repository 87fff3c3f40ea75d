// Prepared statements of the chat store, compiled once per database connection and kept: every SendMessage runs
// several of them, and compiling the SQL again on each call cost more than running it (chat-load bench profile).

import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from './database';

type BindParameters = unknown[] | Record<string, unknown>;

const statementsByDatabase = new WeakMap<Database, Map<string, BetterSqlite3.Statement>>();

/** The statement for `sql` on `db`, prepared on first use. Callers keep their SQL to a bounded set of texts. */
export function chatStatement<P extends BindParameters = unknown[], R = unknown>(db: Database, sql: string): BetterSqlite3.Statement<P, R> {
  let statements = statementsByDatabase.get(db);
  if (!statements) {
    statements = new Map();
    statementsByDatabase.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement as unknown as BetterSqlite3.Statement<P, R>;
}

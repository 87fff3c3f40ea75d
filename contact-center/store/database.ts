// Opens the contact center's SQLite database (a file in the data folder, or in memory for tests) with the
// pragmas the store relies on, and brings its schema up to date.

import { accessSync, constants as fsConstants, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS, migrate, type Migration } from './migrations';
import { BACKSTOP_AUTOCHECKPOINT_PAGES, startWalCheckpointer } from './wal-checkpointer';

export type Database = BetterSqlite3.Database;

export const DATABASE_FILE_NAME = 'contact-center.sqlite';
export const IN_MEMORY = ':memory:';

/** How long a statement waits for another connection's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/** The data folder cannot be created or written; the message is one line, fit to show the user as is. */
export class DataDirError extends Error {
  readonly code = 'DATA_DIR_UNWRITABLE';
  readonly dataDir: string;

  constructor(dataDir: string, reason: string, options?: { cause?: unknown }) {
    super(`Cannot use data folder ${JSON.stringify(dataDir)}: ${reason}. Choose a folder this user can create and write to.`, options);
    this.name = 'DataDirError';
    this.dataDir = dataDir;
  }
}

export interface OpenDatabaseOptions {
  /** Schema migrations to apply; tests pass a prefix of MIGRATIONS to build a database at an older version. */
  migrations?: readonly Migration[];
}

/**
 * Opens `<dataDir>/contact-center.sqlite` (creating the folder if needed), or a fresh in-memory database
 * when dataDir is ':memory:', and applies pending migrations.
 */
export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): Database {
  const migrations = options.migrations ?? MIGRATIONS;
  if (dataDir === IN_MEMORY) {
    const db = new BetterSqlite3(IN_MEMORY);
    configure(db);
    migrate(db, migrations);
    return db;
  }

  const folder = resolve(dataDir);
  prepareDataDir(folder);
  let db: Database | undefined;
  try {
    const file = join(folder, DATABASE_FILE_NAME);
    db = new BetterSqlite3(file);
    configure(db);
    migrate(db, migrations);
    checkpointOffThread(db, file);
    return db;
  } catch (error) {
    db?.close();
    // Only storage failures are the folder's fault; anything else (a bad migration, a corrupt file) is not.
    if (isStorageError(error)) throw new DataDirError(folder, describeSqliteError(error), { cause: error });
    throw error;
  }
}

function configure(db: Database): void {
  // WAL lets readers (reports) run while the routing engine writes; NORMAL sync is durable enough in WAL
  // mode and keeps per-change upserts cheap.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
}

/** Checkpoints from a worker thread (wal-checkpointer.ts), this connection's own automatic checkpoint kept only as
 *  a backstop; closing the database stops the worker. */
function checkpointOffThread(db: Database, file: string): void {
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
  const checkpointer = startWalCheckpointer(file);
  const close = db.close.bind(db);
  db.close = () => {
    checkpointer.stop();
    return close();
  };
}

function prepareDataDir(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
    // Checked up front so the user gets one clear message rather than a SQLITE_CANTOPEN later.
    accessSync(folder, fsConstants.W_OK);
  } catch (error) {
    throw new DataDirError(folder, describeFsError(error), { cause: error });
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

function describeFsError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'EEXIST':
      return 'a file with that name already exists';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function isStorageError(error: unknown): boolean {
  const code = errorCode(error) ?? '';
  return /^SQLITE_(CANTOPEN|READONLY|PERM|IOERR|FULL)/.test(code);
}

function describeSqliteError(error: unknown): string {
  const code = errorCode(error) ?? '';
  if (code.startsWith('SQLITE_FULL')) return 'the disk is full';
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM')) return 'the database file is read-only';
  const message = error instanceof Error ? error.message : String(error);
  return `${DATABASE_FILE_NAME} cannot be opened (${message})`;
}

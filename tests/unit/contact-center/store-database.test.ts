// Tests for opening the contact center database: data folder creation, pragmas, and data folder errors.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, DataDirError, openDatabase, type Database } from '../../../contact-center/store/database';

let scratch: string;
let opened: Database[] = [];

function open(dataDir: string): Database {
  const db = openDatabase(dataDir);
  opened.push(db);
  return db;
}

function openError(dataDir: string): unknown {
  try {
    open(dataDir);
  } catch (error) {
    return error;
  }
  throw new Error('expected openDatabase to throw');
}

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'switchboard-store-'));
});

afterEach(() => {
  for (const db of opened) db.close();
  opened = [];
  rmSync(scratch, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates missing data folders and the database file inside them', () => {
    const dataDir = join(scratch, 'nested', 'data');
    open(dataDir);
    expect(existsSync(join(dataDir, DATABASE_FILE_NAME))).toBe(true);
  });

  it('opens file databases in WAL mode with foreign keys and a busy timeout', () => {
    const db = open(scratch);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
  });

  it('opens an in-memory database with the schema applied for ":memory:"', () => {
    const db = open(':memory:');
    expect(db.memory).toBe(true);
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((row) => row.name);
    expect(tables).toEqual(expect.arrayContaining(['instance', 'users', 'contact_records', 'status_time']));
  });

  it('keeps data across reopening the same folder', () => {
    const first = open(scratch);
    first.prepare("INSERT INTO directory (phone_number, name, behaviour) VALUES ('+815055501111', 'Test', 'busy')").run();
    first.close();
    opened = [];
    const second = open(scratch);
    expect(second.prepare('SELECT name FROM directory').get()).toEqual({ name: 'Test' });
  });

  it('throws DataDirError with code DATA_DIR_UNWRITABLE when a parent of the folder is a file', () => {
    const file = join(scratch, 'not-a-folder');
    writeFileSync(file, 'x');
    const error = openError(join(file, 'data'));
    expect(error).toBeInstanceOf(DataDirError);
    expect(error).toMatchObject({ code: 'DATA_DIR_UNWRITABLE', name: 'DataDirError' });
  });

  it('throws DataDirError when the data folder path is an existing file', () => {
    const file = join(scratch, 'data');
    writeFileSync(file, 'x');
    expect(openError(file)).toBeInstanceOf(DataDirError);
  });

  it('throws DataDirError when SQLite cannot open the database file', () => {
    mkdirSync(join(scratch, DATABASE_FILE_NAME));
    const error = openError(scratch);
    expect(error).toBeInstanceOf(DataDirError);
    expect((error as DataDirError).message).toContain(DATABASE_FILE_NAME);
  });

  it('gives a one-line message naming the folder and the reason', () => {
    const file = join(scratch, 'not-a-folder');
    writeFileSync(file, 'x');
    const dataDir = join(file, 'data');
    const error = openError(dataDir);
    expect(error).toBeInstanceOf(DataDirError);
    const message = (error as DataDirError).message;
    expect(message).not.toContain('\n');
    expect(message).toContain(dataDir);
    expect(message).toContain('part of the path is a file');
  });
});

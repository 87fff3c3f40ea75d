// Tests for the schema migrations runner: ordering, recording, idempotent reopen and upgrades.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../contact-center/store/database';
import { MIGRATIONS, SchemaVersionError, currentSchemaVersion, migrate, type Migration } from '../../../contact-center/store/migrations';

const LATEST = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

let scratch: string;

function recordedVersions(db: Database): number[] {
  return db.prepare<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY version').all().map((row) => row.version);
}

function tableNames(db: Database): string[] {
  return db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((row) => row.name);
}

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'switchboard-migrations-'));
});

afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('migrations', () => {
  it('declares versions as ascending integers starting at 1', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
  });

  it('applies every migration to a new database and records each one', () => {
    const db = openDatabase(':memory:');
    expect(recordedVersions(db)).toEqual(MIGRATIONS.map((migration) => migration.version));
    expect(currentSchemaVersion(db)).toBe(LATEST);
    expect(tableNames(db)).toEqual(
      expect.arrayContaining([
        'instance', 'statuses', 'queues', 'routing_profiles', 'routing_profile_queues', 'users',
        'quick_connects', 'directory', 'contact_records', 'status_time', 'schema_migrations',
      ]),
    );
    db.close();
  });

  it('applies nothing when an up-to-date database is reopened', () => {
    openDatabase(scratch).close();
    const db = openDatabase(scratch);
    expect(migrate(db)).toEqual([]);
    expect(recordedVersions(db)).toEqual(MIGRATIONS.map((migration) => migration.version));
    db.close();
  });

  it('upgrades a database created at an older version to the latest, keeping its data', () => {
    const old = openDatabase(scratch, { migrations: MIGRATIONS.slice(0, 1) });
    expect(currentSchemaVersion(old)).toBe(1);
    expect(tableNames(old)).not.toContain('contact_records');
    old.prepare("INSERT INTO directory (phone_number, name, behaviour) VALUES ('+815055501111', 'Kept', 'answers')").run();
    old.close();

    const raw = new BetterSqlite3(join(scratch, 'contact-center.sqlite'));
    expect(migrate(raw)).toEqual(MIGRATIONS.slice(1).map((migration) => migration.version));
    raw.close();

    const db = openDatabase(scratch);
    expect(currentSchemaVersion(db)).toBe(LATEST);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['contact_records', 'status_time']));
    expect(db.prepare('SELECT name FROM directory').get()).toEqual({ name: 'Kept' });
    db.close();
  });

  it('rolls back a failing migration and does not record it', () => {
    const db = openDatabase(':memory:');
    const failing: Migration = {
      version: LATEST + 1,
      name: 'fails halfway',
      up(target) {
        target.exec('CREATE TABLE half_done (id INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, failing])).toThrow('boom');
    expect(currentSchemaVersion(db)).toBe(LATEST);
    expect(tableNames(db)).not.toContain('half_done');
    db.close();
  });

  it('refuses a database whose schema is newer than the code knows', () => {
    const db = openDatabase(':memory:');
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(LATEST + 1, 'from the future', 0);
    expect(() => migrate(db)).toThrow(SchemaVersionError);
    db.close();
  });

  it('rejects a migration list whose versions are not ascending', () => {
    const db = new BetterSqlite3(':memory:');
    const noop = (): void => undefined;
    expect(() => migrate(db, [{ version: 2, name: 'b', up: noop }, { version: 1, name: 'a', up: noop }])).toThrow(/ascending/);
    db.close();
  });
});

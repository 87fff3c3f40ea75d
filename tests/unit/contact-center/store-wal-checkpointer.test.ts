// The off-thread WAL checkpoint: a database opened in a data folder has its write-ahead log copied back into the
// file by a worker thread, while the server's own connection checkpoints only past a large backstop.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openDatabase, type Database } from '../../../contact-center/store/database';
import { BACKSTOP_AUTOCHECKPOINT_PAGES } from '../../../contact-center/store/wal-checkpointer';

let scratch: string;
let db: Database | undefined;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'switchboard-wal-'));
});

afterEach(() => {
  db?.close();
  db = undefined;
  rmSync(scratch, { recursive: true, force: true });
});

async function eventually(check: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

describe('WAL checkpoints off the server thread', () => {
  it('leaves automatic checkpoints to a backstop and has the worker copy the log into the file', async () => {
    db = openDatabase(scratch);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_AUTOCHECKPOINT_PAGES);
    const file = join(scratch, DATABASE_FILE_NAME);
    const before = statSync(file).size;
    // About 2 MB of pages: far below the backstop, so only the worker can move them into the file.
    db.exec('CREATE TABLE filler (blob BLOB)');
    const insert = db.prepare('INSERT INTO filler (blob) VALUES (randomblob(4000))');
    db.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run();
    })();
    expect(await eventually(() => statSync(file).size > before + 1_000_000)).toBe(true);
  });

  it('keeps working after close and reopen (the worker of the closed connection stops)', async () => {
    db = openDatabase(scratch);
    db.exec('CREATE TABLE notes (text TEXT)');
    db.prepare('INSERT INTO notes (text) VALUES (?)').run('kept');
    db.close();
    db = openDatabase(scratch);
    expect(db.prepare<[], { text: string }>('SELECT text FROM notes').all()).toEqual([{ text: 'kept' }]);
  });
});

// Copies the write-ahead log back into the database file from a worker thread with its own connection, a few
// times a second, so that the server's thread never waits on a checkpoint's fsyncs: SQLite's automatic
// checkpoint runs inside whichever COMMIT crosses the threshold and stalled chat traffic 15-40 ms several
// times a second (chat-load bench). Passive checkpoints never block the server's writes or reads.

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker checkpoints. */
export const WAL_CHECKPOINT_INTERVAL_MS = 50;

/** The server connection's own automatic checkpoint, a backstop should the worker fall behind or fail: pages. */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 10_000;

export interface WalCheckpointer {
  /** Stops the worker; its connection closes (the last connection to close also removes the log). */
  stop(): void;
}

interface CheckpointerData {
  driver: string;
  file: string;
  intervalMs: number;
}

// Plain JavaScript, so the worker needs no TypeScript loader (the server may run under tsx or compiled).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or gone: the next tick tries again */ }
}, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  try { db.close(); } catch { /* already gone */ }
  parentPort.close();
});
`;

/** Starts checkpointing `file` (a database in WAL mode) off the calling thread. */
export function startWalCheckpointer(file: string, onError: (error: unknown) => void = () => {}): WalCheckpointer {
  const workerData: CheckpointerData = { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file, intervalMs: WAL_CHECKPOINT_INTERVAL_MS };
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
  worker.unref(); // never what keeps the process alive
  worker.on('error', onError);
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      worker.postMessage('stop');
    },
  };
}

// Group commit for the chat's hot writes (SendMessage, SendEvent): every write of one event-loop turn runs in one
// SQLite transaction, committed when the turn's I/O is done (setImmediate), instead of one commit per call. Each
// call is a savepoint inside it, so a call that throws undoes only its own work. Callers that answer a client wait
// for durable() first, so whatever was acknowledged was committed; under load, more calls share a commit and the
// write-ahead log grows by fewer pages per message (chat-load bench).

import type { Database } from './database';

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

export class ChatGroupCommit {
  /** Whether this object opened the transaction that is open now. */
  private open = false;
  private waiters: Waiter[] = [];
  private flushScheduled = false;

  constructor(
    private readonly db: Database,
    private readonly onCommitError: (error: unknown) => void = () => {},
  ) {}

  /** Runs `work` inside the turn's transaction (opening it if needed); a throw rolls back `work` alone. */
  run<T>(work: () => T): T {
    if (!this.db.inTransaction) {
      this.db.exec('BEGIN');
      this.open = true;
    }
    this.scheduleFlush();
    return this.db.transaction(work)();
  }

  /** Resolves once everything written so far is committed; rejects if that commit failed (then it was undone). */
  durable(): Promise<void> {
    if (!this.flushScheduled) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Commits now (before closing the database, or from a test). */
  flush(): void {
    this.flushScheduled = false;
    const waiters = this.waiters;
    this.waiters = [];
    let failure: unknown;
    if (this.open) {
      this.open = false;
      try {
        if (this.db.open && this.db.inTransaction) this.db.exec('COMMIT');
        else if (!this.db.open) failure = new Error('the database was closed before the chat writes were committed');
      } catch (error) {
        failure = error;
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        this.onCommitError(error);
      }
    }
    for (const waiter of waiters) {
      if (failure === undefined) waiter.resolve();
      else waiter.reject(failure);
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }
}

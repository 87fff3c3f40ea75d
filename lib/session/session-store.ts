// The session store: holds the SessionSnapshot the worker owns, saves every change to storage.session, and
// restores it when a stopped worker starts again. Each change increments `sequence`, is saved, and only then
// is announced, so a view never holds a sequence newer than the stored one (after a restart it would drop
// the restored state as stale).
//
// State machine (after Dark Reader's state-manager):
//
//    initial ──load()──► loading ──stored snapshot read──► ready ◄─┐
//       │                   ▲                                │     │ update(): sequence+1, save, announce
//       │                   └── update() waits ──────────────┘─────┘
//       └── update() throws: saving before loading would overwrite the session with an empty one
import { emptySnapshot, type SessionSnapshot } from './snapshot';

/** Where the snapshot is kept (storage.session in the extension, a fake in tests). */
export interface SnapshotStorage {
  getValue(): Promise<SessionSnapshot | null>;
  setValue(value: SessionSnapshot | null): Promise<void>;
}

/** Returns the next snapshot, or the same object when nothing changes (then nothing is saved or announced).
 *  `sequence` is set by the store. */
export type SnapshotChange = (current: SessionSnapshot) => SessionSnapshot;

export type SnapshotListener = (snapshot: SessionSnapshot, previous: SessionSnapshot) => void;

export interface RestoreResult {
  /** A stored snapshot was found and taken. */
  restored: boolean;
  /** How long reading it took, in ms. */
  readMs: number;
  snapshot: SessionSnapshot;
}

export interface UpdateResult {
  previous: SessionSnapshot;
  current: SessionSnapshot;
  changed: boolean;
}

type StoreState = 'initial' | 'loading' | 'ready';

export function isSessionSnapshot(value: unknown): value is SessionSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<SessionSnapshot>;
  return (
    typeof candidate.sequence === 'number' &&
    typeof candidate.connection === 'object' &&
    candidate.connection !== null &&
    typeof candidate.connection.status === 'string' &&
    Array.isArray(candidate.contacts) &&
    Array.isArray(candidate.quickConnects)
  );
}

export class SessionStore {
  private state: StoreState = 'initial';
  private current: SessionSnapshot;
  private loading: Promise<RestoreResult> | null = null;
  /** Updates run one after another, each saved before the next starts. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<SnapshotListener>();

  constructor(
    private readonly storage: SnapshotStorage,
    private readonly now: () => number = Date.now,
  ) {
    this.current = emptySnapshot(now());
  }

  get isReady(): boolean {
    return this.state === 'ready';
  }

  /** The current snapshot. Before `load()` finishes this is an empty one: await `ready()` first. */
  get snapshot(): SessionSnapshot {
    return this.current;
  }

  /** Reads the stored snapshot (once; later calls return the same result). */
  load(): Promise<RestoreResult> {
    if (this.loading) return this.loading;
    this.state = 'loading';
    this.loading = this.readStored();
    this.queue = this.loading;
    return this.loading;
  }

  private async readStored(): Promise<RestoreResult> {
    const started = performance.now();
    let stored: unknown = null;
    try {
      stored = await this.storage.getValue();
    } catch (error) {
      console.error('Switchboard: could not read the stored session', error);
    }
    const readMs = performance.now() - started;
    const restored = isSessionSnapshot(stored);
    if (isSessionSnapshot(stored)) this.current = stored;
    this.state = 'ready';
    return { restored, readMs, snapshot: this.current };
  }

  /** The snapshot once the stored one has been read. */
  async ready(): Promise<SessionSnapshot> {
    if (!this.loading) throw new Error('SessionStore.ready() before load()');
    await this.loading;
    return this.current;
  }

  /** Applies a change after every earlier one; saves and announces it when it changes anything. */
  update(change: SnapshotChange): Promise<UpdateResult> {
    if (this.state === 'initial') {
      return Promise.reject(new Error('SessionStore.update() before load(): that would overwrite the stored session'));
    }
    const run = this.queue.then(async (): Promise<UpdateResult> => {
      const previous = this.current;
      const next = change(previous);
      if (next === previous) return { previous, current: previous, changed: false };
      const current: SessionSnapshot = { ...next, sequence: previous.sequence + 1 };
      this.current = current;
      try {
        await this.storage.setValue(current);
      } catch (error) {
        // The in-memory snapshot stays the truth while this worker lives; the next save may succeed.
        console.error('Switchboard: could not save the session', error);
      }
      for (const listener of this.listeners) {
        try {
          listener(current, previous);
        } catch (error) {
          console.error('Switchboard: a session listener failed', error);
        }
      }
      return { previous, current, changed: true };
    });
    // A failed change must not block the ones after it.
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Calls `listener` after every saved change; returns the function that stops it. */
  subscribe(listener: SnapshotListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

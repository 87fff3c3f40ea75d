// The worker's keeper of one value per contact (a chat's items, a call's transcript): updates run one after
// another, each on what the one before left; values are cached and written to storage one at a time after their
// listeners (the views' subscriptions) have heard of the change; a contact's value is dropped when the contact
// leaves the session, and a worker start prunes what belongs to contacts gone while it slept.
import type { PerContactStorage } from './per-contact-storage';

export interface PerContactKeeperOptions<T> {
  /** A stored value as kept: anything that is not a valid one (or null: nothing stored) gives an empty value. */
  restore(stored: unknown): T;
  /** What the console calls a kept value ('transcript', 'chat transcript'). */
  noun: string;
}

/** What an update makes of a contact's value: the value to keep and what listeners are told (null: nothing). */
export interface KeptUpdate<T, Change> {
  kept: T;
  change: Change | null;
}

export abstract class PerContactKeeper<T, Change> {
  private readonly cache = new Map<string, T>();
  private readonly listeners = new Set<(change: Change) => void>();
  /** Updates run one after another (each reads what the one before wrote). */
  private queue: Promise<unknown> = Promise.resolve();
  private writes: Promise<unknown> = Promise.resolve();

  protected constructor(
    private readonly storage: PerContactStorage<T>,
    private readonly options: PerContactKeeperOptions<T>,
  ) {}

  /** Drops the values of these contacts (they left the session: cleared, or signed out). */
  drop(contactIds: readonly string[]): Promise<void> {
    if (contactIds.length === 0) return Promise.resolve();
    return this.serialize(async () => {
      for (const id of contactIds) this.cache.delete(id);
      await this.writes;
      await this.storage.remove([...contactIds]);
    });
  }

  /** Drops every stored value whose contact is not in `liveContactIds` (a worker start). */
  prune(liveContactIds: ReadonlySet<string>): Promise<void> {
    return this.storage
      .contactIds()
      .then((stored) => this.drop(stored.filter((id) => !liveContactIds.has(id))))
      .catch((error: unknown) => console.error(`Switchboard: could not prune ${this.options.noun}s`, error));
  }

  subscribe(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when every write so far has reached storage (tests, benches). */
  async flushed(): Promise<void> {
    await this.queue;
    await this.writes;
  }

  /** What `view` makes of a contact's kept value, read in turn with the updates. */
  protected read<R>(contactId: string, view: (kept: T) => R): Promise<R> {
    return this.serialize(async () => view(await this.load(contactId)));
  }

  /** Updates a contact's value in turn: `next` returns the new value and its change, or null when nothing
   *  changed; the change is announced, then the value written. */
  protected update(contactId: string, next: (before: T) => KeptUpdate<T, Change> | null): Promise<void> {
    return this.serialize(async () => {
      const result = next(await this.load(contactId));
      if (result === null) return;
      this.cache.set(contactId, result.kept);
      if (result.change !== null) this.announce(result.change);
      this.save(contactId, result.kept);
    });
  }

  /** Tells every listener of a change (one that fails does not keep the others from hearing it). */
  protected announce(change: Change): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error(`Switchboard: a ${this.options.noun} listener failed`, error);
      }
    }
  }

  private serialize<R>(task: () => Promise<R>): Promise<R> {
    const run = this.queue.then(task);
    this.queue = run.catch((error: unknown) => console.error(`Switchboard: a ${this.options.noun} update failed`, error));
    return run;
  }

  private async load(contactId: string): Promise<T> {
    const cached = this.cache.get(contactId);
    if (cached !== undefined) return cached;
    let kept: T;
    try {
      kept = this.options.restore(await this.storage.read(contactId));
    } catch (error) {
      console.error(`Switchboard: could not read a ${this.options.noun}`, error);
      kept = this.options.restore(null);
    }
    this.cache.set(contactId, kept);
    return kept;
  }

  private save(contactId: string, kept: T): void {
    this.writes = this.writes
      .then(() => (this.cache.get(contactId) === kept ? this.storage.write(contactId, kept) : undefined))
      .catch((error: unknown) => console.error(`Switchboard: could not save a ${this.options.noun}`, error));
  }
}

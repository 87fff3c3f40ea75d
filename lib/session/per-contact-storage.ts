// Where the worker keeps one value per contact (a chat's items, a call's transcript): the interface its keepers
// write through, and its storage.session form, one key per contact plus an index of the contacts that have one,
// so a worker can prune what belongs to contacts gone while it slept.
import { storage } from 'wxt/utils/storage';

/** Where per-contact values are kept (storage.session in the extension, a Map in tests). */
export interface PerContactStorage<T> {
  read(contactId: string): Promise<T | null>;
  write(contactId: string, value: T): Promise<void>;
  remove(contactIds: string[]): Promise<void>;
  /** The contacts that have a stored value. */
  contactIds(): Promise<string[]>;
}

/** storage.session under `${keyPrefix}${contactId}`, with the index of contacts under `indexKey`. */
export function sessionPerContactStorage<T>(indexKey: `session:${string}`, keyPrefix: `session:${string}`): PerContactStorage<T> {
  const keyFor = (contactId: string) => `${keyPrefix}${contactId}` as const;
  let indexQueue: Promise<unknown> = Promise.resolve();
  const updateIndex = (change: (ids: string[]) => string[]) => {
    const run = indexQueue.then(async () => {
      const ids = (await storage.getItem<string[]>(indexKey)) ?? [];
      const next = change(ids);
      if (next.length !== ids.length || next.some((id, i) => id !== ids[i])) await storage.setItem(indexKey, next);
    });
    indexQueue = run.catch(() => undefined);
    return run;
  };
  return {
    read: (contactId) => storage.getItem<T>(keyFor(contactId)),
    async write(contactId, value) {
      await storage.setItem(keyFor(contactId), value);
      await updateIndex((ids) => (ids.includes(contactId) ? ids : [...ids, contactId]));
    },
    async remove(contactIds) {
      await storage.removeItems(contactIds.map(keyFor));
      const dropped = new Set(contactIds);
      await updateIndex((ids) => ids.filter((id) => !dropped.has(id)));
    },
    async contactIds() {
      return (await storage.getItem<string[]>(indexKey)) ?? [];
    },
  };
}

// The live transcripts' place in storage.session: one key per followed contact (`session:transcript.<contactId>`)
// and an index of the contacts that have one, so a worker can prune what belongs to contacts gone while it slept.
import { storage } from 'wxt/utils/storage';
import type { KeptTranscript, TranscriptStorage } from './transcript-keeper';

const INDEX_KEY = 'session:transcript.index' as const;
const keyFor = (contactId: string) => `session:transcript.contact.${contactId}` as const;

export function browserTranscriptStorage(): TranscriptStorage {
  let indexQueue: Promise<unknown> = Promise.resolve();
  const updateIndex = (change: (ids: string[]) => string[]) => {
    const run = indexQueue.then(async () => {
      const ids = (await storage.getItem<string[]>(INDEX_KEY)) ?? [];
      const next = change(ids);
      if (next.length !== ids.length || next.some((id, i) => id !== ids[i])) await storage.setItem(INDEX_KEY, next);
    });
    indexQueue = run.catch(() => undefined);
    return run;
  };
  return {
    read: (contactId) => storage.getItem<KeptTranscript>(keyFor(contactId)),
    async write(contactId, transcript) {
      await storage.setItem(keyFor(contactId), transcript);
      await updateIndex((ids) => (ids.includes(contactId) ? ids : [...ids, contactId]));
    },
    async remove(contactIds) {
      await storage.removeItems(contactIds.map(keyFor));
      const dropped = new Set(contactIds);
      await updateIndex((ids) => ids.filter((id) => !dropped.has(id)));
    },
    async contactIds() {
      return (await storage.getItem<string[]>(INDEX_KEY)) ?? [];
    },
  };
}

// Where a contact's guide run is kept: storage.session, one key per contact (`session:guides.progress.<contactId>`),
// so it survives the panel closing and the worker and engine restarting, and is gone with the browser session. The
// panel writes it after every step; the worker removes the runs of contacts that have left the session (one line
// in session-worker.ts, beside the chat transcripts it drops the same way).
import { storage } from 'wxt/utils/storage';
import { isGuideRun, type GuideRun } from './guide-interpreter';

export interface GuideProgress {
  run: GuideRun;
  /** The agent folded the guide away for this contact. */
  collapsed: boolean;
}

export interface GuideProgressStorage {
  read(contactId: string): Promise<GuideProgress | null>;
  write(contactId: string, progress: GuideProgress): Promise<void>;
  remove(contactIds: readonly string[]): Promise<void>;
}

const keyFor = (contactId: string) => `session:guides.progress.${contactId}` as const;

const isProgress = (value: unknown): value is GuideProgress =>
  typeof value === 'object' && value !== null && isGuideRun((value as GuideProgress).run) && typeof (value as GuideProgress).collapsed === 'boolean';

export function browserGuideProgress(): GuideProgressStorage {
  return {
    async read(contactId) {
      const value = await storage.getItem<unknown>(keyFor(contactId));
      return isProgress(value) ? value : null;
    },
    write: (contactId, progress) => storage.setItem(keyFor(contactId), progress),
    async remove(contactIds) {
      if (contactIds.length) await storage.removeItems(contactIds.map(keyFor));
    },
  };
}

/** The worker's part: forget the runs of contacts no longer in the session. */
export function dropGuideProgress(contactIds: readonly string[], progress: GuideProgressStorage = browserGuideProgress()): Promise<void> {
  return progress.remove(contactIds).catch((error: unknown) => console.error('Switchboard: could not drop guide progress', error));
}

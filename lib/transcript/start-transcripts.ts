// The worker's live transcript part, assembled (so the session worker needs few lines for it): the keeper in
// storage.session, the following of live contacts, and the 'transcript-view' port for the panel.
import { getSetting } from '../settings/settings-store';
import type { SessionLogWriter } from '../session-log/session-log';
import type { EngineChannel } from '../session/engine-channel';
import type { SessionSnapshot } from '../session/snapshot';
import type { ViewPort } from '../session/view-hub';
import { TranscriptFollowing } from './transcript-following';
import { TranscriptKeeper, type TranscriptStorage } from './transcript-keeper';
import { browserTranscriptStorage } from './transcript-storage';
import { TranscriptViewHub, type TranscriptViewPort } from './transcript-view-hub';

export interface WorkerTranscripts {
  keeper: TranscriptKeeper;
  /** runtime.onConnect: takes a 'transcript-view' port; returns whether it did. */
  attach(port: unknown): boolean;
  /** Every snapshot change. */
  handleSnapshot(snapshot: SessionSnapshot, previous: SessionSnapshot): void;
  /** The worker restored the session: prune transcripts of contacts gone meanwhile, follow the live ones again. */
  restored(snapshot: SessionSnapshot): void;
}

export interface WorkerTranscriptsDeps {
  engine: Pick<EngineChannel, 'sendCommand'>;
  log: SessionLogWriter;
  isOwnPage: (sender: ViewPort['sender']) => boolean;
  storage?: TranscriptStorage;
  contactLensUrl?: () => Promise<string>;
}

/** The admin's Contact Lens backend for a real instance ('' = the local contact center's own). */
export const contactLensUrlSetting = () => getSetting('workspace.contactLensUrl');

export function startWorkerTranscripts(deps: WorkerTranscriptsDeps): WorkerTranscripts {
  const keeper = new TranscriptKeeper(deps.storage ?? browserTranscriptStorage());
  const following = new TranscriptFollowing({ engine: deps.engine, keeper, contactLensUrl: deps.contactLensUrl ?? contactLensUrlSetting, log: deps.log });
  const views = new TranscriptViewHub({ keeper, isOwnPage: deps.isOwnPage, log: deps.log });
  return {
    keeper,
    attach: (port) => views.attach(port as TranscriptViewPort),
    handleSnapshot: (snapshot, previous) => following.handleSnapshot(snapshot, previous),
    restored(snapshot) {
      void keeper.prune(new Set(snapshot.contacts.map((contact) => contact.id)));
      following.handleSnapshot(snapshot, null);
    },
  };
}

// The worker's side of the 'transcript-view' port: a view subscribes per contact and gets the whole kept
// transcript, then every change. Only the extension's own pages may connect (a content script never sees a
// transcript).
import type { SessionLogWriter } from '../session-log/session-log';
import type { ViewPort } from '../session/view-hub';
import type { TranscriptKeeper, TranscriptChange } from './transcript-keeper';
import { TRANSCRIPT_VIEW_PORT, type TranscriptViewToWorker, type TranscriptWorkerToView } from './transcript-protocol';

/** The port as the hub uses it (runtime.Port has it); its messages are transcript messages. */
export type TranscriptViewPort = Omit<ViewPort, 'postMessage'> & { postMessage(message: TranscriptWorkerToView): void };

export interface TranscriptViewHubDeps {
  keeper: Pick<TranscriptKeeper, 'transcript' | 'subscribe'>;
  isOwnPage: (sender: ViewPort['sender']) => boolean;
  log: SessionLogWriter;
}

export class TranscriptViewHub {
  /** The contacts each view follows. */
  private readonly subscriptions = new Map<TranscriptViewPort, Set<string>>();

  constructor(private readonly deps: TranscriptViewHubDeps) {
    deps.keeper.subscribe((change) => this.changed(change));
  }

  /** runtime.onConnect: takes the port if it is a transcript view; returns whether it did. */
  attach(port: TranscriptViewPort): boolean {
    if (port.name !== TRANSCRIPT_VIEW_PORT) return false;
    if (!this.deps.isOwnPage(port.sender)) {
      this.deps.log.append('transcript-view-refused', { url: port.sender?.url ?? null });
      port.disconnect();
      return false;
    }
    this.subscriptions.set(port, new Set());
    port.onDisconnect.addListener(() => this.subscriptions.delete(port));
    port.onMessage.addListener((message) => void this.receive(port, message));
    return true;
  }

  private async receive(port: TranscriptViewPort, raw: unknown): Promise<void> {
    const message = raw as Partial<TranscriptViewToWorker> | null;
    const contactId = message?.contactId;
    const followed = this.subscriptions.get(port);
    if (!followed || typeof contactId !== 'string' || contactId === '' || contactId.length > 200) return;
    if (message?.type === 'transcript-unsubscribe') {
      followed.delete(contactId);
      return;
    }
    if (message?.type !== 'transcript-subscribe') return;
    followed.add(contactId);
    const kept = await this.deps.keeper.transcript(contactId);
    if (followed.has(contactId)) this.post(port, { type: 'transcript', contactId, full: true, ...kept });
  }

  private changed(change: TranscriptChange): void {
    const message: TranscriptWorkerToView = { type: 'transcript', full: false, ...change };
    for (const [port, followed] of this.subscriptions) if (followed.has(change.contactId)) this.post(port, message);
  }

  private post(port: TranscriptViewPort, message: TranscriptWorkerToView): void {
    try {
      port.postMessage(message);
    } catch {
      this.subscriptions.delete(port); // the view went away between its disconnect and our post
    }
  }
}

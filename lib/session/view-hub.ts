// The views' side of the worker: each 'session-view' port (the side panel, later the options page) gets the
// snapshot when it connects and after every change, sends commands and gets their results, and can ask for
// the session log, and subscribes to the transcripts of the chats it shows (the whole transcript at once, then
// every change; see lib/messaging/protocol.ts). Only the extension's own pages may connect: a content script
// (in a CRM page) is refused, as it must never see the whole session.
import { SESSION_VIEW_PORT, type ViewToWorker, type WorkerToView } from '../messaging/protocol';
import type { ChatTranscriptChange, ChatTranscriptStore } from './chat-transcript-store';
import type { CommandResult } from './commands';
import type { SessionStore } from './session-store';
import type { SessionSnapshot } from './snapshot';
import type { SessionLogWriter } from '../session-log/session-log';

/** The part of runtime.Port the hub uses. */
export interface ViewPort {
  name: string;
  sender?: { id?: string; url?: string; tab?: unknown };
  postMessage(message: WorkerToView): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface ViewHubDeps {
  store: SessionStore;
  execute: (envelope: unknown) => Promise<CommandResult>;
  logLines: () => Promise<string[]>;
  log: SessionLogWriter;
  /** Whether a port's sender is one of the extension's own pages. */
  isOwnPage: (sender: ViewPort['sender']) => boolean;
  /** Called when a view opens or closes (notifications depend on whether one is open). */
  onViewsChanged?: (count: number) => void;
  /** The chat transcripts views may subscribe to (absent: chat subscriptions are ignored). */
  chats?: Pick<ChatTranscriptStore, 'items' | 'subscribe'>;
}

/** A page of extension `extensionId` (origin `extensionOrigin`), in the side panel or a tab; a content script's
 *  sender URL is the web page's, so it is not one. */
export function isExtensionPage(sender: ViewPort['sender'], extensionId: string, extensionOrigin: string): boolean {
  return !!sender && sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

export class ViewHub {
  private readonly ports = new Set<ViewPort>();
  /** The chats each view follows, by contact id. */
  private readonly chatSubscriptions = new Map<ViewPort, Set<string>>();

  constructor(private readonly deps: ViewHubDeps) {
    deps.chats?.subscribe((change) => this.chatChanged(change));
  }

  get count(): number {
    return this.ports.size;
  }

  /** runtime.onConnect: takes the port if it is a session view; returns whether it did. */
  attach(port: ViewPort): boolean {
    if (port.name !== SESSION_VIEW_PORT) return false;
    if (!this.deps.isOwnPage(port.sender)) {
      this.deps.log.append('view-refused', { url: port.sender?.url ?? null });
      port.disconnect();
      return false;
    }
    this.ports.add(port);
    port.onDisconnect.addListener(() => this.forget(port));
    port.onMessage.addListener((message) => void this.receive(port, message));
    this.deps.onViewsChanged?.(this.ports.size);
    void this.deps.store.ready().then((snapshot) => this.post(port, { type: 'snapshot', snapshot }));
    return true;
  }

  /** Sends a changed snapshot to every view. */
  broadcast(snapshot: SessionSnapshot): void {
    for (const port of this.ports) this.post(port, { type: 'snapshot', snapshot });
  }

  private async receive(port: ViewPort, raw: unknown): Promise<void> {
    const message = raw as Partial<ViewToWorker> | null;
    switch (message?.type) {
      case 'hello':
        this.post(port, { type: 'snapshot', snapshot: await this.deps.store.ready() });
        return;
      case 'command': {
        const envelope = (message as { envelope?: unknown }).envelope;
        const id = typeof (envelope as { id?: unknown } | undefined)?.id === 'string' ? (envelope as { id: string }).id : '';
        const result = await this.deps.execute(envelope);
        this.post(port, { type: 'result', id, result });
        return;
      }
      case 'get-log':
        this.post(port, { type: 'log-lines', lines: await this.deps.logLines() });
        return;
      case 'chat-subscribe':
      case 'chat-unsubscribe': {
        const contactId = (message as { contactId?: unknown }).contactId;
        if (typeof contactId !== 'string' || contactId === '' || !this.deps.chats) return;
        const followed = this.chatSubscriptions.get(port) ?? new Set<string>();
        this.chatSubscriptions.set(port, followed);
        if (message.type === 'chat-unsubscribe') {
          followed.delete(contactId);
          return;
        }
        followed.add(contactId);
        const items = await this.deps.chats.items(contactId);
        if (followed.has(contactId)) this.post(port, { type: 'chat-transcript', contactId, items, full: true });
        return;
      }
      default:
        this.deps.log.append('view-message-ignored', { type: typeof message?.type === 'string' ? message.type : null });
    }
  }

  /** A transcript change, to the views that follow that chat. */
  private chatChanged(change: ChatTranscriptChange): void {
    const message: WorkerToView =
      change.type === 'items'
        ? { type: 'chat-transcript', contactId: change.contactId, items: change.items, full: false }
        : { type: 'chat-typing', contactId: change.contactId, role: change.role, at: change.at };
    for (const [port, followed] of this.chatSubscriptions) if (followed.has(change.contactId)) this.post(port, message);
  }

  private forget(port: ViewPort): void {
    this.chatSubscriptions.delete(port);
    if (this.ports.delete(port)) this.deps.onViewsChanged?.(this.ports.size);
  }

  private post(port: ViewPort, message: WorkerToView): void {
    if (!this.ports.has(port)) return;
    try {
      port.postMessage(message);
    } catch {
      // The view went away between its disconnect and our post.
      this.forget(port);
    }
  }
}

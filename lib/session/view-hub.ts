// The views' side of the worker: each 'session-view' port (the side panel, later the options page) gets the
// snapshot when it connects and after every change, sends commands and gets their results, and can ask for
// the session log. Only the extension's own pages may connect: a content script (in a CRM page) is refused,
// as it must never see the whole session.
import { SESSION_VIEW_PORT, type ViewToWorker, type WorkerToView } from '../messaging/protocol';
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
}

/** A page of extension `extensionId` (origin `extensionOrigin`), in the side panel or a tab; a content script's
 *  sender URL is the web page's, so it is not one. */
export function isExtensionPage(sender: ViewPort['sender'], extensionId: string, extensionOrigin: string): boolean {
  return !!sender && sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

export class ViewHub {
  private readonly ports = new Set<ViewPort>();

  constructor(private readonly deps: ViewHubDeps) {}

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
    port.onDisconnect.addListener(() => {
      if (this.ports.delete(port)) this.deps.onViewsChanged?.(this.ports.size);
    });
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
      default:
        this.deps.log.append('view-message-ignored', { type: typeof message?.type === 'string' ? message.type : null });
    }
  }

  private post(port: ViewPort, message: WorkerToView): void {
    if (!this.ports.has(port)) return;
    try {
      port.postMessage(message);
    } catch {
      // The view went away between its disconnect and our post.
      if (this.ports.delete(port)) this.deps.onViewsChanged?.(this.ports.size);
    }
  }
}

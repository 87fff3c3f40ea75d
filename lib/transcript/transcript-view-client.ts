// The view side of the 'transcript-view' port: follows contacts' transcripts kept by the worker. The worker can
// stop at any moment (MV3), which closes the port: the client reconnects with backoff and subscribes again to
// every followed contact, whose whole transcript then comes again.
import { browser } from 'wxt/browser';
import { TRANSCRIPT_VIEW_PORT, type TranscriptUpdate, type TranscriptViewToWorker, type TranscriptWorkerToView } from './transcript-protocol';

/** The part of a runtime port the client uses. */
export interface TranscriptClientPort {
  postMessage(message: TranscriptViewToWorker): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export type TranscriptFollower = (update: TranscriptUpdate) => void;

export interface TranscriptViewClient {
  /** Follows a contact: its whole kept transcript first (again after every reconnection), then each change.
   *  Returns the function that stops following. */
  follow(contactId: string, listener: TranscriptFollower): () => void;
  close(): void;
}

export interface TranscriptViewClientOptions {
  connect: (name: string) => TranscriptClientPort;
  reconnectDelaysMs?: readonly number[];
}

const RECONNECT_DELAYS_MS: readonly number[] = [50, 250, 500, 1_000, 2_000, 5_000];

const isUpdate = (value: unknown): value is TranscriptWorkerToView =>
  typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'transcript' && typeof (value as { contactId?: unknown }).contactId === 'string';

export function createTranscriptViewClient(options: TranscriptViewClientOptions): TranscriptViewClient {
  const delays = options.reconnectDelaysMs ?? RECONNECT_DELAYS_MS;
  const followers = new Map<string, Set<TranscriptFollower>>();
  let port: TranscriptClientPort | null = null;
  let closed = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function post(message: TranscriptViewToWorker): void {
    try {
      port?.postMessage(message);
    } catch {
      // Closed under us: onDisconnect reconnects and subscribes again.
    }
  }

  function open(): void {
    timer = null;
    if (closed || port) return;
    let opened: TranscriptClientPort;
    try {
      opened = options.connect(TRANSCRIPT_VIEW_PORT);
    } catch {
      scheduleReconnect(); // the extension context is gone or not ready
      return;
    }
    port = opened;
    opened.onMessage.addListener((message) => {
      if (port !== opened || !isUpdate(message)) return;
      failures = 0;
      const { type: _type, ...update } = message;
      for (const listener of followers.get(update.contactId) ?? []) listener(update);
    });
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = null;
      scheduleReconnect();
    });
    for (const contactId of followers.keys()) post({ type: 'transcript-subscribe', contactId });
  }

  function scheduleReconnect(): void {
    if (closed || timer !== null || followers.size === 0) return;
    const delay = delays[Math.min(failures, delays.length - 1)] ?? 1_000;
    failures += 1;
    timer = setTimeout(open, delay);
  }

  return {
    follow(contactId, listener) {
      let set = followers.get(contactId);
      if (!set) {
        set = new Set();
        followers.set(contactId, set);
      }
      set.add(listener);
      // Every new follower asks (it needs the whole transcript; the others take the full copy as it is).
      if (port) post({ type: 'transcript-subscribe', contactId });
      else open();
      return () => {
        const current = followers.get(contactId);
        if (!current?.delete(listener) || current.size > 0) return;
        followers.delete(contactId);
        post({ type: 'transcript-unsubscribe', contactId });
      };
    },
    close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      const closing = port;
      port = null;
      closing?.disconnect();
    },
  };
}

/** The client an extension page uses: a runtime port to the background worker. */
export function createBrowserTranscriptClient(): TranscriptViewClient {
  return createTranscriptViewClient({ connect: (name) => browser.runtime.connect({ name }) as unknown as TranscriptClientPort });
}

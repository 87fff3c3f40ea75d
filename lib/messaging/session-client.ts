// The view side of the 'session-view' port: a side panel (or any extension page) receives the session snapshot
// from the background worker and sends it commands. The worker can be stopped at any moment (MV3), which closes
// the port: the client reconnects with backoff and resends every command still unanswered with the SAME id, so
// the worker, which executes an id at most once, never runs a command twice.
//
//   idle ──start()──► linked ──port closed──► waiting (backoff) ──timer──► linked …
//     ▲                  │                                                  │
//     └──────────── close() from any state ◄─────────────────────────────────┘

import { browser } from 'wxt/browser';
import type { ChatItemView, ChatRole } from '../session/chat-transcript';
import type { CommandError, CommandEnvelope, CommandResult, SessionCommand } from '../session/commands';
import type { SessionSnapshot } from '../session/snapshot';
import { SESSION_VIEW_PORT, type ViewToWorker, type WorkerToView } from './protocol';

/** The part of a runtime port the client uses (browser.runtime.Port has it; tests pass a fake). */
export interface ViewPort {
  postMessage(message: ViewToWorker): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export type LogResult = { ok: true; lines: string[] } | { ok: false; error: CommandError };

/** What a chat's follower hears: the whole kept transcript (`full`: replace what you have) or new and changed
 *  items (merge by id, e.g. with mergeChatItems), and the other side typing. */
export type ChatUpdate = { type: 'items'; items: ChatItemView[]; full: boolean } | { type: 'typing'; role: ChatRole; at: number };

export interface SessionClient {
  /** Opens the port. Calling it again does nothing. */
  start(): void;
  /** Closes the port for good; unanswered commands resolve with `engine-unavailable`. */
  close(): void;
  /** Sends a command; resolves with the worker's answer, or `timeout` after `commandTimeoutMs`. */
  send(command: SessionCommand): Promise<CommandResult>;
  /** The session log (JSON lines) the worker keeps. */
  getLog(): Promise<LogResult>;
  /** Called with every snapshot that is not older than the last one; returns an unsubscribe function. */
  onSnapshot(listener: (snapshot: SessionSnapshot) => void): () => void;
  /** Called when the port opens (true) or closes (false). */
  onLinkChange(listener: (linked: boolean) => void): () => void;
  /** Follows a chat's transcript: the whole transcript first (again after every reconnection), then each
   *  change. Returns the function that stops following (the last follower of a chat unsubscribes the port). */
  followChat(contactId: string, listener: (update: ChatUpdate) => void): () => void;
}

export interface SessionClientOptions {
  /** Opens a port named 'session-view' to the worker. */
  connect: (name: string) => ViewPort;
  commandTimeoutMs?: number;
  /** Delays before each successive reconnection attempt; the last one repeats. */
  reconnectDelaysMs?: readonly number[];
  newId?: () => string;
}

export const COMMAND_TIMEOUT_MS = 20_000;
export const RECONNECT_DELAYS_MS: readonly number[] = [50, 250, 500, 1_000, 2_000, 5_000];

interface PendingCommand {
  envelope: CommandEnvelope;
  resolve: (result: CommandResult) => void;
  timer: ReturnType<typeof setTimeout>;
}

interface PendingLog {
  resolve: (result: LogResult) => void;
  timer: ReturnType<typeof setTimeout>;
}

const isWorkerMessage = (value: unknown): value is WorkerToView =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

export function createSessionClient(options: SessionClientOptions): SessionClient {
  const commandTimeoutMs = options.commandTimeoutMs ?? COMMAND_TIMEOUT_MS;
  const delays = options.reconnectDelaysMs ?? RECONNECT_DELAYS_MS;
  const newId = options.newId ?? (() => crypto.randomUUID());

  const pendingCommands = new Map<string, PendingCommand>();
  // get-log answers carry no id: they come back in the order asked, on the port that carried the question.
  const pendingLogs: PendingLog[] = [];
  const snapshotListeners = new Set<(snapshot: SessionSnapshot) => void>();
  const linkListeners = new Set<(linked: boolean) => void>();
  const chatFollowers = new Map<string, Set<(update: ChatUpdate) => void>>();

  function tellFollowers(contactId: string, update: ChatUpdate): void {
    for (const listener of chatFollowers.get(contactId) ?? []) listener(update);
  }

  let port: ViewPort | null = null;
  let state: 'idle' | 'linked' | 'waiting' | 'closed' = 'idle';
  let failedAttempts = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  /** Highest sequence seen on the current port; null until the port delivers its first snapshot. */
  let lastSequence: number | null = null;

  function post(message: ViewToWorker): void {
    try {
      port?.postMessage(message);
    } catch {
      // The port closed under us; onDisconnect reconnects and resends what is pending.
    }
  }

  function setLinked(linked: boolean): void {
    for (const listener of linkListeners) listener(linked);
  }

  function handleMessage(message: unknown): void {
    if (!isWorkerMessage(message)) return;
    failedAttempts = 0;
    switch (message.type) {
      case 'snapshot': {
        // Within one port messages arrive in order, so an older sequence is a stale copy. The first snapshot
        // of a new port is taken as it is: the worker owns the session, and after a restart its word is final.
        const { sequence } = message.snapshot;
        if (lastSequence !== null && sequence < lastSequence) return;
        lastSequence = sequence;
        for (const listener of snapshotListeners) listener(message.snapshot);
        return;
      }
      case 'result': {
        const pending = pendingCommands.get(message.id);
        if (!pending) return; // answered already, or timed out
        pendingCommands.delete(message.id);
        clearTimeout(pending.timer);
        pending.resolve(message.result);
        return;
      }
      case 'log-lines': {
        const pending = pendingLogs.shift();
        if (!pending) return;
        clearTimeout(pending.timer);
        pending.resolve({ ok: true, lines: message.lines });
        return;
      }
      case 'chat-transcript':
        tellFollowers(message.contactId, { type: 'items', items: message.items, full: message.full });
        return;
      case 'chat-typing':
        tellFollowers(message.contactId, { type: 'typing', role: message.role, at: message.at });
        return;
    }
  }

  function open(): void {
    reconnectTimer = null;
    let opened: ViewPort;
    try {
      opened = options.connect(SESSION_VIEW_PORT);
    } catch {
      // The extension context is gone (reloaded or uninstalled): nothing will ever answer.
      scheduleReconnect();
      return;
    }
    port = opened;
    state = 'linked';
    lastSequence = null;
    opened.onMessage.addListener((message) => {
      if (port === opened) handleMessage(message);
    });
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = null;
      if (state === 'closed') return;
      setLinked(false);
      scheduleReconnect();
    });
    post({ type: 'hello' });
    for (const pending of pendingCommands.values()) post({ type: 'command', envelope: pending.envelope });
    for (let i = 0; i < pendingLogs.length; i += 1) post({ type: 'get-log' });
    // A new port (the worker may have restarted): each followed chat's whole transcript again.
    for (const contactId of chatFollowers.keys()) post({ type: 'chat-subscribe', contactId });
    setLinked(true);
  }

  function scheduleReconnect(): void {
    if (state === 'closed') return;
    state = 'waiting';
    const delay = delays[Math.min(failedAttempts, delays.length - 1)] ?? 1_000;
    failedAttempts += 1;
    reconnectTimer = setTimeout(open, delay);
  }

  return {
    start() {
      if (state !== 'idle') return;
      open();
    },

    close() {
      if (state === 'closed') return;
      state = 'closed';
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const closing = port;
      port = null;
      closing?.disconnect();
      for (const pending of pendingCommands.values()) {
        clearTimeout(pending.timer);
        pending.resolve({ ok: false, error: { code: 'engine-unavailable', detail: 'the view closed its session port' } });
      }
      pendingCommands.clear();
      for (const pending of pendingLogs.splice(0)) {
        clearTimeout(pending.timer);
        pending.resolve({ ok: false, error: { code: 'engine-unavailable', detail: 'the view closed its session port' } });
      }
    },

    send(command) {
      if (state === 'closed') {
        return Promise.resolve({ ok: false, error: { code: 'engine-unavailable', detail: 'the session client is closed' } });
      }
      const envelope: CommandEnvelope = { id: newId(), command };
      return new Promise<CommandResult>((resolve) => {
        const timer = setTimeout(() => {
          pendingCommands.delete(envelope.id);
          resolve({ ok: false, error: { code: 'timeout', detail: `no answer to ${command.type} within ${commandTimeoutMs} ms` } });
        }, commandTimeoutMs);
        pendingCommands.set(envelope.id, { envelope, resolve, timer });
        // While the worker is away the command waits here and goes out on the next port.
        if (state === 'linked') post({ type: 'command', envelope });
      });
    },

    getLog() {
      if (state === 'closed') {
        return Promise.resolve({ ok: false, error: { code: 'engine-unavailable', detail: 'the session client is closed' } });
      }
      return new Promise<LogResult>((resolve) => {
        const pending: PendingLog = {
          resolve,
          timer: setTimeout(() => {
            const index = pendingLogs.indexOf(pending);
            if (index >= 0) pendingLogs.splice(index, 1);
            resolve({ ok: false, error: { code: 'timeout', detail: `no log within ${commandTimeoutMs} ms` } });
          }, commandTimeoutMs),
        };
        pendingLogs.push(pending);
        if (state === 'linked') post({ type: 'get-log' });
      });
    },

    onSnapshot(listener) {
      snapshotListeners.add(listener);
      return () => snapshotListeners.delete(listener);
    },

    onLinkChange(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },

    followChat(contactId, listener) {
      let followers = chatFollowers.get(contactId);
      if (!followers) {
        followers = new Set();
        chatFollowers.set(contactId, followers);
      }
      followers.add(listener);
      // Every new follower asks: it needs the whole transcript, and the others take the full copy as it is.
      if (state === 'linked') post({ type: 'chat-subscribe', contactId });
      return () => {
        const current = chatFollowers.get(contactId);
        if (!current?.delete(listener) || current.size > 0) return;
        chatFollowers.delete(contactId);
        if (state === 'linked') post({ type: 'chat-unsubscribe', contactId });
      };
    },
  };
}

/** The client an extension page uses: a runtime port to the background worker. */
export function createBrowserSessionClient(overrides: Partial<SessionClientOptions> = {}): SessionClient {
  return createSessionClient({ connect: (name) => browser.runtime.connect({ name }), ...overrides });
}

// The worker's side of chat: transcripts kept per contact (bounded, surviving a worker restart, dropped with
// their contact), the per-view stream (the whole transcript on subscribe, then increments, until unsubscribe or
// the port closes), the session client that follows a chat across reconnections, and the router resending a
// message to an engine that comes back (the same id: the same ClientToken, sent once).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ViewToWorker, WorkerToView } from '@/lib/messaging/protocol';
import { createSessionClient } from '@/lib/messaging/session-client';
import { ChatTranscriptStore, type ChatTranscriptStorage } from '@/lib/session/chat-transcript-store';
import { CHAT_ITEMS_LIMIT, type ChatItemView } from '@/lib/session/chat-transcript';
import { CommandRouter } from '@/lib/session/command-router';
import type { CommandResult } from '@/lib/session/commands';
import { SessionStore } from '@/lib/session/session-store';
import { withConnection } from '@/lib/session/session-transitions';
import { ViewHub, type ViewPort } from '@/lib/session/view-hub';
import { snapshotItem } from '@/lib/settings/storage-items';
import { chatItemView, FakeEngineChannel, readySnapshot, RecordingLog } from './session-test-kit';

const item = chatItemView;

/** storage.session as a Map of JSON copies. */
class MemoryTranscripts implements ChatTranscriptStorage {
  readonly data = new Map<string, string>();
  async read(contactId: string) {
    const value = this.data.get(contactId);
    return value === undefined ? null : (JSON.parse(value) as ChatItemView[]);
  }
  async write(contactId: string, items: ChatItemView[]) {
    this.data.set(contactId, JSON.stringify(items));
  }
  async remove(contactIds: string[]) {
    for (const id of contactIds) this.data.delete(id);
  }
  async contactIds() {
    return [...this.data.keys()];
  }
}

class HubPort implements ViewPort {
  name = 'session-view';
  sender = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
  readonly posted: WorkerToView[] = [];
  private messageListeners: ((message: unknown) => void)[] = [];
  private disconnectListeners: (() => void)[] = [];
  postMessage(message: WorkerToView) {
    this.posted.push(message);
  }
  disconnect() {}
  onMessage = { addListener: (listener: (message: unknown) => void) => void this.messageListeners.push(listener) };
  onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };
  send(message: ViewToWorker) {
    for (const listener of this.messageListeners) listener(message);
  }
  close() {
    for (const listener of this.disconnectListeners) listener();
  }
  transcripts() {
    return this.posted.filter((m): m is Extract<WorkerToView, { type: 'chat-transcript' }> => m.type === 'chat-transcript');
  }
}

const flush = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
};

async function hubWith(chats: ChatTranscriptStore) {
  const store = new SessionStore(snapshotItem);
  await store.load();
  const hub = new ViewHub({ store, execute: async () => ({ ok: true }), logLines: async () => [], log: new RecordingLog(), isOwnPage: () => true, chats });
  const port = new HubPort();
  hub.attach(port);
  return { hub, port };
}

describe('chat transcript store (worker)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('merges reports in order, keeps them in storage, and a restarted worker reads them back', async () => {
    const storage = new MemoryTranscripts();
    const chats = new ChatTranscriptStore(storage);
    await chats.handleEngineEvent({ type: 'chat-items', contactId: 'chat-1', items: [item('b', 2)] });
    await chats.handleEngineEvent({ type: 'chat-items', contactId: 'chat-1', items: [item('a', 1), item('b', 2)], full: true });
    await chats.flushed();

    const restarted = new ChatTranscriptStore(storage);
    expect((await restarted.items('chat-1')).map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('keeps at most CHAT_ITEMS_LIMIT items per chat, the newest', async () => {
    const storage = new MemoryTranscripts();
    const chats = new ChatTranscriptStore(storage);
    const many = Array.from({ length: CHAT_ITEMS_LIMIT + 20 }, (_, i) => item(`m${i}`, i));
    await chats.handleEngineEvent({ type: 'chat-items', contactId: 'chat-1', items: many, full: true });
    await chats.flushed();
    const kept = JSON.parse(storage.data.get('chat-1') ?? '[]') as ChatItemView[];
    expect(kept).toHaveLength(CHAT_ITEMS_LIMIT);
    expect(kept[0].id).toBe('m20');
  });

  it('drops a chat with its contact, and prunes chats of contacts gone while the worker slept', async () => {
    const storage = new MemoryTranscripts();
    const chats = new ChatTranscriptStore(storage);
    await chats.handleEngineEvent({ type: 'chat-items', contactId: 'chat-1', items: [item('a', 1)] });
    await chats.handleEngineEvent({ type: 'chat-items', contactId: 'chat-2', items: [item('b', 1)] });
    await chats.handleEngineEvent({ type: 'chat-items', contactId: 'chat-3', items: [item('c', 1)] });
    await chats.flushed();
    await chats.drop(['chat-1']);
    await chats.prune(new Set(['chat-2']));
    expect([...storage.data.keys()]).toEqual(['chat-2']);
    expect(await chats.items('chat-1')).toEqual([]);
  });
});

describe('chat transcript stream to views', () => {
  it('sends the whole transcript on subscribe, then only what changes, to the views that follow the chat', async () => {
    const chats = new ChatTranscriptStore(new MemoryTranscripts());
    await chats.handleEngineEvent({ type: 'chat-items', contactId: 'chat-1', items: [item('a', 1), item('b', 2)], full: true });
    const { port } = await hubWith(chats);
    port.send({ type: 'chat-subscribe', contactId: 'chat-1' });
    await flush();
    await chats.handleEngineEvent({ type: 'chat-items', contactId: 'chat-1', items: [item('c', 3)] });
    await chats.handleEngineEvent({ type: 'chat-items', contactId: 'chat-2', items: [item('x', 3)] });
    await chats.handleEngineEvent({ type: 'chat-typing', contactId: 'chat-1', role: 'CUSTOMER', at: 5 });

    expect(port.transcripts()).toEqual([
      { type: 'chat-transcript', contactId: 'chat-1', items: [item('a', 1), item('b', 2)], full: true },
      { type: 'chat-transcript', contactId: 'chat-1', items: [item('c', 3)], full: false },
    ]);
    expect(port.posted).toContainEqual({ type: 'chat-typing', contactId: 'chat-1', role: 'CUSTOMER', at: 5 });
  });

  it('stops after unsubscribe and when the port closes', async () => {
    const chats = new ChatTranscriptStore(new MemoryTranscripts());
    const { port } = await hubWith(chats);
    port.send({ type: 'chat-subscribe', contactId: 'chat-1' });
    await flush();
    port.send({ type: 'chat-unsubscribe', contactId: 'chat-1' });
    await chats.handleEngineEvent({ type: 'chat-items', contactId: 'chat-1', items: [item('a', 1)] });
    port.send({ type: 'chat-subscribe', contactId: 'chat-1' });
    await flush();
    port.close();
    await chats.handleEngineEvent({ type: 'chat-items', contactId: 'chat-1', items: [item('b', 2)] });
    expect(port.transcripts().map((m) => [m.full, m.items.map((i) => i.id)])).toEqual([
      [true, []],
      [true, ['a']],
    ]);
  });
});

/** The view's end of a port, whose worker side the test plays. */
class ClientPort {
  readonly sent: ViewToWorker[] = [];
  private messageListeners: ((message: unknown) => void)[] = [];
  private disconnectListeners: (() => void)[] = [];
  postMessage(message: ViewToWorker) {
    this.sent.push(message);
  }
  disconnect() {}
  onMessage = { addListener: (listener: (message: unknown) => void) => void this.messageListeners.push(listener) };
  onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };
  deliver(message: WorkerToView) {
    for (const listener of this.messageListeners) listener(message);
  }
  drop() {
    for (const listener of this.disconnectListeners) listener();
  }
  chatMessages() {
    return this.sent.filter((m) => m.type.startsWith('chat-'));
  }
}

describe('session client: following a chat', () => {
  it('subscribes, hears full then increments, resubscribes on a new port, unsubscribes with its last follower', () => {
    vi.useFakeTimers();
    const ports: ClientPort[] = [];
    const client = createSessionClient({ connect: () => ports[ports.push(new ClientPort()) - 1], reconnectDelaysMs: [10] });
    client.start();
    const updates: unknown[] = [];
    const stop = client.followChat('chat-1', (update) => updates.push(update));
    expect(ports[0].chatMessages()).toEqual([{ type: 'chat-subscribe', contactId: 'chat-1' }]);

    ports[0].deliver({ type: 'chat-transcript', contactId: 'chat-1', items: [item('a', 1)], full: true });
    ports[0].deliver({ type: 'chat-transcript', contactId: 'chat-2', items: [item('x', 1)], full: true });
    ports[0].deliver({ type: 'chat-typing', contactId: 'chat-1', role: 'CUSTOMER', at: 4 });
    expect(updates).toEqual([
      { type: 'items', items: [item('a', 1)], full: true },
      { type: 'typing', role: 'CUSTOMER', at: 4 },
    ]);

    ports[0].drop();
    vi.advanceTimersByTime(20);
    expect(ports[1].chatMessages()).toEqual([{ type: 'chat-subscribe', contactId: 'chat-1' }]);

    stop();
    expect(ports[1].chatMessages()).toEqual([
      { type: 'chat-subscribe', contactId: 'chat-1' },
      { type: 'chat-unsubscribe', contactId: 'chat-1' },
    ]);
    client.close();
    vi.useRealTimers();
  });
});

describe('router: a chat message during an engine restart', () => {
  beforeEach(() => fakeBrowser.reset());

  it('waits for the recreated engine and sends the same envelope again, once it answers', async () => {
    const store = new SessionStore(snapshotItem);
    await store.load();
    await store.update(() => readySnapshot());
    const engine = new FakeEngineChannel();
    let attempts = 0;
    engine.answer = async (): Promise<CommandResult> => {
      attempts += 1;
      if (attempts === 1) {
        // The engine dies with the message in flight; the watchdog notices.
        await store.update((s) => withConnection(s, 'engine-lost', 'engine-closed', 2));
        return { ok: false, error: { code: 'engine-unavailable', detail: 'Receiving end does not exist' } };
      }
      return { ok: true };
    };
    const router = new CommandRouter({ store, engine, session: { signIn: vi.fn(), signOut: vi.fn() }, log: new RecordingLog(), resendWithinMs: 5000 });
    const envelope = { id: 'msg-1', command: { type: 'chat-send' as const, contactId: 'chat-1', text: 'hi', contentType: 'text/plain' as const } };
    const result = router.execute(envelope);
    await flush();
    await store.update((s) => withConnection(s, 'ready', null, 3));

    await expect(result).resolves.toEqual({ ok: true });
    expect(engine.commands).toEqual([envelope, envelope]);
  });

  it('does not resend an attachment (ChatJS gives it no ClientToken): the failure is answered', async () => {
    const store = new SessionStore(snapshotItem);
    await store.load();
    await store.update(() => readySnapshot());
    const engine = new FakeEngineChannel();
    engine.answer = async () => ({ ok: false, error: { code: 'engine-unavailable' } });
    const router = new CommandRouter({ store, engine, session: { signIn: vi.fn(), signOut: vi.fn() }, log: new RecordingLog() });
    const result = await router.execute({ id: 'att-1', command: { type: 'chat-attach', contactId: 'chat-1', name: 'a.pdf', contentType: 'application/pdf', dataBase64: 'AAAA' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'engine-unavailable' } });
    expect(engine.commands).toHaveLength(1);
  });

  it('refuses malformed chat commands as bad-command before the engine', async () => {
    const store = new SessionStore(snapshotItem);
    await store.load();
    await store.update(() => readySnapshot());
    const engine = new FakeEngineChannel();
    const router = new CommandRouter({ store, engine, session: { signIn: vi.fn(), signOut: vi.fn() }, log: new RecordingLog() });
    for (const command of [
      { type: 'chat-send', contactId: 'chat-1', text: 5, contentType: 'text/plain' },
      { type: 'chat-read', contactId: 'chat-1' },
      { type: 'chat-attach', contactId: 'chat-1', name: 'a.pdf', contentType: 'application/pdf' },
      { type: 'transfer', contactId: 'chat-1' },
    ]) {
      expect(await router.execute({ id: `bad-${command.type}`, command })).toMatchObject({ ok: false, error: { code: 'bad-command' } });
    }
    expect(engine.commands).toEqual([]);
  });
});

// The command router: each id runs at most once (also across a worker restart), softphone commands reach the
// engine only when the session is ready, slow or missing engines become typed errors, sign-in URLs are checked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CommandRouter } from '@/lib/session/command-router';
import { createEngineChannel } from '@/lib/session/engine-channel';
import { EngineSupervisor } from '@/lib/session/engine-supervisor';
import type { CommandEnvelope, CommandResult } from '@/lib/session/commands';
import { SessionStore } from '@/lib/session/session-store';
import { withConnection } from '@/lib/session/session-transitions';
import { commandRecordsItem, snapshotItem } from '@/lib/settings/storage-items';
import { FakeEngineChannel, FakeEngineDocument, INSTANCE, readySnapshot, RecordingLog } from './session-test-kit';

const accept = (id: string): CommandEnvelope => ({ id, command: { type: 'accept', contactId: 'contact-1' } });

async function readyStore(): Promise<SessionStore> {
  const store = new SessionStore(snapshotItem);
  await store.load();
  await store.update(() => readySnapshot());
  return store;
}

function routerWith(store: SessionStore, engine: FakeEngineChannel | ReturnType<typeof createEngineChannel>, session = { signIn: vi.fn(async () => ({ ok: true }) as CommandResult), signOut: vi.fn(async () => ({ ok: true }) as CommandResult) }) {
  return { router: new CommandRouter({ store, engine, session, log: new RecordingLog() }), session };
}

describe('command router', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('forwards a softphone command to the engine and returns its result', async () => {
    const engine = new FakeEngineChannel();
    engine.answer = async () => ({ ok: false, error: { code: 'contact-not-found' } });
    const { router } = routerWith(await readyStore(), engine);

    expect(await router.execute(accept('c1'))).toEqual({ ok: false, error: { code: 'contact-not-found' } });
    expect(engine.commands).toEqual([accept('c1')]);
  });

  it("gives a workspace command the admin's Cases service, and none when no service is set", async () => {
    const engine = new FakeEngineChannel();
    const store = await readyStore();
    const log = new RecordingLog();
    const session = { signIn: vi.fn(), signOut: vi.fn() };
    let endpoint: { baseUrl: string; domainId: string } | null = { baseUrl: 'https://cases.example.com', domainId: 'd-1' };
    const router = new CommandRouter({ store, engine, session, log, casesEndpoint: async () => endpoint });
    const request = { op: 'cases-of-profile', profileId: 'p1' } as const;

    await router.execute({ id: 'w1', command: { type: 'workspace', request } });
    endpoint = null;
    await router.execute({ id: 'w2', command: { type: 'workspace', request } });
    await router.execute(accept('a1'));

    expect(engine.commands.map((e) => e.command)).toEqual([
      { type: 'workspace', request, cases: { baseUrl: 'https://cases.example.com', domainId: 'd-1' } },
      { type: 'workspace', request, cases: null },
      accept('a1').command,
    ]);
  });

  it('runs the same id once and answers the retry with the first result', async () => {
    const engine = new FakeEngineChannel();
    const { router } = routerWith(await readyStore(), engine);

    const first = await router.execute(accept('same-id'));
    const second = await router.execute(accept('same-id'));

    expect(first).toEqual({ ok: true });
    expect(second).toEqual(first);
    expect(engine.commands).toHaveLength(1);
  });

  it('joins a retry that arrives while the first run is still waiting for the engine', async () => {
    const engine = new FakeEngineChannel();
    let release: (result: CommandResult) => void = () => undefined;
    engine.answer = () => new Promise((resolve) => (release = resolve));
    const { router } = routerWith(await readyStore(), engine);

    const first = router.execute(accept('slow'));
    const retry = router.execute(accept('slow'));
    await vi.waitFor(() => expect(engine.commands).toHaveLength(1));
    release({ ok: true });

    expect(await first).toEqual({ ok: true });
    expect(await retry).toEqual({ ok: true });
    expect(engine.commands).toHaveLength(1);
  });

  it('answers an id seen before a worker restart from storage, without running it again', async () => {
    const store = await readyStore();
    const engineBefore = new FakeEngineChannel();
    engineBefore.answer = async () => ({ ok: false, error: { code: 'rejected', detail: 'busy' } });
    await routerWith(store, engineBefore).router.execute(accept('across-restart'));

    // New worker: new store, router and engine channel; storage.session survives.
    const restoredStore = new SessionStore(snapshotItem);
    await restoredStore.load();
    const engineAfter = new FakeEngineChannel();
    const result = await routerWith(restoredStore, engineAfter).router.execute(accept('across-restart'));

    expect(result).toEqual({ ok: false, error: { code: 'rejected', detail: 'busy' } });
    expect(engineAfter.commands).toHaveLength(0);
  });

  it('does not run again a command the previous worker was running when it stopped', async () => {
    await commandRecordsItem.setValue([{ id: 'interrupted', at: 1, result: null }]);
    const engine = new FakeEngineChannel();
    const { router } = routerWith(await readyStore(), engine);

    const result = await router.execute(accept('interrupted'));

    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(engine.commands).toHaveLength(0);
  });

  it('remembers a bounded number of recent ids', async () => {
    const store = await readyStore();
    const router = new CommandRouter({ store, engine: new FakeEngineChannel(), session: { signIn: vi.fn(), signOut: vi.fn() }, log: new RecordingLog(), capacity: 3 });
    for (const id of ['a', 'b', 'c', 'd']) await router.execute(accept(id));
    expect((await commandRecordsItem.getValue()).map((record) => record.id)).toEqual(['b', 'c', 'd']);
  });

  it.each([
    ['signed-out', 'not-signed-in'],
    ['needs-sign-in', 'not-signed-in'],
    ['failed', 'not-signed-in'],
    ['connecting', 'engine-unavailable'],
    ['engine-lost', 'engine-unavailable'],
  ] as const)('refuses a softphone command while the session is %s with %s', async (status, code) => {
    const store = await readyStore();
    await store.update((s) => withConnection(s, status, null, 2));
    const engine = new FakeEngineChannel();

    const result = await routerWith(store, engine).router.execute(accept(`while-${status}`));

    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(engine.commands).toHaveLength(0);
  });

  it('reports engine-unavailable when no engine document receives the message', async () => {
    // fake-browser's sendMessage throws without listeners, like Chrome's "Receiving end does not exist".
    const { router } = routerWith(await readyStore(), createEngineChannel());
    expect(await router.execute(accept('no-engine'))).toMatchObject({ ok: false, error: { code: 'engine-unavailable' } });
  });

  it('reports a timeout when the engine does not answer in 15 s', async () => {
    vi.useFakeTimers();
    const engine = createEngineChannel(() => new Promise(() => undefined)); // never answers
    const { router } = routerWith(await readyStore(), engine);

    const pending = router.execute(accept('hangs'));
    await vi.advanceTimersByTimeAsync(14_999);
    let settled = false;
    void pending.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);

    expect(await pending).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it('sends the engine the command message named in the protocol', async () => {
    const send = vi.fn(async () => ({ ok: true }));
    const { router } = routerWith(await readyStore(), createEngineChannel(send));
    await router.execute(accept('protocol'));
    expect(send).toHaveBeenCalledWith({ target: 'engine', type: 'engine-command', envelope: accept('protocol') });
  });

  it('hands sign-in and sign-out to the session owner, not the engine', async () => {
    const engine = new FakeEngineChannel();
    const { router, session } = routerWith(await readyStore(), engine);

    await router.execute({ id: 'in', command: { type: 'sign-in', instanceUrl: INSTANCE } });
    await router.execute({ id: 'out', command: { type: 'sign-out' } });

    expect(session.signIn).toHaveBeenCalledWith(INSTANCE);
    expect(session.signOut).toHaveBeenCalledOnce();
    expect(engine.commands).toHaveLength(0);
  });

  it.each([['not a url'], ['ftp://example.com/'], ['javascript:alert(1)'], ['file:///etc/passwd'], ['']])(
    'refuses to sign in to %j with invalid-url',
    async (instanceUrl) => {
      const store = new SessionStore(snapshotItem);
      await store.load();
      const document = new FakeEngineDocument();
      const log = new RecordingLog();
      const supervisor = new EngineSupervisor({ store, document, channel: new FakeEngineChannel(), loginWindow: { open: vi.fn(), close: vi.fn() }, log });
      const router = new CommandRouter({ store, engine: new FakeEngineChannel(), session: supervisor, log });

      const result = await router.execute({ id: `bad-${instanceUrl}`, command: { type: 'sign-in', instanceUrl } });

      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-url' } });
      expect(document.created).toEqual([]);
      expect(store.snapshot.connection.status).toBe('signed-out');
    },
  );

  it.each([
    [{ id: '', command: { type: 'mute' } }],
    [{ id: 'x', command: { type: 'launch-rockets' } }],
    [{ id: 'x', command: { type: 'accept' } }],
    [{ id: 'x', command: { type: 'dial', target: {} } }],
    [null],
  ])('refuses a malformed envelope %j with bad-command', async (envelope) => {
    const engine = new FakeEngineChannel();
    expect(await routerWith(await readyStore(), engine).router.execute(envelope)).toMatchObject({ ok: false, error: { code: 'bad-command' } });
    expect(engine.commands).toHaveLength(0);
  });
});

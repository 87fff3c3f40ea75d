// The assembled worker (startSessionWorker) against fake-browser, with the APIs it lacks (ports, commands,
// offscreen, contexts, i18n) stubbed at the seam: a view signs in, the engine reports a call, the badge and
// notification follow, and a restarted worker gives a reconnecting view the same call.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { WorkerToView } from '@/lib/messaging/protocol';
import { startSessionWorker, type SessionWorker } from '@/lib/session/session-worker';
import type { SessionSnapshot } from '@/lib/session/snapshot';
import { agentView, INSTANCE, ringingCall } from './session-test-kit';

// ── minimal stand-ins for what fake-browser does not implement ──────────────────────────────────────────────

type Listener = (...args: never[]) => unknown;
function fakeEvent<L extends Listener>() {
  const listeners: L[] = [];
  return {
    addListener: (listener: L) => void listeners.push(listener),
    removeListener: (listener: L) => void listeners.splice(listeners.indexOf(listener), 1),
    hasListener: (listener: L) => listeners.includes(listener),
    fire: (...args: Parameters<L>) => listeners.map((listener) => listener(...args)),
  };
}

const EXTENSION_ORIGIN = 'chrome-extension://test-extension-id/';

/** The worker's end of a runtime port, and what the view received on it. */
function viewPort(sender: { id?: string; url?: string; tab?: unknown } = { id: 'test-extension-id', url: `${EXTENSION_ORIGIN}sidepanel.html` }) {
  const received: WorkerToView[] = [];
  const onMessage = fakeEvent<(message: unknown) => void>();
  const onDisconnect = fakeEvent<() => void>();
  let disconnected = false;
  const port = {
    name: 'session-view',
    sender,
    postMessage: (message: WorkerToView) => void received.push(structuredClone(message)),
    disconnect: () => void (disconnected = true),
    onMessage,
    onDisconnect,
  };
  return {
    port,
    received,
    isDisconnected: () => disconnected,
    send: (message: unknown) => onMessage.fire(message),
    close: () => onDisconnect.fire(),
    snapshots: () => received.filter((m): m is Extract<WorkerToView, { type: 'snapshot' }> => m.type === 'snapshot').map((m) => m.snapshot),
    lastSnapshot(): SessionSnapshot | undefined {
      return this.snapshots().at(-1);
    },
    resultFor: (id: string) => received.find((m): m is Extract<WorkerToView, { type: 'result' }> => m.type === 'result' && m.id === id)?.result,
  };
}

interface Seams {
  onConnect: ReturnType<typeof fakeEvent<(port: unknown) => void>>;
  onCommand: ReturnType<typeof fakeEvent<(name: string) => void>>;
  offscreenUrls: string[];
  createDocument: ReturnType<typeof vi.fn>;
  engineMessages: unknown[];
}

/** Installs the stubs and a fake engine that answers the worker's runtime messages. */
function installSeams(): Seams {
  const onConnect = fakeEvent<(port: unknown) => void>();
  const onCommand = fakeEvent<(name: string) => void>();
  const offscreenUrls: string[] = [];
  const createDocument = vi.fn(async ({ url }: { url: string }) => void offscreenUrls.push(`${EXTENSION_ORIGIN}${url}`));
  const engineMessages: unknown[] = [];
  Object.assign(fakeBrowser.runtime, {
    onConnect,
    getContexts: async () => offscreenUrls.map((documentUrl) => ({ contextType: 'OFFSCREEN_DOCUMENT', documentUrl })),
  });
  Object.assign(fakeBrowser, {
    offscreen: { createDocument, closeDocument: async () => void offscreenUrls.splice(0) },
    commands: { onCommand },
    i18n: { getMessage: (key: string, substitutions?: string[]) => (substitutions?.length ? `${key}(${substitutions.join(',')})` : key) },
  });
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as { target?: string; type?: string };
    if (m.target !== 'engine' || offscreenUrls.length === 0) return undefined;
    engineMessages.push(message);
    if (m.type === 'engine-ping') return Promise.resolve({ alive: true, instanceUrl: INSTANCE });
    if (m.type === 'engine-command') return Promise.resolve({ ok: true });
    return Promise.resolve({ ok: true });
  });
  return { onConnect, onCommand, offscreenUrls, createDocument, engineMessages };
}

/** What the offscreen engine sends the worker. */
const fromEngine = (event: unknown) =>
  fakeBrowser.runtime.onMessage.trigger({ target: 'worker', type: 'engine-event', event }, {
    id: 'test-extension-id',
    url: `${EXTENSION_ORIGIN}offscreen.html?instance=${encodeURIComponent(INSTANCE)}`,
  });

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('session worker', () => {
  let seams: Seams;
  let workers: SessionWorker[];

  beforeEach(() => {
    fakeBrowser.reset();
    seams = installSeams();
    workers = [];
  });
  afterEach(async () => {
    for (const worker of workers) {
      worker.supervisor.dispose();
      await worker.log.flush(); // no write of this test may land in the next one's storage
    }
  });

  const start = async () => {
    const worker = startSessionWorker();
    workers.push(worker);
    await worker.started;
    return worker;
  };

  /** Stops a worker as Chrome does: its listeners and timers are gone, storage.session stays. */
  const stop = (worker: SessionWorker) => {
    worker.supervisor.dispose();
    fakeBrowser.runtime.onMessage.removeAllListeners();
    fakeBrowser.alarms.onAlarm.removeAllListeners();
    fakeBrowser.windows.onRemoved.removeAllListeners();
    fakeBrowser.notifications.onButtonClicked.removeAllListeners();
    const offscreenUrls = [...seams.offscreenUrls];
    seams = installSeams(); // new listeners of the next worker; the offscreen document survives
    seams.offscreenUrls.push(...offscreenUrls);
  };

  async function signedInWithRingingCall() {
    const worker = await start();
    const view = viewPort();
    seams.onConnect.fire(view.port);
    view.send({ type: 'command', envelope: { id: 'sign-in-1', command: { type: 'sign-in', instanceUrl: INSTANCE } } });
    await vi.waitFor(() => expect(view.resultFor('sign-in-1')).toEqual({ ok: true }));
    await fromEngine({ type: 'connection', status: 'ready' });
    await fromEngine({ type: 'state', patch: { agent: agentView(), contacts: [ringingCall('c1')], quickConnects: [] } });
    await settle();
    return { worker, view };
  }

  it('gives a connecting view the snapshot, signs in through an offscreen engine and streams every change', async () => {
    const { view } = await signedInWithRingingCall();

    expect(seams.createDocument).toHaveBeenCalledWith({
      url: `offscreen.html?instance=${encodeURIComponent(INSTANCE)}`,
      reasons: ['USER_MEDIA', 'WEB_RTC', 'IFRAME_SCRIPTING'],
      justification: expect.any(String),
    });
    const statuses = view.snapshots().map((snapshot) => snapshot.connection.status);
    expect(statuses[0]).toBe('signed-out');
    expect(statuses).toContain('connecting');
    expect(view.lastSnapshot()?.contacts.map((contact) => contact.id)).toEqual(['c1']);
    const sequences = view.snapshots().map((snapshot) => snapshot.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  });

  it('shows ringing calls on the badge and notifies only once the panel is closed', async () => {
    const { view } = await signedInWithRingingCall();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);

    view.close();
    await vi.waitFor(async () => expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['incoming-contact:c1']));

    await fakeBrowser.notifications.onButtonClicked.trigger('incoming-contact:c1', 0);
    await vi.waitFor(() =>
      expect(seams.engineMessages).toContainEqual(expect.objectContaining({ envelope: { id: 'notification:c1:accept', command: { type: 'accept', contactId: 'c1' } } })),
    );
  });

  it('accepts the ringing call from the keyboard shortcut', async () => {
    await signedInWithRingingCall();
    seams.onCommand.fire('accept-contact');
    await vi.waitFor(() =>
      expect(seams.engineMessages).toContainEqual(expect.objectContaining({ type: 'engine-command', envelope: expect.objectContaining({ command: { type: 'accept', contactId: 'c1' } }) })),
    );
  });

  it('after a restart gives a reconnecting view the same call, and asks the surviving engine to resync', async () => {
    const { worker, view } = await signedInWithRingingCall();
    const before = view.lastSnapshot();
    stop(worker);

    await start();
    const reconnected = viewPort();
    seams.onConnect.fire(reconnected.port);
    await settle();

    expect(reconnected.lastSnapshot()).toEqual(before);
    expect(seams.engineMessages).toContainEqual({ target: 'engine', type: 'engine-resync' });
  });

  it('logs the restore time of a restarted worker', async () => {
    const { worker } = await signedInWithRingingCall();
    stop(worker);
    const restarted = await start();
    const started = (await restarted.log.lines()).map((line) => JSON.parse(line)).filter((line) => line.event === 'worker-started');
    expect(started.at(-1)).toMatchObject({ restored: true, connection: 'ready', readMs: expect.any(Number), restoredAtMs: expect.any(Number) });
  });

  it('answers get-log with the session log, without the secrets', async () => {
    const { view } = await signedInWithRingingCall();
    await fromEngine({ type: 'log', event: 'auth', data: { username: 'agent1', password: 'switchboard' } });
    view.send({ type: 'get-log' });
    await vi.waitFor(() => expect(view.received.some((m) => m.type === 'log-lines')).toBe(true));
    const lines = view.received.find((m): m is Extract<WorkerToView, { type: 'log-lines' }> => m.type === 'log-lines')?.lines ?? [];
    expect(lines.map((line) => JSON.parse(line).event)).toEqual(expect.arrayContaining(['worker-started', 'sign-in', 'engine:auth']));
    const text = lines.join('\n');
    expect(text).toContain('agent1');
    expect(text).not.toContain('password');
    expect(text).not.toContain('"switchboard"');
  });

  it('refuses a session-view port from a content script', async () => {
    await start();
    const intruder = viewPort({ id: 'test-extension-id', url: 'https://crm.example.com/', tab: { id: 3 } });
    seams.onConnect.fire(intruder.port);
    await settle();
    expect(intruder.isDisconnected()).toBe(true);
    expect(intruder.received).toEqual([]);
  });

  it('ignores engine events that do not come from the offscreen document', async () => {
    const { view } = await signedInWithRingingCall();
    const sequence = view.lastSnapshot()?.sequence;
    await fakeBrowser.runtime.onMessage.trigger(
      { target: 'worker', type: 'engine-event', event: { type: 'state', patch: { agent: null, contacts: [], quickConnects: [] } } },
      // A content script's sender (only the fields the worker reads).
      { id: 'test-extension-id', url: 'https://crm.example.com/', tab: { id: 3 } } as unknown as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1],
    );
    await settle();
    expect(view.lastSnapshot()?.sequence).toBe(sequence);
    expect(view.lastSnapshot()?.contacts).toHaveLength(1);
  });
});

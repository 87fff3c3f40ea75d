// The live transcript through the assembled worker (startSessionWorker against fake-browser, the engine played
// at the runtime-message seam): a connected call makes the worker ask the engine to follow it, the engine's
// segments reach a 'transcript-view' port (whole transcript, then increments), survive a worker restart, and a
// panel's transcript command reaches the engine with the Contact Lens backend slot filled by the worker (none
// configured here); a web page's port is refused.
// (Here rather than in tests/unit/transcript-client: it runs the whole worker, whose types need the extension's tsconfig.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { startSessionWorker, type SessionWorker } from '@/lib/session/session-worker';
import type { AgentView, ContactView } from '@/lib/session/snapshot';
import type { TranscriptWorkerToView } from '@/lib/transcript/transcript-protocol';

const INSTANCE = 'http://127.0.0.1:8443';
const ORIGIN = 'chrome-extension://test-extension-id/';

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

/** A port as the worker receives it; `received` is what it posted. */
function port(name: string, url = `${ORIGIN}sidepanel.html`) {
  const received: unknown[] = [];
  const onMessage = fakeEvent<(message: unknown) => void>();
  let disconnected = false;
  return {
    port: { name, sender: { id: 'test-extension-id', url }, postMessage: (m: unknown) => void received.push(structuredClone(m)), disconnect: () => void (disconnected = true), onMessage, onDisconnect: fakeEvent<() => void>() },
    received,
    send: (message: unknown) => onMessage.fire(message),
    isDisconnected: () => disconnected,
  };
}

let onConnect: ReturnType<typeof fakeEvent<(port: unknown) => void>>;
let documents: string[];
let engineCommands: { id: string; command: Record<string, unknown> }[];

function installSeams() {
  onConnect = fakeEvent();
  const kept = documents ?? [];
  documents = [...kept];
  engineCommands = [];
  Object.assign(fakeBrowser.runtime, { onConnect, getContexts: async () => documents.map((documentUrl) => ({ contextType: 'OFFSCREEN_DOCUMENT', documentUrl })) });
  Object.assign(fakeBrowser, {
    offscreen: { createDocument: async ({ url }: { url: string }) => void documents.push(`${ORIGIN}${url}`), closeDocument: async () => void documents.splice(0) },
    commands: { onCommand: fakeEvent() },
    i18n: { getMessage: (key: string) => key },
  });
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as { target?: string; type?: string; envelope?: { id: string; command: Record<string, unknown> } };
    if (m.target !== 'engine' || documents.length === 0) return undefined;
    if (m.type === 'engine-ping') return Promise.resolve({ alive: true, instanceUrl: INSTANCE });
    if (m.type === 'engine-command' && m.envelope) engineCommands.push(m.envelope);
    return Promise.resolve({ ok: true });
  });
}

const fromEngine = (event: unknown) =>
  fakeBrowser.runtime.onMessage.trigger({ target: 'worker', type: 'engine-event', event }, { id: 'test-extension-id', url: `${ORIGIN}offscreen.html?instance=${encodeURIComponent(INSTANCE)}` });

const AGENT = {
  name: 'Agent One', username: 'agent1', state: { name: 'Available', type: 'routable', since: 1 }, availability: { name: 'Available', since: 1 }, nextStatus: null,
  statuses: [{ arn: 'arn:status/available', name: 'Available', type: 'routable' }, { arn: 'arn:status/offline', name: 'Offline', type: 'offline' }],
  softphoneEnabled: true, deskPhoneNumber: '', autoAccept: false, language: 'en_US', muted: false, dialableCountries: ['jp'],
} as AgentView;
const CALL = { id: 'c1', initialContactId: null, channel: 'voice', state: 'connected', since: 1, initiationMethod: 'inbound', queueName: 'Support', attributes: {}, connections: [], transferredBy: null, deskPhone: false } as ContactView;
const line = (id: string, content: string) => ({ id, role: 'CUSTOMER', displayName: null, content, beginOffsetMillis: 1000, endOffsetMillis: 1500, time: null, sentiment: 'NEGATIVE' });
const transcriptMessages = (received: unknown[]) => received.filter((m): m is TranscriptWorkerToView => (m as { type?: string }).type === 'transcript');

describe('the live transcript in the assembled worker', () => {
  let workers: SessionWorker[];
  beforeEach(() => {
    fakeBrowser.reset();
    documents = [];
    installSeams();
    workers = [];
  });
  afterEach(async () => {
    for (const worker of workers) {
      worker.supervisor.dispose();
      await worker.log.flush();
    }
  });

  async function start() {
    const worker = startSessionWorker();
    workers.push(worker);
    await worker.started;
    return worker;
  }

  it('follows a connected call, streams its segments to a transcript view and keeps them across a restart', async () => {
    const worker = await start();
    const view = port('session-view');
    onConnect.fire(view.port);
    view.send({ type: 'command', envelope: { id: 'sign-in', command: { type: 'sign-in', instanceUrl: INSTANCE } } });
    await vi.waitFor(() => expect(documents).toHaveLength(1));
    await fromEngine({ type: 'connection', status: 'ready' });
    await fromEngine({ type: 'state', patch: { agent: AGENT, contacts: [CALL], quickConnects: [] } });
    await vi.waitFor(() =>
      expect(engineCommands.map((e) => e.command)).toContainEqual({ type: 'transcript', request: { op: 'follow', contactId: 'c1', channel: 'voice' }, contactLens: null }),
    );

    const panel = port('transcript-view');
    onConnect.fire(panel.port);
    await fromEngine({ type: 'transcript', contactId: 'c1', segments: [line('s1', 'My router keeps dropping')], source: 'stream' });
    await new Promise((resolve) => setTimeout(resolve, 10)); // kept before the view asks
    panel.send({ type: 'transcript-subscribe', contactId: 'c1' });
    await vi.waitFor(() => expect(transcriptMessages(panel.received)).toHaveLength(1));
    await fromEngine({ type: 'transcript', contactId: 'c1', segments: [line('s2', 'every evening')] });
    await vi.waitFor(() => expect(transcriptMessages(panel.received)).toHaveLength(2));
    expect(transcriptMessages(panel.received).map((m) => [m.full, m.segments.map((s) => s.id)])).toEqual([[true, ['s1']], [false, ['s2']]]);

    // The History tab's read, through the command router: the worker fills in the admin's backend (none here).
    view.send({ type: 'command', envelope: { id: 'history-read', command: { type: 'transcript', request: { op: 'segments', contactId: 'old-1', channel: 'chat' } } } });
    await vi.waitFor(() => expect(engineCommands.find((e) => e.id === 'history-read')?.command).toEqual({ type: 'transcript', request: { op: 'segments', contactId: 'old-1', channel: 'chat' }, contactLens: null }));

    // Chrome stops the worker; the next one finds the transcript in storage.session.
    worker.supervisor.dispose();
    await worker.log.flush();
    fakeBrowser.runtime.onMessage.removeAllListeners();
    fakeBrowser.alarms.onAlarm.removeAllListeners();
    installSeams();
    await start();
    const reopened = port('transcript-view');
    onConnect.fire(reopened.port);
    reopened.send({ type: 'transcript-subscribe', contactId: 'c1' });
    await vi.waitFor(() => expect(transcriptMessages(reopened.received)).toHaveLength(1));
    expect(transcriptMessages(reopened.received)[0]).toMatchObject({ full: true, completed: false, source: 'stream' });
    expect(transcriptMessages(reopened.received)[0]!.segments.map((s) => s.id)).toEqual(['s1', 's2']);
    // The restarted worker asks the surviving engine to follow the call again (harmless if it still does).
    await vi.waitFor(() => expect(engineCommands.some((e) => e.command.type === 'transcript')).toBe(true));
  });

  it('refuses a transcript port from a web page', async () => {
    await start();
    const intruder = port('transcript-view', 'https://crm.example.com/');
    onConnect.fire(intruder.port);
    expect(intruder.isDisconnected()).toBe(true);
  });
});

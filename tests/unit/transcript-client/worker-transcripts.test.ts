// The worker's side of the live transcript: the keeper merges the engine's reports by id, bounds them, keeps
// them across a worker restart (storage) and drops a contact's when it leaves; the following asks the engine to
// follow each connected call and chat (again when the session is ready again, not for a completed transcript)
// and to stop when the contact leaves; views get the whole transcript on subscribe, then increments, and the view
// client subscribes again after the worker restarted.
import { describe, expect, it, vi } from 'vitest';
import type { CommandEnvelope, CommandResult } from '../../../lib/session/commands';
import { emptySnapshot, type ContactView, type SessionSnapshot } from '../../../lib/session/snapshot';
import { TranscriptFollowing } from '../../../lib/transcript/transcript-following';
import { TranscriptKeeper, type KeptTranscript, type TranscriptStorage } from '../../../lib/transcript/transcript-keeper';
import type { TranscriptWorkerToView } from '../../../lib/transcript/transcript-protocol';
import type { TranscriptRequest } from '../../../lib/transcript/transcript-requests';
import type { TranscriptSegmentView } from '../../../lib/transcript/transcript-segments';
import { createTranscriptViewClient, type TranscriptClientPort } from '../../../lib/transcript/transcript-view-client';
import { TranscriptViewHub, type TranscriptViewPort } from '../../../lib/transcript/transcript-view-hub';

function mapStorage(): TranscriptStorage & { data: Map<string, KeptTranscript> } {
  const data = new Map<string, KeptTranscript>();
  return {
    data,
    read: async (id) => structuredClone(data.get(id) ?? null),
    write: async (id, transcript) => void data.set(id, structuredClone(transcript)),
    remove: async (ids) => ids.forEach((id) => data.delete(id)),
    contactIds: async () => [...data.keys()],
  };
}

const seg = (id: string, at: number, overrides: Partial<TranscriptSegmentView> = {}): TranscriptSegmentView => ({
  id,
  role: 'CUSTOMER',
  displayName: null,
  content: `line ${id}`,
  beginOffsetMillis: at,
  endOffsetMillis: at + 500,
  time: null,
  sentiment: 'NEUTRAL',
  ...overrides,
});

const log = { append: vi.fn() };

describe('the transcript keeper', () => {
  it('merges reports by id in the order said, tells listeners only what changed, and survives a restart', async () => {
    const storage = mapStorage();
    const keeper = new TranscriptKeeper(storage);
    const heard: { ids: string[]; completed: boolean }[] = [];
    keeper.subscribe((change) => heard.push({ ids: change.segments.map((s) => s.id), completed: change.completed }));
    await keeper.handleReport({ contactId: 'c1', segments: [seg('b', 2000), seg('a', 1000)], source: 'stream' });
    await keeper.handleReport({ contactId: 'c1', segments: [seg('a', 1000)] }); // nothing new
    await keeper.handleReport({ contactId: 'c1', segments: [seg('a', 1000, { sentiment: 'NEGATIVE' }), seg('c', 3000)] });
    await keeper.handleReport({ contactId: 'c1', segments: [{ nonsense: true } as unknown as TranscriptSegmentView], completed: true });
    expect(heard).toEqual([
      { ids: ['a', 'b'], completed: false },
      { ids: ['a', 'c'], completed: false },
      { ids: [], completed: true },
    ]);
    await keeper.flushed();
    const restarted = new TranscriptKeeper(storage);
    const kept = await restarted.transcript('c1');
    expect(kept.segments.map((s) => [s.id, s.sentiment])).toEqual([['a', 'NEGATIVE'], ['b', 'NEUTRAL'], ['c', 'NEUTRAL']]);
    expect(kept).toMatchObject({ completed: true, source: 'stream' });
    await restarted.prune(new Set(['other']));
    expect(storage.data.has('c1')).toBe(false);
  });

  it('keeps at most the newest segments of a long call', async () => {
    const keeper = new TranscriptKeeper(mapStorage());
    await keeper.handleReport({ contactId: 'c', segments: Array.from({ length: 1005 }, (_, i) => seg(`s${i}`, i * 10)) });
    const kept = await keeper.transcript('c');
    expect(kept.segments).toHaveLength(1000);
    expect(kept.segments[0]!.id).toBe('s5');
  });
});

function contact(id: string, channel: ContactView['channel'], state: ContactView['state']): ContactView {
  return { id, initialContactId: null, channel, state, since: 0, initiationMethod: 'inbound', queueName: null, attributes: {}, connections: [], transferredBy: null, deskPhone: false };
}

const snapshot = (status: SessionSnapshot['connection']['status'], contacts: ContactView[]): SessionSnapshot => ({
  ...emptySnapshot(0),
  connection: { status, since: 0, reason: null },
  contacts,
});

function fakeEngine(answer: (request: TranscriptRequest) => CommandResult = () => ({ ok: true })) {
  const sent: (TranscriptRequest & { contactLens: string | null | undefined })[] = [];
  return {
    sent,
    sendCommand: vi.fn(async (envelope: CommandEnvelope) => {
      if (envelope.command.type !== 'transcript') throw new Error('not a transcript command');
      sent.push({ ...envelope.command.request, contactLens: envelope.command.contactLens });
      return answer(envelope.command.request);
    }),
  };
}

describe('following live contacts', () => {
  it('follows connected calls and chats (not tasks or ringing calls), unfollows and drops those that leave', async () => {
    const engine = fakeEngine();
    const keeper = new TranscriptKeeper(mapStorage());
    const following = new TranscriptFollowing({ engine, keeper, contactLensUrl: async () => '', log });
    const before = snapshot('ready', []);
    const live = snapshot('ready', [contact('call', 'voice', 'connected'), contact('chat', 'chat', 'connected'), contact('task', 'task', 'connected'), contact('ring', 'voice', 'incoming')]);
    following.handleSnapshot(live, before);
    following.handleSnapshot(live, live); // the same contacts again: nothing more
    await vi.waitFor(() => expect(engine.sent).toHaveLength(2));
    expect(engine.sent).toEqual([
      { op: 'follow', contactId: 'call', channel: 'voice', contactLens: null },
      { op: 'follow', contactId: 'chat', channel: 'chat', contactLens: null },
    ]);
    await keeper.handleReport({ contactId: 'call', segments: [seg('a', 1)] });
    const acw = snapshot('ready', [contact('call', 'voice', 'ended')]);
    following.handleSnapshot(acw, live);
    await vi.waitFor(() => expect(engine.sent).toHaveLength(3));
    expect(engine.sent[2]).toMatchObject({ op: 'unfollow', contactId: 'chat' });
    following.handleSnapshot(snapshot('ready', []), acw);
    await vi.waitFor(() => expect(engine.sent).toHaveLength(4));
    expect(engine.sent[3]).toMatchObject({ op: 'unfollow', contactId: 'call' });
    expect((await keeper.transcript('call')).segments).toEqual([]);
  });

  it('asks again once the session is ready after the engine was lost, but not for a completed transcript; attaches the admin’s backend', async () => {
    const engine = fakeEngine();
    const keeper = new TranscriptKeeper(mapStorage());
    const following = new TranscriptFollowing({ engine, keeper, contactLensUrl: async () => 'https://gw.example/cl', log });
    const contacts = [contact('a', 'voice', 'connected'), contact('b', 'voice', 'ended')];
    following.handleSnapshot(snapshot('ready', contacts), snapshot('ready', []));
    await vi.waitFor(() => expect(engine.sent).toHaveLength(2));
    expect(engine.sent[0]!.contactLens).toBe('https://gw.example/cl');
    await keeper.handleReport({ contactId: 'b', segments: [], completed: true });
    following.handleSnapshot(snapshot('engine-lost', contacts), snapshot('ready', contacts));
    following.handleSnapshot(snapshot('ready', contacts), snapshot('engine-lost', contacts));
    await vi.waitFor(() => expect(engine.sent).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(engine.sent.map((r) => `${r.op} ${r.contactId}`)).toEqual(['follow a', 'follow b', 'follow a']);
  });

  it('asks again with the next snapshot when the engine did not take a follow', async () => {
    let fail = true;
    const engine = fakeEngine(() => (fail ? { ok: false, error: { code: 'timeout' } } : { ok: true }));
    const following = new TranscriptFollowing({ engine, keeper: new TranscriptKeeper(mapStorage()), contactLensUrl: async () => '', log });
    const live = snapshot('ready', [contact('a', 'voice', 'connected')]);
    following.handleSnapshot(live, live);
    await vi.waitFor(() => expect(engine.sent).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    fail = false;
    following.handleSnapshot(live, live);
    await vi.waitFor(() => expect(engine.sent).toHaveLength(2));
    expect(log.append).toHaveBeenCalledWith('transcript-follow-failed', expect.objectContaining({ contactId: 'a', code: 'timeout' }));
  });
});

/** A connected pair of ports: the view's end and the worker's end. */
function portPair(url = 'chrome-extension://ext/sidepanel.html') {
  const toWorker: ((m: unknown) => void)[] = [];
  const toView: ((m: unknown) => void)[] = [];
  const disconnects: (() => void)[] = [];
  const worker: TranscriptViewPort & { posted: TranscriptWorkerToView[] } = {
    name: 'transcript-view',
    sender: { id: 'ext', url },
    posted: [],
    postMessage(message) {
      this.posted.push(message);
      toView.forEach((listener) => listener(structuredClone(message)));
    },
    disconnect: () => disconnects.forEach((d) => d()),
    onMessage: { addListener: (listener) => void toWorker.push(listener) },
    onDisconnect: { addListener: () => {} },
  };
  const view: TranscriptClientPort = {
    postMessage: (message) => toWorker.forEach((listener) => listener(structuredClone(message))),
    disconnect: () => {},
    onMessage: { addListener: (listener) => void toView.push(listener) },
    onDisconnect: { addListener: (listener) => void disconnects.push(listener) },
  };
  return { worker, view };
}

describe('views following a transcript', () => {
  it('get the whole transcript on subscribe, then only what changed; other pages are refused', async () => {
    const keeper = new TranscriptKeeper(mapStorage());
    const hub = new TranscriptViewHub({ keeper, isOwnPage: (sender) => sender?.url?.startsWith('chrome-extension://ext/') === true, log });
    await keeper.handleReport({ contactId: 'c1', segments: [seg('a', 1)], source: 'stream' });
    const { worker, view } = portPair();
    expect(hub.attach(worker)).toBe(true);
    const client = createTranscriptViewClient({ connect: () => view });
    const updates: { full: boolean; ids: string[] }[] = [];
    client.follow('c1', (update) => updates.push({ full: update.full, ids: update.segments.map((s) => s.id) }));
    await vi.waitFor(() => expect(updates).toEqual([{ full: true, ids: ['a'] }]));
    await keeper.handleReport({ contactId: 'c1', segments: [seg('b', 2)] });
    await keeper.handleReport({ contactId: 'other', segments: [seg('x', 2)] });
    expect(updates).toEqual([{ full: true, ids: ['a'] }, { full: false, ids: ['b'] }]);

    const page = portPair('https://crm.example.com/');
    page.worker.disconnect = vi.fn();
    expect(hub.attach(page.worker)).toBe(false);
    expect(page.worker.disconnect).toHaveBeenCalled();
  });

  it('subscribe again, and get the whole transcript again, after the worker restarted', async () => {
    vi.useFakeTimers();
    try {
      const keeper = new TranscriptKeeper(mapStorage());
      await keeper.handleReport({ contactId: 'c1', segments: [seg('a', 1)] });
      const hub = new TranscriptViewHub({ keeper, isOwnPage: () => true, log });
      const ports = [portPair(), portPair()];
      let next = 0;
      const client = createTranscriptViewClient({
        connect: () => {
          const pair = ports[next++]!;
          hub.attach(pair.worker);
          return pair.view;
        },
        reconnectDelaysMs: [50],
      });
      const fulls: string[][] = [];
      client.follow('c1', (update) => update.full && fulls.push(update.segments.map((s) => s.id)));
      await vi.advanceTimersByTimeAsync(0);
      ports[0]!.worker.disconnect(); // the worker stopped: the port closes
      await keeper.handleReport({ contactId: 'c1', segments: [seg('b', 2)] });
      await vi.advanceTimersByTimeAsync(50);
      expect(fulls).toEqual([['a'], ['a', 'b']]);
    } finally {
      vi.useRealTimers();
    }
  });
});

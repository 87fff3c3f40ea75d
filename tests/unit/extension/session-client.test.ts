// Unit tests of the side panel's session client: snapshots in sequence, commands answered by id, timeouts,
// and the port to the worker reopened after the worker stops, with unanswered commands resent under the
// same id (the worker runs an id at most once).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSessionClient, type SessionClient, type ViewPort } from '@/lib/messaging/session-client';
import type { ViewToWorker, WorkerToView } from '@/lib/messaging/protocol';
import { emptySnapshot, type SessionSnapshot } from '@/lib/session/snapshot';

/** A port whose worker side the test plays. */
class FakePort implements ViewPort {
  readonly sent: ViewToWorker[] = [];
  private messageListeners: ((message: unknown) => void)[] = [];
  private disconnectListeners: (() => void)[] = [];
  disconnected = false;

  postMessage(message: ViewToWorker) {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(message);
  }
  disconnect() {
    this.disconnected = true;
  }
  onMessage = { addListener: (listener: (message: unknown) => void) => void this.messageListeners.push(listener) };
  onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };

  /** The worker sends a message. */
  deliver(message: WorkerToView) {
    for (const listener of this.messageListeners) listener(message);
  }
  /** The worker is stopped: the port closes from its side. */
  drop() {
    this.disconnected = true;
    for (const listener of this.disconnectListeners) listener();
  }
  commands() {
    return this.sent.filter((m): m is Extract<ViewToWorker, { type: 'command' }> => m.type === 'command');
  }
}

const snapshotAt = (sequence: number): SessionSnapshot => ({ ...emptySnapshot(0), sequence });

describe('session client', () => {
  let ports: FakePort[];
  let client: SessionClient;
  let ids: number;

  beforeEach(() => {
    vi.useFakeTimers();
    ports = [];
    ids = 0;
    client = createSessionClient({
      connect: (name) => {
        expect(name).toBe('session-view');
        const port = new FakePort();
        ports.push(port);
        return port;
      },
      newId: () => `id-${++ids}`,
      reconnectDelaysMs: [10, 100],
    });
    client.start();
  });

  afterEach(() => {
    client.close();
    vi.useRealTimers();
  });

  it('says hello on connecting and passes snapshots on, dropping older ones', () => {
    const seen: number[] = [];
    client.onSnapshot((s) => seen.push(s.sequence));
    expect(ports[0]?.sent[0]).toEqual({ type: 'hello' });
    ports[0]?.deliver({ type: 'snapshot', snapshot: snapshotAt(5) });
    ports[0]?.deliver({ type: 'snapshot', snapshot: snapshotAt(4) });
    ports[0]?.deliver({ type: 'snapshot', snapshot: snapshotAt(7) });
    expect(seen).toEqual([5, 7]);
  });

  it('sends a command in an envelope and resolves with the result of its id', async () => {
    const answer = client.send({ type: 'accept', contactId: 'c1' });
    expect(ports[0]?.commands()).toEqual([{ type: 'command', envelope: { id: 'id-1', command: { type: 'accept', contactId: 'c1' } } }]);
    ports[0]?.deliver({ type: 'result', id: 'other', result: { ok: true } });
    ports[0]?.deliver({ type: 'result', id: 'id-1', result: { ok: false, error: { code: 'contact-not-found' } } });
    await expect(answer).resolves.toEqual({ ok: false, error: { code: 'contact-not-found' } });
  });

  it('answers timeout when the worker says nothing for 20 s', async () => {
    const answer = client.send({ type: 'mute' });
    vi.advanceTimersByTime(19_999);
    let settled = false;
    void answer.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    vi.advanceTimersByTime(1);
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it('reconnects when the worker stops and resends the unanswered command with the same id', async () => {
    const links: boolean[] = [];
    client.onLinkChange((linked) => links.push(linked));
    const answer = client.send({ type: 'hang-up', contactId: 'c1' });
    ports[0]?.drop();
    expect(links).toEqual([false]);
    vi.advanceTimersByTime(10);
    expect(ports).toHaveLength(2);
    expect(links).toEqual([false, true]);
    expect(ports[1]?.sent[0]).toEqual({ type: 'hello' });
    expect(ports[1]?.commands().map((m) => m.envelope)).toEqual([{ id: 'id-1', command: { type: 'hang-up', contactId: 'c1' } }]);
    ports[1]?.deliver({ type: 'result', id: 'id-1', result: { ok: true } });
    await expect(answer).resolves.toEqual({ ok: true });
  });

  it('holds a command sent while the worker is away and sends it on the next port', () => {
    ports[0]?.drop();
    void client.send({ type: 'unmute' });
    expect(ports[0]?.commands()).toEqual([]);
    vi.advanceTimersByTime(10);
    expect(ports[1]?.commands().map((m) => m.envelope.id)).toEqual(['id-1']);
  });

  it('backs off while the worker keeps refusing, and starts over once it answers', () => {
    ports[0]?.drop();
    vi.advanceTimersByTime(10);
    ports[1]?.drop();
    vi.advanceTimersByTime(10);
    expect(ports).toHaveLength(2); // second attempt waits the longer delay
    vi.advanceTimersByTime(90);
    expect(ports).toHaveLength(3);
    ports[2]?.deliver({ type: 'snapshot', snapshot: snapshotAt(1) });
    ports[2]?.drop();
    vi.advanceTimersByTime(10);
    expect(ports).toHaveLength(4);
  });

  it('takes the first snapshot of a new port even if its sequence restarted', () => {
    const seen: number[] = [];
    client.onSnapshot((s) => seen.push(s.sequence));
    ports[0]?.deliver({ type: 'snapshot', snapshot: snapshotAt(9) });
    ports[0]?.drop();
    vi.advanceTimersByTime(10);
    ports[1]?.deliver({ type: 'snapshot', snapshot: snapshotAt(2) });
    expect(seen).toEqual([9, 2]);
  });

  it('fetches the log lines, asking again on a new port if the worker stopped first', async () => {
    const log = client.getLog();
    expect(ports[0]?.sent).toContainEqual({ type: 'get-log' });
    ports[0]?.drop();
    vi.advanceTimersByTime(10);
    expect(ports[1]?.sent).toContainEqual({ type: 'get-log' });
    ports[1]?.deliver({ type: 'log-lines', lines: ['{"t":1}'] });
    await expect(log).resolves.toEqual({ ok: true, lines: ['{"t":1}'] });
  });

  it('stops reconnecting once closed and answers what is pending', async () => {
    const answer = client.send({ type: 'mute' });
    client.close();
    expect(ports[0]?.disconnected).toBe(true);
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'engine-unavailable' } });
    vi.advanceTimersByTime(1_000);
    expect(ports).toHaveLength(1);
  });
});

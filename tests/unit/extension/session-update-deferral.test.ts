// The update deferral over a fake runtime and a real session store: an update arriving with no contact reloads at
// once; with a call (or a chat, or a ringing offer) it waits, through contact work, until the last contact leaves;
// one reload however many snapshots and updates follow; a worker woken by the update reads the restored session
// first; the log says what happened and is flushed before the reload.
import { describe, expect, it } from 'vitest';
import { SessionStore } from '@/lib/session/session-store';
import { emptySnapshot, type ContactView, type SessionSnapshot } from '@/lib/session/snapshot';
import { UpdateDeferral, type UpdateRuntime } from '@/lib/session/update-deferral';
import { agentView, connectedCall, INSTANCE, offeredChat, ringingCall } from './session-test-kit';

class FakeRuntime implements UpdateRuntime {
  reloads = 0;
  private listeners: ((details: { version?: string }) => void)[] = [];
  readonly onUpdateAvailable = { addListener: (listener: (details: { version?: string }) => void) => void this.listeners.push(listener) };
  reload(): void {
    this.reloads += 1;
  }
  /** The browser has downloaded `version` and waits. */
  offer(version: string): void {
    for (const listener of this.listeners) listener({ version });
  }
}

/** A log that keeps its lines and counts flushes (the order of a flush among the lines is noted too). */
function recordingLog() {
  const lines: { event: string; data?: Record<string, unknown> }[] = [];
  return {
    lines,
    events: () => lines.map((l) => l.event),
    append(event: string, data?: Record<string, unknown>) {
      lines.push({ event, data });
    },
    async flush() {
      lines.push({ event: '(flushed)' });
    },
  };
}

function memoryItem(initial: SessionSnapshot | null = null) {
  let value = initial;
  return {
    getValue: async () => value,
    setValue: async (next: SessionSnapshot | null) => {
      value = next;
    },
  };
}

const signedIn = (contacts: ContactView[] = []): SessionSnapshot => ({
  ...emptySnapshot(1000),
  instanceUrl: INSTANCE,
  connection: { status: 'ready', since: 1000, reason: null },
  agent: agentView(),
  contacts,
});

async function deferralWith(contacts: ContactView[]) {
  const store = new SessionStore(memoryItem(signedIn(contacts)) as never);
  await store.load();
  const runtime = new FakeRuntime();
  const log = recordingLog();
  const deferral = new UpdateDeferral({ runtime, store, log }).start();
  const setContacts = (next: ContactView[]) => store.update((current) => ({ ...current, contacts: next }));
  return { store, runtime, log, deferral, setContacts };
}

/** Lets the deferral's awaited steps (the store, the log flush) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the update deferral', () => {
  it('reloads at once when the agent has no contact, after flushing the log', async () => {
    const { runtime, log } = await deferralWith([]);
    runtime.offer('1.4.0');
    await settle();
    expect(runtime.reloads).toBe(1);
    expect(log.events()).toEqual(['update-available', 'update-applying', '(flushed)']);
    expect(log.lines[1]!.data).toEqual({ version: '1.4.0' });
  });

  it('waits through a call and its contact work, and reloads when the last contact leaves', async () => {
    const { runtime, log, deferral, setContacts } = await deferralWith([connectedCall('call-1')]);
    runtime.offer('1.4.0');
    await settle();
    expect(runtime.reloads).toBe(0);
    expect(deferral.pendingVersion).toBe('1.4.0');
    expect(log.lines.find((l) => l.event === 'update-deferred')?.data).toEqual({ version: '1.4.0', contacts: 1 });

    // A chat is offered meanwhile, then the call ends into contact work ('ended') and the chat is accepted.
    await setContacts([connectedCall('call-1'), offeredChat('chat-1')]);
    await setContacts([connectedCall('call-1', { state: 'ended' }), offeredChat('chat-1', { state: 'connected' })]);
    await setContacts([offeredChat('chat-1', { state: 'connected' })]);
    await settle();
    expect(runtime.reloads).toBe(0);

    await setContacts([]);
    await settle();
    expect(runtime.reloads).toBe(1);
    expect(log.events().filter((e) => e === 'update-deferred')).toHaveLength(1);
    expect(log.events().slice(-2)).toEqual(['update-applying', '(flushed)']);
  });

  it('reloads once, whatever snapshots and further updates follow', async () => {
    const { runtime, setContacts } = await deferralWith([ringingCall('call-1')]);
    runtime.offer('1.4.0');
    runtime.offer('1.4.1');
    await settle();
    await setContacts([]);
    await setContacts([]);
    runtime.offer('1.4.2');
    await settle();
    expect(runtime.reloads).toBe(1);
  });

  it('does nothing on contacts closing when no update waits', async () => {
    const { runtime, log, setContacts } = await deferralWith([connectedCall('call-1')]);
    await setContacts([]);
    await settle();
    expect(runtime.reloads).toBe(0);
    expect(log.lines).toEqual([]);
  });

  it('in a worker woken by the update, decides on the restored session, not the empty one before it', async () => {
    const store = new SessionStore(memoryItem(signedIn([connectedCall('call-1')])) as never);
    const runtime = new FakeRuntime();
    const log = recordingLog();
    const loading = store.load(); // started in the worker's first turn, as startSessionWorker does
    new UpdateDeferral({ runtime, store, log }).start();
    runtime.offer('1.4.0'); // the event that woke the worker, before the session is read
    expect(store.isReady).toBe(false);
    await loading;
    await settle();
    expect(runtime.reloads).toBe(0);
    expect(log.events()).toEqual(['update-available', 'update-deferred']);
  });

  it('holds back again when a contact is offered while the log is written', async () => {
    const { store, runtime, log } = await deferralWith([]);
    const flush = log.flush;
    let offers = 1;
    log.flush = async () => {
      if (offers-- > 0) await store.update((current) => ({ ...current, contacts: [ringingCall('call-2')] }));
      await flush();
    };
    runtime.offer('1.4.0');
    await settle();
    expect(runtime.reloads).toBe(0);
    await store.update((current) => ({ ...current, contacts: [] }));
    await settle();
    expect(runtime.reloads).toBe(1);
  });

  it('says so in the log when the reload fails, and does not retry it', async () => {
    const { runtime, log, deferral } = await deferralWith([]);
    runtime.reload = () => {
      throw new Error('not now');
    };
    runtime.offer('1.4.0');
    await settle();
    expect(log.lines.at(-1)).toEqual({ event: 'update-reload-failed', data: { version: '1.4.0', detail: 'not now' } });
    expect(deferral.pendingVersion).toBeNull();
  });
});

// The worker's session store: changes are saved to storage.session and restored by a new worker; every change
// increments the sequence; nothing is saved before the stored session has been read.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SessionStore } from '@/lib/session/session-store';
import { withConnection } from '@/lib/session/session-transitions';
import { snapshotItem } from '@/lib/settings/storage-items';
import { readySnapshot } from './session-test-kit';

describe('session store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('restores the snapshot a previous worker saved', async () => {
    const first = new SessionStore(snapshotItem);
    await first.load();
    await first.update(() => readySnapshot());

    // A restarted worker: new objects, same storage.session.
    const second = new SessionStore(snapshotItem);
    const restore = await second.load();

    expect(restore.restored).toBe(true);
    expect(second.snapshot.connection.status).toBe('ready');
    expect(second.snapshot.agent?.username).toBe('agent1');
    expect(second.snapshot.sequence).toBe(first.snapshot.sequence);
    expect(restore.readMs).toBeLessThan(100);
  });

  it('starts signed out when nothing is stored', async () => {
    const store = new SessionStore(snapshotItem);
    const restore = await store.load();
    expect(restore.restored).toBe(false);
    expect(store.snapshot.connection.status).toBe('signed-out');
  });

  it('ignores a stored value that is not a snapshot', async () => {
    await fakeBrowser.storage.session.set({ 'session.snapshot': { hello: 'world' } });
    expect(await snapshotItem.getValue()).toEqual({ hello: 'world' });
    const store = new SessionStore(snapshotItem);
    expect((await store.load()).restored).toBe(false);
    expect(store.snapshot.connection.status).toBe('signed-out');
  });

  it('increments the sequence on every change and not on a no-op', async () => {
    const store = new SessionStore(snapshotItem);
    await store.load();
    const seen: number[] = [];
    store.subscribe((snapshot) => seen.push(snapshot.sequence));

    await store.update(() => readySnapshot({ sequence: 0 }));
    await store.update((s) => withConnection(s, 'engine-lost', 'engine-closed', 2000));
    await store.update((s) => withConnection(s, 'engine-lost', 'engine-closed', 3000)); // same state: no change

    expect(seen).toEqual([1, 2]);
    expect((await snapshotItem.getValue())?.sequence).toBe(2);
  });

  it('continues the sequence after a restart, so views do not drop the restored state as stale', async () => {
    const first = new SessionStore(snapshotItem);
    await first.load();
    await first.update(() => readySnapshot());
    await first.update((s) => withConnection(s, 'engine-lost', 'x', 2));
    const before = first.snapshot.sequence;

    const second = new SessionStore(snapshotItem);
    await second.load();
    await second.update((s) => withConnection(s, 'ready', null, 3));
    expect(second.snapshot.sequence).toBe(before + 1);
  });

  it('refuses to save before load() instead of overwriting the stored session', async () => {
    await snapshotItem.setValue(readySnapshot({ sequence: 42 }));
    const store = new SessionStore(snapshotItem);

    await expect(store.update(() => readySnapshot({ sequence: 0 }))).rejects.toThrow(/before load/);
    expect((await snapshotItem.getValue())?.sequence).toBe(42);
  });

  it('applies a change made while loading on top of the stored snapshot', async () => {
    await snapshotItem.setValue(readySnapshot({ sequence: 42 }));
    const store = new SessionStore(snapshotItem);
    void store.load();
    // The worker was woken by an engine report: it arrives before the stored session has been read.
    const { current } = await store.update((s) => withConnection(s, 'engine-lost', 'engine-closed', 5));

    expect(current.sequence).toBe(43);
    expect(current.agent?.username).toBe('agent1');
    expect((await snapshotItem.getValue())?.connection.status).toBe('engine-lost');
  });

  it('announces a change only after it is saved', async () => {
    const store = new SessionStore(snapshotItem);
    await store.load();
    const storedWhenAnnounced: (number | undefined)[] = [];
    store.subscribe(() => {
      void snapshotItem.getValue().then((stored) => storedWhenAnnounced.push(stored?.sequence));
    });
    await store.update(() => readySnapshot({ sequence: 0 }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(storedWhenAnnounced).toEqual([1]);
  });
});

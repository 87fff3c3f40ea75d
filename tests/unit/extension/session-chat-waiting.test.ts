// Chats waiting for the agent's reply: the rule (the first customer message after the agent's last message or
// attachment; events never count), and the worker keeping the snapshot's `chatWaitingSince` in step with its
// transcripts — changed only when a chat starts or stops waiting, dropped with its contact, computed for a chat
// whose items came before its contact did, and recomputed by a restarted worker from storage.session.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { customerWaitingSince } from '@/lib/session/chat-transcript';
import { ChatTranscriptStore } from '@/lib/session/chat-transcript-store';
import { browserChatTranscriptStorage } from '@/lib/session/chat-transcript-storage';
import { ChatWaitingTracker } from '@/lib/session/chat-waiting';
import { SessionStore } from '@/lib/session/session-store';
import { signedOut, withChatWaitingSince, withEngineState } from '@/lib/session/session-transitions';
import { snapshotItem } from '@/lib/settings/storage-items';
import { agentView, chatItemView as item, connectedChat, readySnapshot } from './session-test-kit';

const agentSays = (id: string, time: number) => item(id, time, { role: 'AGENT', own: true, displayName: 'Emily' });
const event = (id: string, time: number, role: 'AGENT' | 'CUSTOMER') => item(id, time, { kind: 'event', role, content: '', eventType: 'participant.joined' });

describe('customerWaitingSince', () => {
  it.each([
    ['nothing yet', [], null],
    ['the customer wrote', [item('m1', 10), item('m2', 20)], 10],
    ['the agent answered', [item('m1', 10), agentSays('a1', 15)], null],
    ['the customer wrote again after the answer', [item('m1', 10), agentSays('a1', 15), item('m2', 30), item('m3', 40)], 30],
    ['only events after the answer', [item('m1', 10), agentSays('a1', 15), event('e1', 20, 'CUSTOMER'), event('e2', 25, 'AGENT')], null],
    ['an agent event is no answer', [item('m1', 10), event('e1', 20, 'AGENT')], 10],
    ['the customer sent a file', [item('f1', 12, { kind: 'attachment', content: '' })], 12],
    ['the agent sent a file', [item('m1', 10), agentSays('f2', 14)].map((i) => (i.id === 'f2' ? { ...i, kind: 'attachment' as const } : i)), null],
  ])('%s', (_name, items, expected) => {
    expect(customerWaitingSince(items)).toBe(expected);
  });
});

describe('withChatWaitingSince', () => {
  it('sets and clears one chat, and returns the same snapshot when nothing changes or the chat is not in the session', () => {
    const snapshot = readySnapshot({ contacts: [connectedChat('a')] });
    const waiting = withChatWaitingSince(snapshot, 'a', 10);
    expect(waiting.chatWaitingSince).toEqual({ a: 10 });
    expect(withChatWaitingSince(waiting, 'a', 10)).toBe(waiting);
    expect(withChatWaitingSince(waiting, 'a', null).chatWaitingSince).toEqual({});
    expect(withChatWaitingSince(snapshot, 'gone', 10)).toBe(snapshot);
    expect(withChatWaitingSince(signedOut(snapshot, 1), 'a', 10).chatWaitingSince).toEqual({});
  });
});

describe('ChatWaitingTracker', () => {
  let store: SessionStore;
  let chats: ChatTranscriptStore;
  let tracker: ChatWaitingTracker;
  let updates: number;

  async function startWorker() {
    store = new SessionStore(snapshotItem);
    await store.load();
    chats = new ChatTranscriptStore(browserChatTranscriptStorage());
    tracker = new ChatWaitingTracker({ store, chats }).start();
    updates = 0;
    store.subscribe(() => (updates += 1));
  }

  /** Items reported by the engine, and everything that follows from them. */
  async function report(contactId: string, ...items: ReturnType<typeof item>[]) {
    await chats.handleEngineEvent({ type: 'chat-items', contactId, items });
    await tracker.idle();
  }

  beforeEach(async () => {
    fakeBrowser.reset();
    await startWorker();
    await store.update(() => readySnapshot({ contacts: [connectedChat('a'), connectedChat('b')] }));
    await tracker.handleSnapshot(store.snapshot);
    updates = 0;
  });

  it('follows the conversation, changing the snapshot only when a chat starts or stops waiting', async () => {
    await report('a', item('m1', 100));
    expect(store.snapshot.chatWaitingSince).toEqual({ a: 100 });
    await report('a', item('m2', 200));
    await report('b', item('n1', 150));
    expect(store.snapshot.chatWaitingSince).toEqual({ a: 100, b: 150 });
    expect(updates).toBe(2);
    await report('a', agentSays('r1', 250));
    expect(store.snapshot.chatWaitingSince).toEqual({ b: 150 });
    expect(updates).toBe(3);
  });

  it('drops a chat with its contact', async () => {
    await report('a', item('m1', 100));
    await store.update((current) => withEngineState(current, { agent: agentView(), contacts: [connectedChat('b')], quickConnects: [] }, 2));
    expect(store.snapshot.chatWaitingSince).toEqual({});
  });

  it('computes a chat whose items came before its contact reached the session', async () => {
    await report('c', item('early', 90));
    expect(store.snapshot.chatWaitingSince).toEqual({});
    // The tracker hears the snapshot through its subscription.
    await store.update((snapshot) => withEngineState(snapshot, { agent: agentView(), contacts: [connectedChat('a'), connectedChat('b'), connectedChat('c')], quickConnects: [] }, 2));
    await tracker.idle();
    expect(store.snapshot.chatWaitingSince).toEqual({ c: 90 });
  });

  it('a restarted worker computes the restored chats from the stored transcripts', async () => {
    await report('a', item('m1', 100));
    await report('b', item('n1', 150), agentSays('r1', 160));
    await chats.flushed();
    // The snapshot restored without the waiting times (as if they were lost): the new worker finds them again.
    await store.update((current) => ({ ...current, chatWaitingSince: {} }));
    tracker.stop();
    await startWorker();
    expect(store.snapshot.chatWaitingSince).toEqual({});
    await tracker.handleSnapshot(store.snapshot);
    expect(store.snapshot.chatWaitingSince).toEqual({ a: 100 });
  });
});

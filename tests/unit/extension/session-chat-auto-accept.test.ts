// Chat auto-accept in the worker: with the setting on, an offered chat is accepted once through the command
// router (never a call, never with the setting off or the session not ready), turning the setting on accepts a
// chat already offered, a restarted worker does not accept the same chat again, and a failed accept is tried
// again a few times only while the chat is still offered. Each accept is in the session log.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ChatAutoAccept, MAX_ATTEMPTS } from '@/lib/session/chat-auto-accept';
import { CommandRouter } from '@/lib/session/command-router';
import type { CommandResult } from '@/lib/session/commands';
import { SessionStore } from '@/lib/session/session-store';
import type { SessionSnapshot } from '@/lib/session/snapshot';
import { autoAcceptedChatsItem, snapshotItem } from '@/lib/settings/storage-items';
import { connectedChat, FakeEngineChannel, offeredChat, readySnapshot, RecordingLog, ringingCall } from './session-test-kit';

let engine: FakeEngineChannel;
let log: RecordingLog;
let store: SessionStore;

/** A worker's auto-accept over the real router and storage.session (a new one is a restarted worker). */
function startWorker(): ChatAutoAccept {
  const router = new CommandRouter({ store, engine, session: { signIn: async () => ({ ok: true }), signOut: async () => ({ ok: true }) }, log });
  return new ChatAutoAccept({ execute: (envelope) => router.execute(envelope), log, accepted: autoAcceptedChatsItem });
}

async function show(snapshot: SessionSnapshot): Promise<SessionSnapshot> {
  return (await store.update(() => snapshot)).current;
}

const acceptedIds = () => engine.commands.filter((c) => c.command.type === 'accept').map((c) => (c.command as { contactId: string }).contactId);
const autoAcceptLines = () => log.entries.filter((entry) => entry.event === 'chat-auto-accepted').map((entry) => entry.data);

beforeEach(async () => {
  fakeBrowser.reset();
  engine = new FakeEngineChannel();
  log = new RecordingLog();
  store = new SessionStore(snapshotItem);
  await store.load();
});

describe('chat auto-accept', () => {
  it('accepts an offered chat once when the setting is on, and logs it', async () => {
    const autoAccept = startWorker();
    await autoAccept.handleSettings(true);
    await autoAccept.handleSnapshot(await show(readySnapshot({ contacts: [offeredChat('chat-1')] })));
    await autoAccept.handleSnapshot(await show(readySnapshot({ contacts: [offeredChat('chat-1')], sequence: 9 })));
    await autoAccept.handleSnapshot(await show(readySnapshot({ contacts: [connectedChat('chat-1')] })));
    expect(acceptedIds()).toEqual(['chat-1']);
    expect(engine.commands[0]!.id).toBe('chat-auto-accept:chat-1:1');
    expect(autoAcceptLines()).toEqual([expect.objectContaining({ contactId: 'chat-1', attempt: 1, ok: true })]);
    expect(await autoAcceptedChatsItem.getValue()).toEqual(['chat-1']);
  });

  it('leaves chats alone with the setting off, and calls alone always', async () => {
    const autoAccept = startWorker();
    await autoAccept.handleSettings(false);
    await autoAccept.handleSnapshot(await show(readySnapshot({ contacts: [offeredChat('chat-1'), ringingCall('call-1')] })));
    expect(engine.commands).toEqual([]);
    // On: the chat already offered is accepted, the ringing call is not.
    await autoAccept.handleSettings(true);
    expect(acceptedIds()).toEqual(['chat-1']);
  });

  it('waits for a ready session', async () => {
    const autoAccept = startWorker();
    await autoAccept.handleSettings(true);
    await autoAccept.handleSnapshot(await show(readySnapshot({ contacts: [offeredChat()], connection: { status: 'engine-lost', since: 1, reason: 'engine-closed' } })));
    expect(engine.commands).toEqual([]);
    await autoAccept.handleSnapshot(await show(readySnapshot({ contacts: [offeredChat()] })));
    expect(acceptedIds()).toEqual(['chat-1']);
  });

  it('a restarted worker does not accept a chat its predecessor accepted, even while it is still offered', async () => {
    const first = startWorker();
    await first.handleSettings(true);
    const offered = await show(readySnapshot({ contacts: [offeredChat('chat-1')] }));
    await first.handleSnapshot(offered);

    const restarted = startWorker();
    await restarted.handleSettings(true);
    await restarted.handleSnapshot(offered);
    await restarted.handleSnapshot(await show(readySnapshot({ contacts: [offeredChat('chat-1'), offeredChat('chat-2')] })));
    expect(acceptedIds()).toEqual(['chat-1', 'chat-2']);
  });

  it('tries a failed accept again while the chat is still offered, at most a few times', async () => {
    engine.answer = async (): Promise<CommandResult> => ({ ok: false, error: { code: 'timeout' } });
    const autoAccept = startWorker();
    await autoAccept.handleSettings(true);
    for (let sequence = 1; sequence <= MAX_ATTEMPTS + 2; sequence += 1) {
      await autoAccept.handleSnapshot(await show(readySnapshot({ contacts: [offeredChat('chat-1')], sequence })));
    }
    expect(engine.commands.map((c) => c.id)).toEqual(Array.from({ length: MAX_ATTEMPTS }, (_, i) => `chat-auto-accept:chat-1:${i + 1}`));
    expect(autoAcceptLines().map((line) => [line.attempt, line.ok, line.code])).toEqual(Array.from({ length: MAX_ATTEMPTS }, (_, i) => [i + 1, false, 'timeout']));
  });

  it("takes a chat reported as 'incoming' for an offer too, and never a chat the agent's leg already joined", async () => {
    const autoAccept = startWorker();
    await autoAccept.handleSettings(true);
    const joining = offeredChat('chat-2');
    const joined = { ...joining, connections: joining.connections.map((c) => ({ ...c, state: 'connected' as const })) };
    await autoAccept.handleSnapshot(await show(readySnapshot({ contacts: [offeredChat('chat-1', { state: 'incoming' }), joined] })));
    expect(acceptedIds()).toEqual(['chat-1']);
  });

  it('accepts several chats offered together, each once', async () => {
    const autoAccept = startWorker();
    await autoAccept.handleSettings(true);
    await autoAccept.handleSnapshot(await show(readySnapshot({ contacts: [offeredChat('chat-1'), offeredChat('chat-2'), connectedChat('chat-0')] })));
    expect(acceptedIds()).toEqual(['chat-1', 'chat-2']);
  });
});

// The engine's chats against a fake ChatJS session: items from events and from GetTranscript become one ordered,
// deduplicated transcript; the worker hears increments and full transcripts; receipts, typing, and the backfill
// that recovers what was pushed while the engine was not listening (a restart, a dropped socket).
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '@/lib/messaging/protocol';
import type { ChatJsItem } from '@/lib/streams/chat-api';
import { toChatItemView } from '@/lib/streams/chat-items';
import { ChatSessions } from '@/lib/streams/chat-sessions';
import { AGENT_PARTICIPANT, chatItem, eventItem, FakeChatSession, isoAt } from './chatjs-fakes';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function harness(options: { connected?: boolean; session?: FakeChatSession; pageSize?: number } = {}) {
  const events: EngineEvent[] = [];
  const logs: string[] = [];
  const session = options.session ?? new FakeChatSession();
  const chats = new ChatSessions({ report: (e) => events.push(e), log: (e) => logs.push(e), pageSize: options.pageSize, now: () => 1 });
  let obtained = 0;
  const track = (connected = options.connected ?? true) =>
    chats.track({
      contactId: 'chat-1',
      participantId: AGENT_PARTICIPANT,
      attachmentsEnabled: true,
      connected,
      session: async () => {
        obtained += 1;
        return session;
      },
    });
  const chatEvents = () => events.filter((e): e is Extract<EngineEvent, { type: 'chat-items' }> => e.type === 'chat-items');
  return { chats, session, events, chatEvents, logs, track, obtained: () => obtained };
}

describe('chat items from ChatJS', () => {
  it('maps messages, attachments and visible events; typing, receipts and acknowledgements are not lines', () => {
    const message = toChatItemView(chatItem('m1', 1, { ContentType: 'text/markdown', Content: '**hi**' }), AGENT_PARTICIPANT, 0);
    expect(message).toEqual({
      id: 'm1',
      kind: 'message',
      role: 'CUSTOMER',
      own: false,
      displayName: 'Hana Sato',
      time: Date.parse(isoAt(1)),
      contentType: 'text/markdown',
      content: '**hi**',
    });
    const attachment = toChatItemView(
      chatItem('a1', 2, { Type: 'ATTACHMENT', ContentType: 'image/png', Attachments: [{ AttachmentId: 'att-1', AttachmentName: 'x.png', ContentType: 'image/png', Status: 'APPROVED' }] }),
      AGENT_PARTICIPANT,
      0,
    );
    expect(attachment).toMatchObject({ kind: 'attachment', content: '', attachments: [{ id: 'att-1', name: 'x.png', contentType: 'image/png', status: 'APPROVED' }] });
    expect(toChatItemView(eventItem('e1', 3, 'participant.joined', { ParticipantRole: 'AGENT' }), AGENT_PARTICIPANT, 0)).toMatchObject({
      kind: 'event',
      role: 'AGENT',
      eventType: 'participant.joined',
    });
    for (const hidden of ['typing', 'message.read', 'message.delivered', 'connection.acknowledged']) {
      expect(toChatItemView(eventItem('h', 4, hidden), AGENT_PARTICIPANT, 0)).toBeNull();
    }
    expect(toChatItemView(chatItem('r', 5, { Type: 'MESSAGEMETADATA' }), AGENT_PARTICIPANT, 0)).toBeNull();
  });

  it("reads receipts from the side that matters: the customer's on own messages, the agent's on the customer's", () => {
    const own = chatItem('o', 1, {
      ParticipantId: AGENT_PARTICIPANT,
      ParticipantRole: 'AGENT',
      MessageMetadata: { MessageId: 'o', Receipts: [{ ReadTimestamp: isoAt(2), RecipientParticipantId: 'customer-participant' }] },
    });
    expect(toChatItemView(own, AGENT_PARTICIPANT, 0)).toMatchObject({ own: true, role: 'AGENT', receipt: 'read' });
    const theirs = chatItem('c', 1, { MessageMetadata: { MessageId: 'c', Receipts: [{ DeliveredTimestamp: isoAt(2), RecipientParticipantId: AGENT_PARTICIPANT }] } });
    expect(toChatItemView(theirs, AGENT_PARTICIPANT, 0)?.receipt).toBe('delivered');
    expect(toChatItemView(chatItem('n', 1), AGENT_PARTICIPANT, 0)?.receipt).toBeUndefined();
  });
});

describe('chat sessions in the engine', () => {
  it('obtains the session once, fetches the whole transcript page by page and reports it in full', async () => {
    const h = harness({ pageSize: 2 });
    h.session.transcript = [chatItem('m1', 1), eventItem('e1', 2, 'participant.joined'), chatItem('m2', 3), chatItem('m3', 4), chatItem('m4', 5)];
    h.track();
    h.track();
    await flush();
    await flush();

    expect(h.obtained()).toBe(1);
    expect(h.session.transcriptCalls.map((c) => c.nextToken ?? null)).toEqual([null, '3', '1']);
    const full = h.chatEvents().find((e) => e.full);
    expect(full?.items.map((i) => i.id)).toEqual(['m1', 'e1', 'm2', 'm3', 'm4']);
  });

  it('after an engine restart, a chat already live is backfilled: nothing pushed meanwhile is lost', async () => {
    // The first engine saw m1; m2 and m3 arrived while no engine listened.
    const session = new FakeChatSession();
    session.transcript = [chatItem('m1', 1), chatItem('m2', 2), chatItem('m3', 3)];
    const h = harness({ session });
    h.track();
    await flush();
    await flush();
    expect(h.chats.items('chat-1').map((i) => i.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('reports a live message as an increment, deduplicated against the backfill, and acknowledges it', async () => {
    const h = harness();
    h.session.transcript = [chatItem('m1', 1)];
    h.track();
    await flush();
    await flush();
    h.events.length = 0;

    h.session.emit('message', chatItem('m1', 1));
    h.session.emit('message', chatItem('m2', 2));

    expect(h.chatEvents()).toEqual([{ type: 'chat-items', contactId: 'chat-1', items: [expect.objectContaining({ id: 'm2', receipt: 'delivered' })] }]);
    expect(h.session.sentEvents).toContainEqual({ contentType: 'application/vnd.amazonaws.connect.event.message.delivered', content: '{"messageId":"m2"}' });
  });

  it('sends no delivered receipt while the chat only rings, and the newest one when the agent accepts', async () => {
    const h = harness({ connected: false });
    h.session.transcript = [chatItem('m1', 1), chatItem('m2', 2)];
    h.track(false);
    await flush();
    await flush();
    h.session.emit('message', chatItem('m3', 3));
    expect(h.session.sentEvents).toEqual([]);

    h.track(true);
    expect(h.session.sentEvents).toEqual([{ contentType: 'application/vnd.amazonaws.connect.event.message.delivered', content: '{"messageId":"m3"}' }]);
  });

  it("updates own messages' receipts from the customer's receipts, never backwards", async () => {
    const h = harness();
    h.session.transcript = [chatItem('mine', 1, { ParticipantId: AGENT_PARTICIPANT, ParticipantRole: 'AGENT' })];
    h.track();
    await flush();
    await flush();

    const receipt = (kind: 'ReadTimestamp' | 'DeliveredTimestamp'): ChatJsItem => ({
      Type: 'MESSAGEMETADATA',
      MessageMetadata: { MessageId: 'mine', Receipts: [{ [kind]: isoAt(5), RecipientParticipantId: 'customer-participant' }] },
    });
    h.session.emit('readReceipt', receipt('ReadTimestamp'));
    h.session.emit('deliveredReceipt', receipt('DeliveredTimestamp'));
    expect(h.chats.items('chat-1')[0].receipt).toBe('read');
  });

  it("reports the customer's typing, not the agent's own", async () => {
    const h = harness();
    h.track();
    await flush();
    h.session.emit('typing', eventItem('t1', 1, 'typing'));
    h.session.emit('typing', eventItem('t2', 1, 'typing', { ParticipantId: AGENT_PARTICIPANT, ParticipantRole: 'AGENT' }));
    expect(h.events.filter((e) => e.type === 'chat-typing')).toEqual([{ type: 'chat-typing', contactId: 'chat-1', role: 'CUSTOMER', at: 1 }]);
  });

  it('fetches the transcript again when the connection is re-established (items pushed during the drop)', async () => {
    const h = harness();
    h.session.transcript = [chatItem('m1', 1)];
    h.track();
    await flush();
    await flush();
    h.session.transcript.push(chatItem('m2', 2));
    h.session.emit('connectionEstablished');
    await flush();
    await flush();
    expect(h.chats.items('chat-1').map((i) => i.id)).toEqual(['m1', 'm2']);
  });

  it('marks a message and the earlier customer messages read, sends one read receipt, and re-reports on resync', async () => {
    const h = harness();
    h.session.transcript = [chatItem('m1', 1), chatItem('m2', 2), chatItem('m3', 3)];
    h.track();
    await flush();
    await flush();
    expect(h.chats.markRead('chat-1', 'm2')).toBe(true);
    h.chats.sendRead('chat-1', 'm2');
    expect(h.chats.items('chat-1').map((i) => i.receipt ?? null)).toEqual(['read', 'read', 'delivered']);
    // Read already: nothing changes, and the command sends no second receipt for it.
    expect(h.chats.markRead('chat-1', 'm1')).toBe(false);
    expect(h.chats.markRead('chat-1', 'unknown')).toBe(false);
    expect(h.session.sentEvents.at(-1)).toEqual({ contentType: 'application/vnd.amazonaws.connect.event.message.read', content: '{"messageId":"m2"}' });

    h.events.length = 0;
    h.chats.resync();
    expect(h.chatEvents()).toEqual([expect.objectContaining({ contactId: 'chat-1', full: true })]);
  });

  it('stops using a session after chat.ended, and forgets chats that left the agent', async () => {
    const h = harness();
    h.track();
    await flush();
    h.session.emit('message', eventItem('end', 9, 'chat.ended', { ParticipantRole: 'SYSTEM' }));
    expect(await h.chats.session('chat-1')).toBeNull();
    expect(h.chats.items('chat-1').map((i) => i.eventType)).toEqual(['chat.ended']);

    h.chats.retain(new Set());
    expect(h.chats.contactIds()).toEqual([]);
  });

  it('retries a media controller that failed, after a pause', async () => {
    const events: EngineEvent[] = [];
    let now = 0;
    let attempts = 0;
    const chats = new ChatSessions({ report: (e) => events.push(e), log: () => undefined, now: () => now, retryAfterMs: 5000 });
    const track = () =>
      chats.track({
        contactId: 'chat-1',
        participantId: AGENT_PARTICIPANT,
        attachmentsEnabled: true,
        connected: true,
        session: () => {
          attempts += 1;
          return Promise.reject(new Error('Media info does not exist for this connection'));
        },
      });
    track();
    await flush();
    track();
    now = 6000;
    track();
    await flush();
    expect(attempts).toBe(2);
  });
});

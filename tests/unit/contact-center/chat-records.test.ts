// Contact records of chats, as stored in SQLite and read back: channel CHAT, queue time, the agent's first response
// time (from connecting to the first message), agent interaction time, After Contact Work, the disconnect reason and
// the links a transfer makes (InitialContactId, PreviousContactId, NextContactId), on a virtual clock.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../contact-center/clock';
import { type RunningContactCenter, startContactCenter } from '../../../contact-center/server/contact-center-server';
import { getContactRecord, listContactRecords } from '../../../contact-center/store/contact-record-repository';
import { type ChatStack, openChatStack } from './chat-stack-fixture';
import { injectFetch } from './inject-fetch';

const SECOND = 1_000;

let stack: ChatStack | undefined;
afterEach(() => {
  stack?.close();
  stack = undefined;
});

describe('a chat contact record', () => {
  it('keeps queue time, first response, interaction time, ACW and the disconnect reason in SQLite', () => {
    stack = openChatStack();
    const s = stack;
    const { contactId, customerToken } = s.startChat();
    s.clock.advance(12 * SECOND); // no agent available: waiting in the queue
    s.engine.setStatus('agent1', 'available');
    s.clock.advance(3 * SECOND); // ringing
    const { agentToken } = s.accept('agent1', contactId);
    const connectedAt = s.clock.now();
    s.clock.advance(40 * SECOND);
    s.say(customerToken, 'Are you there?'); // a customer message is not a response
    s.clock.advance(5 * SECOND);
    s.say(agentToken, 'Yes, looking at it now');
    s.clock.advance(30 * SECOND);
    s.say(agentToken, 'Done');
    s.clock.advance(60 * SECOND);
    s.chat.disconnectParticipant(customerToken);
    s.clock.advance(20 * SECOND);
    s.engine.clearContact('agent1', contactId);

    const record = getContactRecord(s.db, contactId)!;
    expect(record).toMatchObject({
      channel: 'chat',
      initiationMethod: 'api',
      queueId: 'basic',
      agentId: 'agent1',
      state: 'ended',
      disconnectReason: 'customer_disconnect',
      initialContactId: contactId,
      previousContactId: null,
      nextContactId: null,
      connectedToAgentAt: connectedAt,
      queueDurationMs: 12 * SECOND,
      ringDurationMs: 3 * SECOND,
      talkDurationMs: 135 * SECOND, // agent interaction time: connected to the customer leaving
      acwDurationMs: 20 * SECOND,
      chat: { customerDisplayName: 'Hanako Yamada', durationMinutes: 1_500, agentFirstResponseAt: connectedAt + 45 * SECOND, agentFirstResponseMs: 45 * SECOND },
    });
    expect(record.disconnectedAt).toBe(connectedAt + 135 * SECOND);
  });

  it('has no first response when the agent never wrote, and reason agent_disconnect when the agent ended it', () => {
    stack = openChatStack();
    const s = stack;
    const { contactId } = s.startChat();
    s.accept('agent1', contactId);
    s.clock.advance(10 * SECOND);
    s.engine.destroyConnection('agent1', contactId, s.engine.getAgentView('agent1').contacts[0].chat!.agentConnectionId);
    expect(getContactRecord(s.db, contactId)).toMatchObject({
      state: 'acw',
      disconnectReason: 'agent_disconnect',
      talkDurationMs: 10 * SECOND,
      chat: { agentFirstResponseAt: null, agentFirstResponseMs: null },
    });
  });

  it('links a transferred chat both ways, each contact with its own queue time and first response', () => {
    stack = openChatStack();
    const s = stack;
    const { contactId: first, customerToken } = s.startChat();
    const agent1 = s.accept('agent1', first);
    s.clock.advance(4 * SECOND);
    s.say(agent1.agentToken, 'Let me pass you to Support');
    s.clock.advance(SECOND);
    s.engine.setStatus('agent1', 'break'); // Basic agents serve Support too: agent1 must not get the chat back
    const second = s.engine.transferChat('agent1', first, 'qc-support-queue');
    s.clock.advance(8 * SECOND);
    const agent3 = s.accept('agent3', second, 'Kenji Sato');
    s.clock.advance(7 * SECOND);
    s.say(agent3.agentToken, 'Support here');
    s.clock.advance(SECOND);
    s.chat.disconnectParticipant(customerToken);

    const records = listContactRecords(s.db, { channel: 'chat', initialContactId: first });
    expect(records.map((r) => r.contactId)).toEqual([second, first]); // newest first
    expect(records[1]).toMatchObject({
      contactId: first,
      nextContactId: second,
      disconnectReason: 'transferred',
      transfers: [{ to: 'support', kind: 'queue', completed: true }],
      chat: { agentFirstResponseMs: 4 * SECOND },
    });
    expect(records[0]).toMatchObject({
      contactId: second,
      initialContactId: first,
      previousContactId: first,
      initiationMethod: 'transfer',
      queueId: 'support',
      agentId: 'agent3',
      queueDurationMs: 8 * SECOND,
      disconnectReason: 'customer_disconnect',
      chat: { agentFirstResponseMs: 7 * SECOND },
    });
  });

  it('is found by channel and chain without the voice records around it', () => {
    stack = openChatStack();
    const s = stack;
    const call = s.engine.startInboundCall({ from: '+819012345678', queueId: 'basic' });
    const { contactId } = s.startChat();
    s.startChat('Other customer');
    expect(listContactRecords(s.db, { channel: 'voice' }).map((r) => r.contactId)).toEqual([call]);
    expect(listContactRecords(s.db, { channel: 'chat' })).toHaveLength(2);
    expect(listContactRecords(s.db, { initialContactId: contactId }).map((r) => r.contactId)).toEqual([contactId]);
  });
});

describe('GET /api/v1/contact-records for chats', () => {
  let dataDir = '';
  let cc: RunningContactCenter | undefined;
  afterEach(async () => {
    await cc?.close();
    cc = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('filters by channel and initialContactId and refuses an unknown channel', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sb-chat-records-'));
    cc = await startContactCenter({ dataDir, port: 0, demoPassword: 'pw-test', clock: new VirtualClock() });
    const inject = injectFetch(() => cc!.app);
    const chat = cc.chatBridge.startChatContact({ queueId: 'basic', displayName: 'Hanako' });
    cc.engine.startInboundCall({ from: '+819012345678', queueId: 'basic' });

    const read = async (query: string) => (await (await inject(`/api/v1/contact-records?${query}`)).json()) as { records: { contactId: string; channel: string }[] };
    expect((await read('channel=chat')).records).toEqual([expect.objectContaining({ contactId: chat.contactId, channel: 'chat' })]);
    expect((await read(`initialContactId=${chat.contactId}`)).records.map((r) => r.contactId)).toEqual([chat.contactId]);
    expect((await read('channel=voice')).records.map((r) => r.channel)).toEqual(['voice']);
    const refused = await inject('/api/v1/contact-records?channel=fax');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/voice, chat or task/);
  });
});

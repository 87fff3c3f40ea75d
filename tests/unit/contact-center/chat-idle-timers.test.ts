// Chat participant timers on the whole chat stack (engine, chat service, bridge, SQLite) with a virtual clock:
// participant.idle, participant.returned and participant.autodisconnection as Amazon Connect sends them, the chat
// ending for idleness with the agent in After Contact Work, and Connect's default of no timer at all.

import { afterEach, describe, expect, it } from 'vitest';
import { CHAT_TIMER_EVENT, validateChatTimers } from '../../../contact-center/chat/chat-idle-timers';
import { CONNECT_DEFAULT_CHAT_TIMERS } from '../../../contact-center/model';
import { DEMO_INSTANCE } from '../../../contact-center/seed/demo-instance';
import { getContactRecord } from '../../../contact-center/store/contact-record-repository';
import { loadInstanceConfig, seedIfEmpty } from '../../../contact-center/store/instance-repository';
import { openDatabase } from '../../../contact-center/store/database';
import { type ChatStack, instanceWithTimers, openChatStack } from './chat-stack-fixture';

const MINUTE = 60_000;
const EVENT = 'application/vnd.amazonaws.connect.event.';

let stack: ChatStack | undefined;
afterEach(() => {
  stack?.close();
  stack = undefined;
});

function open(timers: Parameters<typeof instanceWithTimers>[0]): ChatStack {
  stack = openChatStack(instanceWithTimers(timers));
  return stack;
}

/** What was pushed since `from`, as [content type without the event prefix, sender role] pairs. */
function pushed(s: ChatStack, from = 0): [string, string | undefined][] {
  return s.deliveries.slice(from).map(({ item }) => [item.ContentType.replace(EVENT, ''), item.ParticipantRole]);
}

function transcriptTypes(s: ChatStack, token: string): string[] {
  return s.chat.getTranscript(token, { MaxResults: 100, SortOrder: 'ASCENDING' }).Transcript.map((item) => item.ContentType.replace(EVENT, ''));
}

describe('the customer idle and auto-disconnect timers', () => {
  it('marks the customer idle, back on their next message, and ends the chat for idleness', () => {
    const s = open({ customer: { idleMinutes: 5, autoDisconnectMinutes: 10 }, agent: { idleMinutes: null, autoDisconnectMinutes: null } });
    const { contactId, customerToken, customerParticipantId } = s.startChat();
    const { agentToken, agentParticipantId } = s.accept('agent1', contactId);
    s.say(agentToken, 'Hello, how can I help?'); // the agent's messages do not reset the customer's timer
    let mark = s.deliveries.length;
    s.clock.advance(5 * MINUTE - 1);
    expect(pushed(s, mark)).toEqual([]);
    s.clock.advance(1);
    expect(pushed(s, mark)).toEqual([['participant.idle', 'CUSTOMER']]);
    const idle = s.deliveries.at(-1)!;
    expect(idle.item).toMatchObject({ Type: 'EVENT', ParticipantId: customerParticipantId, ContactId: contactId, InitialContactId: contactId });
    expect(idle.recipients.map((r) => r.role).sort()).toEqual(['AGENT', 'CUSTOMER']);

    mark = s.deliveries.length;
    s.say(customerToken, 'Sorry, I am back');
    // The sockets (subscribed after the bridge) hear that the customer is back just before what they sent.
    expect(pushed(s, mark)).toEqual([
      ['participant.returned', 'CUSTOMER'],
      ['text/plain', 'CUSTOMER'],
    ]);

    // Idle again after 5 quiet minutes, then disconnected 10 minutes after that.
    s.clock.advance(5 * MINUTE);
    mark = s.deliveries.length;
    s.clock.advance(10 * MINUTE - 1);
    expect(pushed(s, mark)).toEqual([]);
    s.clock.advance(1);
    expect(pushed(s, mark)).toEqual([
      ['participant.autodisconnection', 'CUSTOMER'],
      ['participant.left', 'AGENT'],
      ['chat.ended', 'SYSTEM'],
    ]);
    expect(s.deliveries.at(-2)!.item.ParticipantId).toBe(agentParticipantId);
    expect(s.deliveries.at(-1)!.recipients.map((r) => r.role)).toContain('CUSTOMER');

    const view = s.engine.getAgentView('agent1').contacts.find((c) => c.contactId === contactId)!;
    expect(view.state).toBe('ended'); // the agent's chat is in After Contact Work until Close contact
    expect(s.engine.getContact(contactId).record).toMatchObject({ state: 'acw', disconnectReason: 'idle_disconnect' });
    expect(getContactRecord(s.db, contactId)).toMatchObject({ state: 'acw', disconnectReason: 'idle_disconnect', channel: 'chat' });
    s.engine.clearContact('agent1', contactId);
    expect(getContactRecord(s.db, contactId)?.state).toBe('ended');

    // Connect pushes the timer events but keeps them out of the transcript.
    expect(transcriptTypes(s, customerToken)).toEqual(['participant.joined', 'participant.joined', 'text/plain', 'text/plain', 'participant.left', 'chat.ended']);
    expect(s.bridge.idleTimers.runningChats()).toEqual([]);
  });

  it('runs only while an agent is in the chat: waiting in the queue never makes the customer idle', () => {
    const s = open({ customer: { idleMinutes: 2, autoDisconnectMinutes: 2 }, agent: { idleMinutes: null, autoDisconnectMinutes: null } });
    const { contactId } = s.startChat();
    s.clock.advance(60 * MINUTE);
    expect(pushed(s).map(([type]) => type)).not.toContain('participant.idle');
    expect(s.engine.getContact(contactId).state).toBe('queued');
    s.accept('agent1', contactId);
    const mark = s.deliveries.length;
    s.clock.advance(2 * MINUTE);
    expect(pushed(s, mark)).toEqual([['participant.idle', 'CUSTOMER']]);
  });

  it('with only an auto-disconnect timer starts it at once, without an idle event, and a message resets it', () => {
    const s = open({ customer: { idleMinutes: null, autoDisconnectMinutes: 3 }, agent: { idleMinutes: null, autoDisconnectMinutes: null } });
    const { contactId, customerToken } = s.startChat();
    s.accept('agent1', contactId);
    s.clock.advance(2 * MINUTE);
    s.say(customerToken, 'still here');
    const mark = s.deliveries.length;
    s.clock.advance(3 * MINUTE - 1);
    expect(pushed(s, mark)).toEqual([]);
    s.clock.advance(1);
    expect(pushed(s, mark).map(([type]) => type)).toEqual(['participant.autodisconnection', 'participant.left', 'chat.ended']);
    expect(s.engine.getContact(contactId).record.disconnectReason).toBe('idle_disconnect');
  });

  it('does not count typing as activity, as Connect resets the timers on messages and attachments only', () => {
    const s = open({ customer: { idleMinutes: 2, autoDisconnectMinutes: null }, agent: { idleMinutes: null, autoDisconnectMinutes: null } });
    const { contactId, customerToken } = s.startChat();
    s.accept('agent1', contactId);
    s.clock.advance(MINUTE);
    s.chat.sendEvent(customerToken, { ContentType: `${EVENT}typing` });
    const mark = s.deliveries.length;
    s.clock.advance(MINUTE);
    expect(pushed(s, mark)).toEqual([['participant.idle', 'CUSTOMER']]);
    s.clock.advance(8 * 60 * MINUTE); // idle with no auto-disconnect timer: the chat stays
    expect(s.engine.getContact(contactId).record.state).toBe('connected');
  });
});

describe('the agent idle and auto-disconnect timers', () => {
  it('marks a silent agent idle and disconnects them; customer messages do not reset the agent', () => {
    const s = open({ customer: { idleMinutes: null, autoDisconnectMinutes: null }, agent: { idleMinutes: 3, autoDisconnectMinutes: 4 } });
    const { contactId, customerToken } = s.startChat();
    const { agentToken } = s.accept('agent1', contactId);
    s.clock.advance(2 * MINUTE);
    s.say(agentToken, 'Let me check');
    s.clock.advance(2 * MINUTE);
    s.say(customerToken, 'Any news?');
    const mark = s.deliveries.length;
    s.clock.advance(MINUTE);
    expect(pushed(s, mark)).toEqual([['participant.idle', 'AGENT']]);
    s.say(agentToken, 'Yes, sorry');
    expect(pushed(s, mark).map(([type, role]) => `${type}/${role}`)).toEqual(['participant.idle/AGENT', 'participant.returned/AGENT', 'text/plain/AGENT']);
    s.clock.advance(3 * MINUTE + 4 * MINUTE);
    expect(pushed(s).slice(-3)).toEqual([
      ['participant.autodisconnection', 'AGENT'],
      ['participant.left', 'AGENT'],
      ['chat.ended', 'SYSTEM'],
    ]);
    expect(s.engine.getContact(contactId).record).toMatchObject({ state: 'acw', disconnectReason: 'idle_disconnect' });
  });
});

describe('timers across transfers and endings', () => {
  it('stop when the agent transfers the chat and start afresh when the next agent joins', () => {
    const s = open({ customer: { idleMinutes: 4, autoDisconnectMinutes: null }, agent: { idleMinutes: null, autoDisconnectMinutes: null } });
    const { contactId } = s.startChat();
    s.accept('agent1', contactId);
    s.clock.advance(3 * MINUTE);
    const next = s.engine.transferChat('agent1', contactId, 'qc-support-queue');
    const mark = s.deliveries.length;
    s.clock.advance(30 * MINUTE); // waiting for the next agent: no timer runs
    expect(pushed(s, mark)).toEqual([]);
    s.accept('agent3', next, 'Kenji Sato');
    s.clock.advance(4 * MINUTE - 1);
    expect(pushed(s, mark).map(([type]) => type)).toEqual(['participant.joined']);
    s.clock.advance(1);
    expect(s.deliveries.at(-1)!.item).toMatchObject({ ContentType: CHAT_TIMER_EVENT.idle, ContactId: next, InitialContactId: contactId });
  });

  it('stop when the customer leaves, so nothing fires on an ended chat', () => {
    const s = open({ customer: { idleMinutes: 2, autoDisconnectMinutes: 2 }, agent: { idleMinutes: 2, autoDisconnectMinutes: 2 } });
    const { contactId, customerToken } = s.startChat();
    s.accept('agent1', contactId);
    s.chat.disconnectParticipant(customerToken);
    expect(s.engine.getContact(contactId).record.disconnectReason).toBe('customer_disconnect');
    const mark = s.deliveries.length;
    s.clock.advance(60 * MINUTE);
    expect(pushed(s, mark)).toEqual([]);
    expect(s.bridge.idleTimers.runningChats()).toEqual([]);
  });
});

describe("Amazon Connect's default and the configuration", () => {
  it('sets no timer by default: an idle chat ends only when its 25-hour duration runs out', () => {
    stack = openChatStack();
    const s = stack;
    expect(DEMO_INSTANCE.chatParticipantTimers).toEqual(CONNECT_DEFAULT_CHAT_TIMERS);
    expect(s.bridge.idleTimers.enabled).toBe(false);
    const { contactId } = s.startChat();
    s.accept('agent1', contactId);
    s.clock.advance(1_500 * MINUTE - 1);
    expect(pushed(s).map(([type]) => type).filter((type) => type.startsWith('participant.') && type !== 'participant.joined')).toEqual([]);
    expect(s.engine.getContact(contactId).record.state).toBe('connected');
    s.clock.advance(1);
    expect(s.engine.getContact(contactId).record).toMatchObject({ state: 'acw', disconnectReason: 'expired' });
  });

  it('accepts null or whole minutes from 2 to 480 for each timer, naming the one that is wrong', () => {
    const none = { idleMinutes: null, autoDisconnectMinutes: null };
    expect(() => validateChatTimers({ customer: { idleMinutes: 2, autoDisconnectMinutes: 480 }, agent: none })).not.toThrow();
    expect(() => validateChatTimers({ customer: { idleMinutes: 1, autoDisconnectMinutes: null }, agent: none })).toThrow(/customer\.idleMinutes .* 2 to 480, got 1/);
    expect(() => validateChatTimers({ customer: none, agent: { idleMinutes: null, autoDisconnectMinutes: 481 } })).toThrow(/agent\.autoDisconnectMinutes/);
    expect(() => validateChatTimers({ customer: none, agent: { idleMinutes: 2.5, autoDisconnectMinutes: null } })).toThrow(/agent\.idleMinutes/);
    expect(() => openChatStack(instanceWithTimers({ customer: { idleMinutes: 0, autoDisconnectMinutes: null }, agent: none }))).toThrow(RangeError);
  });

  it("keeps the instance's timers in SQLite: what is seeded is what a restart loads", () => {
    const timers = { customer: { idleMinutes: 5, autoDisconnectMinutes: 15 }, agent: { idleMinutes: 10, autoDisconnectMinutes: null } };
    const db = openDatabase(':memory:');
    try {
      seedIfEmpty(db, 'pw', instanceWithTimers(timers));
      expect(loadInstanceConfig(db).chatParticipantTimers).toEqual(timers);
    } finally {
      db.close();
    }
    const plain = openDatabase(':memory:');
    try {
      const { chatParticipantTimers: _omitted, ...withoutTimers } = structuredClone(DEMO_INSTANCE);
      seedIfEmpty(plain, 'pw', withoutTimers);
      expect(loadInstanceConfig(plain)).not.toHaveProperty('chatParticipantTimers');
    } finally {
      plain.close();
    }
  });
});

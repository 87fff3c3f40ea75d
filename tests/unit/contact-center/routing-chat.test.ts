// Chat routing on the seeded demo instance, with a virtual clock: concurrency, cross-channel behaviour,
// offers, ending, transfers, the chat's duration and the events a chat layer turns into chat items.

import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../contact-center/clock';
import type { InstanceConfig } from '../../../contact-center/model';
import { type ChatEngineEvent, type EngineOptions, RoutingEngine } from '../../../contact-center/routing/engine';
import { EngineError } from '../../../contact-center/routing/errors';
import { DEMO_INSTANCE } from '../../../contact-center/seed/demo-instance';

const CUSTOMER = '+819012345678';

function setup(available: string[], opts: Partial<EngineOptions> = {}, config: InstanceConfig = structuredClone(DEMO_INSTANCE)) {
  const clock = new VirtualClock();
  let n = 0;
  const engine = new RoutingEngine(config, { clock, newId: () => `id${++n}`, ...opts });
  const events: ChatEngineEvent[] = [];
  engine.observe({ chatEvent: (e) => events.push(e) });
  for (const id of available) {
    engine.setStatus(id, 'available');
    clock.advance(1000); // the first listed agent is the longest idle
  }
  const chat = (name = 'Hana', queueId = 'basic', extra: { chatDurationMinutes?: number } = {}) => engine.startChat({ displayName: name, queueId, ...extra }).contactId;
  const contactsOf = (agentId: string) => engine.getAgentView(agentId).contacts;
  const ringing = (agentId: string) => contactsOf(agentId).filter((c) => c.state === 'connecting').map((c) => c.contactId);
  const view = (agentId: string, contactId: string) => contactsOf(agentId).find((c) => c.contactId === contactId)!;
  const accepted = (agentId: string, name = 'Hana', queueId = 'basic') => {
    const id = chat(name, queueId);
    engine.acceptContact(agentId, id);
    return id;
  };
  const endByAgent = (agentId: string, contactId: string) => engine.destroyConnection(agentId, contactId, view(agentId, contactId).chat!.agentConnectionId);
  return { engine, clock, events, chat, contactsOf, ringing, view, accepted, endByAgent };
}

function withProfile(change: (config: InstanceConfig) => void): InstanceConfig {
  const config = structuredClone(DEMO_INSTANCE);
  change(config);
  return config;
}

describe('chat routing: concurrency and cross-channel behaviour', () => {
  it('offers a Basic agent up to 3 chats at once; the 4th waits until one is closed', () => {
    const { engine, contactsOf, accepted, chat, endByAgent, ringing } = setup(['agent1']);
    const ids = [accepted('agent1'), accepted('agent1'), accepted('agent1')];
    const fourth = chat('Ken');
    expect(contactsOf('agent1').map((c) => c.contactId)).toEqual(ids);
    expect(engine.getContact(fourth).state).toBe('queued');
    expect(engine.queueSize('basic', 'chat')).toBe(1);
    endByAgent('agent1', ids[0]);
    expect(ringing('agent1')).toEqual([]); // a chat in After Contact Work still takes its slot
    engine.clearContact('agent1', ids[0]);
    expect(ringing('agent1')).toEqual([fourth]);
  });

  it('offers a Support Tier 1 agent up to 10 chats; the 11th waits in its queue', () => {
    const { engine, accepted, chat, contactsOf } = setup(['agent3']);
    for (let i = 0; i < 10; i++) accepted('agent3', `Customer ${i}`, 'support');
    const eleventh = chat('Eleven', 'support');
    expect(contactsOf('agent3')).toHaveLength(10);
    expect(engine.getContact(eleventh).state).toBe('queued');
    expect(engine.queueSize('support')).toBe(1);
  });

  it('leaves a chatting agent Available and routable: a chat does not change the agent state', () => {
    const { engine, accepted, chat } = setup(['agent1']);
    const ringingChat = chat();
    expect(engine.getAgentView('agent1').state).toMatchObject({ name: 'Available', type: 'routable' });
    engine.acceptContact('agent1', ringingChat);
    accepted('agent1');
    expect(engine.getAgentView('agent1').state).toMatchObject({ name: 'Available', type: 'routable' });
    expect(engine.listAgents().find((a) => a.agentId === 'agent1')).toMatchObject({ state: 'Available', stateType: 'routable' });
  });

  it('routes the current channel only by default: no call while chatting, no chat while on a call', () => {
    const { engine, accepted, chat, endByAgent, contactsOf } = setup(['agent1']);
    const chatId = accepted('agent1');
    const call = engine.startInboundCall({ from: CUSTOMER, queueId: 'basic' });
    expect(engine.getContact(call).state).toBe('queued');
    endByAgent('agent1', chatId);
    engine.clearContact('agent1', chatId);
    expect(engine.getContact(call).state).toBe('ringing');
    engine.acceptContact('agent1', call);
    const waitingChat = chat('Ken');
    expect(engine.getContact(waitingChat).state).toBe('queued');
    expect(contactsOf('agent1').map((c) => c.channel)).toEqual(['voice']);
  });

  it('with ROUTE_ANY_CHANNEL offers calls and chats side by side, each up to its concurrency', () => {
    const config = withProfile((c) => (c.routingProfiles[0].crossChannelBehavior = 'ROUTE_ANY_CHANNEL'));
    const { engine, accepted, chat, contactsOf } = setup(['agent1'], {}, config);
    accepted('agent1');
    const call = engine.startInboundCall({ from: CUSTOMER, queueId: 'basic' });
    expect(engine.getContact(call).state).toBe('ringing');
    expect(engine.getAgentView('agent1').state.name).toBe('PendingBusy'); // the call, not the chat
    engine.acceptContact('agent1', call);
    accepted('agent1');
    accepted('agent1');
    const fourthChat = chat('Ken');
    expect(engine.getContact(fourthChat).state).toBe('queued');
    expect(contactsOf('agent1').map((c) => c.channel).sort()).toEqual(['chat', 'chat', 'chat', 'voice']);
    expect(engine.startInboundCall({ from: '+819011112222', queueId: 'basic' })).toBeTruthy();
    expect(engine.queueSize('basic', 'voice')).toBe(1); // still one call at a time
  });

  it('spreads chats by idle time: handling a contact of any channel sends an agent to the back', () => {
    const { engine, ringing, chat } = setup(['agent1', 'agent2']);
    const first = chat('A');
    const second = chat('B');
    const third = chat('C');
    expect(ringing('agent1')).toEqual([first, third]);
    expect(ringing('agent2')).toEqual([second]);
    expect(engine.listAgents().find((a) => a.agentId === 'agent2')!.idleSince).toBeLessThanOrEqual(
      engine.listAgents().find((a) => a.agentId === 'agent1')!.idleSince!,
    );
  });

  it('serves chat queues by priority and delay, like calls', () => {
    const { engine, clock, ringing, chat } = setup(['agent3']);
    engine.acceptContact('agent3', chat('Busy', 'support'));
    const billing = chat('Bill', 'billing');
    clock.advance(1000);
    const support = chat('Sue', 'support');
    expect(ringing('agent3')).toEqual([support]); // priority 1 first, and billing's 5 s delay is not over
    clock.advance(4000);
    expect(ringing('agent3')).toEqual([support, billing]);
  });
});

describe('chat offers', () => {
  it('misses a chat after 20 s: the agent goes to MissedCallAgent and the chat goes to the next agent', () => {
    const { engine, clock, ringing, chat } = setup(['agent1', 'agent2']);
    const id = chat();
    expect(ringing('agent1')).toEqual([id]);
    clock.advance(19_999);
    expect(ringing('agent1')).toEqual([id]);
    clock.advance(1);
    expect(engine.getAgentView('agent1').state.name).toBe('MissedCallAgent');
    expect(engine.getAgentView('agent1').contacts).toMatchObject([{ contactId: id, state: 'missed', channel: 'chat' }]);
    expect(ringing('agent2')).toEqual([id]);
    expect(engine.getContact(id).record.agents.map((a) => [a.agentId, a.outcome])).toEqual([
      ['agent1', 'missed'],
      ['agent2', 'pending'],
    ]);
  });

  it('takes its chat offer timeout from chatOfferTimeoutMs and puts a missed chat back at the front', () => {
    const { engine, clock, ringing, chat } = setup(['agent1'], { chatOfferTimeoutMs: 45_000 });
    const first = chat('First');
    clock.advance(30_000);
    expect(ringing('agent1')).toEqual([first]);
    clock.advance(15_000);
    const later = chat('Later');
    engine.setStatus('agent1', 'available');
    expect(ringing('agent1')[0]).toBe(first);
    expect(ringing('agent1')).toContain(later);
  });

  it('re-queues a rejected chat to another agent and leaves the rejecting agent available', () => {
    const { engine, ringing, chat } = setup(['agent1', 'agent2']);
    const id = chat();
    engine.rejectContact('agent1', id);
    expect(ringing('agent2')).toEqual([id]);
    expect(engine.getAgentView('agent1').state.name).toBe('Available');
    expect(engine.getContact(id).record.agents[0].outcome).toBe('rejected');
  });

  it('does not auto-accept a chat for an agent whose softphone auto-accepts calls', () => {
    const { engine, ringing, chat } = setup(['agent1']);
    engine.updateAgentConfig('agent1', { autoAccept: true });
    const id = chat();
    expect(ringing('agent1')).toEqual([id]);
  });
});

describe('ending a chat', () => {
  it('agent ends the chat: After Contact Work, then Close contact; joined, left and ended events in order', () => {
    const { engine, clock, events, accepted, endByAgent, view } = setup(['agent1']);
    const id = accepted('agent1');
    const agentConnectionId = view('agent1', id).chat!.agentConnectionId;
    clock.advance(60_000);
    endByAgent('agent1', id);
    expect(view('agent1', id).state).toBe('ended');
    expect(engine.getContact(id).record).toMatchObject({ state: 'acw', disconnectReason: 'agent_disconnect', talkDurationMs: 60_000 });
    clock.advance(5_000);
    engine.clearContact('agent1', id);
    expect(engine.getAgentView('agent1').contacts).toEqual([]);
    const joined = { contactId: id, initialContactId: id, agentId: 'agent1', participantId: agentConnectionId, displayName: 'Emily Carter' };
    expect(events).toEqual([
      { type: 'agent-joined', ...joined },
      { type: 'agent-left', ...joined },
      { type: 'ended', contactId: id, initialContactId: id, reason: 'agent_disconnect' },
    ]);
  });

  it('customer disconnects: the agent chat goes to ACW with reason customer_disconnect, ended last', () => {
    const { engine, events, accepted, view } = setup(['agent1']);
    const id = accepted('agent1');
    events.length = 0;
    engine.customerDisconnectChat(id);
    expect(view('agent1', id).state).toBe('ended');
    expect(engine.getContact(id).record).toMatchObject({ state: 'acw', disconnectReason: 'customer_disconnect' });
    expect(events.map((e) => e.type)).toEqual(['agent-left', 'ended']);
    expect(() => engine.customerDisconnectChat(id)).toThrow(EngineError);
  });

  it('a customer leaving a queued chat just ends it, with its queue time', () => {
    const { engine, clock, chat } = setup([]);
    const records: { contactId: string; state: string; queueDurationMs: number }[] = [];
    engine.observe({ recordChanged: (r) => records.push({ ...r }) });
    const id = chat();
    clock.advance(7_000);
    engine.customerDisconnectChat(id);
    expect(records.at(-1)).toMatchObject({ contactId: id, state: 'ended', queueDurationMs: 7_000 });
    expect(engine.queueSize('basic')).toBe(0);
  });

  it('ends a chat when its duration runs out, with reason expired', () => {
    const { engine, clock, events, accepted } = setup(['agent1']);
    const id = engine.startChat({ displayName: 'Hana', queueId: 'basic', chatDurationMinutes: 60 }).contactId;
    engine.acceptContact('agent1', id);
    accepted('agent1', 'Default');
    clock.advance(60 * 60_000 - 1);
    expect(engine.getContact(id).record.state).toBe('connected');
    clock.advance(1);
    expect(engine.getContact(id).record).toMatchObject({ state: 'acw', disconnectReason: 'expired' });
    expect(events.at(-1)).toEqual({ type: 'ended', contactId: id, initialContactId: id, reason: 'expired' });
    expect(engine.getContact(id).record.chat).toMatchObject({ durationMinutes: 60 });
  });

  it('refuses a chat duration outside 60..10080 minutes, an empty name and an unknown queue', () => {
    const { engine } = setup([]);
    for (const chatDurationMinutes of [59, 10_081, 90.5]) {
      expect(() => engine.startChat({ displayName: 'Hana', queueId: 'basic', chatDurationMinutes })).toThrow(/chat duration/);
    }
    expect(() => engine.startChat({ displayName: ' ', queueId: 'basic' })).toThrow(/display name/);
    expect(() => engine.startChat({ displayName: 'Hana', queueId: 'nope' })).toThrow(/Queue nope/);
    expect(engine.startChat({ displayName: 'Hana', queueId: 'basic' })).toBeTruthy();
  });
});

describe('transferring a chat', () => {
  it('to a queue: a new contact with the same initial contact id, linked both ways; the customer carries over', () => {
    const { engine, events, accepted, ringing, view } = setup(['agent1', 'agent3']);
    const id = accepted('agent1');
    const customer = engine.getContact(id).chat!.customerParticipantId;
    events.length = 0;
    const next = engine.transferChat('agent1', id, 'qc-support-queue');
    expect(next).not.toBe(id);
    expect(engine.getContact(id).record).toMatchObject({ state: 'acw', disconnectReason: 'transferred', nextContactId: next });
    expect(engine.getContact(id).record.transfers).toMatchObject([{ to: 'support', kind: 'queue', completed: true }]);
    expect(engine.getContact(next).record).toMatchObject({ initialContactId: id, previousContactId: id, initiationMethod: 'transfer', queueId: 'support', channel: 'chat' });
    expect(engine.getContact(next).chat!.customerParticipantId).toBe(customer);
    expect(ringing('agent3')).toEqual([next]);
    expect(view('agent3', next)).toMatchObject({ initialContactId: id, transferredBy: 'Emily Carter', chat: { customerDisplayName: 'Hana' } });
    engine.acceptContact('agent3', next);
    expect(events.map((e) => e.type)).toEqual(['transferred', 'agent-left', 'agent-joined']);
    expect(events[0]).toEqual({ type: 'transferred', fromContactId: id, toContactId: next, initialContactId: id, byAgentId: 'agent1' });
    expect(events[2]).toMatchObject({ contactId: next, initialContactId: id, agentId: 'agent3' });
  });

  it('to an agent: offered to that agent only; a missed transfer waits in their queue for them', () => {
    const { engine, clock, accepted, ringing } = setup(['agent1', 'agent3', 'agent2']);
    const id = accepted('agent1');
    const next = engine.transferChat('agent1', id, 'qc-agent2');
    expect(ringing('agent3')).toEqual([]);
    expect(ringing('agent2')).toEqual([next]);
    clock.advance(20_000);
    expect(engine.getAgentView('agent2').state.name).toBe('MissedCallAgent');
    expect(engine.getContact(next).state).toBe('queued');
    engine.setStatus('agent2', 'available');
    expect(ringing('agent2')).toEqual([next]);
  });

  it('refuses a transfer to a phone number, to oneself, or of a chat that is not connected', () => {
    const { engine, accepted, chat } = setup(['agent1']);
    const id = accepted('agent1');
    expect(() => engine.transferChat('agent1', id, 'qc-escalation-desk')).toThrow(/phone number/);
    expect(() => engine.transferChat('agent1', id, 'qc-agent1')).toThrow(/themselves/);
    const ringingId = chat('Ken');
    expect(() => engine.transferChat('agent1', ringingId, 'qc-support-queue')).toThrow(/connected chat/);
    const call = engine.startInboundCall({ from: CUSTOMER, queueId: 'support' });
    expect(() => engine.customerDisconnectChat(call)).toThrow(/not a chat/);
  });
});

describe('chat records and views', () => {
  it('records the first agent response once, measured from the agent connecting', () => {
    const { engine, clock, accepted } = setup(['agent1']);
    clock.advance(3_000);
    const id = accepted('agent1');
    const connectedAt = engine.getContact(id).record.connectedToAgentAt!;
    engine.noteAgentMessage(id, connectedAt + 4_000);
    engine.noteAgentMessage(id, connectedAt + 9_000);
    expect(engine.getContact(id).record.chat).toMatchObject({ agentFirstResponseAt: connectedAt + 4_000, agentFirstResponseMs: 4_000 });
  });

  it('shows a chat as the agent and the customer by display name, with the ids a chat layer needs', () => {
    const { engine, chat, view } = setup(['agent1']);
    const started = engine.startChat({ displayName: 'Hana Sato', queueId: 'basic', attributes: { orderId: '42' } });
    chat('Other');
    const v = view('agent1', started.contactId);
    expect(v).toMatchObject({ channel: 'chat', initiationMethod: 'api', initialContactId: started.initialContactId, attributes: { orderId: '42' } });
    expect(v.chat).toEqual({ customerDisplayName: 'Hana Sato', customerParticipantId: started.customerParticipantId, agentConnectionId: v.connections[0].connectionId });
    expect(v.connections.map((c) => [c.type, c.name, c.state])).toEqual([
      ['agent', null, 'connecting'],
      ['inbound', 'Hana Sato', 'connected'],
    ]);
    const details = engine.getContact(started.contactId);
    expect(details).toMatchObject({ channel: 'chat', initialContactId: started.contactId, chat: v.chat });
    expect(details.record).toMatchObject({ channel: 'chat', customerEndpoint: null, chat: { customerDisplayName: 'Hana Sato' } });
  });
});

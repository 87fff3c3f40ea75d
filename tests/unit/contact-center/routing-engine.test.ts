// Behaviour of the routing engine, one test per rule, with a virtual clock.

import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../contact-center/routing/errors';
import { CUSTOMER, makeEngine } from './routing-fixture';

function ringingContact(engine: ReturnType<typeof makeEngine>['engine'], agentId: string) {
  return engine.getAgentView(agentId).contacts.find((c) => c.state === 'connecting');
}

function setup(available: string[] = ['a1', 'a2'], opts = {}) {
  const { engine, clock } = makeEngine(opts);
  for (const id of available) {
    engine.setStatus(id, 'available');
    clock.advance(1000); // a1 becomes available first, so it is the longest idle
  }
  return { engine, clock };
}

function connectedCall(agentId = 'a1') {
  const ctx = setup(agentId === 'a1' ? ['a1', 'a2'] : [agentId, 'a1']);
  const contactId = ctx.engine.startInboundCall({ from: CUSTOMER });
  ctx.engine.acceptContact(agentId, contactId);
  const view = () => ctx.engine.getAgentView(agentId).contacts.find((c) => c.contactId === contactId)!;
  const customer = () => view().connections.find((c) => c.initial)!;
  return { ...ctx, contactId, view, customer };
}

describe('routing', () => {
  it('offers an inbound call to the longest-idle available agent', () => {
    const { engine } = setup(['a2', 'a1']);
    const id = engine.startInboundCall({ from: CUSTOMER });
    expect(ringingContact(engine, 'a2')?.contactId).toBe(id);
    expect(ringingContact(engine, 'a1')).toBeUndefined();
    expect(engine.getAgentView('a2').state.name).toBe('PendingBusy');
  });

  it('does not offer calls to agents in a non-routable or offline status', () => {
    const { engine } = setup([]);
    engine.setStatus('a1', 'break');
    const id = engine.startInboundCall({ from: CUSTOMER });
    expect(engine.getContact(id).state).toBe('queued');
    expect(engine.queueSize('basic')).toBe(1);
    engine.setStatus('a1', 'available');
    expect(ringingContact(engine, 'a1')?.contactId).toBe(id);
  });

  it('offers only to agents whose routing profile serves the queue', () => {
    const { engine } = setup(['b1', 'a1']);
    const id = engine.startInboundCall({ from: CUSTOMER, queueId: 'vip' });
    expect(ringingContact(engine, 'a1')?.contactId).toBe(id);
    expect(ringingContact(engine, 'b1')).toBeUndefined();
  });

  it('serves the higher-priority queue first when an agent becomes available', () => {
    const { engine, clock } = setup([]);
    const older = engine.startInboundCall({ from: CUSTOMER, queueId: 'basic' });
    clock.advance(5000);
    const vip = engine.startInboundCall({ from: '+819011112222', queueId: 'vip' });
    engine.setStatus('a1', 'available');
    expect(ringingContact(engine, 'a1')?.contactId).toBe(vip);
    expect(engine.getContact(older).state).toBe('queued');
  });

  it('serves the oldest contact first within a queue', () => {
    const { engine, clock } = setup([]);
    const first = engine.startInboundCall({ from: CUSTOMER });
    clock.advance(1000);
    engine.startInboundCall({ from: '+819011112222' });
    engine.setStatus('a1', 'available');
    expect(ringingContact(engine, 'a1')?.contactId).toBe(first);
  });

  it('respects queue delay: a routing profile with a 10 s delay gets the contact only after 10 s', () => {
    const { engine, clock } = setup(['b1']);
    const id = engine.startInboundCall({ from: CUSTOMER, queueId: 'basic' });
    clock.advance(9_000);
    expect(engine.getContact(id).state).toBe('queued');
    clock.advance(1_000);
    expect(ringingContact(engine, 'b1')?.contactId).toBe(id);
  });

  it('does not offer a second voice call to an agent who is on a call', () => {
    const { engine } = setup(['a1']);
    const first = engine.startInboundCall({ from: CUSTOMER });
    engine.acceptContact('a1', first);
    const second = engine.startInboundCall({ from: '+819011112222' });
    expect(engine.getContact(second).state).toBe('queued');
  });

  it('rejects an inbound call whose caller number is not E.164', () => {
    const { engine } = setup();
    expect(() => engine.startInboundCall({ from: '03-1234-5678' })).toThrow(EngineError);
    expect(() => engine.startInboundCall({ from: CUSTOMER, queueId: 'nope' })).toThrow(/Queue nope/);
  });
});

describe('offers', () => {
  it('marks an offer missed after 20 s, puts the agent in MissedCallAgent and offers the call to the next agent', () => {
    const { engine, clock } = setup();
    const id = engine.startInboundCall({ from: CUSTOMER });
    clock.advance(19_999);
    expect(ringingContact(engine, 'a1')?.contactId).toBe(id);
    clock.advance(1);
    const a1 = engine.getAgentView('a1');
    expect(a1.state).toMatchObject({ name: 'MissedCallAgent', type: 'error' });
    expect(a1.contacts).toEqual([expect.objectContaining({ contactId: id, state: 'missed' })]);
    expect(ringingContact(engine, 'a2')?.contactId).toBe(id);
    expect(engine.getContact(id).record.agents.map((a) => [a.agentId, a.outcome])).toEqual([
      ['a1', 'missed'],
      ['a2', 'pending'],
    ]);
  });

  it('keeps a missed agent out of routing until they change status', () => {
    const { engine, clock } = setup(['a1']);
    const id = engine.startInboundCall({ from: CUSTOMER });
    clock.advance(20_000);
    clock.advance(60_000);
    expect(engine.getContact(id).state).toBe('queued');
    engine.setStatus('a1', 'available');
    expect(engine.getAgentView('a1').state.name).toBe('PendingBusy');
  });

  it('puts a missed contact back at the front of its queue, ahead of newer contacts', () => {
    const { engine, clock } = setup(['a1']);
    const first = engine.startInboundCall({ from: CUSTOMER });
    clock.advance(1000);
    engine.startInboundCall({ from: '+819011112222' });
    clock.advance(19_000);
    engine.setStatus('a1', 'available');
    expect(ringingContact(engine, 'a1')?.contactId).toBe(first);
  });

  it('re-queues a rejected call and offers it to another agent, leaving the rejecting agent available', () => {
    const { engine } = setup();
    const id = engine.startInboundCall({ from: CUSTOMER });
    engine.rejectContact('a1', id);
    expect(ringingContact(engine, 'a2')?.contactId).toBe(id);
    expect(engine.getAgentView('a1').state.name).toBe('Available');
    expect(engine.getContact(id).record.agents[0].outcome).toBe('rejected');
  });

  it('accepting connects the call and makes the agent Busy', () => {
    const { engine, clock } = setup();
    const id = engine.startInboundCall({ from: CUSTOMER });
    clock.advance(3000);
    engine.acceptContact('a1', id);
    const view = engine.getAgentView('a1');
    expect(view.state.name).toBe('Busy');
    expect(view.contacts[0]).toMatchObject({ state: 'connected' });
    expect(view.contacts[0].connections.map((c) => [c.type, c.state])).toEqual([
      ['agent', 'connected'],
      ['inbound', 'connected'],
    ]);
    expect(engine.getContact(id).record).toMatchObject({ state: 'connected', agentId: 'a1', ringDurationMs: 3000 });
  });

  it('delivers a contact already accepted to an agent with auto-accept', () => {
    const { engine } = setup([]);
    engine.updateAgentConfig('a1', { autoAccept: true });
    engine.setStatus('a1', 'available');
    engine.startInboundCall({ from: CUSTOMER });
    expect(engine.getAgentView('a1').state.name).toBe('Busy');
  });

  it('refuses to accept a contact that is not ringing for that agent', () => {
    const { engine, contactId } = connectedCall();
    expect(() => engine.acceptContact('a1', contactId)).toThrow(/not ringing/);
    expect(() => engine.acceptContact('a2', contactId)).toThrow(/does not exist/);
  });
});

describe('ending, after call work and next status', () => {
  it('customer hang-up ends the call and puts the agent in After Call Work', () => {
    const { engine, contactId, clock } = connectedCall();
    clock.advance(60_000);
    engine.customerHangUp(contactId);
    const view = engine.getAgentView('a1');
    expect(view.state.name).toBe('AfterCallWork');
    expect(view.contacts[0].state).toBe('ended');
    expect(engine.getContact(contactId).record).toMatchObject({ disconnectReason: 'customer_disconnect', talkDurationMs: 60_000, state: 'acw' });
  });

  it('agent hang-up ends the call and puts the agent in After Call Work', () => {
    const { engine, contactId, view } = connectedCall();
    engine.destroyConnection('a1', contactId, view().connections[0].connectionId);
    expect(engine.getAgentView('a1').state.name).toBe('AfterCallWork');
    expect(engine.getContact(contactId).record.disconnectReason).toBe('agent_disconnect');
  });

  it('Close contact returns the agent to their status and records ACW time', () => {
    const { engine, contactId, clock } = connectedCall();
    engine.customerHangUp(contactId);
    clock.advance(12_000);
    const records: unknown[] = [];
    engine.observe({ recordChanged: (r) => records.push(r) });
    engine.clearContact('a1', contactId);
    expect(engine.getAgentView('a1')).toMatchObject({ state: { name: 'Available' }, contacts: [] });
    expect(records).toEqual([expect.objectContaining({ contactId, state: 'ended', acwDurationMs: 12_000 })]);
  });

  it('clears After Call Work automatically after the agent ACW timeout', () => {
    const { engine, clock } = setup(['a2']);
    const id = engine.startInboundCall({ from: CUSTOMER });
    engine.acceptContact('a2', id);
    engine.customerHangUp(id);
    clock.advance(29_999);
    expect(engine.getAgentView('a2').state.name).toBe('AfterCallWork');
    clock.advance(1);
    expect(engine.getAgentView('a2').state.name).toBe('Available');
  });

  it('keeps After Call Work indefinitely when the ACW timeout is 0', () => {
    const { engine, contactId, clock } = connectedCall('a1');
    engine.customerHangUp(contactId);
    clock.advance(3_600_000);
    expect(engine.getAgentView('a1').state.name).toBe('AfterCallWork');
  });

  it('applies a status chosen during a contact as the next status when the contact closes', () => {
    const { engine, contactId } = connectedCall();
    engine.setStatus('a1', 'break', { enqueueNextState: true });
    expect(engine.getAgentView('a1')).toMatchObject({ state: { name: 'Busy' }, nextStatus: { id: 'break' } });
    engine.customerHangUp(contactId);
    engine.clearContact('a1', contactId);
    expect(engine.getAgentView('a1')).toMatchObject({ state: { name: 'Break' }, nextStatus: null });
  });

  it('ends a queued call when the customer hangs up, recording its queue time', () => {
    const { engine, clock } = setup([]);
    const id = engine.startInboundCall({ from: CUSTOMER });
    clock.advance(45_000);
    let last: { state: string; queueDurationMs: number; disconnectReason: string | null } | undefined;
    engine.observe({ recordChanged: (r) => (last = r) });
    engine.customerHangUp(id);
    expect(engine.queueSize('basic')).toBe(0);
    expect(last).toMatchObject({ state: 'ended', queueDurationMs: 45_000, disconnectReason: 'customer_disconnect' });
  });

  it('withdraws a ringing offer when the customer hangs up before it is answered', () => {
    const { engine } = setup(['a1']);
    const id = engine.startInboundCall({ from: CUSTOMER });
    engine.customerHangUp(id);
    expect(engine.getAgentView('a1')).toMatchObject({ state: { name: 'Available' }, contacts: [] });
  });
});

describe('on a call', () => {
  it('holds and resumes the customer, counting hold time and holds in the record', () => {
    const { engine, contactId, customer, clock } = connectedCall();
    engine.holdConnection('a1', contactId, customer().connectionId);
    expect(customer().state).toBe('hold');
    clock.advance(7_000);
    engine.resumeConnection('a1', contactId, customer().connectionId);
    engine.holdConnection('a1', contactId, customer().connectionId);
    clock.advance(3_000);
    engine.resumeConnection('a1', contactId, customer().connectionId);
    expect(customer().state).toBe('connected');
    expect(engine.getContact(contactId).record).toMatchObject({ holdCount: 2, holdDurationMs: 10_000 });
  });

  it('records DTMF digits on the contact and refuses anything that is not a digit', () => {
    const { engine, contactId } = connectedCall();
    engine.sendDigits('a1', contactId, '12#');
    engine.sendDigits('a1', contactId, '*9');
    expect(engine.getContact(contactId).record.dtmfDigits).toBe('12#*9');
    expect(() => engine.sendDigits('a1', contactId, 'abc')).toThrow(/digits/);
  });

  it('keeps the mute state per agent', () => {
    const { engine, view } = connectedCall();
    engine.setMuted('a1', true);
    expect(view().connections[0].muted).toBe(true);
    expect(engine.getAgentView('a2').muted).toBe(false);
    engine.setMuted('a1', false);
    expect(engine.getAgentView('a1').muted).toBe(false);
  });
});

describe('outbound', () => {
  it('refuses a number that is not E.164 and places no call', () => {
    const { engine } = setup(['a1']);
    expect(() => engine.startOutboundCall('a1', { phoneNumber: '0312345678' })).toThrow(/E\.164/);
    expect(engine.getAgentView('a1').contacts).toEqual([]);
  });

  it('calls a number from the default outbound queue: CallingCustomer, then Busy when the far end answers', () => {
    const { engine, clock } = setup(['a1']);
    const id = engine.startOutboundCall('a1', { phoneNumber: '+81355550100' });
    expect(engine.getAgentView('a1').state.name).toBe('CallingCustomer');
    expect(engine.getContact(id).record).toMatchObject({ initiationMethod: 'outbound', queueId: 'basic', systemEndpoint: '+81500000001' });
    clock.advance(2_000);
    expect(engine.getAgentView('a1').state.name).toBe('Busy');
    expect(engine.getAgentView('a1').contacts[0].connections.map((c) => c.state)).toEqual(['connected', 'connected']);
  });

  it('ends an outbound call to a busy number in After Call Work with reason customer_busy', () => {
    const { engine, clock } = setup(['a1']);
    const id = engine.startOutboundCall('a1', { phoneNumber: '+81355550101' });
    clock.advance(1_000);
    expect(engine.getAgentView('a1').state.name).toBe('AfterCallWork');
    expect(engine.getContact(id).record.disconnectReason).toBe('customer_busy');
  });

  it('gives up on a number that never answers after 30 s', () => {
    const { engine, clock } = setup(['a1']);
    const id = engine.startOutboundCall('a1', { phoneNumber: '+81355550102' });
    clock.advance(29_000);
    expect(engine.getAgentView('a1').state.name).toBe('CallingCustomer');
    clock.advance(1_000);
    expect(engine.getContact(id).record.disconnectReason).toBe('customer_no_answer');
  });
});

describe('transfers', () => {
  it('consulting a number puts the customer on hold and rings the third party until it answers', () => {
    const { engine, contactId, view, clock } = connectedCall();
    engine.addConnection('a1', contactId, { quickConnectId: 'qc-desk' });
    expect(view().connections.map((c) => [c.type, c.state, c.name])).toEqual([
      ['agent', 'connected', null],
      ['inbound', 'hold', null],
      ['outbound', 'connecting', 'Escalation desk'],
    ]);
    clock.advance(2_000);
    expect(view().connections[2].state).toBe('connected');
    expect(engine.getContact(contactId).record.transfers).toEqual([expect.objectContaining({ kind: 'phone', to: '+81355550100', completed: false })]);
  });

  it('Join brings everyone into a conference; Swap toggles who is on hold', () => {
    const { engine, contactId, view, clock } = connectedCall();
    engine.addConnection('a1', contactId, { phoneNumber: '+81355550100' });
    clock.advance(2_000);
    engine.toggleActiveConnections('a1', contactId);
    expect(view().connections.map((c) => c.state)).toEqual(['connected', 'connected', 'hold']);
    engine.toggleActiveConnections('a1', contactId);
    expect(view().connections.map((c) => c.state)).toEqual(['connected', 'hold', 'connected']);
    engine.conference('a1', contactId);
    expect(view().connections.map((c) => c.state)).toEqual(['connected', 'connected', 'connected']);
  });

  it('Cancel hangs up the third party and leaves the customer on hold with the agent', () => {
    const { engine, contactId, view, clock } = connectedCall();
    const third = engine.addConnection('a1', contactId, { phoneNumber: '+81355550100' });
    clock.advance(2_000);
    engine.destroyConnection('a1', contactId, third);
    expect(view().connections.map((c) => [c.type, c.state])).toEqual([
      ['agent', 'connected'],
      ['inbound', 'hold'],
    ]);
    expect(engine.getAgentView('a1').state.name).toBe('Busy');
  });

  it('a busy third party drops out of the consult and the customer stays on hold', () => {
    const { engine, contactId, view, clock } = connectedCall();
    engine.addConnection('a1', contactId, { quickConnectId: 'qc-busy' });
    clock.advance(1_000);
    expect(view().connections.map((c) => c.state)).toEqual(['connected', 'hold']);
  });

  it('offers an agent quick connect to that agent as a transfer showing who transfers it', () => {
    const { engine, contactId } = connectedCall('a1');
    engine.addConnection('a1', contactId, { quickConnectId: 'qc-a2' });
    const offered = ringingContact(engine, 'a2')!;
    expect(offered).toMatchObject({ initiationMethod: 'transfer', transferredBy: 'A1 Test', initialContactId: contactId });
    expect(offered.connections.map((c) => [c.type, c.state, c.name])).toEqual([
      ['agent', 'connecting', null],
      ['inbound', 'hold', null],
      ['outbound', 'connected', 'A1 Test'],
    ]);
  });

  it('Leave completes the transfer: the customer talks to the receiving agent, the transferring agent goes to ACW', () => {
    const { engine, contactId, view } = connectedCall('a1');
    engine.addConnection('a1', contactId, { quickConnectId: 'qc-a2' });
    const transferId = ringingContact(engine, 'a2')!.contactId;
    engine.acceptContact('a2', transferId);
    expect(view().connections.map((c) => c.state)).toEqual(['connected', 'hold', 'connected']);
    engine.destroyConnection('a1', contactId, view().connections[0].connectionId);
    expect(engine.getAgentView('a1').state.name).toBe('AfterCallWork');
    const a2 = engine.getAgentView('a2').contacts[0];
    expect(a2.connections.map((c) => [c.type, c.state])).toEqual([
      ['agent', 'connected'],
      ['inbound', 'connected'],
    ]);
    const record = engine.getContact(contactId).record;
    expect(record).toMatchObject({ disconnectReason: 'transferred', nextContactId: transferId });
    expect(record.transfers[0].completed).toBe(true);
    expect(engine.getContact(transferId).record).toMatchObject({ previousContactId: contactId, initiationMethod: 'transfer' });
  });

  it('routes a queue quick connect to an available agent of that queue', () => {
    const { engine, clock } = setup(['a1', 'b1']);
    const id = engine.startInboundCall({ from: CUSTOMER });
    engine.acceptContact('a1', id);
    engine.addConnection('a1', id, { quickConnectId: 'qc-billing' });
    clock.advance(10);
    const offered = ringingContact(engine, 'b1');
    expect(offered).toMatchObject({ initiationMethod: 'transfer', queueName: 'Billing' });
    const a1View = engine.getAgentView('a1').contacts[0];
    expect(a1View.connections[2]).toMatchObject({ state: 'connecting', name: 'B1 Test', endpointType: 'agent' });
  });

  it('a rejected agent transfer fails back: the third party drops and the customer stays on hold', () => {
    const { engine, contactId, view } = connectedCall('a1');
    engine.addConnection('a1', contactId, { quickConnectId: 'qc-a2' });
    engine.rejectContact('a2', ringingContact(engine, 'a2')!.contactId);
    expect(view().connections.map((c) => [c.type, c.state])).toEqual([
      ['agent', 'connected'],
      ['inbound', 'hold'],
    ]);
  });

  it('the customer hanging up during a consult leaves the agent talking to the third party', () => {
    const { engine, contactId, view, clock } = connectedCall();
    engine.addConnection('a1', contactId, { phoneNumber: '+81355550100' });
    clock.advance(2_000);
    engine.customerHangUp(contactId);
    expect(view().connections.map((c) => [c.type, c.state])).toEqual([
      ['agent', 'connected'],
      ['outbound', 'connected'],
    ]);
  });

  it('refuses a fourth party and a transfer to oneself', () => {
    const { engine, contactId } = connectedCall('a2');
    expect(() => engine.addConnection('a2', contactId, { quickConnectId: 'qc-a2' })).toThrow(/themselves/);
    engine.addConnection('a2', contactId, { phoneNumber: '+81355550100' });
    expect(() => engine.addConnection('a2', contactId, { phoneNumber: '+81355550101' })).toThrow(/three parties/);
  });
});

describe('desk phone', () => {
  it('delivers inbound calls to the desk phone, which answers them', () => {
    const { engine } = setup([]);
    engine.updateAgentConfig('a1', { softphoneEnabled: false, deskPhoneNumber: '+81355559999' });
    const rang: string[] = [];
    engine.observe({ deskPhoneChanged: (n) => rang.push(n) });
    engine.setStatus('a1', 'available');
    const id = engine.startInboundCall({ from: CUSTOMER });
    expect(engine.deskPhone('+81355559999')).toMatchObject({ agentId: 'a1', ringing: { contactId: id, caller: CUSTOMER } });
    expect(rang).toContain('+81355559999');
    expect(ringingContact(engine, 'a1')?.deskPhone).toBe(true);
    engine.answerDeskPhone('+81355559999');
    expect(engine.getAgentView('a1').state.name).toBe('Busy');
    expect(engine.deskPhone('+81355559999')).toMatchObject({ ringing: null, inCall: true });
  });

  it('rings the desk phone first on an outbound call, then dials the customer', () => {
    const { engine, clock } = setup(['a1']);
    engine.updateAgentConfig('a1', { softphoneEnabled: false, deskPhoneNumber: '+81355559999' });
    engine.startOutboundCall('a1', { phoneNumber: '+81355550100' });
    clock.advance(5_000);
    expect(engine.deskPhone('+81355559999').ringing).not.toBeNull();
    engine.answerDeskPhone('+81355559999');
    clock.advance(2_000);
    expect(engine.getAgentView('a1').state.name).toBe('Busy');
  });

  it('refuses desk phone mode without a valid desk phone number', () => {
    const { engine } = setup([]);
    expect(() => engine.updateAgentConfig('a1', { softphoneEnabled: false })).toThrow(/desk phone number/);
    expect(() => engine.updateAgentConfig('a1', { deskPhoneNumber: '555-1234' })).toThrow(/E\.164/);
    expect(() => engine.answerDeskPhone('+81355559999')).toThrow(/Desk phone/);
  });
});

describe('agent configuration and reporting', () => {
  it('saves configuration updates and tells observers', () => {
    const { engine } = setup([]);
    const saved: unknown[] = [];
    engine.observe({ agentConfigChanged: (id, c) => saved.push([id, c]) });
    engine.updateAgentConfig('a1', { autoAccept: true, language: 'ja_JP' });
    expect(engine.getAgentView('a1').config).toMatchObject({ autoAccept: true, language: 'ja_JP' });
    expect(saved).toEqual([['a1', expect.objectContaining({ autoAccept: true, language: 'ja_JP' })]]);
  });

  it('reports every change of effective state with its time, for the time-in-status report', () => {
    const { engine, clock } = makeEngine();
    const changes: [string, string, number][] = [];
    engine.observe({ stateChanged: (a, s, at) => changes.push([a, s, at]) });
    const t0 = clock.now();
    engine.setStatus('a1', 'available');
    const id = engine.startInboundCall({ from: CUSTOMER });
    clock.advance(2_000);
    engine.acceptContact('a1', id);
    clock.advance(10_000);
    engine.customerHangUp(id);
    engine.clearContact('a1', id);
    expect(changes).toEqual([
      ['a1', 'Available', t0],
      ['a1', 'PendingBusy', t0],
      ['a1', 'Busy', t0 + 2_000],
      ['a1', 'AfterCallWork', t0 + 12_000],
      ['a1', 'Available', t0 + 12_000],
    ]);
  });

  it('sends one agent update per operation, however many changes it made', () => {
    const { engine } = setup(['a1']);
    const updates: string[] = [];
    engine.observe({ agentChanged: (a) => updates.push(a) });
    engine.startInboundCall({ from: CUSTOMER });
    expect(updates).toEqual(['a1']);
  });

  it('ends every contact in flight with reason server_restart on shutdown', () => {
    const { engine } = setup(['a1']);
    const talking = engine.startInboundCall({ from: CUSTOMER });
    engine.acceptContact('a1', talking);
    const waiting = engine.startInboundCall({ from: '+819011112222' });
    const ended = engine.shutdown();
    expect(ended.map((r) => [r.contactId, r.state, r.disconnectReason]).sort()).toEqual(
      [
        [talking, 'ended', 'server_restart'],
        [waiting, 'ended', 'server_restart'],
      ].sort(),
    );
  });
});

// Task routing on the seeded demo instance, with a virtual clock: offers, accept, reject and miss, pause freeing
// the agent's task slot, resume, transfer through quick connects, end → After Contact Work → clear, the contact
// record, ten concurrent tasks for a Support Tier 1 agent, scheduled tasks (kept in SQLite across a restart) and
// expiry.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../contact-center/clock';
import type { ContactRecord } from '../../../contact-center/model';
import { type EngineOptions, RoutingEngine, type StartTaskInput, type TaskEngineEvent } from '../../../contact-center/routing/engine';
import { DEMO_INSTANCE } from '../../../contact-center/seed/demo-instance';
import { type Database, openDatabase } from '../../../contact-center/store/database';
import { endTasksInFlight, getStoredTask, listScheduledTasks, saveTask } from '../../../contact-center/store/task-repository';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function setup(available: string[], opts: Partial<EngineOptions> = {}, clock = new VirtualClock(), db?: Database) {
  let n = 0;
  const engine = new RoutingEngine(structuredClone(DEMO_INSTANCE), { clock, newId: () => `${clock.now()}-${++n}`, ...opts });
  const events: TaskEngineEvent[] = [];
  const records = new Map<string, ContactRecord>();
  engine.observe({
    taskEvent: (e) => {
      events.push(e);
      if (db && e.type === 'stored') saveTask(db, e.task);
    },
    recordChanged: (r) => records.set(r.contactId, structuredClone(r)),
  });
  for (const id of available) {
    engine.setStatus(id, 'available');
    clock.advance(1000); // the first listed agent is the longest idle
  }
  const task = (extra: Partial<StartTaskInput> = {}) => engine.startTask({ name: 'Call back Hanako', queueId: 'support', ...extra }).contactId;
  const contactsOf = (agentId: string) => engine.getAgentView(agentId).contacts;
  const ringing = (agentId: string) => contactsOf(agentId).filter((c) => c.state === 'connecting').map((c) => c.contactId);
  const view = (agentId: string, contactId: string) => contactsOf(agentId).find((c) => c.contactId === contactId);
  const accepted = (agentId: string, extra: Partial<StartTaskInput> = {}) => {
    const id = task(extra);
    engine.acceptContact(agentId, id);
    return id;
  };
  const record = (contactId: string) => {
    const found = records.get(contactId);
    if (!found) throw new Error(`no record for ${contactId}`);
    return found;
  };
  return { engine, clock, events, task, contactsOf, ringing, view, accepted, record };
}

describe('task routing: offers and the agent working a task', () => {
  it('offers a task with its name, description and references, one agent connection, and the agent stays Available', () => {
    const { ringing, view, engine, task } = setup(['agent3']);
    const id = task({
      description: 'The router keeps rebooting.',
      references: { Ticket: { type: 'URL', value: 'https://crm.example/tickets/42' }, Due: { type: 'DATE', value: '1767600000' } },
      attributes: { accountNumber: 'AC-1001' },
    });
    expect(ringing('agent3')).toEqual([id]);
    const offered = view('agent3', id)!;
    expect(offered).toMatchObject({ channel: 'task', initiationMethod: 'api', queueName: 'Support', attributes: { accountNumber: 'AC-1001' } });
    expect(offered.connections).toHaveLength(1);
    expect(offered.connections[0]).toMatchObject({ type: 'agent', state: 'connecting' });
    expect(offered.task).toMatchObject({ name: 'Call back Hanako', description: 'The router keeps rebooting.', pausedAt: null, scheduledTime: null });
    expect(offered.task!.references.Ticket).toEqual({ type: 'URL', value: 'https://crm.example/tickets/42' });
    expect(engine.getAgentView('agent3').state).toMatchObject({ name: 'Available', type: 'routable' });
  });

  it('re-queues a rejected task at the front and offers it to another agent', () => {
    const { engine, task, ringing } = setup(['agent3', 'agent4']);
    const first = task();
    expect(ringing('agent3')).toEqual([first]);
    engine.rejectContact('agent3', first);
    expect(ringing('agent4')).toEqual([first]);
    expect(engine.getContact(first).record.agents.map((a) => [a.agentId, a.outcome])).toEqual([
      ['agent3', 'rejected'],
      ['agent4', 'pending'],
    ]);
  });

  it('misses an offer after the task offer timeout (configurable) and re-queues it', () => {
    const { engine, task, ringing, clock } = setup(['agent3'], { taskOfferTimeoutMs: 5000 });
    const id = task();
    clock.advance(4999);
    expect(ringing('agent3')).toEqual([id]);
    clock.advance(1);
    expect(ringing('agent3')).toEqual([]);
    expect(engine.getAgentView('agent3').state.name).toBe('MissedCallAgent');
    expect(engine.getContact(id).state).toBe('queued');
    engine.setStatus('agent3', 'available');
    expect(ringing('agent3')).toEqual([id]);
  });

  it('gives a Support Tier 1 agent ten tasks at once; the eleventh waits until one is closed', () => {
    const { engine, accepted, task, contactsOf } = setup(['agent3']);
    const ten = Array.from({ length: 10 }, (_, i) => accepted('agent3', { name: `Task ${i}` }));
    const eleventh = task({ name: 'Eleven' });
    expect(contactsOf('agent3').map((c) => c.contactId)).toEqual(ten);
    expect(engine.getContact(eleventh).state).toBe('queued');
    expect(engine.queueSize('support', 'task')).toBe(1);
    engine.endTask('agent3', ten[0]);
    expect(engine.getContact(eleventh).state).toBe('queued'); // a task in After Contact Work keeps its slot
    engine.clearContact('agent3', ten[0]);
    expect(engine.getContact(eleventh).state).toBe('ringing');
  });

  it('frees the task slot while paused, offers the next task, and resumes above the concurrency', () => {
    const { engine, accepted, task, contactsOf, view, clock } = setup(['agent3']);
    const ten = Array.from({ length: 10 }, () => accepted('agent3'));
    const waiting = task({ name: 'Waiting' });
    engine.pauseTask('agent3', ten[3]);
    expect(view('agent3', ten[3])!.task!.pausedAt).toBe(clock.now());
    expect(engine.getContact(waiting).state).toBe('ringing');
    engine.acceptContact('agent3', waiting);
    const twelfth = task({ name: 'Twelve' });
    expect(engine.getContact(twelfth).state).toBe('queued');
    clock.advance(90_000);
    engine.resumeTask('agent3', ten[3]);
    expect(view('agent3', ten[3])!.task!.pausedAt).toBeNull();
    expect(contactsOf('agent3')).toHaveLength(11);
    expect(() => engine.resumeTask('agent3', ten[3])).toThrow(/not paused/);
    engine.endTask('agent3', ten[3]);
    engine.clearContact('agent3', ten[3]);
    expect(engine.getContact(twelfth).state).toBe('queued'); // eleven → ten: still at the concurrency
    engine.pauseTask('agent3', ten[4]);
    expect(engine.getContact(twelfth).state).toBe('ringing');
  });

  it('refuses to pause a ringing task, or a task twice', () => {
    const { engine, task } = setup(['agent3']);
    const id = task();
    expect(() => engine.pauseTask('agent3', id)).toThrow(/not connected/);
    engine.acceptContact('agent3', id);
    engine.pauseTask('agent3', id);
    expect(() => engine.pauseTask('agent3', id)).toThrow(/already paused/);
  });

  it('ends a task to After Contact Work and clears it, recording queue, handle and pause times', () => {
    const { engine, task, clock, record } = setup(['agent3']);
    const id = task({ taskTemplateId: 'tmpl-1', references: { Phone: { type: 'NUMBER', value: '819012345678' } } });
    clock.advance(3000);
    engine.acceptContact('agent3', id);
    clock.advance(60_000);
    engine.pauseTask('agent3', id);
    clock.advance(30_000);
    engine.endTask('agent3', id); // a paused task can be ended
    expect(engine.getAgentView('agent3').contacts[0]).toMatchObject({ contactId: id, state: 'ended' });
    clock.advance(5000);
    engine.clearContact('agent3', id);
    expect(engine.getAgentView('agent3').contacts).toEqual([]);
    expect(engine.hasContact(id)).toBe(false);
    expect(record(id)).toMatchObject({ state: 'ended', channel: 'task', disconnectReason: 'agent_disconnect', ringDurationMs: 3000, talkDurationMs: 90_000, acwDurationMs: 5000 });
    expect(record(id).task).toMatchObject({ name: 'Call back Hanako', templateId: 'tmpl-1', pausedDurationMs: 30_000, references: { Phone: { type: 'NUMBER', value: '819012345678' } } });
    expect(record(id).task!.pauses).toHaveLength(1);
  });
});

describe('task transfers through quick connects', () => {
  it('transfers to a queue: a new contact with the same initial contact, this one to ACW as transferred', () => {
    const { engine, accepted, ringing, events, record } = setup(['agent3', 'agent1']);
    const id = accepted('agent3', { attributes: { order: 'A-7' } });
    engine.pauseTask('agent3', id);
    const next = engine.transferTask('agent3', id, 'qc-billing-queue');
    expect(record(id)).toMatchObject({ state: 'acw', disconnectReason: 'transferred', nextContactId: next });
    expect(record(id).transfers).toEqual([expect.objectContaining({ to: 'billing', kind: 'queue', completed: true })]);
    expect(record(next)).toMatchObject({ initialContactId: id, previousContactId: id, initiationMethod: 'transfer', queueId: 'billing', attributes: { order: 'A-7' } });
    expect(record(next).task).toMatchObject({ name: 'Call back Hanako', expiresAt: record(id).task!.expiresAt });
    expect(events.filter((e) => e.type.startsWith('transfer')).map((e) => e.type)).toEqual(['transfer-initiated', 'transfer-succeeded']);
    expect(ringing('agent1')).toEqual([]); // Billing is not a Basic queue
    expect(engine.queueSize('billing', 'task')).toBe(1);
  });

  it('transfers to an agent: the task waits in their own queue and is offered to them', () => {
    const { engine, accepted, ringing, view } = setup(['agent3', 'agent4']);
    const id = accepted('agent3');
    const next = engine.transferTask('agent3', id, 'qc-agent4');
    expect(ringing('agent4')).toEqual([next]);
    expect(view('agent4', next)).toMatchObject({ transferredBy: 'Kenji Sato', initiationMethod: 'transfer', initialContactId: id });
    engine.rejectContact('agent4', next);
    expect(ringing('agent4')).toEqual([next]); // only agent4 may take it
  });

  it('refuses a transfer to a phone number or to oneself', () => {
    const { engine, accepted } = setup(['agent3']);
    const id = accepted('agent3');
    expect(() => engine.transferTask('agent3', id, 'qc-escalation-desk')).toThrow(/phone number/);
    expect(() => engine.transferTask('agent3', id, 'qc-agent3')).toThrow(/themselves/);
  });
});

describe('scheduled tasks and expiry', () => {
  let dataDir: string | null = null;
  afterEach(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dataDir = null;
  });

  it('routes a scheduled task at its time, not before', () => {
    const { engine, task, ringing, clock, events } = setup(['agent3']);
    const at = clock.now() + 3 * HOUR;
    const id = task({ scheduledTime: at });
    expect(engine.hasContact(id)).toBe(false);
    expect(engine.getTask(id)).toMatchObject({ status: 'scheduled', scheduledTime: at });
    expect(events.filter((e) => e.type === 'stored').map((e) => e.type === 'stored' && e.task.status)).toEqual(['scheduled']);
    clock.advance(3 * HOUR - 1);
    expect(ringing('agent3')).toEqual([]);
    clock.advance(1);
    expect(ringing('agent3')).toEqual([id]);
    expect(engine.getAgentView('agent3').contacts[0].task).toMatchObject({ scheduledTime: at });
  });

  it('refuses a scheduled time more than 6 days ahead or in the past', () => {
    const { engine, clock } = setup([]);
    expect(() => engine.startTask({ name: 'x', queueId: 'support', scheduledTime: clock.now() + 6 * DAY + 1000 })).toThrow(/more than 6 days/);
    expect(() => engine.startTask({ name: 'x', queueId: 'support', scheduledTime: clock.now() - 5 * MINUTE })).toThrow(/in the past/);
    expect(engine.startTask({ name: 'x', queueId: 'support', scheduledTime: clock.now() + 6 * DAY }).scheduledTime).toBe(clock.now() + 6 * DAY);
  });

  it('keeps a scheduled task in SQLite across a restart and routes it at its time', () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sb-task-'));
    const clock = new VirtualClock();
    let db = openDatabase(dataDir);
    const first = setup([], {}, clock, db);
    const at = clock.now() + 2 * DAY;
    const id = first.task({ scheduledTime: at, references: { Order: { type: 'STRING', value: 'A-7' } } });
    const inFlight = first.task();
    first.engine.shutdown();
    db.close();

    clock.advance(DAY); // the contact center was stopped for a day
    db = openDatabase(dataDir);
    expect(endTasksInFlight(db)).toBe(1);
    expect(getStoredTask(db, inFlight)?.status).toBe('ended');
    const second = setup(['agent3'], {}, clock, db);
    second.engine.restoreScheduledTasks(listScheduledTasks(db));
    clock.advance(DAY - 2000);
    expect(second.ringing('agent3')).toEqual([]);
    clock.advance(1000);
    expect(second.ringing('agent3')).toEqual([id]);
    expect(second.view('agent3', id)!.task).toMatchObject({ references: { Order: { type: 'STRING', value: 'A-7' } } });
    expect(getStoredTask(db, id)?.status).toBe('routed');
    expect(listScheduledTasks(db)).toEqual([]);
    second.engine.shutdown();
    db.close();
  });

  it('routes at once a scheduled task whose time passed while stopped, and expires one whose expiry passed', () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sb-task-'));
    const clock = new VirtualClock();
    let db = openDatabase(dataDir);
    const first = setup([], { taskExpiryMinutes: 60 * 24 }, clock, db);
    const due = first.task({ scheduledTime: clock.now() + HOUR });
    const doomed = first.task({ scheduledTime: clock.now() + 2 * HOUR, expiryMinutes: 90 });
    first.engine.shutdown();
    db.close();
    clock.advance(3 * HOUR);
    db = openDatabase(dataDir);
    const second = setup(['agent3'], {}, clock, db);
    second.engine.restoreScheduledTasks(listScheduledTasks(db));
    expect(second.ringing('agent3')).toEqual([due]);
    expect(second.record(doomed)).toMatchObject({ state: 'ended', disconnectReason: 'expired', agents: [] });
    expect(getStoredTask(db, doomed)?.status).toBe('ended');
    second.engine.shutdown();
    db.close();
  });

  it('expires a task not completed in 7 days, warning two hours before; a connected one goes to ACW', () => {
    const { engine, accepted, clock, events, record } = setup(['agent3']);
    const working = accepted('agent3');
    const done = accepted('agent3');
    engine.endTask('agent3', done);
    clock.advance(7 * DAY - 2 * HOUR - 1);
    expect(events.some((e) => e.type === 'expiring')).toBe(false);
    clock.advance(1);
    expect(events.filter((e) => e.type === 'expiring')).toEqual([expect.objectContaining({ contactId: working, agentId: 'agent3' })]);
    clock.advance(2 * HOUR - 1);
    expect(events.some((e) => e.type === 'expired')).toBe(false);
    clock.advance(1);
    expect(events.filter((e) => e.type === 'expired')).toEqual([expect.objectContaining({ contactId: working, agentId: 'agent3' })]);
    expect(record(working)).toMatchObject({ state: 'acw', disconnectReason: 'expired' });
    expect(record(done)).toMatchObject({ state: 'ended', disconnectReason: 'agent_disconnect' }); // completed long before: no expiry
  });

  it('expires a task with an expiry longer than a timer can wait (30 days) at its time, not at the timer limit', () => {
    const { engine, task, clock, record } = setup([]);
    const id = task({ expiryMinutes: 30 * 24 * 60 });
    clock.advance(25 * DAY);
    expect(engine.getContact(id).state).toBe('queued');
    clock.advance(5 * DAY - 1);
    expect(engine.getContact(id).state).toBe('queued');
    clock.advance(1);
    expect(record(id)).toMatchObject({ state: 'ended', disconnectReason: 'expired' });
  });

  it('expires a waiting task after a configured expiry, out of its queue', () => {
    const { engine, task, clock, record } = setup([], { taskExpiryMinutes: 30 });
    const id = task();
    expect(engine.queueSize('support', 'task')).toBe(1);
    clock.advance(30 * MINUTE);
    expect(engine.queueSize('support', 'task')).toBe(0);
    expect(record(id)).toMatchObject({ state: 'ended', disconnectReason: 'expired' });
  });
});

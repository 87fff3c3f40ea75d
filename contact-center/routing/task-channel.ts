// Task behaviour of the routing engine, as Amazon Connect routes tasks: a task is a contact of channel 'task'
// with one connection (the agent's), a name, description and references. It is routed at once or, scheduled,
// waits until its time (the store keeps it across restarts); offered like a chat (missed or rejected, it goes
// back to the front of its queue); the agent accepts, pauses (freeing its slot of task concurrency) and resumes,
// transfers it through a queue or agent quick connect (a new contact, same InitialContactId), or ends it (After
// Contact Work, then clear). A task not completed before its expiry (7 days by default) ends by itself.
//
//   scheduled ─(its time)─► queued ─► ringing ─► connected ⇄ paused ─► ACW ─► cleared
//                                                    └── transfer ──► new contact queued (this one to ACW)

import type { Clock, TimerId } from '../clock';
import { disconnect } from './contact-lifecycle';
import type { EngineCore, EngineOptions } from './engine-core';
import type { Call, Contact, Participant } from './engine-state';
import { invalidParameter, invalidState, notFound } from './errors';
import {
  checkExpiryMinutes,
  checkScheduledTime,
  checkTaskAttributes,
  checkTaskDescription,
  checkTaskName,
  checkTaskReferences,
  TASK_LIMITS,
} from './task-validation';
import type { PersistedTask, StartedTask, StartTaskInput } from './task-types';
import type { ConnectionState } from './views';

export type { PersistedTask, StartedTask, StartTaskInput, TaskEngineEvent } from './task-types';

/** setTimeout's longest delay; a later deadline is reached in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

interface TaskTimers {
  schedule?: TimerId;
  warning?: TimerId;
  expiry?: TimerId;
}

export class TaskChannel {
  /** Tasks that are scheduled or in flight, by contact id. */
  private readonly tasks = new Map<string, PersistedTask>();
  private readonly timers = new Map<string, TaskTimers>();
  private readonly expiryMinutes: number;

  constructor(
    private readonly core: EngineCore,
    options: Pick<EngineOptions, 'taskExpiryMinutes'> = {},
  ) {
    this.expiryMinutes = checkExpiryMinutes(options.taskExpiryMinutes, TASK_LIMITS.defaultExpiryMinutes);
    core.participantListeners.push((call, p, was) => this.participantChanged(call, p, was));
  }

  private get clock(): Clock {
    return this.core.clock;
  }

  startTask(input: StartTaskInput): StartedTask {
    const core = this.core;
    return core.mutate(() => {
      const now = this.clock.now();
      const name = checkTaskName(input.name);
      const description = checkTaskDescription(input.description);
      const references = checkTaskReferences(input.references);
      const attributes = checkTaskAttributes(input.attributes);
      const scheduledTime = checkScheduledTime(input.scheduledTime, now);
      const expiryMinutes = checkExpiryMinutes(input.expiryMinutes, this.expiryMinutes);
      const target = this.target(input);
      const contactId = core.newId();
      const task: PersistedTask = {
        contactId,
        initialContactId: contactId,
        status: scheduledTime === null ? 'routed' : 'scheduled',
        clientToken: input.clientToken ?? null,
        createdAt: now,
        scheduledTime,
        expiresAt: now + expiryMinutes * 60_000,
        initiationMethod: 'api',
        name,
        description,
        references,
        attributes,
        templateId: input.taskTemplateId ?? null,
        previousContactId: input.previousContactId ?? null,
        relatedContactId: input.relatedContactId ?? null,
        ...target,
      };
      this.tasks.set(contactId, task);
      this.armExpiry(task);
      if (scheduledTime === null) this.deliver(task);
      else this.armSchedule(task);
      this.stored(task);
      return { contactId, scheduledTime };
    });
  }

  /** Takes back the tasks a previous run left scheduled: each waits for its time again, is routed now when its
   *  time passed while the contact center was stopped, or ends (expired) when its expiry passed too. */
  restoreScheduledTasks(tasks: readonly PersistedTask[]): void {
    this.core.mutate(() => {
      const now = this.clock.now();
      for (const stored of tasks) {
        if (stored.status !== 'scheduled' || this.tasks.has(stored.contactId)) continue;
        const task = structuredClone(stored);
        this.tasks.set(task.contactId, task);
        if (task.expiresAt <= now) {
          this.expire(task.contactId);
          continue;
        }
        this.armExpiry(task);
        if (task.scheduledTime === null || task.scheduledTime <= now) {
          this.deliver(task);
          this.stored(task);
        } else {
          this.armSchedule(task);
        }
      }
    });
  }

  /** The agent pauses a connected task: it stays theirs but frees its slot, so another task may be offered. */
  pauseTask(agentId: string, contactId: string): void {
    const core = this.core;
    core.mutate(() => {
      const contact = this.taskContact(core.agentContact(agentId, contactId));
      if (contact.state !== 'connected') throw invalidState(`task ${contactId} is not connected: only a task being worked can be paused`);
      if (contact.pausedAt !== undefined) throw invalidState(`task ${contactId} is already paused`);
      const now = this.clock.now();
      contact.pausedAt = now;
      contact.record.task?.pauses.push({ pausedAt: now, resumedAt: null });
      const agent = core.agent(agentId);
      core.refreshAvailability(agent);
      core.dispatchNeeded = true;
      core.touchContact(contact);
    });
  }

  /** The agent resumes a paused task. It takes a slot again, even when the agent took other tasks meanwhile
   *  (no new task is offered until the agent is below the concurrency again). */
  resumeTask(agentId: string, contactId: string): void {
    const core = this.core;
    core.mutate(() => {
      const contact = this.taskContact(core.agentContact(agentId, contactId));
      if (contact.pausedAt === undefined) throw invalidState(`task ${contactId} is not paused`);
      this.closePause(contact);
      core.refreshAvailability(core.agent(agentId));
      core.touchContact(contact);
    });
  }

  /** TaskJS's updateContact: the handling agent changes the task's name, description or references (each under
   *  StartTaskContact's limits; references given replace the task's). */
  updateTask(agentId: string, contactId: string, update: { name?: unknown; description?: unknown; references?: unknown }): void {
    const core = this.core;
    core.mutate(() => {
      const contact = this.taskContact(core.agentContact(agentId, contactId));
      const task = this.tasks.get(contact.id);
      const record = contact.record.task;
      if (!task || !record) throw notFound('Task', contactId);
      if (update.name !== undefined) task.name = record.name = checkTaskName(update.name);
      if (update.description !== undefined) task.description = record.description = checkTaskDescription(update.description);
      if (update.references !== undefined) {
        task.references = checkTaskReferences(update.references);
        record.references = structuredClone(task.references);
      }
      this.stored(task);
      core.touchContact(contact);
    });
  }

  /** The agent ends a connected (or paused) task: it goes to After Contact Work; Close contact clears it. */
  endTask(agentId: string, contactId: string): void {
    const core = this.core;
    core.mutate(() => {
      const contact = this.taskContact(core.agentContact(agentId, contactId));
      if (contact.state !== 'connected') throw invalidState(`task ${contactId} is not connected: reject a ringing task, clear one in After Contact Work`);
      disconnect(core, contact.call, contact.participant, 'agent_disconnect');
    });
  }

  /** Transfers a connected (or paused) task through a queue or agent quick connect: a new contact (same
   *  InitialContactId, PreviousContactId = this one, same task and expiry) waits in that queue or the agent's
   *  own queue, and this one goes to After Contact Work. Returns the new contact's id. */
  transferTask(agentId: string, contactId: string, quickConnectId: string): string {
    const core = this.core;
    return core.mutate(() => {
      const contact = this.taskContact(core.agentContact(agentId, contactId));
      if (contact.state !== 'connected') throw invalidState('only a connected or paused task can be transferred');
      const target = this.target({ quickConnectId });
      if (target.agentId === agentId) throw invalidParameter('an agent cannot transfer a task to themselves');
      const from = this.tasks.get(contact.id);
      if (!from) throw notFound('Task', contactId);
      const now = this.clock.now();
      const next: PersistedTask = {
        ...structuredClone(from),
        contactId: core.newId(),
        status: 'routed',
        clientToken: null,
        createdAt: now,
        initiationMethod: 'transfer',
        attributes: { ...contact.attributes },
        previousContactId: contact.id,
        ...target,
      };
      core.taskEvents.push({ type: 'transfer-initiated', contactId, initialContactId: from.initialContactId, toContactId: next.contactId, agentId });
      this.tasks.set(next.contactId, next);
      this.armExpiry(next);
      const created = this.deliver(next);
      const qc = core.quickConnect(quickConnectId);
      created.transferredBy = agentId;
      created.participant.quickConnectName = qc.name;
      contact.record.transfers.push({ at: now, to: target.queueId ?? target.agentId ?? '', kind: target.queueId ? 'queue' : 'agent', completed: false });
      contact.record.nextContactId = next.contactId;
      this.stored(next);
      disconnect(core, contact.call, contact.participant, 'transferred');
      core.taskEvents.push({ type: 'transfer-succeeded', contactId, initialContactId: from.initialContactId, toContactId: next.contactId, agentId });
      return next.contactId;
    });
  }

  /** A scheduled or in-flight task as stored, or null (unknown, or ended). */
  getTask(contactId: string): PersistedTask | null {
    const task = this.tasks.get(contactId);
    return task ? structuredClone(task) : null;
  }

  /** The tasks waiting for their scheduled time, soonest first. */
  scheduledTasks(): PersistedTask[] {
    return [...this.tasks.values()]
      .filter((task) => task.status === 'scheduled')
      .sort((a, b) => (a.scheduledTime ?? 0) - (b.scheduledTime ?? 0))
      .map((task) => structuredClone(task));
  }

  /** Server shutdown: the timers stop (scheduled tasks stay stored as scheduled, for the next run). */
  shutdown(): void {
    for (const contactId of [...this.timers.keys()]) this.clearTimers(contactId);
    this.tasks.clear();
  }

  // ───────────────────────────── internals ─────────────────────────────

  /** Where a task is routed: `{queueId}` for a queue, `{agentId}` for an agent's own queue. */
  private target(input: { queueId?: string; quickConnectId?: string }): { queueId: string | null; agentId: string | null } {
    const core = this.core;
    if ((input.queueId === undefined) === (input.quickConnectId === undefined)) throw invalidParameter('a task goes to a queue or a quick connect: give exactly one');
    if (input.queueId !== undefined) {
      if (!core.queues.has(input.queueId)) throw notFound('Queue', String(input.queueId));
      return { queueId: input.queueId, agentId: null };
    }
    const qc = core.quickConnect(String(input.quickConnectId));
    if (qc.kind === 'phone') throw invalidParameter(`quick connect ${qc.name} is a phone number: a task goes to a queue or an agent`);
    if (qc.kind === 'queue') return { queueId: qc.queueId, agentId: null };
    core.agent(qc.agentId);
    return { queueId: null, agentId: qc.agentId };
  }

  /** The task's contact, with its record; not yet in a queue. */
  private materialize(task: PersistedTask): Contact {
    const core = this.core;
    const call: Call = { id: core.newId(), channel: 'task', direction: 'inbound', participants: [] };
    const contact = core.newContact(call, {
      id: task.contactId,
      initiationMethod: task.initiationMethod,
      queueId: task.queueId,
      attributes: { ...task.attributes },
      customerEndpoint: null,
      systemEndpoint: null,
    });
    contact.agentQueueOf = task.agentId;
    const record = contact.record;
    record.initiatedAt = task.createdAt;
    record.initialContactId = task.initialContactId;
    record.previousContactId = task.previousContactId;
    record.task = {
      name: task.name,
      description: task.description,
      references: structuredClone(task.references),
      templateId: task.templateId,
      scheduledTime: task.scheduledTime,
      relatedContactId: task.relatedContactId,
      expiresAt: task.expiresAt,
      pauses: [],
      pausedDurationMs: 0,
    };
    if (task.agentId) contact.participant.name = core.agentName(task.agentId);
    else if (task.queueId) {
      contact.participant.name = core.queueDef(task.queueId).name;
      contact.participant.queueId = task.queueId;
    }
    return contact;
  }

  /** The task's time has come: its contact enters its queue (or its agent's own queue) and is routed. */
  private deliver(task: PersistedTask): Contact {
    const contact = this.materialize(task);
    contact.record.enqueuedAt = this.clock.now();
    task.status = 'routed';
    this.core.enqueue(contact, false);
    return contact;
  }

  private armSchedule(task: PersistedTask): void {
    this.setAt(task.contactId, 'schedule', task.scheduledTime ?? this.clock.now(), () => {
      this.core.mutate(() => {
        if (this.tasks.get(task.contactId)?.status !== 'scheduled') return;
        this.deliver(task);
        this.stored(task);
      });
    });
  }

  private armExpiry(task: PersistedTask): void {
    const warnAt = task.expiresAt - TASK_LIMITS.expiryWarningMs;
    if (warnAt > this.clock.now()) {
      this.setAt(task.contactId, 'warning', warnAt, () => {
        this.core.mutate(() => {
          const contact = this.core.contacts.get(task.contactId);
          this.core.taskEvents.push({ type: 'expiring', contactId: task.contactId, initialContactId: task.initialContactId, agentId: contact?.agentId ?? null, expiresAt: task.expiresAt });
        });
      });
    }
    this.setAt(task.contactId, 'expiry', task.expiresAt, () => this.core.mutate(() => this.expire(task.contactId)));
  }

  /** The task reached its expiry without being completed: it ends with reason `expired` (a connected one goes to
   *  After Contact Work; a scheduled one ends without being routed). */
  private expire(contactId: string): void {
    const task = this.tasks.get(contactId);
    if (!task) return;
    const contact = task.status === 'scheduled' ? this.materialize(task) : this.core.contacts.get(contactId);
    if (!contact || contact.state === 'acw' || contact.state === 'ended') return;
    const agentId = contact.agentId;
    contact.record.disconnectReason = 'expired';
    this.core.taskEvents.push({ type: 'expired', contactId, initialContactId: task.initialContactId, agentId });
    disconnect(this.core, contact.call, contact.participant, 'expired');
  }

  /** The agent's leg of a task ended (end, transfer, expiry, server stop): the pause closes, the timers stop and
   *  the task is done for the store. */
  private participantChanged(call: Call, p: Participant, was: ConnectionState): void {
    if (call.channel !== 'task' || p.state !== 'disconnected' || was === 'disconnected' || !p.contactId) return;
    const contact = this.core.contacts.get(p.contactId);
    if (contact?.pausedAt !== undefined) this.closePause(contact);
    const task = this.tasks.get(p.contactId);
    if (!task) return;
    this.clearTimers(p.contactId);
    this.tasks.delete(p.contactId);
    task.status = 'ended';
    this.stored(task);
  }

  private closePause(contact: Contact): void {
    if (contact.pausedAt === undefined) return;
    const now = this.clock.now();
    const details = contact.record.task;
    const open = details?.pauses.at(-1);
    if (details && open && open.resumedAt === null) {
      open.resumedAt = now;
      details.pausedDurationMs += now - open.pausedAt;
    }
    delete contact.pausedAt;
  }

  private stored(task: PersistedTask): void {
    this.core.taskEvents.push({ type: 'stored', task: structuredClone(task) });
  }

  /** Runs `fn` at `at` on the engine's clock, in steps when it is further than a timer can wait. */
  private setAt(contactId: string, kind: keyof TaskTimers, at: number, fn: () => void): void {
    const timers = this.timers.get(contactId) ?? {};
    this.timers.set(contactId, timers);
    if (timers[kind] !== undefined) this.clock.clearTimer(timers[kind]);
    const wait = at - this.clock.now();
    timers[kind] = this.clock.setTimer(
      () => {
        delete timers[kind];
        if (at > this.clock.now()) this.setAt(contactId, kind, at, fn);
        else fn();
      },
      Math.min(Math.max(0, wait), LONGEST_TIMER_MS),
    );
  }

  private clearTimers(contactId: string): void {
    const timers = this.timers.get(contactId);
    if (!timers) return;
    for (const id of [timers.schedule, timers.warning, timers.expiry]) if (id !== undefined) this.clock.clearTimer(id);
    this.timers.delete(contactId);
  }

  private taskContact(contact: Contact): Contact {
    if (contact.channel !== 'task' || !contact.record.task) throw invalidParameter(`contact ${contact.id} is not a task`);
    return contact;
  }
}

// The routing engine's channel-agnostic core: agents and their statuses, queues, contacts, the set of
// routable agents, and the bookkeeping that routes and tells observers once each operation completes.
// Channel modules (voice-channel.ts, …) and the offer/lifecycle functions work on it as their context.

import { randomUUID } from 'node:crypto';
import type { Clock, TimerId } from '../clock';
import type { AgentConfig, AgentStatusDef, ContactRecord, DisconnectReason, InstanceConfig, QuickConnectDef } from '../model';
import { effectiveState } from './agent-views';
import {
  type Agent,
  type Call,
  type ChannelQueues,
  type Contact,
  type ContactInit,
  type Participant,
  channelQueues,
  hasAnyCapacity,
  isDeskPhone,
  newRecord,
} from './engine-state';
import { invalidParameter, notFound } from './errors';
import { dispatch } from './offers';
import type { TaskEngineEvent } from './task-types';
import type { ConnectionState } from './views';

export interface EngineObserver {
  agentChanged?(agentId: string): void;
  recordChanged?(record: ContactRecord): void;
  /** The agent's effective state changed (for the time-in-status report). */
  stateChanged?(agentId: string, stateName: string, at: number): void;
  agentConfigChanged?(agentId: string, config: AgentConfig): void;
  deskPhoneChanged?(phoneNumber: string): void;
  /** Something a chat's participants must be told (the chat layer turns these into chat items). */
  chatEvent?(event: ChatEngineEvent): void;
  /** Something about a task: stored (to persist), transferred, expiring or expired (the aws/task events). */
  taskEvent?(event: TaskEngineEvent): void;
}

/** A chat participant change, heard after the operation that made it. `participantId` is the agent's
 *  connection id on that contact; 'ended' always comes after the other events of the same operation. */
export type ChatEngineEvent =
  | { type: 'agent-joined'; contactId: string; initialContactId: string; agentId: string; participantId: string; displayName: string }
  | { type: 'agent-left'; contactId: string; initialContactId: string; agentId: string; participantId: string; displayName: string }
  | { type: 'transferred'; fromContactId: string; toContactId: string; initialContactId: string; byAgentId: string }
  | { type: 'ended'; contactId: string; initialContactId: string; reason: DisconnectReason };

/** Told of every participant state change, with the reason when it is a disconnection. */
export type ParticipantListener = (call: Call, p: Participant, was: ConnectionState, reason: DisconnectReason | null) => void;

export interface EngineOptions {
  clock: Clock;
  newId?: () => string;
  offerTimeoutMs?: number;
  /** How long a chat offer rings before it is missed (Amazon Connect: 20 s, like voice). */
  chatOfferTimeoutMs?: number;
  /** How long a task offer rings before it is missed (20 s, like the other channels). */
  taskOfferTimeoutMs?: number;
  /** How long a task may stay open before it expires (Amazon Connect: 7 days, 10,080 minutes). */
  taskExpiryMinutes?: number;
  /** How long an external number rings before it answers. */
  farEndAnswerMs?: number;
  /** How long before a busy number reports busy. */
  farEndBusyMs?: number;
  /** How long an unanswered external number rings before the attempt fails. */
  farEndNoAnswerMs?: number;
}

export class EngineCore {
  readonly clock: Clock;
  readonly newId: () => string;
  readonly offerTimeoutMs: number;
  readonly chatOfferTimeoutMs: number;
  readonly taskOfferTimeoutMs: number;

  readonly agents = new Map<string, Agent>();
  readonly queues = new Map<string, ChannelQueues<Contact>>();
  readonly agentQueues = new Map<string, ChannelQueues<Contact>>();
  readonly contacts = new Map<string, Contact>();
  readonly statuses = new Map<string, AgentStatusDef>();
  /** Routable agents with no error and room for a contact of some channel, longest idle first. */
  availableAgents: Agent[] = [];
  /** Contacts waiting in any queue: with none, a routing pass has nothing to look at. */
  waiting = 0;
  readonly observers: EngineObserver[] = [];
  readonly delayTimers = new Map<number, TimerId>();
  readonly participantListeners: ParticipantListener[] = [];
  readonly chatEvents: ChatEngineEvent[] = [];
  readonly taskEvents: TaskEngineEvent[] = [];

  private depth = 0;
  readonly dirtyAgents = new Set<string>();
  readonly dirtyRecords = new Map<string, ContactRecord>();
  readonly dirtyDeskPhones = new Set<string>();
  dispatchNeeded = false;

  constructor(
    readonly config: InstanceConfig,
    options: EngineOptions,
  ) {
    this.clock = options.clock;
    this.newId = options.newId ?? randomUUID;
    this.offerTimeoutMs = options.offerTimeoutMs ?? 20_000;
    this.chatOfferTimeoutMs = options.chatOfferTimeoutMs ?? 20_000;
    this.taskOfferTimeoutMs = options.taskOfferTimeoutMs ?? 20_000;
    for (const s of config.statuses) this.statuses.set(s.id, s);
    for (const q of config.queues) this.queues.set(q.id, channelQueues(q.id));
    const offline = this.offlineStatus();
    const now = this.clock.now();
    for (const def of config.agents) {
      const profile = config.routingProfiles.find((p) => p.id === def.routingProfileId);
      if (!profile) throw new Error(`agent ${def.id} has unknown routing profile ${def.routingProfileId}`);
      this.agents.set(def.id, {
        def: { ...def, config: { ...def.config } },
        profile,
        status: offline,
        statusSince: now,
        nextStatus: null,
        error: null,
        missed: [],
        muted: false,
        contacts: [],
        idleSince: now,
        available: false,
        lastState: null,
        profileQueues: new Set(profile.queues.map((q) => q.queueId)),
        profileChannels: new Set(profile.queues.flatMap((q) => q.channels)),
      });
      this.agentQueues.set(def.id, channelQueues(`agent:${def.id}`));
    }
    for (const agent of this.agents.values()) agent.lastState = effectiveState(agent);
  }

  // ───────────────────────────── bookkeeping ─────────────────────────────

  /** Runs an operation; when the outermost one completes, routes what can be routed and tells observers. */
  mutate<T>(fn: () => T): T {
    this.depth++;
    try {
      const result = fn();
      if (this.depth === 1 && this.dispatchNeeded) dispatch(this);
      return result;
    } finally {
      this.depth--;
      if (this.depth === 0) this.flush();
    }
  }

  private flush(): void {
    const now = this.clock.now();
    for (const agentId of this.dirtyAgents) {
      const agent = this.agents.get(agentId);
      if (!agent) continue;
      const state = effectiveState(agent);
      if (!agent.lastState || agent.lastState.name !== state.name) {
        for (const o of this.observers) o.stateChanged?.(agentId, state.name, now);
      }
      agent.lastState = state;
      // A desk phone shows its agent's contacts: it changes whenever that agent does.
      if (isDeskPhone(agent)) this.dirtyDeskPhones.add(agent.def.config.deskPhoneNumber);
    }
    const agents = [...this.dirtyAgents];
    const records = [...this.dirtyRecords.values()];
    const desks = [...this.dirtyDeskPhones];
    // A chat's 'ended' comes after everything else the operation did to it.
    const chatEvents = this.chatEvents.length === 0 ? [] : [...this.chatEvents.filter((e) => e.type !== 'ended'), ...this.chatEvents.filter((e) => e.type === 'ended')];
    this.dirtyAgents.clear();
    this.dirtyRecords.clear();
    this.dirtyDeskPhones.clear();
    this.chatEvents.length = 0;
    const taskEvents = this.taskEvents.splice(0);
    for (const o of this.observers) {
      for (const r of records) o.recordChanged?.(r);
      for (const a of agents) o.agentChanged?.(a);
      for (const d of desks) o.deskPhoneChanged?.(d);
      for (const e of chatEvents) o.chatEvent?.(e);
      for (const e of taskEvents) o.taskEvent?.(e);
    }
    // Finished contacts are kept only until their record is handed over (an ended contact is no agent's any more).
    for (const r of records) {
      if (this.contacts.get(r.contactId)?.state === 'ended') this.contacts.delete(r.contactId);
    }
  }

  applyStatus(agent: Agent, status: AgentStatusDef): void {
    const now = this.clock.now();
    if (agent.status.id !== status.id || agent.error) {
      agent.status = status;
      agent.statusSince = now;
    }
    agent.nextStatus = null;
    agent.error = null;
    agent.missed = [];
    this.refreshAvailability(agent);
    this.dispatchNeeded = true;
    this.touchAgent(agent);
  }

  /** Keeps `availableAgents` to the agents who can take a contact of some channel now (routable, no error,
   *  room under a channel's concurrency), ordered by how long they have been idle, so a routing decision
   *  looks at few agents. */
  refreshAvailability(agent: Agent): void {
    const shouldBe = agent.status.type === 'routable' && agent.error === null && hasAnyCapacity(agent);
    if (shouldBe === agent.available) return;
    agent.available = shouldBe;
    if (shouldBe) {
      this.insertIdle(agent);
    } else {
      const i = this.availableAgents.indexOf(agent);
      if (i >= 0) this.availableAgents.splice(i, 1);
    }
  }

  /** Handling a contact of any channel puts an agent who stays available at the bottom of the idle order. */
  markBusyNow(agent: Agent): void {
    if (!agent.available) return;
    const i = this.availableAgents.indexOf(agent);
    if (i >= 0) this.availableAgents.splice(i, 1);
    this.insertIdle(agent);
  }

  private insertIdle(agent: Agent): void {
    agent.idleSince = this.clock.now();
    // The newest idle agent: insert from the end.
    let i = this.availableAgents.length;
    while (i > 0 && this.availableAgents[i - 1].idleSince > agent.idleSince) i--;
    this.availableAgents.splice(i, 0, agent);
  }

  detachFromAgent(contact: Contact, agent: Agent): void {
    const i = agent.contacts.indexOf(contact);
    if (i >= 0) agent.contacts.splice(i, 1);
    this.refreshAvailability(agent);
    this.dispatchNeeded = true;
  }

  touchAgent(agent: Agent): void {
    this.dirtyAgents.add(agent.def.id);
  }

  touchContact(contact: Contact): void {
    this.dirtyRecords.set(contact.id, contact.record);
    if (contact.agentId) this.dirtyAgents.add(contact.agentId);
  }

  touchCall(call: Call): void {
    for (const c of this.callContacts(call)) this.touchContact(c);
  }

  callContacts(call: Call): Contact[] {
    const out: Contact[] = [];
    for (const p of call.participants) {
      if (p.contactId) {
        const c = this.contacts.get(p.contactId);
        if (c) out.push(c);
      }
    }
    return out;
  }

  // ───────────────────────────── creating contacts ─────────────────────────────

  newParticipant(init: { kind: Participant['kind']; state: ConnectionState; initial: boolean; phoneNumber?: string }): Participant {
    return {
      id: this.newId(),
      kind: init.kind,
      state: init.state,
      since: this.clock.now(),
      initial: init.initial,
      agentId: null,
      contactId: null,
      phoneNumber: init.phoneNumber ?? null,
      name: null,
      queueId: null,
      quickConnectName: null,
      farEndTimer: null,
    };
  }

  newContact(call: Call, init: ContactInit): Contact {
    const now = this.clock.now();
    const id = init.id ?? this.newId();
    const participant = this.newParticipant({ kind: 'agent', state: 'connecting', initial: false });
    participant.contactId = id;
    call.participants.push(participant);
    const contact: Contact = {
      id,
      queuedIn: null,
      call,
      channel: call.channel,
      initiationMethod: init.initiationMethod,
      state: 'queued',
      since: now,
      queueId: init.queueId,
      agentQueueOf: null,
      agentId: null,
      participant,
      attributes: init.attributes,
      enqueuedAt: null,
      declinedBy: new Set(),
      transferredBy: null,
      offerTimer: null,
      acwTimer: null,
      customerHoldSince: null,
      record: newRecord(id, call.channel, init, now),
    };
    this.contacts.set(id, contact);
    this.dirtyRecords.set(id, contact.record);
    return contact;
  }

  /** Puts a contact in its queue (or its agent's personal queue), at the back or, when it comes back, the front. */
  enqueue(contact: Contact, front: boolean): void {
    const queues = contact.agentQueueOf ? this.agentQueues.get(contact.agentQueueOf) : this.queues.get(contact.queueId ?? '');
    const queue = queues?.[contact.channel];
    if (!queue) throw notFound('Queue', String(contact.queueId));
    contact.state = 'queued';
    contact.since = this.clock.now();
    contact.record.state = 'queued';
    if (contact.enqueuedAt === null) contact.enqueuedAt = contact.since;
    if (front) queue.pushFront(contact);
    else queue.push(contact);
    this.waiting++;
    this.dirtyRecords.set(contact.id, contact.record);
    this.dispatchNeeded = true;
  }

  // ───────────────────────────── look-ups ─────────────────────────────

  agent(agentId: string): Agent {
    const agent = this.agents.get(agentId);
    if (!agent) throw notFound('Agent', agentId);
    return agent;
  }

  contact(contactId: string): Contact {
    const contact = this.contacts.get(contactId);
    if (!contact) throw notFound('Contact', contactId);
    return contact;
  }

  agentContact(agentId: string, contactId: string): Contact {
    const agent = this.agent(agentId);
    const contact = agent.contacts.find((c) => c.id === contactId);
    if (!contact) throw notFound('Contact', contactId);
    return contact;
  }

  otherParticipant(contact: Contact, connectionId: string): Participant {
    const p = contact.call.participants.find((x) => x.id === connectionId);
    if (!p) throw notFound('Connection', connectionId);
    if (p === contact.participant) throw invalidParameter('an agent cannot hold or resume their own connection');
    return p;
  }

  quickConnect(id: string): QuickConnectDef {
    const qc = this.config.quickConnects.find((q) => q.id === id);
    if (!qc) throw notFound('Quick connect', id);
    return qc;
  }

  queueDef(queueId: string) {
    const q = this.config.queues.find((x) => x.id === queueId);
    if (!q) throw notFound('Queue', queueId);
    return q;
  }

  offlineStatus(): AgentStatusDef {
    const offline = this.config.statuses.find((s) => s.type === 'offline');
    if (!offline) throw new Error('the instance has no offline status');
    return offline;
  }

  agentName(agentId: string): string {
    const def = this.agents.get(agentId)?.def;
    return def ? `${def.firstName} ${def.lastName}`.trim() : agentId;
  }
}

// The routing engine: agents, statuses, queues, offers, calls with their connections, transfers and after
// call work, with Amazon Connect's semantics. Pure: no I/O, time from an injected clock; observers hear
// which agents, records and desk phones changed once each operation is complete.
//
//   inbound call ─► queued ─► ringing (offer, 20 s) ─► connected ─► ended ─► ACW ─► cleared
//                     ▲            │ miss / reject                     │ (timeout or Close contact)
//                     └────────────┘ (back to the front)               ▼
//                                                              agent back to their status or next status

import { randomUUID } from 'node:crypto';
import type { Clock, TimerId } from '../clock';
import type {
  AgentConfig,
  AgentDef,
  AgentStatusDef,
  Channel,
  ContactRecord,
  ContactRecordAgent,
  DisconnectReason,
  FarEndBehaviour,
  InstanceConfig,
  QuickConnectDef,
  RoutingProfileDef,
} from '../model';
import { ContactQueue, type Queued } from './contact-queue';
import { EngineError, invalidParameter, invalidState, notFound } from './errors';
import type {
  AgentSummary,
  AgentView,
  ConnectionState,
  ConnectionView,
  ContactDetails,
  ContactView,
  DeskPhoneView,
  EffectiveState,
} from './views';

export interface EngineObserver {
  agentChanged?(agentId: string): void;
  recordChanged?(record: ContactRecord): void;
  /** The agent's effective state changed (for the time-in-status report). */
  stateChanged?(agentId: string, stateName: string, at: number): void;
  agentConfigChanged?(agentId: string, config: AgentConfig): void;
  deskPhoneChanged?(phoneNumber: string): void;
}

export interface EngineOptions {
  clock: Clock;
  newId?: () => string;
  offerTimeoutMs?: number;
  /** How long an external number rings before it answers. */
  farEndAnswerMs?: number;
  /** How long before a busy number reports busy. */
  farEndBusyMs?: number;
  /** How long an unanswered external number rings before the attempt fails. */
  farEndNoAnswerMs?: number;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const DTMF = /^[0-9*#,]{1,64}$/;

interface Participant {
  id: string;
  kind: 'customer' | 'agent' | 'external';
  state: ConnectionState;
  since: number;
  initial: boolean;
  agentId: string | null;
  contactId: string | null;
  phoneNumber: string | null;
  name: string | null;
  queueId: string | null;
  quickConnectName: string | null;
  farEndTimer: TimerId | null;
}

interface Call {
  id: string;
  channel: Channel;
  /** Whether the customer called in or was called: their connection is 'inbound' or 'outbound'. */
  direction: 'inbound' | 'outbound';
  participants: Participant[];
}

type ContactState = 'queued' | 'ringing' | 'dialing' | 'connected' | 'acw' | 'ended';

interface Contact extends Queued {
  id: string;
  call: Call;
  channel: Channel;
  initiationMethod: ContactRecord['initiationMethod'];
  state: ContactState;
  since: number;
  queueId: string | null; // a real queue, or null for an agent's own queue
  agentQueueOf: string | null; // the agent whose personal queue holds it (agent transfers)
  agentId: string | null;
  participant: Participant; // this contact's agent leg
  attributes: Record<string, string>;
  enqueuedAt: number | null;
  declinedBy: Set<string>;
  transferredBy: string | null;
  offerTimer: TimerId | null;
  acwTimer: TimerId | null;
  customerHoldSince: number | null;
  record: ContactRecord;
}

interface Agent {
  def: AgentDef;
  profile: RoutingProfileDef;
  status: AgentStatusDef;
  statusSince: number;
  nextStatus: AgentStatusDef | null;
  error: { name: 'MissedCallAgent'; since: number } | null;
  missed: ContactView[]; // missed offers, shown until the agent changes status
  muted: boolean;
  contacts: Contact[];
  idleSince: number;
  available: boolean; // in `availableAgents`
  lastState: EffectiveState | null;
  profileQueues: Set<string>;
}

export class RoutingEngine {
  private readonly clock: Clock;
  private readonly newId: () => string;
  private readonly offerTimeoutMs: number;
  private readonly farEndAnswerMs: number;
  private readonly farEndBusyMs: number;
  private readonly farEndNoAnswerMs: number;

  private readonly agents = new Map<string, Agent>();
  private readonly queues = new Map<string, ContactQueue<Contact>>();
  private readonly agentQueues = new Map<string, ContactQueue<Contact>>();
  private readonly contacts = new Map<string, Contact>();
  private readonly statuses = new Map<string, AgentStatusDef>();
  /** Routable agents with no error, longest idle first. */
  private availableAgents: Agent[] = [];
  /** Contacts waiting in any queue: with none, a routing pass has nothing to look at. */
  private waiting = 0;
  private readonly observers: EngineObserver[] = [];
  private readonly delayTimers = new Map<number, TimerId>();

  private depth = 0;
  private readonly dirtyAgents = new Set<string>();
  private readonly dirtyRecords = new Map<string, ContactRecord>();
  private readonly dirtyDeskPhones = new Set<string>();
  private dispatchNeeded = false;

  constructor(
    private config: InstanceConfig,
    options: EngineOptions,
  ) {
    this.clock = options.clock;
    this.newId = options.newId ?? randomUUID;
    this.offerTimeoutMs = options.offerTimeoutMs ?? 20_000;
    this.farEndAnswerMs = options.farEndAnswerMs ?? 2_000;
    this.farEndBusyMs = options.farEndBusyMs ?? 1_000;
    this.farEndNoAnswerMs = options.farEndNoAnswerMs ?? 30_000;
    for (const s of config.statuses) this.statuses.set(s.id, s);
    for (const q of config.queues) this.queues.set(q.id, new ContactQueue(q.id));
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
      });
      this.agentQueues.set(def.id, new ContactQueue(`agent:${def.id}`));
    }
    for (const agent of this.agents.values()) agent.lastState = this.effectiveState(agent);
  }

  observe(observer: EngineObserver): () => void {
    this.observers.push(observer);
    return () => {
      const i = this.observers.indexOf(observer);
      if (i >= 0) this.observers.splice(i, 1);
    };
  }

  get instance(): InstanceConfig {
    return this.config;
  }

  // ───────────────────────────── agent operations ─────────────────────────────

  /** Selects a status. During a contact with `enqueueNextState` it becomes the next status, applied when
   *  the agent's last contact is cleared. Any selection clears a missed-call state. */
  setStatus(agentId: string, statusId: string, opts: { enqueueNextState?: boolean } = {}): void {
    this.mutate(() => {
      const agent = this.agent(agentId);
      const status = this.statuses.get(statusId);
      if (!status) throw notFound('Agent status', statusId);
      const busy = agent.contacts.length > 0;
      if (busy && opts.enqueueNextState) {
        agent.nextStatus = status;
      } else {
        this.applyStatus(agent, status);
      }
      this.touchAgent(agent);
    });
  }

  /** Sign-out: the agent goes Offline (their contacts, if any, continue until they end). */
  signOut(agentId: string): void {
    this.setStatus(agentId, this.offlineStatus().id);
  }

  setMuted(agentId: string, muted: boolean): void {
    this.mutate(() => {
      const agent = this.agent(agentId);
      agent.muted = muted;
      this.touchAgent(agent);
    });
  }

  updateAgentConfig(agentId: string, patch: Partial<AgentConfig>): AgentConfig {
    return this.mutate(() => {
      const agent = this.agent(agentId);
      const next: AgentConfig = { ...agent.def.config };
      if (patch.softphoneEnabled !== undefined) {
        if (typeof patch.softphoneEnabled !== 'boolean') throw invalidParameter('softphoneEnabled must be true or false');
        next.softphoneEnabled = patch.softphoneEnabled;
      }
      if (patch.deskPhoneNumber !== undefined) {
        if (patch.deskPhoneNumber !== '' && !E164.test(patch.deskPhoneNumber)) {
          throw invalidParameter(`desk phone number ${patch.deskPhoneNumber} is not in E.164 format (+81312345678)`);
        }
        next.deskPhoneNumber = patch.deskPhoneNumber;
      }
      if (patch.autoAccept !== undefined) {
        if (typeof patch.autoAccept !== 'boolean') throw invalidParameter('autoAccept must be true or false');
        next.autoAccept = patch.autoAccept;
      }
      if (patch.language !== undefined) {
        if (!/^[a-z]{2}(_[A-Z]{2})?$/.test(patch.language)) throw invalidParameter(`language ${patch.language} is not a locale like en_US`);
        next.language = patch.language;
      }
      if (!next.softphoneEnabled && next.deskPhoneNumber === '') {
        throw invalidParameter('desk phone mode needs a desk phone number');
      }
      const previousDesk = agent.def.config.softphoneEnabled ? '' : agent.def.config.deskPhoneNumber;
      agent.def.config = next;
      if (previousDesk) this.dirtyDeskPhones.add(previousDesk);
      this.touchAgent(agent);
      for (const o of this.observers) o.agentConfigChanged?.(agentId, { ...next });
      return { ...next };
    });
  }

  // ───────────────────────────── contacts ─────────────────────────────

  /** A customer calls in: the contact enters the queue (the first queue by default). */
  startInboundCall(input: { from: string; queueId?: string; attributes?: Record<string, string> }): string {
    return this.mutate(() => {
      if (!E164.test(input.from)) throw invalidParameter(`caller number ${input.from} is not in E.164 format (+81312345678)`);
      const queueId = input.queueId ?? this.config.queues[0]?.id;
      if (!queueId || !this.queues.has(queueId)) throw notFound('Queue', String(input.queueId));
      const attributes = validateAttributes(input.attributes);
      const now = this.clock.now();
      const call: Call = { id: this.newId(), channel: 'voice', direction: 'inbound', participants: [] };
      call.participants.push(this.newParticipant({ kind: 'customer', state: 'connected', initial: true, phoneNumber: input.from }));
      const contact = this.newContact(call, {
        initiationMethod: 'inbound',
        queueId,
        attributes,
        customerEndpoint: input.from,
        systemEndpoint: this.queueDef(queueId).outboundCallerId,
      });
      contact.record.enqueuedAt = now;
      this.enqueue(contact, false);
      return contact.id;
    });
  }

  /** The customer hangs up (whatever the contact's state). */
  customerHangUp(contactId: string): void {
    this.mutate(() => {
      const contact = this.contact(contactId);
      const customer = contact.call.participants.find((p) => p.kind === 'customer');
      if (!customer || customer.state === 'disconnected') throw invalidState(`the customer of contact ${contactId} has already hung up`);
      this.disconnect(contact.call, customer, 'customer_disconnect');
    });
  }

  acceptContact(agentId: string, contactId: string): void {
    this.mutate(() => {
      const contact = this.agentContact(agentId, contactId);
      if (contact.state !== 'ringing') throw invalidState(`contact ${contactId} is not ringing`);
      this.connectAgent(contact);
    });
  }

  rejectContact(agentId: string, contactId: string): void {
    this.mutate(() => {
      const contact = this.agentContact(agentId, contactId);
      if (contact.state !== 'ringing') throw invalidState(`contact ${contactId} is not ringing`);
      this.withdrawOffer(contact, 'rejected');
    });
  }

  /** Close contact: ends after call work (or drops a contact that is still active). */
  clearContact(agentId: string, contactId: string): void {
    this.mutate(() => {
      const agent = this.agent(agentId);
      const missedIndex = agent.missed.findIndex((m) => m.contactId === contactId);
      if (missedIndex >= 0) {
        agent.missed.splice(missedIndex, 1);
        this.touchAgent(agent);
        return;
      }
      const contact = this.agentContact(agentId, contactId);
      if (contact.state === 'ringing') throw invalidState(`contact ${contactId} is ringing: accept or reject it`);
      if (contact.state !== 'acw') this.disconnect(contact.call, contact.participant, 'agent_disconnect');
      this.finishAcw(contact);
    });
  }

  /** UpdateContactAttributes: merges `attributes` into a contact in flight (its record too); the agents on it
   *  see them in their next snapshot. Values must be strings; names are 1 to 128 characters. */
  updateContactAttributes(contactId: string, attributes: Record<string, string>): void {
    this.mutate(() => {
      const contact = this.contact(contactId);
      const update = validateAttributes(attributes);
      if (Object.keys(update).length === 0) throw invalidParameter('attributes must name at least one attribute');
      if (Object.keys(update).some((name) => name.length === 0)) throw invalidParameter('an attribute name must not be empty');
      Object.assign(contact.attributes, update);
      Object.assign(contact.record.attributes, update);
      this.touchContact(contact);
    });
  }

  /** Outbound call from the agent's default outbound queue (or the queue given). */
  startOutboundCall(agentId: string, input: { phoneNumber: string; queueId?: string; attributes?: Record<string, string> }): string {
    return this.mutate(() => {
      const agent = this.agent(agentId);
      if (!E164.test(input.phoneNumber)) throw invalidParameter(`${input.phoneNumber} is not a valid phone number in E.164 format (+81312345678)`);
      if (agent.contacts.some((c) => c.channel === 'voice')) throw invalidState('the agent is already on a call');
      const queueId = input.queueId ?? agent.profile.defaultOutboundQueueId;
      const queue = this.queueDef(queueId);
      const attributes = validateAttributes(input.attributes);
      const call: Call = { id: this.newId(), channel: 'voice', direction: 'outbound', participants: [] };
      const contact = this.newContact(call, {
        initiationMethod: 'outbound',
        queueId,
        attributes,
        customerEndpoint: input.phoneNumber,
        systemEndpoint: queue.outboundCallerId,
      });
      const now = this.clock.now();
      contact.agentId = agentId;
      contact.participant.agentId = agentId;
      contact.state = 'dialing';
      contact.since = now;
      contact.record.state = 'ringing';
      contact.record.agentId = agentId;
      contact.record.agents.push(newRecordAgent(agentId, now));
      agent.contacts.push(contact);
      this.refreshAvailability(agent);
      const customer = this.newParticipant({ kind: 'customer', state: 'connecting', initial: true, phoneNumber: input.phoneNumber });
      customer.name = this.directoryName(input.phoneNumber);
      call.participants.push(customer);
      if (this.isDeskPhone(agent)) {
        // The desk phone rings first; the customer is dialed once the agent picks it up.
        contact.participant.state = 'connecting';
      } else {
        contact.participant.state = 'connected';
        this.dialFarEnd(call, customer, contact);
      }
      this.touchContact(contact);
      return contact.id;
    });
  }

  holdConnection(agentId: string, contactId: string, connectionId: string): void {
    this.mutate(() => {
      const contact = this.agentContact(agentId, contactId);
      const p = this.otherParticipant(contact, connectionId);
      if (p.state !== 'connected') throw invalidState(`connection ${connectionId} is not connected`);
      this.setParticipantState(contact.call, p, 'hold');
    });
  }

  resumeConnection(agentId: string, contactId: string, connectionId: string): void {
    this.mutate(() => {
      const contact = this.agentContact(agentId, contactId);
      const p = this.otherParticipant(contact, connectionId);
      if (p.state !== 'hold') throw invalidState(`connection ${connectionId} is not on hold`);
      this.setParticipantState(contact.call, p, 'connected');
    });
  }

  sendDigits(agentId: string, contactId: string, digits: string): void {
    this.mutate(() => {
      const contact = this.agentContact(agentId, contactId);
      if (typeof digits !== 'string' || !DTMF.test(digits)) throw invalidParameter(`digits ${String(digits)} must be 0-9, * , # or ,`);
      if (contact.participant.state !== 'connected') throw invalidState('DTMF needs a connected call');
      contact.record.dtmfDigits += digits;
      this.touchContact(contact);
    });
  }

  /** Consult: the parties the agent talks to go on hold and a new connection rings a quick connect
   *  (queue, agent or number) or a typed number. */
  addConnection(agentId: string, contactId: string, target: { quickConnectId: string } | { phoneNumber: string }): string {
    return this.mutate(() => {
      const contact = this.agentContact(agentId, contactId);
      if (contact.state !== 'connected') throw invalidState('a transfer needs a connected call');
      const call = contact.call;
      const live = call.participants.filter((p) => p !== contact.participant && p.state !== 'disconnected');
      if (live.length >= 2) throw invalidState('the call already has three parties: cancel, join or leave first');
      // Resolve and validate the target before anything changes.
      const qc = 'quickConnectId' in target ? this.quickConnect(target.quickConnectId) : null;
      const phoneNumber = qc ? (qc.kind === 'phone' ? qc.phoneNumber : null) : (target as { phoneNumber: string }).phoneNumber;
      if (phoneNumber !== null && !E164.test(phoneNumber)) {
        throw invalidParameter(`${phoneNumber} is not a valid phone number in E.164 format (+81312345678)`);
      }
      if (qc?.kind === 'agent') {
        if (qc.agentId === agentId) throw invalidParameter('an agent cannot transfer a call to themselves');
        this.agent(qc.agentId);
      }
      for (const p of live) if (p.state === 'connected') this.setParticipantState(call, p, 'hold');
      const now = this.clock.now();
      let participant: Participant;
      if (phoneNumber !== null) {
        participant = this.newParticipant({ kind: 'external', state: 'connecting', initial: false, phoneNumber });
        participant.name = qc?.name ?? this.directoryName(phoneNumber);
        participant.quickConnectName = qc?.name ?? null;
        call.participants.push(participant);
        this.dialFarEnd(call, participant, contact);
        contact.record.transfers.push({ at: now, to: phoneNumber, kind: 'phone', completed: false });
      } else if (qc && qc.kind !== 'phone') {
        const customer = call.participants.find((p) => p.kind === 'customer');
        const transfer = this.newContact(call, {
          initiationMethod: 'transfer',
          queueId: qc.kind === 'queue' ? qc.queueId : null,
          attributes: { ...contact.attributes },
          customerEndpoint: customer?.phoneNumber ?? null,
          systemEndpoint: contact.record.systemEndpoint,
        });
        transfer.agentQueueOf = qc.kind === 'agent' ? qc.agentId : null;
        transfer.transferredBy = agentId;
        transfer.record.initialContactId = contact.record.initialContactId;
        transfer.record.previousContactId = contact.id;
        transfer.record.enqueuedAt = now;
        participant = transfer.participant;
        participant.name = qc.kind === 'queue' ? this.queueDef(qc.queueId).name : this.agentName(qc.agentId);
        participant.quickConnectName = qc.name;
        participant.queueId = qc.kind === 'queue' ? qc.queueId : null;
        contact.record.transfers.push({ at: now, to: qc.kind === 'queue' ? qc.queueId : qc.agentId, kind: qc.kind, completed: false });
        this.enqueue(transfer, false);
      } else {
        throw invalidParameter('a transfer needs a quick connect or a phone number');
      }
      this.touchCall(call);
      return participant.id;
    });
  }

  /** Join: everyone on hold is brought into one conference. */
  conference(agentId: string, contactId: string): void {
    this.mutate(() => {
      const contact = this.agentContact(agentId, contactId);
      const held = contact.call.participants.filter((p) => p.state === 'hold');
      if (held.length === 0) throw invalidState('nobody is on hold');
      for (const p of held) this.setParticipantState(contact.call, p, 'connected');
    });
  }

  /** Swap: the connected party goes on hold and the held one is resumed. */
  toggleActiveConnections(agentId: string, contactId: string): void {
    this.mutate(() => {
      const contact = this.agentContact(agentId, contactId);
      const others = contact.call.participants.filter((p) => p !== contact.participant && (p.state === 'connected' || p.state === 'hold'));
      const held = others.filter((p) => p.state === 'hold');
      const talking = others.filter((p) => p.state === 'connected');
      if (held.length !== 1 || talking.length !== 1) throw invalidState('swap needs one party on hold and one connected');
      this.setParticipantState(contact.call, talking[0], 'hold');
      this.setParticipantState(contact.call, held[0], 'connected');
    });
  }

  /** Hangs up a connection: a third party (cancel), or the agent's own leg (end call, or leave when two
   *  other parties remain: the transfer is complete). */
  destroyConnection(agentId: string, contactId: string, connectionId: string): void {
    this.mutate(() => {
      const contact = this.agentContact(agentId, contactId);
      const call = contact.call;
      const p = call.participants.find((x) => x.id === connectionId);
      if (!p) throw notFound('Connection', connectionId);
      if (p.state === 'disconnected') throw invalidState(`connection ${connectionId} has already ended`);
      if (p === contact.participant && contact.state === 'ringing') throw invalidState('reject a ringing contact instead');
      this.disconnect(call, p, p === contact.participant ? 'agent_disconnect' : 'third_party_disconnect');
    });
  }

  /** The desk phone's Answer button. */
  answerDeskPhone(phoneNumber: string): void {
    this.mutate(() => {
      const agent = this.deskPhoneAgent(phoneNumber);
      if (!agent) throw notFound('Desk phone', phoneNumber);
      const contact = agent.contacts.find((c) => c.state === 'ringing' || (c.state === 'dialing' && c.participant.state === 'connecting'));
      if (!contact) throw invalidState(`desk phone ${phoneNumber} is not ringing`);
      if (contact.state === 'ringing') {
        this.connectAgent(contact);
      } else {
        this.setParticipantState(contact.call, contact.participant, 'connected');
        const customer = contact.call.participants.find((p) => p.kind === 'customer');
        if (customer) this.dialFarEnd(contact.call, customer, contact);
      }
    });
  }

  // ───────────────────────────── read models ─────────────────────────────

  agentIds(): string[] {
    return [...this.agents.keys()];
  }

  hasAgent(agentId: string): boolean {
    return this.agents.has(agentId);
  }

  getAgentView(agentId: string): AgentView {
    const agent = this.agent(agentId);
    return {
      agentId,
      username: agent.def.username,
      name: this.agentName(agentId),
      status: agent.status,
      statusSince: agent.statusSince,
      nextStatus: agent.nextStatus,
      state: this.effectiveState(agent),
      muted: agent.muted,
      config: { ...agent.def.config },
      acwTimeoutSeconds: agent.def.acwTimeoutSeconds,
      routingProfileId: agent.profile.id,
      contacts: [...agent.missed, ...agent.contacts.map((c) => this.contactView(agent, c))],
    };
  }

  listAgents(): AgentSummary[] {
    return [...this.agents.values()].map((agent) => {
      const state = this.effectiveState(agent);
      return {
        agentId: agent.def.id,
        username: agent.def.username,
        name: this.agentName(agent.def.id),
        status: agent.status.name,
        state: state.name,
        stateType: state.type,
        since: state.since,
        nextStatus: agent.nextStatus?.name ?? null,
        idleSince: agent.available ? agent.idleSince : null,
        contacts: [
          ...agent.missed.map((m) => ({ contactId: m.contactId, state: m.state, channel: m.channel })),
          ...agent.contacts.map((c) => ({ contactId: c.id, state: viewState(c), channel: c.channel })),
        ],
      };
    });
  }

  getContact(contactId: string): ContactDetails {
    const contact = this.contact(contactId);
    return {
      contactId,
      state: contact.record.state,
      queueId: contact.queueId,
      agentId: contact.agentId,
      participants: contact.call.participants.map((p) => ({
        connectionId: p.id,
        kind: p.kind,
        state: p.state,
        agentId: p.agentId,
        phoneNumber: p.phoneNumber,
      })),
      record: structuredClone(contact.record),
    };
  }

  hasContact(contactId: string): boolean {
    return this.contacts.has(contactId);
  }

  queueSize(queueId: string): number {
    return this.queues.get(queueId)?.size ?? 0;
  }

  quickConnects(): QuickConnectDef[] {
    return this.config.quickConnects;
  }

  deskPhone(phoneNumber: string): DeskPhoneView {
    const agent = this.deskPhoneAgent(phoneNumber);
    if (!agent) return { phoneNumber, agentId: null, ringing: null, inCall: false };
    const ringing = agent.contacts.find((c) => c.state === 'ringing' || (c.state === 'dialing' && c.participant.state === 'connecting'));
    const inCall = agent.contacts.some((c) => c.participant.state === 'connected' || c.participant.state === 'hold');
    return {
      phoneNumber,
      agentId: agent.def.id,
      ringing: ringing
        ? {
            contactId: ringing.id,
            caller: ringing.call.participants.find((p) => p.kind === 'customer')?.phoneNumber ?? null,
            queueName: ringing.queueId ? this.queueDef(ringing.queueId).name : null,
          }
        : null,
      inCall,
    };
  }

  /** Ends every contact still in flight (server shutdown), with reason `server_restart`. */
  shutdown(): ContactRecord[] {
    return this.mutate(() => {
      const now = this.clock.now();
      const ended: ContactRecord[] = [];
      for (const contact of this.contacts.values()) {
        if (contact.record.state === 'ended') continue;
        contact.record.disconnectReason = 'server_restart';
        if (contact.record.state === 'acw') {
          this.closeAcwRecord(contact, now);
        } else {
          this.closeRecord(contact, now);
        }
        contact.record.state = 'ended';
        this.cancelTimers(contact);
        this.dirtyRecords.set(contact.id, contact.record);
        ended.push(contact.record);
      }
      for (const call of new Set([...this.contacts.values()].map((c) => c.call))) {
        for (const p of call.participants) if (p.farEndTimer !== null) this.clock.clearTimer(p.farEndTimer);
      }
      for (const t of this.delayTimers.values()) this.clock.clearTimer(t);
      this.delayTimers.clear();
      return ended;
    });
  }

  // ───────────────────────────── routing ─────────────────────────────

  private enqueue(contact: Contact, front: boolean): void {
    const queue = contact.agentQueueOf ? this.agentQueues.get(contact.agentQueueOf) : this.queues.get(contact.queueId ?? '');
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

  /** Matches waiting contacts with available agents until no match is possible. */
  private dispatch(): void {
    this.dispatchNeeded = false;
    for (let guard = 0; guard < 100_000; guard++) {
      const match = this.nextMatch();
      if (!match) return;
      this.offer(match.contact, match.agent);
    }
  }

  /** The longest-idle available agent that can take a waiting contact, with that contact: the agent's
   *  own queue first, then their routing profile's queues by priority, oldest contact first. */
  private nextMatch(): { agent: Agent; contact: Contact } | null {
    if (this.waiting === 0) return null;
    const now = this.clock.now();
    let earliestDelay = Infinity;
    let fallback: { agent: Agent; contact: Contact } | null = null;
    for (const agent of this.availableAgents) {
      if (!this.hasCapacity(agent, 'voice')) continue;
      const own = this.agentQueues.get(agent.def.id)?.peek();
      let best: Contact | null = own ?? null;
      let bestPriority = -Infinity;
      if (!best) {
        for (const entry of agent.profile.queues) {
          if (!entry.channels.includes('voice')) continue;
          const head = this.queues.get(entry.queueId)?.peek();
          if (!head) continue;
          const readyAt = (head.enqueuedAt ?? now) + entry.delaySeconds * 1000;
          if (readyAt > now) {
            earliestDelay = Math.min(earliestDelay, readyAt);
            continue;
          }
          if (
            best === null ||
            entry.priority < bestPriority ||
            (entry.priority === bestPriority && (head.enqueuedAt ?? 0) < (best.enqueuedAt ?? 0))
          ) {
            best = head;
            bestPriority = entry.priority;
          }
        }
      }
      if (!best) continue;
      // An agent who declined this contact gets it again only if nobody else can take it.
      if (best.declinedBy.has(agent.def.id)) {
        fallback ??= { agent, contact: best };
        continue;
      }
      return { agent, contact: best };
    }
    if (earliestDelay !== Infinity) this.armDelayTimer(earliestDelay);
    return fallback;
  }

  private armDelayTimer(at: number): void {
    if (this.delayTimers.has(at)) return;
    const id = this.clock.setTimer(() => {
      this.delayTimers.delete(at);
      this.mutate(() => {
        this.dispatchNeeded = true;
      });
    }, at - this.clock.now());
    this.delayTimers.set(at, id);
  }

  private hasCapacity(agent: Agent, channel: Channel): boolean {
    const limit = agent.profile.concurrency[channel] ?? 0;
    if (limit <= 0) return false;
    const active = agent.contacts.filter((c) => c.state !== 'ended');
    // A voice call takes the agent's whole attention; other channels share up to their concurrency.
    if (channel === 'voice') return active.length === 0;
    if (active.some((c) => c.channel === 'voice')) return false;
    return active.filter((c) => c.channel === channel).length < limit;
  }

  private offer(contact: Contact, agent: Agent): void {
    const now = this.clock.now();
    if (contact.queuedIn) {
      contact.queuedIn.take(contact);
      this.waiting--;
    }
    contact.state = 'ringing';
    contact.since = now;
    contact.agentId = agent.def.id;
    contact.participant.agentId = agent.def.id;
    contact.participant.state = 'connecting';
    contact.participant.since = now;
    contact.record.state = 'ringing';
    contact.record.agents.push(newRecordAgent(agent.def.id, now));
    agent.contacts.push(contact);
    this.refreshAvailability(agent);
    if (agent.def.config.autoAccept) {
      this.connectAgent(contact);
      return;
    }
    contact.offerTimer = this.clock.setTimer(() => this.mutate(() => this.missOffer(contact)), this.offerTimeoutMs);
    this.touchContact(contact);
  }

  private missOffer(contact: Contact): void {
    contact.offerTimer = null;
    if (contact.state !== 'ringing' || !contact.agentId) return;
    const agent = this.agent(contact.agentId);
    agent.missed.push({ ...this.contactView(agent, contact), state: 'missed', since: this.clock.now() });
    agent.error = { name: 'MissedCallAgent', since: this.clock.now() };
    this.withdrawOffer(contact, 'missed');
  }

  /** Takes a ringing contact back from its agent (missed or rejected) and puts it at the front of its queue. */
  private withdrawOffer(contact: Contact, outcome: 'missed' | 'rejected'): void {
    const agent = this.agent(contact.agentId ?? '');
    const now = this.clock.now();
    if (contact.offerTimer !== null) this.clock.clearTimer(contact.offerTimer);
    contact.offerTimer = null;
    const offer = lastOffer(contact.record, agent.def.id);
    if (offer) {
      offer.outcome = outcome;
      offer.endedAt = now;
      contact.record.ringDurationMs += now - offer.offeredAt;
    }
    contact.declinedBy.add(agent.def.id);
    this.detachFromAgent(contact, agent);
    contact.agentId = null;
    contact.participant.agentId = null;
    this.touchAgent(agent);
    if (contact.agentQueueOf) {
      // A transfer to one named agent has nobody else to go to: it fails back to the transferring agent.
      this.disconnect(contact.call, contact.participant, 'third_party_disconnect');
      return;
    }
    this.enqueue(contact, true);
    this.touchCall(contact.call);
  }

  private connectAgent(contact: Contact): void {
    const now = this.clock.now();
    const agent = this.agent(contact.agentId ?? '');
    if (contact.offerTimer !== null) this.clock.clearTimer(contact.offerTimer);
    contact.offerTimer = null;
    const offer = lastOffer(contact.record, agent.def.id);
    if (offer) {
      offer.outcome = 'accepted';
      offer.connectedAt = now;
      contact.record.ringDurationMs += now - offer.offeredAt;
    }
    contact.state = 'connected';
    contact.since = now;
    contact.record.state = 'connected';
    contact.record.agentId = agent.def.id;
    contact.record.connectedToAgentAt = now;
    contact.record.dequeuedAt = now;
    if (contact.enqueuedAt !== null) contact.record.queueDurationMs = now - contact.enqueuedAt - contact.record.ringDurationMs;
    this.setParticipantState(contact.call, contact.participant, 'connected');
    // A transferred-in agent hears the customer only once the transferring agent resumes, joins or leaves.
    this.touchCall(contact.call);
  }

  // ───────────────────────────── calls and connections ─────────────────────────────

  private setParticipantState(call: Call, p: Participant, state: ConnectionState): void {
    if (p.state === state) return;
    const now = this.clock.now();
    const was = p.state;
    p.state = state;
    p.since = now;
    if (p.kind === 'customer') {
      for (const contact of this.callContacts(call)) {
        if (contact.state !== 'connected') continue;
        if (state === 'hold') {
          contact.record.holdCount++;
          contact.customerHoldSince = now;
        } else if (was === 'hold' && contact.customerHoldSince !== null) {
          contact.record.holdDurationMs += now - contact.customerHoldSince;
          contact.customerHoldSince = null;
        }
      }
    }
    this.touchCall(call);
  }

  /** Hangs up one participant, then ends the call if fewer than two parties remain. */
  private disconnect(call: Call, p: Participant, reason: DisconnectReason): void {
    if (p.state === 'disconnected') return;
    this.setParticipantState(call, p, 'disconnected');
    if (p.farEndTimer !== null) {
      this.clock.clearTimer(p.farEndTimer);
      p.farEndTimer = null;
    }
    if (p.contactId) {
      const contact = this.contacts.get(p.contactId);
      if (contact) {
        const thirdPartiesLeft = call.participants.filter((x) => x !== p && x.state !== 'disconnected' && x.kind !== 'customer');
        const leftAfterTransfer = reason === 'agent_disconnect' && thirdPartiesLeft.length > 0 && call.participants.some((x) => x.kind === 'customer' && x.state !== 'disconnected');
        this.endContactLeg(contact, leftAfterTransfer ? 'transferred' : reason);
        // The agent who leaves hands the call over: whoever they held now talks to the third party.
        if (leftAfterTransfer) for (const x of call.participants) if (x.state === 'hold') this.setParticipantState(call, x, 'connected');
      }
    }
    const remaining = call.participants.filter((x) => x.state !== 'disconnected');
    if (remaining.length < 2) {
      const why: DisconnectReason = p.kind === 'customer' ? 'customer_disconnect' : reason;
      for (const x of remaining) this.disconnect(call, x, why);
    }
  }

  /** A contact's agent leg ended: queued or ringing contacts just end, connected ones go to ACW. */
  private endContactLeg(contact: Contact, reason: DisconnectReason): void {
    const now = this.clock.now();
    if (contact.record.disconnectReason === null) contact.record.disconnectReason = reason;
    if (reason === 'transferred') {
      const open = contact.record.transfers.filter((t) => !t.completed);
      const last = open[open.length - 1];
      if (last) last.completed = true;
      const next = this.callContacts(contact.call).find((c) => c !== contact && c.record.previousContactId === contact.id);
      if (next) contact.record.nextContactId = next.id;
    }
    if (contact.state === 'queued' || contact.state === 'ringing') {
      if (contact.offerTimer !== null) this.clock.clearTimer(contact.offerTimer);
      contact.offerTimer = null;
      if (contact.queuedIn) {
        contact.queuedIn.remove(contact);
        this.waiting--;
      }
      if (contact.agentId) {
        const agent = this.agent(contact.agentId);
        const offer = lastOffer(contact.record, agent.def.id);
        if (offer && offer.outcome === 'pending') {
          offer.outcome = 'missed';
          offer.endedAt = now;
          contact.record.ringDurationMs += now - offer.offeredAt;
        }
            this.detachFromAgent(contact, agent);
        this.touchAgent(agent);
      }
      if (contact.enqueuedAt !== null) contact.record.queueDurationMs = now - contact.enqueuedAt - contact.record.ringDurationMs;
      contact.state = 'ended';
      contact.record.state = 'ended';
      contact.record.disconnectedAt = now;
      this.dirtyRecords.set(contact.id, contact.record);
      return;
    }
    if (contact.state === 'acw' || contact.state === 'ended') return;
    this.closeRecord(contact, now);
    contact.state = 'acw';
    contact.since = now;
    contact.record.state = 'acw';
    const agent = this.agent(contact.agentId ?? '');
    const offer = lastOffer(contact.record, agent.def.id);
    if (offer) offer.acwStartedAt = now;
    if (agent.def.acwTimeoutSeconds > 0) {
      contact.acwTimer = this.clock.setTimer(() => this.mutate(() => this.finishAcw(contact)), agent.def.acwTimeoutSeconds * 1000);
    }
    this.touchContact(contact);
  }

  /** Close contact (by the agent or the ACW timeout): the agent returns to their status or next status. */
  private finishAcw(contact: Contact): void {
    if (contact.acwTimer !== null) this.clock.clearTimer(contact.acwTimer);
    contact.acwTimer = null;
    if (contact.state !== 'acw' || !contact.agentId) return;
    const now = this.clock.now();
    const agent = this.agent(contact.agentId);
    this.closeAcwRecord(contact, now);
    contact.state = 'ended';
    contact.record.state = 'ended';
    this.dirtyRecords.set(contact.id, contact.record);
    this.detachFromAgent(contact, agent);
    if (agent.contacts.length === 0 && agent.nextStatus) this.applyStatus(agent, agent.nextStatus);
    this.touchAgent(agent);
    this.dispatchNeeded = true;
  }

  private closeRecord(contact: Contact, now: number): void {
    const r = contact.record;
    if (r.disconnectedAt === null) r.disconnectedAt = now;
    if (contact.customerHoldSince !== null) {
      r.holdDurationMs += now - contact.customerHoldSince;
      contact.customerHoldSince = null;
    }
    const offer = contact.agentId ? lastOffer(r, contact.agentId) : undefined;
    if (offer && offer.connectedAt !== null && offer.endedAt === null) offer.endedAt = now;
    if (r.connectedToAgentAt !== null) r.talkDurationMs = Math.max(0, now - r.connectedToAgentAt - r.holdDurationMs);
    else if (contact.enqueuedAt !== null && r.state === 'queued') r.queueDurationMs = now - contact.enqueuedAt - r.ringDurationMs;
    if (contact.offerTimer !== null) this.clock.clearTimer(contact.offerTimer);
    contact.offerTimer = null;
    this.dirtyRecords.set(contact.id, r);
  }

  private closeAcwRecord(contact: Contact, now: number): void {
    const offer = contact.agentId ? lastOffer(contact.record, contact.agentId) : undefined;
    if (offer && offer.acwStartedAt !== null) {
      offer.acwEndedAt = now;
      contact.record.acwDurationMs = now - offer.acwStartedAt;
    }
  }

  private cancelTimers(contact: Contact): void {
    for (const t of [contact.offerTimer, contact.acwTimer]) if (t !== null) this.clock.clearTimer(t);
    contact.offerTimer = null;
    contact.acwTimer = null;
  }

  /** Rings an external number; the directory decides whether it answers, is busy or never answers. */
  private dialFarEnd(call: Call, p: Participant, contact: Contact): void {
    const behaviour = this.behaviourOf(p.phoneNumber ?? '');
    const fail = (reason: DisconnectReason) => () =>
      this.mutate(() => {
        p.farEndTimer = null;
        if (p.state !== 'connecting') return;
        if (p.kind === 'customer' && contact.record.disconnectReason === null) contact.record.disconnectReason = reason;
        this.disconnect(call, p, reason);
      });
    if (behaviour === 'answers') {
      p.farEndTimer = this.clock.setTimer(
        () =>
          this.mutate(() => {
            p.farEndTimer = null;
            if (p.state !== 'connecting') return;
            this.setParticipantState(call, p, 'connected');
            if (p.kind === 'customer' && contact.state === 'dialing') {
              const now = this.clock.now();
              contact.state = 'connected';
              contact.since = now;
              contact.record.state = 'connected';
              contact.record.connectedToAgentAt = now;
              const offer = lastOffer(contact.record, contact.agentId ?? '');
              if (offer) {
                offer.outcome = 'accepted';
                offer.connectedAt = now;
              }
              this.touchContact(contact);
            }
          }),
        this.farEndAnswerMs,
      );
    } else if (behaviour === 'busy') {
      p.farEndTimer = this.clock.setTimer(fail('customer_busy'), this.farEndBusyMs);
    } else {
      p.farEndTimer = this.clock.setTimer(fail('customer_no_answer'), this.farEndNoAnswerMs);
    }
  }

  // ───────────────────────────── views ─────────────────────────────

  private contactView(agent: Agent, contact: Contact): ContactView {
    const connections: ConnectionView[] = [];
    const call = contact.call;
    const own = contact.participant;
    connections.push(this.connectionView(own, 'agent', agent));
    for (const p of call.participants) {
      if (p === own || p.state === 'disconnected') continue;
      if (p.kind === 'agent' && p.agentId === null && p.queueId === null && p.name === null) continue; // nobody's leg yet
      connections.push(this.connectionView(p, p.kind === 'customer' && call.direction === 'inbound' ? 'inbound' : 'outbound', agent));
    }
    const initial = call.participants.find((p) => p.kind === 'customer');
    if (initial && initial.state === 'disconnected' && contact.state === 'acw') {
      connections.push(this.connectionView(initial, call.direction, agent));
    }
    return {
      contactId: contact.id,
      initialContactId: contact.record.initialContactId,
      channel: contact.channel,
      initiationMethod: contact.initiationMethod,
      state: viewState(contact),
      since: contact.since,
      queueId: contact.queueId,
      queueName: contact.queueId ? this.queueDef(contact.queueId).name : null,
      enqueuedAt: contact.enqueuedAt,
      attributes: { ...contact.attributes },
      connections,
      transferredBy: contact.transferredBy ? this.agentName(contact.transferredBy) : null,
      deskPhone: this.isDeskPhone(agent),
    };
  }

  private connectionView(p: Participant, type: ConnectionView['type'], viewer: Agent): ConnectionView {
    let name = type === 'agent' ? null : p.name;
    let endpointType: ConnectionView['endpointType'] = 'phone_number';
    if (p.kind === 'agent') {
      endpointType = p.agentId ? 'agent' : 'queue';
      if (p.agentId && p.agentId !== viewer.def.id) name = this.agentName(p.agentId);
    }
    return {
      connectionId: p.id,
      type,
      initial: p.initial,
      state: p.state,
      since: p.since,
      phoneNumber: p.phoneNumber,
      name,
      endpointType,
      quickConnectName: p.quickConnectName,
      muted: type === 'agent' ? viewer.muted : false,
    };
  }

  private effectiveState(agent: Agent): EffectiveState {
    if (agent.error) return { name: agent.error.name, type: 'error', statusId: null, since: agent.error.since };
    const states = agent.contacts.map((c) => c.state);
    const since = (pred: (c: Contact) => boolean) => Math.max(...agent.contacts.filter(pred).map((c) => c.since));
    if (states.includes('ringing')) return { name: 'PendingBusy', type: 'system', statusId: null, since: since((c) => c.state === 'ringing') };
    if (states.includes('dialing')) return { name: 'CallingCustomer', type: 'system', statusId: null, since: since((c) => c.state === 'dialing') };
    if (states.includes('connected')) return { name: 'Busy', type: 'system', statusId: null, since: since((c) => c.state === 'connected') };
    if (states.includes('acw')) return { name: 'AfterCallWork', type: 'system', statusId: null, since: since((c) => c.state === 'acw') };
    return { name: agent.status.name, type: agent.status.type, statusId: agent.status.id, since: agent.statusSince };
  }

  // ───────────────────────────── bookkeeping ─────────────────────────────

  /** Runs an operation; when the outermost one completes, routes what can be routed and tells observers. */
  private mutate<T>(fn: () => T): T {
    this.depth++;
    try {
      const result = fn();
      if (this.depth === 1 && this.dispatchNeeded) this.dispatch();
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
      const state = this.effectiveState(agent);
      if (!agent.lastState || agent.lastState.name !== state.name) {
        for (const o of this.observers) o.stateChanged?.(agentId, state.name, now);
      }
      agent.lastState = state;
      // A desk phone shows its agent's contacts: it changes whenever that agent does.
      if (this.isDeskPhone(agent)) this.dirtyDeskPhones.add(agent.def.config.deskPhoneNumber);
    }
    const agents = [...this.dirtyAgents];
    const records = [...this.dirtyRecords.values()];
    const desks = [...this.dirtyDeskPhones];
    this.dirtyAgents.clear();
    this.dirtyRecords.clear();
    this.dirtyDeskPhones.clear();
    for (const o of this.observers) {
      for (const r of records) o.recordChanged?.(r);
      for (const a of agents) o.agentChanged?.(a);
      for (const d of desks) o.deskPhoneChanged?.(d);
    }
    // Finished contacts are kept only until their record is handed over (an ended contact is no agent's any more).
    for (const r of records) {
      if (this.contacts.get(r.contactId)?.state === 'ended') this.contacts.delete(r.contactId);
    }
  }

  private applyStatus(agent: Agent, status: AgentStatusDef): void {
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

  /** Keeps `availableAgents` to the agents who can take a voice contact now (routable, no error, no
   *  contact), ordered by how long they have been idle, so a routing decision looks at few agents. */
  private refreshAvailability(agent: Agent): void {
    const shouldBe = agent.status.type === 'routable' && agent.error === null && agent.contacts.length === 0;
    if (shouldBe === agent.available) return;
    agent.available = shouldBe;
    if (shouldBe) {
      agent.idleSince = this.clock.now();
      // The newest idle agent: insert from the end.
      let i = this.availableAgents.length;
      while (i > 0 && this.availableAgents[i - 1].idleSince > agent.idleSince) i--;
      this.availableAgents.splice(i, 0, agent);
    } else {
      const i = this.availableAgents.indexOf(agent);
      if (i >= 0) this.availableAgents.splice(i, 1);
    }
  }

  private detachFromAgent(contact: Contact, agent: Agent): void {
    const i = agent.contacts.indexOf(contact);
    if (i >= 0) agent.contacts.splice(i, 1);
    this.refreshAvailability(agent);
    this.dispatchNeeded = true;
  }

  private touchAgent(agent: Agent): void {
    this.dirtyAgents.add(agent.def.id);
  }

  private touchContact(contact: Contact): void {
    this.dirtyRecords.set(contact.id, contact.record);
    if (contact.agentId) this.dirtyAgents.add(contact.agentId);
  }

  private touchCall(call: Call): void {
    for (const c of this.callContacts(call)) this.touchContact(c);
  }

  private callContacts(call: Call): Contact[] {
    const out: Contact[] = [];
    for (const p of call.participants) {
      if (p.contactId) {
        const c = this.contacts.get(p.contactId);
        if (c) out.push(c);
      }
    }
    return out;
  }

  private newParticipant(init: { kind: Participant['kind']; state: ConnectionState; initial: boolean; phoneNumber?: string }): Participant {
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

  private newContact(
    call: Call,
    init: {
      initiationMethod: ContactRecord['initiationMethod'];
      queueId: string | null;
      attributes: Record<string, string>;
      customerEndpoint: string | null;
      systemEndpoint: string | null;
    },
  ): Contact {
    const now = this.clock.now();
    const id = this.newId();
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
      record: {
        contactId: id,
        initialContactId: id,
        previousContactId: null,
        nextContactId: null,
        channel: call.channel,
        initiationMethod: init.initiationMethod,
        queueId: init.queueId,
        customerEndpoint: init.customerEndpoint,
        systemEndpoint: init.systemEndpoint,
        attributes: { ...init.attributes },
        agents: [],
        agentId: null,
        initiatedAt: now,
        enqueuedAt: null,
        dequeuedAt: null,
        connectedToAgentAt: null,
        disconnectedAt: null,
        queueDurationMs: 0,
        ringDurationMs: 0,
        talkDurationMs: 0,
        holdDurationMs: 0,
        holdCount: 0,
        acwDurationMs: 0,
        dtmfDigits: '',
        disconnectReason: null,
        transfers: [],
        state: 'queued',
      },
    };
    this.contacts.set(id, contact);
    this.dirtyRecords.set(id, contact.record);
    return contact;
  }

  private agent(agentId: string): Agent {
    const agent = this.agents.get(agentId);
    if (!agent) throw notFound('Agent', agentId);
    return agent;
  }

  private contact(contactId: string): Contact {
    const contact = this.contacts.get(contactId);
    if (!contact) throw notFound('Contact', contactId);
    return contact;
  }

  private agentContact(agentId: string, contactId: string): Contact {
    const agent = this.agent(agentId);
    const contact = agent.contacts.find((c) => c.id === contactId);
    if (!contact) throw notFound('Contact', contactId);
    return contact;
  }

  private otherParticipant(contact: Contact, connectionId: string): Participant {
    const p = contact.call.participants.find((x) => x.id === connectionId);
    if (!p) throw notFound('Connection', connectionId);
    if (p === contact.participant) throw invalidParameter('an agent cannot hold or resume their own connection');
    return p;
  }

  private quickConnect(id: string): QuickConnectDef {
    const qc = this.config.quickConnects.find((q) => q.id === id);
    if (!qc) throw notFound('Quick connect', id);
    return qc;
  }

  private queueDef(queueId: string) {
    const q = this.config.queues.find((x) => x.id === queueId);
    if (!q) throw notFound('Queue', queueId);
    return q;
  }

  private offlineStatus(): AgentStatusDef {
    const offline = this.config.statuses.find((s) => s.type === 'offline');
    if (!offline) throw new Error('the instance has no offline status');
    return offline;
  }

  private agentName(agentId: string): string {
    const def = this.agents.get(agentId)?.def;
    return def ? `${def.firstName} ${def.lastName}`.trim() : agentId;
  }

  private isDeskPhone(agent: Agent): boolean {
    return !agent.def.config.softphoneEnabled && agent.def.config.deskPhoneNumber !== '';
  }

  private deskPhoneAgent(phoneNumber: string): Agent | undefined {
    for (const agent of this.agents.values()) {
      if (this.isDeskPhone(agent) && agent.def.config.deskPhoneNumber === phoneNumber) return agent;
    }
    return undefined;
  }

  private behaviourOf(phoneNumber: string): FarEndBehaviour {
    return this.config.directory.find((d) => d.phoneNumber === phoneNumber)?.behaviour ?? this.config.defaultBehaviour;
  }

  private directoryName(phoneNumber: string): string | null {
    return this.config.directory.find((d) => d.phoneNumber === phoneNumber)?.name ?? null;
  }
}

function viewState(contact: Contact): ContactView['state'] {
  switch (contact.state) {
    case 'connected':
      return 'connected';
    case 'acw':
    case 'ended':
      return 'ended';
    default:
      return 'connecting';
  }
}

function newRecordAgent(agentId: string, now: number): ContactRecordAgent {
  return { agentId, offeredAt: now, connectedAt: null, endedAt: null, acwStartedAt: null, acwEndedAt: null, outcome: 'pending' };
}

function lastOffer(record: ContactRecord, agentId: string): ContactRecordAgent | undefined {
  for (let i = record.agents.length - 1; i >= 0; i--) if (record.agents[i].agentId === agentId) return record.agents[i];
  return undefined;
}

function validateAttributes(attributes: unknown): Record<string, string> {
  if (attributes === undefined || attributes === null) return {};
  if (typeof attributes !== 'object' || Array.isArray(attributes)) throw invalidParameter('attributes must be an object of strings');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attributes as Record<string, unknown>)) {
    if (typeof v !== 'string') throw invalidParameter(`attribute ${k} must be a string`);
    if (k.length > 128 || v.length > 32_768) throw invalidParameter(`attribute ${k} is too long`);
    out[k] = v;
  }
  return out;
}

export { EngineError };

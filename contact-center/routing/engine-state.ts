// The routing engine's internal state shapes (agents, contacts, conversations and their participants) and
// the small pure functions over them. Internal to contact-center/routing: nothing outside imports it.

import type { TimerId } from '../clock';
import { CHANNELS, type AgentDef, type AgentStatusDef, type Channel, type ContactRecord, type ContactRecordAgent, type RoutingProfileDef } from '../model';
import { ContactQueue, type Queued } from './contact-queue';
import { invalidParameter } from './errors';
import type { ChatContactInfo, ConnectionState, ContactView, EffectiveState, TaskContactInfo } from './views';

export const E164 = /^\+[1-9]\d{6,14}$/;

export interface Participant {
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

/** One conversation with a customer: a phone call, or a chat. Every contact of it (the first one and each
 *  transfer) is one agent participant of it. */
export interface Call {
  id: string;
  channel: Channel;
  /** Whether the customer called in or was called: their connection is 'inbound' or 'outbound'. */
  direction: 'inbound' | 'outbound';
  participants: Participant[];
  /** A chat's ChatDurationInMinutes timer. */
  expiryTimer?: TimerId | null;
}

export type ContactState = 'queued' | 'ringing' | 'dialing' | 'connected' | 'acw' | 'ended';

export interface Contact extends Queued {
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
  /** A task the agent paused, since when: it frees its slot of the agent's task concurrency. */
  pausedAt?: number;
  record: ContactRecord;
}

export interface Agent {
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
  available: boolean; // in the core's `availableAgents`
  lastState: EffectiveState | null;
  profileQueues: Set<string>;
  /** The channels the routing profile's queues serve. */
  profileChannels: Set<Channel>;
}

/** Whether the agent may be offered one more contact of `channel`: below that channel's concurrency, and
 *  with no contact of another channel unless the routing profile routes any channel. */
export function hasCapacity(agent: Agent, channel: Channel): boolean {
  const limit = agent.profile.concurrency[channel] ?? 0;
  if (limit <= 0) return false;
  let same = 0;
  let other = 0;
  for (const c of agent.contacts) {
    if (c.state === 'ended' || c.pausedAt !== undefined) continue;
    if (c.channel === channel) same++;
    else other++;
  }
  if (same >= limit) return false;
  return other === 0 || agent.profile.crossChannelBehavior === 'ROUTE_ANY_CHANNEL';
}

export function hasAnyCapacity(agent: Agent): boolean {
  return CHANNELS.some((channel) => hasCapacity(agent, channel));
}

/** A queue's waiting contacts, one first-in-first-out line per channel. */
export type ChannelQueues<T extends Queued> = Record<Channel, ContactQueue<T>>;

export function channelQueues<T extends Queued>(name: string): ChannelQueues<T> {
  return { voice: new ContactQueue<T>(name), chat: new ContactQueue<T>(name), task: new ContactQueue<T>(name) };
}

export function chatInfo(contact: Contact): ChatContactInfo | undefined {
  const chat = contact.record.chat;
  if (!chat) return undefined;
  return { customerDisplayName: chat.customerDisplayName, customerParticipantId: chat.customerParticipantId, agentConnectionId: contact.participant.id };
}

export function taskInfo(contact: Contact): TaskContactInfo | undefined {
  if (!contact.record.task) return undefined;
  const { pauses: _pauses, pausedDurationMs: _paused, ...task } = contact.record.task;
  return { ...structuredClone(task), previousContactId: contact.record.previousContactId, pausedAt: contact.pausedAt ?? null };
}

/** What a new contact starts with. */
export interface ContactInit {
  /** The contact id, when it was given out before the contact exists (a scheduled task); a new one otherwise. */
  id?: string;
  initiationMethod: ContactRecord['initiationMethod'];
  queueId: string | null;
  attributes: Record<string, string>;
  customerEndpoint: string | null;
  systemEndpoint: string | null;
}

export function newRecord(id: string, channel: Channel, init: ContactInit, now: number): ContactRecord {
  return {
    contactId: id,
    initialContactId: id,
    previousContactId: null,
    nextContactId: null,
    channel,
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
  };
}

export function viewState(contact: Contact): ContactView['state'] {
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

export function newRecordAgent(agentId: string, now: number): ContactRecordAgent {
  return { agentId, offeredAt: now, connectedAt: null, endedAt: null, acwStartedAt: null, acwEndedAt: null, outcome: 'pending' };
}

export function lastOffer(record: ContactRecord, agentId: string): ContactRecordAgent | undefined {
  for (let i = record.agents.length - 1; i >= 0; i--) if (record.agents[i].agentId === agentId) return record.agents[i];
  return undefined;
}

export function validateAttributes(attributes: unknown): Record<string, string> {
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

export function isDeskPhone(agent: Agent): boolean {
  return !agent.def.config.softphoneEnabled && agent.def.config.deskPhoneNumber !== '';
}

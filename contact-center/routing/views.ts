// Read models of the routing engine: what one agent sees (their status and contacts, each connection from
// their point of view) and what the control API reports. Plain, serializable data.

import type { AgentConfig, AgentStatusDef, Channel, ContactRecord, TaskRecordDetails } from '../model';

export type ConnectionState = 'connecting' | 'connected' | 'hold' | 'disconnected';

/** The agent's effective state, as Amazon Connect names it: the selected status unless a contact or an
 *  error overrides it. */
export interface EffectiveState {
  name: string; // 'Available', 'Break', 'PendingBusy', 'Busy', 'CallingCustomer', 'AfterCallWork', 'MissedCallAgent'
  type: 'routable' | 'not_routable' | 'offline' | 'system' | 'error';
  statusId: string | null; // the selected status when the state is one, else null
  since: number;
}

export interface ConnectionView {
  connectionId: string;
  /** 'agent' is the viewing agent's own leg; 'inbound'/'outbound' the customer (initial) or third parties. */
  type: 'agent' | 'inbound' | 'outbound';
  initial: boolean;
  state: ConnectionState;
  since: number;
  phoneNumber: string | null;
  name: string | null;
  endpointType: 'agent' | 'phone_number' | 'queue';
  quickConnectName: string | null;
  /** Only for the viewing agent's own leg. */
  muted: boolean;
}

export type ContactViewState = 'connecting' | 'connected' | 'ended' | 'missed';

/** What a chat contact adds to its views: who the customer is and the ids the participant service uses. */
export interface ChatContactInfo {
  customerDisplayName: string;
  customerParticipantId: string;
  /** The agent's connection id on this contact: their ParticipantId in the chat. */
  agentConnectionId: string;
}

/** What a task contact adds to its views (streams' task getters: name, description, references, channel context). */
export interface TaskContactInfo extends Omit<TaskRecordDetails, 'pauses' | 'pausedDurationMs'> {
  previousContactId: string | null;
  /** Since when the agent has paused it (streams' state `paused`), or null. */
  pausedAt: number | null;
}

export interface ContactView {
  contactId: string;
  initialContactId: string;
  channel: Channel;
  initiationMethod: 'inbound' | 'outbound' | 'transfer' | 'api';
  state: ContactViewState;
  since: number;
  queueId: string | null;
  queueName: string | null;
  enqueuedAt: number | null;
  attributes: Record<string, string>;
  connections: ConnectionView[];
  /** For a transfer: the agent who transfers it to this agent. */
  transferredBy: string | null;
  deskPhone: boolean;
  /** Chat contacts only. */
  chat?: ChatContactInfo;
  /** Task contacts only. */
  task?: TaskContactInfo;
}

export interface AgentView {
  agentId: string;
  username: string;
  name: string;
  status: AgentStatusDef;
  statusSince: number;
  nextStatus: AgentStatusDef | null;
  state: EffectiveState;
  muted: boolean;
  config: AgentConfig;
  acwTimeoutSeconds: number;
  routingProfileId: string;
  contacts: ContactView[];
}

export interface AgentSummary {
  agentId: string;
  username: string;
  name: string;
  status: string;
  state: string;
  stateType: EffectiveState['type'];
  since: number;
  nextStatus: string | null;
  idleSince: number | null;
  contacts: { contactId: string; state: ContactViewState; channel: Channel }[];
}

export interface ContactDetails {
  contactId: string;
  initialContactId: string;
  channel: Channel;
  state: ContactRecord['state'];
  queueId: string | null;
  agentId: string | null;
  participants: { connectionId: string; kind: 'customer' | 'agent' | 'external'; state: ConnectionState; agentId: string | null; phoneNumber: string | null }[];
  record: ContactRecord;
  /** Chat contacts only. */
  chat?: ChatContactInfo;
  /** Task contacts only. */
  task?: TaskContactInfo;
}

/** What the desk phone page at /deskphone/<number> shows. */
export interface DeskPhoneView {
  phoneNumber: string;
  agentId: string | null;
  ringing: { contactId: string; caller: string | null; queueName: string | null } | null;
  inCall: boolean;
}

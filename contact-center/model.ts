// The local contact center's domain model: instance configuration, agents and contact records, shared by
// the routing engine, the SQLite store, the HTTP server and the CCP emulator. Plain data only (no classes),
// timestamps as epoch milliseconds.

export type Channel = 'voice' | 'chat' | 'task';
export const CHANNELS: readonly Channel[] = ['voice', 'chat', 'task'];

/** Amazon Connect's agent-status types: only `routable` statuses receive contacts. */
export type StatusType = 'routable' | 'not_routable' | 'offline';

/** An agent status an agent can select (Available, Offline, or a custom one such as Break). */
export interface AgentStatusDef {
  id: string; // short id, e.g. 'available', 'break'; the ARN is derived from it
  name: string; // English name, as Amazon Connect stores it
  names: Record<string, string>; // localized display names by language tag ('en', 'ja')
  type: StatusType;
  sortOrder: number;
}

export interface QueueDef {
  id: string; // e.g. 'support'
  name: string;
  names: Record<string, string>;
  /** Caller ID presented on outbound calls placed from this queue (E.164). */
  outboundCallerId: string;
}

/** One queue in a routing profile: lower priority number is served first; delay is seconds in queue
 *  before agents of this profile may be offered the contact. */
export interface RoutingProfileQueue {
  queueId: string;
  channels: Channel[];
  priority: number;
  delaySeconds: number;
}

/** Amazon Connect's CrossChannelBehavior: whether an agent with a contact of one channel may be offered
 *  contacts of other channels (each up to its own concurrency). */
export type CrossChannelBehavior = 'ROUTE_CURRENT_CHANNEL_ONLY' | 'ROUTE_ANY_CHANNEL';

export interface RoutingProfileDef {
  id: string;
  name: string;
  /** Contacts of each channel an agent may have at once (voice 1, chat and task 1 to 10; 0 = not served). */
  concurrency: Record<Channel, number>;
  /** ROUTE_CURRENT_CHANNEL_ONLY when absent, as in Amazon Connect. */
  crossChannelBehavior?: CrossChannelBehavior;
  queues: RoutingProfileQueue[];
  defaultOutboundQueueId: string;
}

/** What an agent may change about themselves through the CCP (`updateAgentConfiguration`). */
export interface AgentConfig {
  softphoneEnabled: boolean; // false = desk phone mode
  deskPhoneNumber: string; // E.164, '' when none
  autoAccept: boolean;
  language: string; // 'en_US' | 'ja_JP' …
}

export interface AgentDef {
  id: string; // e.g. 'agent1'; the ARN is derived from it
  username: string;
  firstName: string;
  lastName: string;
  routingProfileId: string;
  /** Seconds of After Call Work before the contact is closed automatically; 0 = no timeout. */
  acwTimeoutSeconds: number;
  config: AgentConfig;
}

export type QuickConnectDef =
  | { id: string; kind: 'queue'; name: string; queueId: string }
  | { id: string; kind: 'agent'; name: string; agentId: string }
  | { id: string; kind: 'phone'; name: string; phoneNumber: string };

/** How the far end of an external number behaves when it is called. */
export type FarEndBehaviour = 'answers' | 'busy' | 'no_answer';

export interface DirectoryEntry {
  phoneNumber: string; // E.164
  name: string;
  behaviour: FarEndBehaviour;
}

/** One role's chat timers, in whole minutes (2 to 480), or null for no timer: after `idleMinutes` without a
 *  message or attachment the participant is marked idle; `autoDisconnectMinutes` later (counted from going idle,
 *  or from the last message when there is no idle timer) the agent is disconnected and the chat ends. */
export interface ChatRoleTimers {
  idleMinutes: number | null;
  autoDisconnectMinutes: number | null;
}

/**
 * Amazon Connect's chat participant timers (UpdateParticipantRoleConfig's IDLE and DISCONNECT_NONCUSTOMER timers
 * for the CUSTOMER and AGENT roles). They run only while an agent and the customer are both in the chat.
 */
export interface ChatParticipantTimers {
  customer: ChatRoleTimers;
  agent: ChatRoleTimers;
}

/** UpdateParticipantRoleConfig's allowed ParticipantTimerDurationInMinutes. */
export const CHAT_TIMER_MINUTES = { min: 2, max: 480 } as const;

/** Amazon Connect's default: no participant timer is set until a flow calls UpdateParticipantRoleConfig, so an
 *  idle chat ends only when its ChatDurationInMinutes (1,500 by default) runs out. */
export const CONNECT_DEFAULT_CHAT_TIMERS: ChatParticipantTimers = {
  customer: { idleMinutes: null, autoDisconnectMinutes: null },
  agent: { idleMinutes: null, autoDisconnectMinutes: null },
};

export interface InstanceConfig {
  instanceId: string; // UUID-shaped, used in ARNs
  region: string;
  accountId: string;
  alias: string;
  statuses: AgentStatusDef[];
  queues: QueueDef[];
  routingProfiles: RoutingProfileDef[];
  agents: AgentDef[];
  quickConnects: QuickConnectDef[];
  directory: DirectoryEntry[];
  /** Behaviour of a number not in the directory. */
  defaultBehaviour: FarEndBehaviour;
  /** The chat participant timers every chat of the instance gets; CONNECT_DEFAULT_CHAT_TIMERS (none) when absent. */
  chatParticipantTimers?: ChatParticipantTimers;
}

export type DisconnectReason =
  | 'customer_disconnect'
  | 'agent_disconnect'
  | 'third_party_disconnect'
  | 'transferred'
  | 'customer_busy'
  | 'customer_no_answer'
  | 'missed_everywhere'
  | 'expired' // a chat reached its ChatDurationInMinutes, or a task its expiry
  | 'idle_disconnect' // a chat's auto-disconnect timer disconnected the agent for idleness
  | 'server_restart';

export interface ContactRecordAgent {
  agentId: string;
  offeredAt: number;
  connectedAt: number | null;
  endedAt: number | null;
  acwStartedAt: number | null;
  acwEndedAt: number | null;
  /** Outcome of the offer: accepted, rejected or missed (not accepted in time). */
  outcome: 'accepted' | 'rejected' | 'missed' | 'pending';
}

/** What a chat's record adds (Amazon Connect's ChatMetrics and the chat's participant). */
export interface ChatRecordDetails {
  customerDisplayName: string;
  customerParticipantId: string;
  /** ChatDurationInMinutes: the chat ends by itself (reason `expired`) at `expiresAt`. */
  durationMinutes: number;
  expiresAt: number;
  /** The handling agent's first message, and how long after the agent connected it came. */
  agentFirstResponseAt: number | null;
  agentFirstResponseMs: number | null;
}

/** Amazon Connect's task reference types (StartTaskContact's References): DATE values are epoch seconds. */
export type TaskReferenceType = 'URL' | 'EMAIL' | 'NUMBER' | 'STRING' | 'DATE' | 'ATTACHMENT';

export interface TaskReference {
  type: TaskReferenceType;
  value: string;
}

/** What a task's record adds: what the agent is asked to do, its schedule and expiry, and its pauses. */
export interface TaskRecordDetails {
  name: string;
  description: string;
  references: Record<string, TaskReference>;
  /** TaskTemplateId, when the task came from a template. */
  templateId: string | null;
  /** When the task was to be routed (epoch ms), or null when it was routed at once. */
  scheduledTime: number | null;
  relatedContactId: string | null;
  /** The task ends by itself (reason `expired`) at this time unless completed (Connect: 7 days after creation). */
  expiresAt: number;
  /** Every pause of the handling agent, in order; `resumedAt` null while paused. */
  pauses: { pausedAt: number; resumedAt: number | null }[];
  pausedDurationMs: number;
}

/** Like Amazon Connect's contact trace record (CTR): one per contact id. Times in epoch ms, durations in ms. */
export interface ContactRecord {
  contactId: string;
  initialContactId: string;
  previousContactId: string | null;
  nextContactId: string | null;
  channel: Channel;
  initiationMethod: 'inbound' | 'outbound' | 'transfer' | 'api';
  queueId: string | null;
  customerEndpoint: string | null; // E.164 of the customer
  systemEndpoint: string | null; // number or queue caller id
  attributes: Record<string, string>;
  agents: ContactRecordAgent[]; // every agent offered this contact, in order
  agentId: string | null; // the agent who handled it (accepted)
  initiatedAt: number;
  enqueuedAt: number | null;
  dequeuedAt: number | null;
  connectedToAgentAt: number | null;
  disconnectedAt: number | null;
  queueDurationMs: number;
  ringDurationMs: number; // sum of ring time over every offer
  talkDurationMs: number; // agent connected time, excluding hold
  holdDurationMs: number;
  holdCount: number;
  acwDurationMs: number;
  dtmfDigits: string;
  disconnectReason: DisconnectReason | null;
  transfers: { at: number; to: string; kind: 'queue' | 'agent' | 'phone'; completed: boolean }[];
  state: 'queued' | 'ringing' | 'connected' | 'acw' | 'ended';
  /** Chat contacts only. For a chat, talkDurationMs is the agent interaction time. */
  chat?: ChatRecordDetails;
  /** Task contacts only. For a task, talkDurationMs is the time connected to the agent, pauses included. */
  task?: TaskRecordDetails;
}

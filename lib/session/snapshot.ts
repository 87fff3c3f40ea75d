// The session snapshot: the one serializable picture of the softphone (connection, agent, contacts, quick
// connects) that the background worker owns and every view renders from. No streams objects, no Dates:
// epoch milliseconds only, so it crosses contexts and survives in storage.session.

/** Where the softphone connection stands. */
export type ConnectionStatus =
  | 'signed-out' // no session: the panel asks for the contact-center URL and offers sign-in
  | 'connecting' // the engine is starting streams' initCCP
  | 'needs-sign-in' // the CCP wants the agent to sign in (login window open)
  | 'ready' // the CCP acknowledged and the agent is known
  | 'engine-lost' // the engine died; the worker is recreating it
  | 'failed'; // gave up: `reason` says why

export type AgentStateType = 'routable' | 'not_routable' | 'offline' | 'system' | 'error';

/** A selectable status (Available, Offline, Break…), identified by its ARN. */
export interface AgentStatusOption {
  arn: string;
  name: string; // as the instance names it (English on Amazon Connect)
  type: 'routable' | 'not_routable' | 'offline';
}

export interface AgentView {
  name: string;
  username: string;
  /** The effective state: the selected status, or a system/error state (PendingBusy, Busy, AfterCallWork,
   *  CallingCustomer, MissedCallAgent…). */
  state: { name: string; type: AgentStateType; since: number };
  /** The status the agent selected (what they return to after contacts). */
  availability: { name: string; since: number };
  nextStatus: { arn: string; name: string } | null;
  statuses: AgentStatusOption[];
  softphoneEnabled: boolean;
  deskPhoneNumber: string;
  autoAccept: boolean;
  /** The agent's language preference on the instance, e.g. 'en_US', 'ja_JP'. */
  language: string;
  muted: boolean;
  /** ISO 3166 alpha-2 codes, lower case, the instance lets the agent dial. */
  dialableCountries: string[];
}

export type ContactState = 'incoming' | 'connecting' | 'connected' | 'ended' | 'missed' | 'error' | 'rejected' | 'pending' | 'init';
export type ConnectionState = 'init' | 'connecting' | 'connected' | 'hold' | 'disconnected' | 'silent_monitor' | 'barge';

export interface ConnectionView {
  id: string;
  /** The agent's own leg, the customer (the contact's initial connection) or a third party. */
  role: 'agent' | 'customer' | 'third-party';
  state: ConnectionState;
  since: number;
  phoneNumber: string | null;
  name: string | null;
  endpointType: 'agent' | 'phone_number' | 'queue' | null;
  quickConnectName: string | null;
}

export interface ContactView {
  id: string;
  initialContactId: string | null;
  channel: 'voice' | 'chat' | 'task';
  state: ContactState;
  since: number;
  initiationMethod: string; // inbound, outbound, transfer, callback, api…
  queueName: string | null;
  attributes: Record<string, string>;
  connections: ConnectionView[];
  /** For a transfer: who transfers it, when the contact center says so. */
  transferredBy: string | null;
  /** Delivered to the desk phone: no Accept button, the agent answers the phone. */
  deskPhone: boolean;
}

export interface QuickConnectView {
  arn: string;
  name: string;
  kind: 'queue' | 'agent' | 'phone';
  phoneNumber: string | null;
}

export interface SessionSnapshot {
  /** Monotonically increasing; views drop snapshots older than the one they have. */
  sequence: number;
  instanceUrl: string | null;
  connection: { status: ConnectionStatus; since: number; reason: string | null };
  agent: AgentView | null;
  contacts: ContactView[];
  quickConnects: QuickConnectView[];
  /** When the engine last reported (epoch ms). */
  updatedAt: number;
}

export function emptySnapshot(now = Date.now()): SessionSnapshot {
  return {
    sequence: 0,
    instanceUrl: null,
    connection: { status: 'signed-out', since: now, reason: null },
    agent: null,
    contacts: [],
    quickConnects: [],
    updatedAt: now,
  };
}

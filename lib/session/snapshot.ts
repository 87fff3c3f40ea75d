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

export type ContactState =
  | 'incoming'
  | 'connecting'
  | 'connected'
  | 'paused' // tasks only: set aside by the agent, not counting against their task capacity
  | 'ended'
  | 'missed'
  | 'error'
  | 'rejected'
  | 'pending'
  | 'init';
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
  /** Chat contacts only: the customer's display name (ParticipantDetails.DisplayName), when given. */
  customerName?: string | null;
  /** Chat contacts only: what the contact center allows in this chat. */
  chatFeatures?: { attachments: boolean; markdown: boolean };
  /** Task contacts only: what the task is about. */
  task?: TaskDetailsView;
  /** Softphone calls only: the engine that carried this call's audio was lost while it was connected, and the
   *  recreated engine cannot restart its media (call-audio.ts). Kept by the worker, never reported by the engine;
   *  dropped once the contact is no longer connected. */
  audioLost?: boolean;
}

/** Amazon Connect's task reference types; OTHER is any type this version does not know (shown as text). */
export type TaskReferenceType = 'URL' | 'EMAIL' | 'NUMBER' | 'STRING' | 'DATE' | 'ATTACHMENT' | 'OTHER';

/** One of a task's references, its value as text: a DATE as ISO 8601 (streams gives epoch seconds), a NUMBER in
 *  decimal. Nothing here is trusted: a URL is only a link when it is http(s). */
export interface TaskReferenceView {
  name: string;
  type: TaskReferenceType;
  value: string;
}

export interface TaskDetailsView {
  name: string;
  description: string;
  references: TaskReferenceView[];
  /** When the task was scheduled to arrive (epoch ms), or null for one routed at once. */
  scheduledTime: number | null;
  templateId: string | null;
  /** The contact this task follows up (a call or chat), when it names one. */
  relatedContactId: string | null;
}

export interface QuickConnectView {
  arn: string;
  name: string;
  kind: 'queue' | 'agent' | 'phone';
  phoneNumber: string | null;
}

/** The CRM page a call was dialed from (F31): sensitive (never logged), shown in the panel for that contact. */
export interface PageContext {
  url: string;
  title: string;
  /** The record id the page's CRM site rule finds on it; null when no rule matches or it shows no record. */
  recordId: string | null;
}

/** A dialed call's page context, bound to the outbound contact the dial created. */
export interface ContactPageContext extends PageContext {
  /** The page-dial command that carried it (a restarted worker finishes the binding by this id). */
  dialId: string;
  /** Whether the contact carries it as contact attributes: written (local contact center), or kept in the
   *  panel only (another instance, or the write failed). */
  attributes: 'pending' | 'written' | 'panel-only';
}

/** One customer profile the agent may pick when several match the caller (F29). */
export interface ProfileChoice {
  profileId: string;
  name: string;
  accountNumber: string | null;
  openCases: number;
  /** The CRM record to open; null when the site rule cannot build it. */
  recordUrl: string | null;
}

/** The profiles matching a contact's caller, offered in the panel, and the one the agent chose. */
export interface ProfileChoices {
  profiles: ProfileChoice[];
  chosenProfileId: string | null;
}

export interface SessionSnapshot {
  /** Monotonically increasing; views drop snapshots older than the one they have. */
  sequence: number;
  instanceUrl: string | null;
  connection: { status: ConnectionStatus; since: number; reason: string | null };
  agent: AgentView | null;
  contacts: ContactView[];
  quickConnects: QuickConnectView[];
  /** By contact id: the CRM page each dialed call came from (kept by the worker, not reported by the engine). */
  pageContexts: Record<string, ContactPageContext>;
  /** By contact id: the profiles a screen pop found when several match (kept by the worker). */
  profileChoices: Record<string, ProfileChoices>;
  /** By chat contact id: since when the customer has waited for the agent's reply (epoch ms of the first
   *  customer message after the agent's last one); absent when the agent has answered. Kept by the worker from
   *  the transcripts (chat-waiting.ts), so the badge and views need no transcript to count waiting chats. */
  chatWaitingSince: Record<string, number>;
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
    pageContexts: {},
    profileChoices: {},
    chatWaitingSince: {},
    updatedAt: now,
  };
}

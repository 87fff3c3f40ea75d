// Pure translation from streams' live objects to the session snapshot's plain parts (AgentView, ContactView,
// QuickConnectView): ids, names, states and epoch-ms times copied out, nothing of streams kept.
import type {
  AgentStateType,
  AgentStatusOption,
  AgentView,
  ConnectionState,
  ConnectionView,
  ContactState,
  ContactView,
  QuickConnectView,
  TaskDetailsView,
  TaskReferenceType,
  TaskReferenceView,
} from '../session/snapshot';
import type { StreamsAgent, StreamsConnection, StreamsContact, StreamsEndpoint } from './streams-api';

/** Epoch ms of a streams timestamp (a Date); `fallback` when there is none. */
export function epochMs(value: Date | number | null | undefined, fallback: number): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? fallback : ms;
  }
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

const AGENT_STATE_TYPES: ReadonlySet<string> = new Set<AgentStateType>(['routable', 'not_routable', 'offline', 'system', 'error']);
const SELECTABLE_TYPES: ReadonlySet<string> = new Set<AgentStatusOption['type']>(['routable', 'not_routable', 'offline']);
const CONTACT_STATES: ReadonlySet<string> = new Set<ContactState>([
  'incoming',
  'connecting',
  'connected',
  'paused',
  'ended',
  'missed',
  'error',
  'rejected',
  'pending',
  'init',
]);
const CONNECTION_STATES: ReadonlySet<string> = new Set<ConnectionState>([
  'init',
  'connecting',
  'connected',
  'hold',
  'disconnected',
  'silent_monitor',
  'barge',
]);

export interface AgentMappingContext {
  /** The agent's microphone mute, as the CCP's softphone last reported it (agent.onMuteToggle). */
  muted: boolean;
  /** Used for timestamps streams does not give. */
  now?: number;
}

export function mapAgent(agent: StreamsAgent, context: AgentMappingContext): AgentView {
  const now = context.now ?? Date.now();
  const config = agent.getConfiguration();
  const state = agent.getState();
  const availability = agent.getAvailabilityState();
  const next = agent.getNextState();
  const availabilitySince = epochMs(availability?.timeStamp, now);
  return {
    name: config.name ?? '',
    username: config.username ?? '',
    state: {
      name: state.name,
      type: AGENT_STATE_TYPES.has(state.type) ? (state.type as AgentStateType) : 'system',
      since: epochMs(state.startTimestamp, availabilitySince),
    },
    availability: { name: availability?.state ?? state.name, since: availabilitySince },
    nextStatus: next ? { arn: next.agentStateARN ?? '', name: next.name } : null,
    statuses: agent
      .getAgentStates()
      .filter((s) => s.agentStateARN && SELECTABLE_TYPES.has(s.type))
      .map((s) => ({ arn: s.agentStateARN as string, name: s.name, type: s.type as AgentStatusOption['type'] })),
    softphoneEnabled: config.softphoneEnabled === true,
    deskPhoneNumber: config.extension ?? '',
    autoAccept: config.softphoneAutoAccept === true,
    language: config.agentPreferences?.LANGUAGE ?? config.agentPreferences?.locale ?? '',
    muted: context.muted,
    dialableCountries: (config.dialableCountries ?? []).map((c) => c.toLowerCase()),
  };
}

/** A SIP address (sip:+15555550100@host) as the number it carries; other values unchanged. */
export function phoneNumberOf(endpoint: StreamsEndpoint): string | null {
  const raw = endpoint.phoneNumber;
  if (!raw) return null;
  return raw.replace(/^sip:([^@]*)@.*$/, '$1');
}

function endpointType(type: string | null): ConnectionView['endpointType'] {
  return type === 'agent' || type === 'phone_number' || type === 'queue' ? type : null;
}

function mapConnection(connection: StreamsConnection, agentConnectionId: string | null, now: number): ConnectionView {
  const id = connection.getConnectionId();
  const status = connection.getStatus();
  const endpoint = connection.getEndpoint();
  const role: ConnectionView['role'] =
    id === agentConnectionId ? 'agent' : connection.isInitialConnection() ? 'customer' : 'third-party';
  return {
    id,
    role,
    // Unknown future states read as connected: the connection is there, the panel can still end it.
    state: CONNECTION_STATES.has(status.type) ? (status.type as ConnectionState) : 'connected',
    since: epochMs(status.timestamp, now),
    phoneNumber: phoneNumberOf(endpoint),
    // Chat connections have no endpoint: their name is the participant's display name.
    name: endpoint.name || connection.getParticipantName?.() || null,
    endpointType: endpointType(endpoint.type),
    quickConnectName: connection.getQuickConnectName?.() ?? null,
  };
}

function channelOf(type: string): ContactView['channel'] | null {
  if (type === 'voice' || type === 'queue_callback') return 'voice';
  if (type === 'chat' || type === 'task') return type;
  return null; // email and future channels: not shown until the panel knows them
}

function attributesOf(contact: StreamsContact): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, attribute] of Object.entries(contact.getAttributes() ?? {})) {
    if (attribute && attribute.value !== null && attribute.value !== undefined) result[key] = String(attribute.value);
  }
  return result;
}

/** Who transfers the contact: the contact center's `connect:TransferredBy` segment attribute, when present. */
function transferredByOf(contact: StreamsContact): string | null {
  const value = contact.getSegmentAttributes()?.['connect:TransferredBy']?.ValueString;
  return typeof value === 'string' && value !== '' ? value : null;
}

export function mapContact(contact: StreamsContact, now = Date.now()): ContactView | null {
  const channel = channelOf(contact.getType());
  if (channel === null) return null;
  const status = contact.getStatus();
  const agentConnection = contact.getAgentConnection() ?? null;
  const agentConnectionId = agentConnection ? agentConnection.getConnectionId() : null;
  return {
    id: contact.getContactId(),
    initialContactId: contact.getInitialContactId() || null,
    channel,
    // Future states: still on the agent's plate.
    state: CONTACT_STATES.has(status.type) ? (status.type as ContactState) : 'connected',
    since: epochMs(status.timestamp, now),
    initiationMethod: contact.getInitiationMethod() ?? 'inbound',
    queueName: contact.getQueue()?.name ?? null,
    attributes: attributesOf(contact),
    connections: contact.getConnections().map((c) => mapConnection(c, agentConnectionId, now)),
    transferredBy: transferredByOf(contact),
    // No softphone media on a voice contact: the contact center rings the agent's desk phone instead.
    deskPhone: channel === 'voice' && !contact.isSoftphoneCall(),
    ...(channel === 'chat' ? chatPartsOf(contact) : {}),
    ...(channel === 'task' ? { task: taskDetailsOf(contact) } : {}),
  };
}

const REFERENCE_TYPES: ReadonlySet<string> = new Set<TaskReferenceType>(['URL', 'EMAIL', 'NUMBER', 'STRING', 'DATE', 'ATTACHMENT']);

/** A reference value as text: DATE from epoch seconds (or a date string) to ISO 8601, the rest as given. */
function referenceValue(type: TaskReferenceType, value: unknown): string {
  if (type === 'DATE') {
    const ms = typeof value === 'number' ? value * 1000 : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(String(value));
    if (Number.isFinite(ms)) return new Date(ms).toISOString();
  }
  return value === null || value === undefined ? '' : String(value);
}

/** A task contact's name, description, references (in the contact center's order), schedule and links. */
export function taskDetailsOf(contact: StreamsContact): TaskDetailsView {
  const references: TaskReferenceView[] = [];
  for (const [name, reference] of Object.entries(contact.getReferences?.() ?? {})) {
    if (!reference) continue;
    const declared = String(reference.type ?? '').toUpperCase();
    const type = (REFERENCE_TYPES.has(declared) ? declared : 'OTHER') as TaskReferenceType;
    references.push({ name, type, value: referenceValue(type, reference.value) });
  }
  const context = contact.getChannelContext?.() ?? null;
  const scheduledSeconds = context?.scheduledTime;
  return {
    name: contact.getName?.() ?? '',
    description: contact.getDescription?.() ?? '',
    references,
    scheduledTime: typeof scheduledSeconds === 'number' && Number.isFinite(scheduledSeconds) ? scheduledSeconds * 1000 : null,
    templateId: context?.taskTemplateId || null,
    relatedContactId: contact.getRelatedContactId?.() || null,
  };
}

/** A chat contact's customer name (its initial connection's participant name) and features. */
function chatPartsOf(contact: StreamsContact): Pick<ContactView, 'customerName' | 'chatFeatures'> {
  const customer = contact.getConnections().find((connection) => connection.isInitialConnection());
  const features = contact.getContactFeatures?.() ?? null;
  return {
    customerName: customer?.getParticipantName?.() || null,
    chatFeatures: { attachments: features?.attachmentsEnabled === true, markdown: features?.messagingMarkdownEnabled === true },
  };
}

export function mapContacts(agent: StreamsAgent, now = Date.now()): ContactView[] {
  return agent
    .getContacts()
    .map((contact) => mapContact(contact, now))
    .filter((view): view is ContactView => view !== null);
}

function quickConnectKind(type: string | null): QuickConnectView['kind'] | null {
  if (type === 'agent' || type === 'queue') return type;
  if (type === 'phone_number') return 'phone';
  return null;
}

/** Quick connects as agent.getEndpoints returns them; endpoints of other kinds or without an ARN are left out. */
export function mapQuickConnects(endpoints: readonly StreamsEndpoint[]): QuickConnectView[] {
  const views: QuickConnectView[] = [];
  for (const endpoint of endpoints) {
    const arn = endpoint.endpointARN ?? endpoint.endpointId ?? null;
    const kind = quickConnectKind(endpoint.type);
    if (!arn || kind === null) continue;
    views.push({ arn, name: endpoint.name ?? '', kind, phoneNumber: kind === 'phone' ? phoneNumberOf(endpoint) : null });
  }
  return views;
}

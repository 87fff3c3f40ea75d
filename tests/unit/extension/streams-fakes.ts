// Fakes of amazon-connect-streams' Agent, Contact and Connection for the engine's unit tests. They read raw
// agent::update data shaped like the CCP's (see shared/docs/ccp-protocol.md §3 and contact-center/ccp/snapshot.ts)
// and answer the getters as streams 2.28 does; every action method is a vi.fn that records its arguments and
// answers through a scripted responder (success by default).
import { vi } from 'vitest';
import type { SessionCommand } from '@/lib/session/commands';
import { createCommandExecutor } from '@/lib/streams/command-executor';
import type {
  StreamsAgent,
  StreamsAgentConfiguration,
  StreamsAgentStateDefinition,
  StreamsCallbacks,
  StreamsConnection,
  StreamsContact,
  StreamsEndpoint,
} from '@/lib/streams/streams-api';

export const INSTANCE = 'arn:aws:connect:ap-northeast-1:123456789012:instance/11111111-2222-3333-4444-555555555555';
export const T0 = new Date('2026-03-02T09:00:00Z');
export const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

export const STATUS = {
  available: { agentStateARN: `${INSTANCE}/agent-state/available`, name: 'Available', type: 'routable' },
  offline: { agentStateARN: `${INSTANCE}/agent-state/offline`, name: 'Offline', type: 'offline' },
  break: { agentStateARN: `${INSTANCE}/agent-state/break`, name: 'Break', type: 'not_routable' },
};

export const BASIC_QUEUE = { name: 'BasicQueue', queueARN: `${INSTANCE}/queue/basic`, queueId: `${INSTANCE}/queue/basic` };

export interface RawEndpoint {
  type: string;
  name?: string | null;
  phoneNumber?: string | null;
}

export interface RawConnection {
  connectionId: string;
  type: 'agent' | 'inbound' | 'outbound' | 'monitoring';
  initial: boolean;
  endpoint: RawEndpoint;
  state: { type: string; timestamp: Date };
  mute?: boolean;
  softphoneMediaInfo?: object | null;
  quickConnectName?: string | null;
  /** Chat connections: the CCP's chatMediaInfo (customerName on the customer's, connectionData on the agent's). */
  chatMediaInfo?: { customerName?: string | null; chatAutoAccept?: boolean; connectionData?: string | null } | null;
}

export interface RawContact {
  contactId: string;
  initialContactId?: string | null;
  type: string;
  initiationMethod: string;
  state: { type: string; timestamp: Date };
  queue: typeof BASIC_QUEUE | null;
  attributes?: Record<string, { name: string; value: string }>;
  segmentAttributes?: Record<string, { ValueString: string }> | null;
  contactFeatures?: { attachmentsEnabled?: boolean; messagingMarkdownEnabled?: boolean } | null;
  connections: RawConnection[];
  /** Task contacts: as streams' sample task snapshot shapes them (DATE and NUMBER references are numbers). */
  name?: string;
  description?: string;
  references?: Record<string, { type: string; value: unknown }>;
  channelContext?: { scheduledTime: number | null; taskTemplateId: string | null } | null;
  relatedContactId?: string | null;
}

export interface RawAgent {
  snapshot: {
    state: { agentStateARN: string | null; name: string; type: string; startTimestamp: Date };
    agentAvailabilityState: { state: string; timeStamp: Date };
    nextState: { agentStateARN: string; name: string; type: string; startTimestamp: null } | null;
    contacts: RawContact[];
  };
  configuration: StreamsAgentConfiguration;
}

/** A softphone call's media info on the agent's own connection (streams only checks that it is there). */
export const SOFTPHONE_MEDIA = { callType: 'audio_only', autoAccept: false, callConfigJson: '{}' };

export function agentConnection(state: string, since: Date, extra: Partial<RawConnection> = {}): RawConnection {
  return {
    connectionId: 'conn-agent',
    type: 'agent',
    initial: false,
    endpoint: { type: 'agent', name: 'Emily Carter' },
    state: { type: state, timestamp: since },
    mute: false,
    softphoneMediaInfo: SOFTPHONE_MEDIA,
    ...extra,
  };
}

export function customerConnection(state: string, since: Date, phoneNumber = '+819012345678'): RawConnection {
  return {
    connectionId: 'conn-customer',
    type: 'inbound',
    initial: true,
    endpoint: { type: 'phone_number', phoneNumber },
    state: { type: state, timestamp: since },
    softphoneMediaInfo: null,
  };
}

export function voiceContact(overrides: Partial<RawContact> & Pick<RawContact, 'state' | 'connections'>): RawContact {
  return {
    contactId: 'contact-1',
    initialContactId: 'contact-1',
    type: 'voice',
    initiationMethod: 'inbound',
    queue: BASIC_QUEUE,
    attributes: {},
    segmentAttributes: null,
    ...overrides,
  };
}

/** The selectable statuses, as the CCP's configuration lists them (startTimestamp null). */
const AGENT_STATES: (StreamsAgentStateDefinition & { startTimestamp: null })[] = [
  { ...STATUS.available, startTimestamp: null },
  { ...STATUS.offline, startTimestamp: null },
  { ...STATUS.break, startTimestamp: null },
];

export function configuration(overrides: Partial<StreamsAgentConfiguration> = {}): StreamsAgentConfiguration {
  return {
    agentARN: `${INSTANCE}/agent/agent1`,
    name: 'Emily Carter',
    username: 'agent1',
    extension: '',
    softphoneEnabled: true,
    softphoneAutoAccept: false,
    agentPreferences: { LANGUAGE: 'en_US' },
    dialableCountries: ['jp', 'us'],
    permissions: ['outboundCall'],
    // A copy per agent: tests may add statuses.
    agentStates: [...AGENT_STATES],
    routingProfile: { defaultOutboundQueue: BASIC_QUEUE, queues: [BASIC_QUEUE] },
    ...overrides,
  };
}

/** An idle agent: Available since T0, no contacts. */
export function rawAgent(overrides: Partial<RawAgent['snapshot']> = {}, config: Partial<StreamsAgentConfiguration> = {}): RawAgent {
  return {
    snapshot: {
      state: { ...STATUS.available, startTimestamp: T0 },
      agentAvailabilityState: { state: 'Available', timeStamp: T0 },
      nextState: null,
      contacts: [],
      ...overrides,
    },
    configuration: configuration(config),
  };
}

/** How a fake action answers: call `success` or `failure`, or nothing (a CCP that never answers). */
export type Responder = (method: string, callbacks: StreamsCallbacks | undefined) => void;
export const answerSuccess: Responder = (_method, callbacks) => queueMicrotask(() => callbacks?.success?.({}));

/** A task contact offered to the agent, as streams' sample snapshot shapes one (shared/docs §2.1): one connection,
 *  the agent's; references of every type; scheduled from a template. */
export function taskContact(overrides: Partial<RawContact> = {}): RawContact {
  const state = overrides.state ?? { type: 'connecting', timestamp: at(5) };
  return {
    contactId: 'task-1',
    initialContactId: 'task-1',
    type: 'task',
    initiationMethod: 'api',
    queue: BASIC_QUEUE,
    attributes: {},
    segmentAttributes: null,
    connections: [
      {
        connectionId: 'task-agent',
        type: 'agent',
        initial: true,
        endpoint: { type: 'agent' },
        state: { type: state.type === 'connected' || state.type === 'paused' ? 'connected' : 'connecting', timestamp: state.timestamp },
      },
    ],
    name: 'Call back Hana Sato',
    description: 'She asked for a call about her invoice after 15:00.',
    references: {
      Order: { type: 'URL', value: 'https://crm.example.com/orders/77' },
      Email: { type: 'EMAIL', value: 'hana@example.com' },
      Amount: { type: 'NUMBER', value: 1200 },
      Due: { type: 'DATE', value: 1772442000 },
      Note: { type: 'STRING', value: 'VIP' },
    },
    channelContext: { scheduledTime: 1772441000, taskTemplateId: 'template-callback' },
    relatedContactId: 'call-9',
    ...overrides,
    state,
  };
}

/** A chat contact offered to the agent, as the CCP reports it (shared/docs §1.1): agent connection connecting,
 *  customer connected with their display name; attachments and Markdown enabled. */
export function chatContact(overrides: Partial<RawContact> = {}, customerName = 'Hana Sato'): RawContact {
  const state = overrides.state ?? { type: 'connecting', timestamp: at(5) };
  return {
    contactId: 'chat-1',
    initialContactId: 'chat-1',
    type: 'chat',
    initiationMethod: 'api',
    queue: BASIC_QUEUE,
    attributes: {},
    segmentAttributes: null,
    contactFeatures: { attachmentsEnabled: true, messagingMarkdownEnabled: true, multiPartyConferenceEnabled: false } as RawContact['contactFeatures'],
    connections: [
      {
        connectionId: 'chat-agent',
        type: 'agent',
        initial: false,
        endpoint: { type: 'agent' },
        state: { type: state.type === 'connected' ? 'connected' : 'connecting', timestamp: state.timestamp },
        chatMediaInfo: { chatAutoAccept: false, connectionData: '{"ConnectionAuthenticationToken":"token"}', customerName: null },
      },
      {
        connectionId: 'chat-customer',
        type: 'inbound',
        initial: true,
        endpoint: { type: 'phone_number' },
        state: { type: 'connected', timestamp: at(1) },
        chatMediaInfo: { customerName, connectionData: null },
      },
    ],
    ...overrides,
    state,
  };
}

export interface FakeStreams {
  agent: StreamsAgent;
  /** Every action call: method name (`contact.accept`, `connection.hold`…), target id and arguments. */
  calls: { method: string; target: string | null; args: unknown[] }[];
  setResponder(responder: Responder): void;
  data: RawAgent;
  /** What a chat agent connection's getMediaController resolves to (a ChatJS session fake), by contact id. */
  mediaControllers: Map<string, Promise<unknown>>;
}

export function fakeStreams(data: RawAgent): FakeStreams {
  const calls: FakeStreams['calls'] = [];
  let responder: Responder = answerSuccess;
  const mediaControllers = new Map<string, Promise<unknown>>();
  const act = (method: string, target: string | null, args: unknown[], callbacks: StreamsCallbacks | undefined) => {
    calls.push({ method, target, args });
    responder(method, callbacks);
  };

  function connection(contact: RawContact, raw: RawConnection): StreamsConnection {
    const id = raw.connectionId;
    const base: StreamsConnection = {
      getConnectionId: () => id,
      getType: () => raw.type,
      getStatus: () => raw.state,
      getEndpoint: () => ({
        endpointARN: null,
        type: raw.endpoint.type,
        name: raw.endpoint.name ?? null,
        phoneNumber: raw.endpoint.phoneNumber ?? null,
        agentLogin: null,
        queue: null,
      }),
      isInitialConnection: () => raw.initial,
      destroy: vi.fn((cb?: StreamsCallbacks) => act('connection.destroy', id, [], cb)),
      hold: vi.fn((cb?: StreamsCallbacks) => act('connection.hold', id, [], cb)),
      resume: vi.fn((cb?: StreamsCallbacks) => act('connection.resume', id, [], cb)),
      sendDigits: vi.fn((digits: string, cb?: StreamsCallbacks) => act('connection.sendDigits', id, [digits], cb)),
    };
    // Voice connections only, as in streams (VoiceConnection).
    if (contact.type === 'voice' || contact.type === 'queue_callback') {
      base.getQuickConnectName = () => raw.quickConnectName ?? null;
      base.isMute = () => raw.mute ?? false;
    }
    // Chat connections only (ChatConnection): no endpoint of their own, a participant name, a media controller.
    if (contact.type === 'chat') {
      base.getEndpoint = () => ({ endpointARN: null, type: null, name: null, phoneNumber: null, agentLogin: null, queue: null });
      base.getParticipantName = () => (raw.type === 'agent' ? 'Emily Carter' : raw.initial ? (raw.chatMediaInfo?.customerName ?? null) : null);
      base.getMediaController = () => mediaControllers.get(contact.contactId) ?? Promise.reject(new Error('Media info does not exist for this connection'));
    }
    return base;
  }

  function contact(raw: RawContact): StreamsContact {
    const id = raw.contactId;
    const connections = () => raw.connections.map((c) => connection(raw, c));
    return {
      getContactId: () => id,
      getInitialContactId: () => raw.initialContactId ?? null,
      getType: () => raw.type,
      getStatus: () => raw.state,
      getInitiationMethod: () => raw.initiationMethod,
      getQueue: () => raw.queue,
      getAttributes: () => raw.attributes ?? {},
      getSegmentAttributes: () => raw.segmentAttributes ?? null,
      getConnections: connections,
      getAgentConnection: () => connections().find((c) => c.getType() === 'agent' || c.getType() === 'monitoring'),
      isSoftphoneCall: () =>
        (raw.type === 'voice' || raw.type === 'queue_callback') && raw.connections.some((c) => Boolean(c.softphoneMediaInfo)),
      accept: vi.fn((cb?: StreamsCallbacks) => act('contact.accept', id, [], cb)),
      reject: vi.fn((cb?: StreamsCallbacks) => act('contact.reject', id, [], cb)),
      clear: vi.fn((cb: StreamsCallbacks) => act('contact.clear', id, [], cb)),
      addConnection: vi.fn((endpoint: StreamsEndpoint, cb?: StreamsCallbacks) => act('contact.addConnection', id, [endpoint], cb)),
      transfer: vi.fn((endpoint: StreamsEndpoint, cb?: StreamsCallbacks) => act('contact.transfer', id, [endpoint], cb)),
      getContactFeatures: () => raw.contactFeatures ?? null,
      conferenceConnections: vi.fn((cb?: StreamsCallbacks) => act('contact.conferenceConnections', id, [], cb)),
      toggleActiveConnections: vi.fn((cb?: StreamsCallbacks) => act('contact.toggleActiveConnections', id, [], cb)),
      ...(raw.type === 'task'
        ? {
            getName: () => raw.name ?? '',
            getDescription: () => raw.description ?? '',
            getReferences: () => raw.references ?? {},
            getChannelContext: () => raw.channelContext ?? null,
            getRelatedContactId: () => raw.relatedContactId ?? null,
            pause: vi.fn((cb?: StreamsCallbacks) => act('contact.pause', id, [], cb)),
            resume: vi.fn((cb?: StreamsCallbacks) => act('contact.resume', id, [], cb)),
          }
        : {}),
    };
  }

  const agent: StreamsAgent = {
    getAgentARN: () => 'arn:aws:connect:ap-northeast-1:123456789012:instance/fake/agent/fake',
    getState: () => data.snapshot.state,
    getAvailabilityState: () => data.snapshot.agentAvailabilityState,
    getNextState: () => data.snapshot.nextState,
    getAgentStates: () => data.configuration.agentStates,
    getConfiguration: () => data.configuration,
    getContacts: () => data.snapshot.contacts.map(contact),
    setState: vi.fn((state, cb, options) => act('agent.setState', null, [state, options], cb)),
    setConfiguration: vi.fn((config, cb) => act('agent.setConfiguration', null, [config], cb)),
    connect: vi.fn((endpoint, options) => {
      const { success, failure, ...rest } = options ?? {};
      act('agent.connect', null, [endpoint, rest], { success, failure });
    }),
    getAllQueueARNs: () => (data.configuration.routingProfile?.queues ?? []).map((q) => q.queueARN),
    getEndpoints: vi.fn((queueARNs, cb) => act('agent.getEndpoints', null, [queueARNs], cb as StreamsCallbacks)),
    mute: vi.fn(() => act('agent.mute', null, [], undefined)),
    unmute: vi.fn(() => act('agent.unmute', null, [], undefined)),
    // TaskJS's additions.
    createTask: vi.fn((task, cb) => act('agent.createTask', null, [task], cb)),
    listTaskTemplates: vi.fn((query, cb) => act('agent.listTaskTemplates', null, [query], cb)),
    getTaskTemplate: vi.fn((template, cb) => act('agent.getTaskTemplate', null, [template], cb)),
  };

  return {
    agent,
    calls,
    data,
    mediaControllers,
    setResponder(next) {
      responder = next;
    },
  };
}

/** A command executor over fake streams with these contacts, whose quick connects are `quickConnects`. */
export function executorHarness(contacts: RawContact[], quickConnects: readonly StreamsEndpoint[]) {
  const streams = fakeStreams(rawAgent({ contacts }));
  const executor = createCommandExecutor({
    agent: () => streams.agent,
    phoneEndpoint: (e164) => ({ type: 'phone_number', name: null, phoneNumber: e164 }),
    quickConnect: (arn) => quickConnects.find((endpoint) => endpoint.endpointARN === arn),
    refreshQuickConnects: vi.fn(async () => undefined),
    onMuteToggle: () => () => undefined,
  });
  return { streams, execute: (command: SessionCommand) => executor.execute(command) };
}

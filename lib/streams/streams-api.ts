// The parts of amazon-connect-streams' public API the engine calls, described structurally as the pinned release
// (2.28.2) behaves at run time, so the snapshot mapping and the command executor can be tested with plain fakes.
// Streams' objects are ephemeral views over its latest agent snapshot: read them, copy what is needed, never keep
// them. Its own index.d.ts differs from the runtime in places (segment attributes are `ValueString`, agent
// preferences carry `LANGUAGE`, queues and endpoint fields may be null), which is why these types exist.

/** streams' `{success, failure}` callbacks. `failure` receives the CCP's error: usually a JSON string
 *  `{"type","message",…}`, sometimes a bare string (contact.accept reports `'error'`). */
export interface StreamsCallbacks {
  success?: (data?: unknown) => void;
  failure?: (error?: unknown, data?: unknown) => void;
}

/** Where a call goes: a quick connect (agent, queue, number) or a phone number (`connect.Endpoint`). */
export interface StreamsEndpoint {
  endpointARN?: string | null;
  endpointId?: string | null;
  type: string | null;
  name: string | null;
  phoneNumber: string | null;
  agentLogin?: string | null;
  queue?: string | null;
}

export interface StreamsAgentStateDefinition {
  agentStateARN: string | null;
  name: string;
  type: string;
}

/** The agent's effective state: a selected status, or a system/error state (its ARN is null then). */
export interface StreamsAgentState extends StreamsAgentStateDefinition {
  startTimestamp: Date | null;
}

/** The status the agent selected, which they return to after their contacts. */
export interface StreamsAvailabilityState {
  state: string;
  timeStamp: Date | null;
}

export interface StreamsQueue {
  name: string | null;
  queueARN: string;
}

export interface StreamsAgentConfiguration {
  name: string;
  username: string;
  extension: string | null;
  softphoneEnabled: boolean;
  softphoneAutoAccept: boolean;
  agentPreferences?: { LANGUAGE?: string; locale?: string } | null;
  dialableCountries?: string[] | null;
  agentStates: StreamsAgentStateDefinition[];
  routingProfile?: { defaultOutboundQueue?: StreamsQueue | null; queues?: StreamsQueue[] } | null;
  /** The configuration has more fields; setConfiguration must send them all back. */
  [field: string]: unknown;
}

export interface StreamsConnection {
  getConnectionId(): string;
  getType(): string; // 'agent' | 'inbound' | 'outbound' | 'monitoring'
  getStatus(): { type: string; timestamp: Date | null };
  getEndpoint(): StreamsEndpoint;
  isInitialConnection(): boolean;
  /** Voice connections only. */
  getQuickConnectName?(): string | null;
  /** Voice connections only: the connection's own (server-side) mute flag. */
  isMute?(): boolean;
  /** Chat connections only: the customer's display name (initial connection), the agent's (own connection). */
  getParticipantName?(): string | null;
  /** Chat connections only: the ChatJS session streams created for the agent's connection. */
  getMediaController?(): Promise<unknown>;
  destroy(callbacks?: StreamsCallbacks): void;
  hold(callbacks?: StreamsCallbacks): void;
  resume(callbacks?: StreamsCallbacks): void;
  sendDigits(digits: string, callbacks?: StreamsCallbacks): void;
}

export interface StreamsContact {
  getContactId(): string;
  getInitialContactId(): string | null;
  getType(): string; // 'voice' | 'queue_callback' | 'chat' | 'task' | 'email'
  getStatus(): { type: string; timestamp: Date | null };
  getInitiationMethod(): string | null;
  getQueue(): StreamsQueue | null;
  getAttributes(): Record<string, { name: string; value: string | null } | undefined> | null;
  getSegmentAttributes(): Record<string, { ValueString?: string | null } | undefined> | null;
  getConnections(): StreamsConnection[];
  /** The agent's own connection (type agent or monitoring); undefined on a contact without one. */
  getAgentConnection(): StreamsConnection | null | undefined;
  /** True when a connection carries softphone media info (false: the call rings the agent's desk phone). */
  isSoftphoneCall(): boolean;
  accept(callbacks?: StreamsCallbacks): void;
  reject(callbacks?: StreamsCallbacks): void;
  clear(callbacks: StreamsCallbacks): void;
  addConnection(endpoint: StreamsEndpoint, callbacks?: StreamsCallbacks): void;
  /** Hands the contact to a quick connect (the CCP's transferContact): how chats are transferred. */
  transfer(endpoint: StreamsEndpoint, callbacks?: StreamsCallbacks): void;
  /** The contact center's features for the contact (chat: attachments, Markdown); absent before streams 2.x. */
  getContactFeatures?(): { attachmentsEnabled?: boolean; messagingMarkdownEnabled?: boolean } | null | undefined;
  conferenceConnections(callbacks?: StreamsCallbacks): void;
  toggleActiveConnections(callbacks?: StreamsCallbacks): void;
  /** Task contacts only (streams' task getters and TaskJS-backed commands). */
  getName?(): string | null | undefined;
  getDescription?(): string | null | undefined;
  getReferences?(): Record<string, { type?: string | null; value?: unknown } | null | undefined> | null | undefined;
  getChannelContext?(): { scheduledTime?: number | null; taskTemplateId?: string | null } | null | undefined;
  getRelatedContactId?(): string | null | undefined;
  pause?(callbacks?: StreamsCallbacks): void;
  resume?(callbacks?: StreamsCallbacks): void;
}

export interface StreamsAgent {
  getAgentARN(): string;
  getState(): StreamsAgentState;
  getAvailabilityState(): StreamsAvailabilityState;
  getNextState(): StreamsAgentState | null;
  getAgentStates(): StreamsAgentStateDefinition[];
  getConfiguration(): StreamsAgentConfiguration;
  getContacts(): StreamsContact[];
  setState(state: StreamsAgentStateDefinition, callbacks?: StreamsCallbacks, options?: { enqueueNextState?: boolean }): void;
  setConfiguration(configuration: StreamsAgentConfiguration, callbacks?: StreamsCallbacks): void;
  connect(endpoint: StreamsEndpoint, options?: StreamsCallbacks & { queueARN?: string }): void;
  getAllQueueARNs(): string[];
  getEndpoints(queueARNs: string[], callbacks: { success: (data: { endpoints: StreamsEndpoint[] }) => void; failure?: (error?: unknown) => void }): void;
  /** TaskJS's additions to the agent (absent when TaskJS is not loaded). */
  createTask?(task: object, callbacks?: StreamsCallbacks): void;
  listTaskTemplates?(query: { status: 'ACTIVE' | 'INACTIVE'; maxResults: number }, callbacks?: StreamsCallbacks): void;
  getTaskTemplate?(template: { id: string; version?: string }, callbacks?: StreamsCallbacks): void;
  /** Fire and forget: the CCP's softphone answers with an `agent::mute_toggle` event (and only while it has a call). */
  mute(): void;
  unmute(): void;
}

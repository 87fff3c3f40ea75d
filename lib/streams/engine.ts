// The engine runtime of the offscreen document: runs amazon-connect-streams' initCCP against the instance's CCP,
// reports the connection, the full softphone state (after every streams refresh, coalesced) and log lines to
// the worker, and executes the worker's softphone commands. It keeps nothing but what streams holds, the mute
// flag the CCP reports and the quick connects it fetched.
//
//   connecting ──ACK + first agent update──► ready ──terminated / auth_fail──► needs-sign-in ──ACK + update──► ready
//        │                                                                          │
//        └──ack_timeout (not signed in)──► needs-sign-in     iframe_retries_exhausted ──► failed (the worker recreates us)
import 'amazon-connect-streams';
// After streams: streams' chat media controller creates one ChatJS session per chat contact.
import 'amazon-connect-chatjs';
// After streams: without TaskJS, streams throws on every task contact (its media controller is connect.TaskSession).
import 'amazon-connect-taskjs';
import type { EngineEvent } from '../messaging/protocol';
import type { CommandEnvelope, CommandResult } from '../session/commands';
import type { QuickConnectView } from '../session/snapshot';
import type { ChatJsAgentSession, ChatJsGlobal } from './chat-api';
import { CHAT_COMMAND_TYPES, createChatCommands, type ChatCommand } from './chat-commands';
import { configureChatEndpoint } from './chat-endpoint';
import { ChatSessions } from './chat-sessions';
import { createCommandExecutor, type CommandExecutor } from './command-executor';
import { createInstanceDescriptionReader } from './instance-description';
import { ccpUrlFor } from './instance-urls';
import { mapAgent, mapContacts, mapQuickConnects } from './snapshot-mapping';
import type { StreamsAgent, StreamsContact, StreamsEndpoint } from './streams-api';
import { callStreams } from './streams-call';
import { createWorkspaceEngine } from '../workspace/workspace-engine';
import { createTranscriptEngine } from '../transcript/transcript-engine';

export type EngineConnectionStatus = Extract<EngineEvent, { type: 'connection' }>['status'];
type StatePatch = Extract<EngineEvent, { type: 'state' }>['patch'];

export interface EngineOptions {
  instanceUrl: string;
  /** The instance's AWS region (setting contactCenter.region), given to initCCP when set. */
  region?: string;
  /** Where streams puts the CCP iframe. */
  container: HTMLElement;
  /** Sends an event to the worker (must not throw). */
  report(event: EngineEvent): void;
  /** streams' ccpLoadTimeout: how long the CCP may take to acknowledge, and the interval of its reloads. */
  ccpLoadTimeoutMs?: number;
  /** Deadline of each streams call a command makes. */
  callTimeoutMs?: number;
}

/** A read-only picture of the engine for diagnostics and browser tests. */
export interface EngineStatus {
  instanceUrl: string;
  connection: { status: EngineConnectionStatus; reason: string | null; since: number };
  startedAt: number;
  readyAt: number | null;
  muted: boolean;
  /** The last state reported to the worker. */
  state: StatePatch | null;
  /** Chat contacts the engine holds a transcript for. */
  chats: string[];
  /** The participant-service endpoint ChatJS was pointed at (local contact center), or null (AWS's). */
  chatEndpoint: string | null;
}

export interface Engine {
  readonly instanceUrl: string;
  execute(envelope: CommandEnvelope): Promise<CommandResult>;
  /** Reports the connection and the full state again (the worker restarted). */
  resync(): void;
  status(): EngineStatus;
  /** Stops streams and removes the CCP frame. */
  shutdown(): void;
}

/** CCP events that mean the agent must sign in (again): no ACK in time, the session ended, sign-in failed. */
const SIGN_IN_EVENTS = ['ack_timeout', 'terminated', 'auth_fail'] as const;

/** Agent connection states in which streams keeps a chat's media controller (its CONNECTION_ACTIVE_STATES). */
const ACTIVE_CHAT_STATES = new Set(['connecting', 'connected', 'hold']);

/** How many command ids the engine remembers: the worker resends an unanswered command with the same id. */
const REMEMBERED_COMMANDS = 200;

/** A plain copy of an endpoint: streams' Endpoint objects are not kept. */
function copyEndpoint(endpoint: StreamsEndpoint): StreamsEndpoint {
  return {
    endpointARN: endpoint.endpointARN ?? endpoint.endpointId ?? null,
    type: endpoint.type ?? null,
    name: endpoint.name ?? null,
    phoneNumber: endpoint.phoneNumber ?? null,
    agentLogin: endpoint.agentLogin ?? null,
    queue: endpoint.queue ?? null,
  };
}

export function startEngine(options: EngineOptions): Engine {
  const { instanceUrl, report } = options;
  const startedAt = Date.now();
  let connection: EngineStatus['connection'] = { status: 'connecting', reason: null, since: startedAt };
  let readyAt: number | null = null;
  let muted = false;
  let quickConnectEndpoints: StreamsEndpoint[] = [];
  let quickConnects: QuickConnectView[] = [];
  let lastState: StatePatch | null = null;
  let stateQueued = false;
  let stopped = false;
  const muteListeners = new Set<(muted: boolean) => void>();

  const log = (event: string, data?: Record<string, unknown>) => report({ type: 'log', event, ...(data ? { data } : {}) });
  const chats = new ChatSessions({ report, log });
  const chatCommands = createChatCommands(chats, { callTimeoutMs: options.callTimeoutMs });
  const commandsById = new Map<string, Promise<CommandResult>>();

  /** streams' Agent is a view over its latest snapshot; only meaningful while the CCP is acknowledged. */
  function currentAgent(): StreamsAgent | null {
    if (stopped || connection.status !== 'ready') return null;
    // Our structural types describe streams' runtime objects; its d.ts differs in details (see streams-api.ts).
    return new connect.Agent() as unknown as StreamsAgent;
  }

  function setConnection(status: EngineConnectionStatus, reason: string | null = null): void {
    if (connection.status === status && connection.reason === reason) return;
    connection = { status, reason, since: Date.now() };
    report({ type: 'connection', status, ...(reason ? { reason } : {}) });
    log('connection', { status, ...(reason ? { reason } : {}) });
  }

  function buildState(): StatePatch | null {
    const agent = currentAgent();
    if (!agent) return null;
    const now = Date.now();
    syncChats(agent);
    return { agent: mapAgent(agent, { muted, now }), contacts: mapContacts(agent, now), quickConnects };
  }

  /** Every chat contact with a live agent connection gets its ChatJS session; cleared chats are forgotten. */
  function syncChats(agent: StreamsAgent): void {
    const present = new Set<string>();
    for (const contact of agent.getContacts()) {
      if (contact.getType() !== 'chat') continue;
      const contactId = contact.getContactId();
      present.add(contactId);
      const own = contact.getAgentConnection();
      const state = own?.getStatus().type ?? '';
      if (!own || !ACTIVE_CHAT_STATES.has(state) || !own.getMediaController) continue;
      const getMediaController = own.getMediaController.bind(own);
      chats.track({
        contactId,
        participantId: own.getConnectionId(),
        attachmentsEnabled: contact.getContactFeatures?.()?.attachmentsEnabled === true,
        connected: state !== 'connecting',
        session: () => getMediaController() as Promise<ChatJsAgentSession>,
      });
    }
    chats.retain(present);
  }

  function reportState(): void {
    try {
      const state = buildState();
      if (!state) return;
      lastState = state;
      report({ type: 'state', patch: state });
    } catch (error) {
      log('state-error', { message: error instanceof Error ? error.message : String(error) });
    }
  }

  /** One state report per burst: streams fires refresh and contact events synchronously for one CCP update. */
  function queueState(): void {
    if (stateQueued || stopped) return;
    stateQueued = true;
    queueMicrotask(() => {
      stateQueued = false;
      reportState();
    });
  }

  async function refreshQuickConnects(): Promise<void> {
    const agent = currentAgent();
    if (!agent) return;
    const result = await callStreams<{ endpoints: StreamsEndpoint[] }>(
      'getEndpoints',
      (cb) => agent.getEndpoints(agent.getAllQueueARNs(), cb),
      options.callTimeoutMs ?? 10_000,
    );
    quickConnectEndpoints = (result?.endpoints ?? []).map(copyEndpoint);
    quickConnects = mapQuickConnects(quickConnectEndpoints);
    log('quick-connects', { count: quickConnects.length });
    queueState();
  }

  function fetchQuickConnectsInBackground(): void {
    refreshQuickConnects().catch((error: unknown) =>
      log('quick-connects-failed', { message: error instanceof Error ? error.message : String(error) }),
    );
  }

  function onAgentUpdate(): void {
    if (stopped) return;
    if (connection.status !== 'ready') {
      readyAt ??= Date.now();
      setConnection('ready');
      fetchQuickConnectsInBackground();
    }
    queueState();
  }

  const executor: CommandExecutor = createCommandExecutor(
    {
      agent: currentAgent,
      phoneEndpoint: (e164) => connect.Endpoint.byPhoneNumber(e164) as unknown as StreamsEndpoint,
      quickConnect: (arn) => quickConnectEndpoints.find((endpoint) => endpoint.endpointARN === arn),
      refreshQuickConnects,
      onMuteToggle(listener) {
        muteListeners.add(listener);
        return () => muteListeners.delete(listener);
      },
    },
    { callTimeoutMs: options.callTimeoutMs },
  );

  // One read of the local contact center's instance description for the workspace, knowledge and transcript.
  const instanceDescription = createInstanceDescriptionReader({ instanceUrl, timeoutMs: options.callTimeoutMs });

  const workspace = createWorkspaceEngine({
    instanceUrl,
    container: options.container,
    agentArn: () => currentAgent()?.getAgentARN() ?? null,
    contact: (contactId) => lastState?.contacts?.find((c) => c.id === contactId) ?? null,
    instanceDescription,
    timeoutMs: options.callTimeoutMs,
  });

  // The live transcript (F14): the contacts the worker follows, reported as their segments arrive.
  const transcripts = createTranscriptEngine({
    instanceUrl,
    agentArn: () => currentAgent()?.getAgentARN() ?? null,
    instanceDescription,
    report: (r) => report({ type: 'transcript', ...r }),
    log,
  });

  function subscribeContact(contact: StreamsContact & connect.Contact): void {
    const contactId = contact.getContactId();
    log('contact', { contactId, event: 'init', channel: contact.getType(), initiationMethod: contact.getInitiationMethod() });
    const on = (subscribe: (callback: () => void) => unknown, event: string) =>
      subscribe.call(contact, () => {
        log('contact', { contactId, event });
        queueState();
      });
    on(contact.onIncoming, 'incoming');
    on(contact.onConnecting, 'connecting');
    on(contact.onAccepted, 'accepted');
    on(contact.onConnected, 'connected');
    on(contact.onMissed, 'missed');
    on(contact.onEnded, 'ended');
    on(contact.onACW, 'acw');
    on(contact.onError, 'error');
    on(contact.onDestroy, 'destroyed');
  }

  function subscribeAgent(agent: connect.Agent): void {
    agent.onRefresh(onAgentUpdate);
    agent.onStateChange((change) => log('agent-state', { from: change.oldState, to: change.newState }));
    agent.onEnqueuedNextState(() => log('next-status', { name: agent.getNextState()?.name ?? null }));
    agent.onClearedNextState(() => log('next-status', { name: null }));
    agent.onMuteToggle((event) => {
      muted = Boolean(event?.muted);
      log('mute', { muted });
      for (const listener of [...muteListeners]) listener(muted);
      queueState();
    });
  }

  // Before initCCP, so before the first chat: ChatJS's endpoint override is sticky and its clients are cached.
  const chatEndpoint = configureChatEndpoint(connect.ChatSession as unknown as ChatJsGlobal, instanceUrl, options.region);
  if (chatEndpoint) log('chat-endpoint', { endpoint: chatEndpoint });
  connect.core.initCCP(options.container, {
    ccpUrl: ccpUrlFor(instanceUrl),
    // An offscreen document cannot open windows: the worker opens the instance's login page itself.
    loginPopup: false,
    // The CCP frame owns the softphone media (microphone, WebRTC); this document never starts a SoftphoneManager.
    softphone: { allowFramedSoftphone: true },
    ...(options.ccpLoadTimeoutMs ? { ccpLoadTimeout: options.ccpLoadTimeoutMs } : {}),
    ...(options.region ? { region: options.region } : {}),
  });
  const bus = connect.core.getEventBus();
  for (const event of SIGN_IN_EVENTS) {
    bus.subscribe(event, () => {
      if (!stopped) setConnection('needs-sign-in', event);
    });
  }
  bus.subscribe('access_denied', () => {
    // The instance refuses this origin (for Amazon Connect: the extension is not an approved origin).
    if (!stopped) setConnection('failed', 'access_denied');
  });
  bus.subscribe('iframe_retries_exhausted', () => {
    if (!stopped && connection.status !== 'ready') setConnection('failed', 'iframe_retries_exhausted');
  });
  connect.agent((agent) => {
    subscribeAgent(agent);
    onAgentUpdate();
  });
  connect.contact((contact) => subscribeContact(contact as StreamsContact & connect.Contact));

  report({ type: 'engine-started', instanceUrl });
  report({ type: 'connection', status: 'connecting' });
  log('engine-started', { ccpUrl: ccpUrlFor(instanceUrl) });

  async function executeOnce(envelope: CommandEnvelope): Promise<CommandResult> {
    const started = Date.now();
    const command = envelope.command;
    const result =
      typeof command?.type === 'string' && CHAT_COMMAND_TYPES.has(command.type)
        ? await chatCommands.execute(envelope.id, command as ChatCommand)
        : command?.type === 'workspace'
          ? await workspace.execute(command.request, command.cases, envelope.id)
          : command?.type === 'transcript'
            ? await transcripts.execute(command.request, command.contactLens)
            : await executor.execute(command);
    log('command', {
      id: envelope.id,
      type: envelope.command?.type ?? null,
      ok: result.ok,
      ...(result.ok ? {} : { code: result.error.code, detail: result.error.detail ?? null }),
      ms: Date.now() - started,
    });
    return result;
  }
  return {
    instanceUrl,
    execute(envelope) {
      // The same id again (the worker resent it): the first execution's result, never a second execution.
      const known = commandsById.get(envelope.id);
      if (known) return known;
      const run = executeOnce(envelope);
      commandsById.set(envelope.id, run);
      if (commandsById.size > REMEMBERED_COMMANDS) commandsById.delete(commandsById.keys().next().value as string);
      return run;
    },
    resync() {
      report({ type: 'connection', status: connection.status, ...(connection.reason ? { reason: connection.reason } : {}) });
      reportState();
      chats.resync();
    },
    status() {
      return { instanceUrl, connection: { ...connection }, startedAt, readyAt, muted, state: lastState, chats: chats.contactIds(), chatEndpoint };
    },
    shutdown() {
      if (stopped) return;
      stopped = true;
      try {
        workspace.close();
        transcripts.close();
        connect.core.terminate();
      } finally {
        options.container.replaceChildren();
      }
    },
  };
}

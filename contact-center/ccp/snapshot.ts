// Maps the routing engine's view of one agent to the `agent::update` payload amazon-connect-streams expects
// from the CCP (the CTI snapshot and agent configuration shapes, see shared/docs/ccp-protocol.md §3), plus
// the ARNs that identify statuses, queues, agents and quick connects. Timestamps are encoded as
// `{ $date: ms }`; the CCP page revives them to Date objects, which streams requires.

import type { AgentStatusDef, InstanceConfig, QueueDef, QuickConnectDef } from '../model';
import type { AgentView, ConnectionView, ContactView, TaskContactInfo } from '../routing/views';

export interface WireDate {
  $date: number;
}

const wireDate = (ms: number): WireDate => ({ $date: ms });

export class Arns {
  readonly instance: string;

  constructor(config: Pick<InstanceConfig, 'region' | 'accountId' | 'instanceId'>) {
    this.instance = `arn:aws:connect:${config.region}:${config.accountId}:instance/${config.instanceId}`;
  }

  agent(id: string): string {
    return `${this.instance}/agent/${id}`;
  }
  agentQueue(id: string): string {
    return `${this.instance}/queue/agent/${id}`;
  }
  queue(id: string): string {
    return `${this.instance}/queue/${id}`;
  }
  status(id: string): string {
    return `${this.instance}/agent-state/${id}`;
  }
  routingProfile(id: string): string {
    return `${this.instance}/routing-profile/${id}`;
  }
  quickConnect(id: string): string {
    return `${this.instance}/transfer-destination/${id}`;
  }

  /** The id at the end of one of our ARNs of the given kind, or null. */
  idOf(arn: unknown, kind: 'agent-state' | 'queue' | 'transfer-destination' | 'agent'): string | null {
    if (typeof arn !== 'string') return null;
    const prefix = `${this.instance}/${kind}/`;
    if (!arn.startsWith(prefix)) return null;
    const id = arn.slice(prefix.length);
    return id && !id.includes('/') ? id : null;
  }
}

export function queueRef(arns: Arns, queue: QueueDef) {
  return { name: queue.name, queueARN: arns.queue(queue.id), queueId: arns.queue(queue.id) };
}

function stateRef(arns: Arns, status: AgentStatusDef, since: number | null) {
  return { agentStateARN: arns.status(status.id), name: status.name, type: status.type, startTimestamp: since === null ? null : wireDate(since) };
}

function endpoint(c: ConnectionView) {
  return { endpointARN: null, type: c.endpointType, name: c.name, phoneNumber: c.phoneNumber, agentLogin: null, queue: null };
}

/** The agent's chat participant token for a chat contact (streams hands it to ChatJS from connectionData). */
export type ChatTokenLookup = (contact: ContactView, agentName: string) => string | null;

function chatMediaInfo(view: AgentView, contact: ContactView, own: boolean, chatToken: ChatTokenLookup | undefined) {
  if (contact.channel !== 'chat' || !contact.chat) return null;
  if (!own) return { customerName: contact.chat.customerDisplayName, connectionData: null, chatAutoAccept: false };
  const token = chatToken?.(contact, view.name) ?? null;
  return {
    chatAutoAccept: false,
    connectionData: token === null ? null : JSON.stringify({ ConnectionAuthenticationToken: token }),
    customerName: null,
    agentName: view.name,
  };
}

function connection(arns: Arns, view: AgentView, contact: ContactView, c: ConnectionView, chatToken?: ChatTokenLookup) {
  const own = c.type === 'agent';
  const softphone = own && !contact.deskPhone && contact.channel === 'voice';
  return {
    connectionId: c.connectionId,
    type: c.type,
    initial: c.initial,
    endpoint: own
      ? { endpointARN: arns.agent(view.agentId), type: 'agent', name: view.name, phoneNumber: contact.deskPhone ? view.config.deskPhoneNumber : null, agentLogin: view.username, queue: null }
      : endpoint(c),
    state: { type: contact.state === 'missed' && own ? 'disconnected' : c.state, timestamp: wireDate(c.since) },
    mute: own ? c.muted : false,
    softphoneMediaInfo: softphone
      ? { callType: 'audio_only', autoAccept: view.config.autoAccept, mediaLegContextToken: null, callContextToken: null, callConfigJson: '{}' }
      : null,
    chatMediaInfo: chatMediaInfo(view, contact, own, chatToken),
    monitoringInfo: null,
    quickConnectName: c.quickConnectName,
  };
}

/** A task's references as streams' sample task snapshot has them: `{name: {type, value}}`, DATE (epoch seconds)
 *  and NUMBER values as numbers, the rest as text. */
function taskReferences(task: TaskContactInfo) {
  const references: Record<string, { type: string; value: string | number }> = {};
  for (const [name, reference] of Object.entries(task.references)) {
    const numeric = (reference.type === 'DATE' || reference.type === 'NUMBER') && reference.value.trim() !== '' && Number.isFinite(Number(reference.value));
    references[name] = { type: reference.type, value: numeric ? Number(reference.value) : reference.value };
  }
  return references;
}

/** What a task contact adds to streams' contact data (shared/docs §2.1): its name, description, references, the
 *  channel context (scheduled time in epoch seconds, template) and the contact it follows up. */
function taskParts(task: TaskContactInfo | undefined) {
  if (!task) return { name: null, description: null, references: null, channelContext: null };
  return {
    name: task.name,
    description: task.description,
    references: taskReferences(task),
    channelContext: {
      scheduledTime: task.scheduledTime === null ? null : Math.floor(task.scheduledTime / 1000),
      taskTemplateId: task.templateId,
      taskTemplateVersion: null,
    },
    relatedContactId: task.relatedContactId,
  };
}

/** streams' contact state: a task the agent paused is `paused` (no event of its own; streams sees it on refresh). */
const contactStateOf = (c: ContactView): string => (c.task?.pausedAt !== null && c.task?.pausedAt !== undefined ? 'paused' : c.state);

function contact(arns: Arns, config: InstanceConfig, view: AgentView, c: ContactView, chatToken?: ChatTokenLookup) {
  const queue = c.queueId ? config.queues.find((q) => q.id === c.queueId) : undefined;
  const attributes: Record<string, { name: string; value: string }> = {};
  for (const [name, value] of Object.entries(c.attributes)) attributes[name] = { name, value };
  return {
    contactId: c.contactId,
    initialContactId: c.initialContactId,
    type: c.channel,
    initiationMethod: c.initiationMethod,
    state: { type: contactStateOf(c), timestamp: wireDate(c.task?.pausedAt ?? c.since) },
    queue: queue ? queueRef(arns, queue) : null,
    queueTimestamp: c.enqueuedAt === null ? null : wireDate(c.enqueuedAt),
    attributes,
    ...(c.channel === 'task'
      ? taskParts(c.task)
      : { name: null, description: c.transferredBy ? `Transferred by ${c.transferredBy}` : null, references: null, channelContext: null }),
    contactDuration: '0',
    contactFeatures:
      c.channel === 'chat'
        ? { attachmentsEnabled: true, messagingMarkdownEnabled: true, multiPartyConferenceEnabled: false, screenRecordingConfig: null }
        : { multiPartyConferenceEnabled: false, screenRecordingConfig: null },
    segmentAttributes: c.transferredBy ? { 'connect:TransferredBy': { ValueString: c.transferredBy } } : null,
    connections: c.connections.map((x) => connection(arns, view, c, x, chatToken)),
  };
}

/** The `data` of an `agent::update` message for one agent. */
export function agentUpdate(config: InstanceConfig, arns: Arns, view: AgentView, now: number, chatToken?: ChatTokenLookup) {
  const defaultOutbound = config.queues.find((q) => q.id === config.routingProfiles.find((p) => p.id === view.routingProfileId)?.defaultOutboundQueueId);
  const profile = config.routingProfiles.find((p) => p.id === view.routingProfileId);
  const queues = (profile?.queues ?? [])
    .map((entry) => config.queues.find((q) => q.id === entry.queueId))
    .filter((q): q is QueueDef => q !== undefined)
    .map((q) => queueRef(arns, q));
  queues.push({ name: null as unknown as string, queueARN: arns.agentQueue(view.agentId), queueId: arns.agentQueue(view.agentId) });
  const state =
    view.state.statusId !== null
      ? stateRef(arns, view.status, view.state.since)
      : { agentStateARN: null, name: view.state.name, type: view.state.type, startTimestamp: wireDate(view.state.since) };
  const statuses = [...config.statuses].sort((a, b) => a.sortOrder - b.sortOrder);
  return {
    snapshot: {
      state,
      agentAvailabilityState: { state: view.status.name, timeStamp: wireDate(view.statusSince) },
      nextState: view.nextStatus ? stateRef(arns, view.nextStatus, null) : null,
      snapshotTimestamp: wireDate(now),
      localTimestamp: now,
      skew: 0,
      contacts: view.contacts.map((c) => contact(arns, config, view, c, chatToken)).sort((a, b) => a.state.timestamp.$date - b.state.timestamp.$date),
    },
    configuration: {
      agentARN: arns.agent(view.agentId),
      name: view.name,
      username: view.username,
      extension: view.config.deskPhoneNumber,
      softphoneEnabled: view.config.softphoneEnabled,
      softphoneAutoAccept: view.config.autoAccept,
      agentPreferences: { LANGUAGE: view.config.language },
      routingProfile: {
        name: profile?.name ?? '',
        routingProfileARN: arns.routingProfile(view.routingProfileId),
        routingProfileId: arns.routingProfile(view.routingProfileId),
        defaultOutboundQueue: defaultOutbound ? queueRef(arns, defaultOutbound) : null,
        queues,
        channelConcurrencyMap: {
          VOICE: profile?.concurrency.voice ?? 0,
          CHAT: profile?.concurrency.chat ?? 0,
          TASK: profile?.concurrency.task ?? 0,
        },
      },
      agentStates: statuses.map((s) => stateRef(arns, s, null)),
      permissions: ['outboundCall', 'voiceId', 'transfer'],
      dialableCountries: ['jp', 'us', 'gb', 'au', 'ca', 'de', 'fr', 'sg', 'kr'],
    },
  };
}

/** Quick connects as `getEndpoints` returns them. */
export function endpoints(arns: Arns, config: InstanceConfig, quickConnects: QuickConnectDef[]) {
  return quickConnects.map((qc) => {
    const base = { endpointARN: arns.quickConnect(qc.id), endpointId: arns.quickConnect(qc.id), name: qc.name, phoneNumber: null as string | null, agentLogin: null as string | null, queue: null as string | null };
    if (qc.kind === 'phone') return { ...base, type: 'phone_number', phoneNumber: qc.phoneNumber };
    if (qc.kind === 'agent') return { ...base, type: 'agent', agentLogin: config.agents.find((a) => a.id === qc.agentId)?.username ?? null };
    return { ...base, type: 'queue', queue: arns.queue(qc.queueId) };
  });
}

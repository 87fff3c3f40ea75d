// Read models built from the engine's state: an agent's effective state, what one agent sees of each of
// their contacts (every connection from their point of view), the agent list and a contact's details.

import type { EngineCore } from './engine-core';
import { type Agent, type Contact, type Participant, chatInfo, isDeskPhone, taskInfo, viewState } from './engine-state';
import type { AgentSummary, AgentView, ConnectionView, ContactDetails, ContactView, EffectiveState } from './views';

export function effectiveState(agent: Agent): EffectiveState {
  if (agent.error) return { name: agent.error.name, type: 'error', statusId: null, since: agent.error.since };
  // Chats and tasks leave the agent in their status (Available stays routable); only a call changes it.
  const calls = agent.contacts.filter((c) => c.channel === 'voice');
  const states = calls.map((c) => c.state);
  const since = (pred: (c: Contact) => boolean) => Math.max(...calls.filter(pred).map((c) => c.since));
  if (states.includes('ringing')) return { name: 'PendingBusy', type: 'system', statusId: null, since: since((c) => c.state === 'ringing') };
  if (states.includes('dialing')) return { name: 'CallingCustomer', type: 'system', statusId: null, since: since((c) => c.state === 'dialing') };
  if (states.includes('connected')) return { name: 'Busy', type: 'system', statusId: null, since: since((c) => c.state === 'connected') };
  if (states.includes('acw')) return { name: 'AfterCallWork', type: 'system', statusId: null, since: since((c) => c.state === 'acw') };
  return { name: agent.status.name, type: agent.status.type, statusId: agent.status.id, since: agent.statusSince };
}

export function contactView(core: EngineCore, agent: Agent, contact: Contact): ContactView {
  const connections: ConnectionView[] = [];
  const call = contact.call;
  const own = contact.participant;
  connections.push(connectionView(core, own, 'agent', agent));
  const chat = chatInfo(contact);
  if (chat) {
    // A chat contact is the agent and the customer; other agents' legs belong to their own contacts.
    const customer = call.participants.find((p) => p.kind === 'customer');
    if (customer) connections.push(connectionView(core, customer, 'inbound', agent));
    return { ...baseView(core, agent, contact), connections, chat };
  }
  const task = taskInfo(contact);
  // A task has one connection: the agent's own.
  if (task) return { ...baseView(core, agent, contact), connections, task };
  for (const p of call.participants) {
    if (p === own || p.state === 'disconnected') continue;
    if (p.kind === 'agent' && p.agentId === null && p.queueId === null && p.name === null) continue; // nobody's leg yet
    connections.push(connectionView(core, p, p.kind === 'customer' && call.direction === 'inbound' ? 'inbound' : 'outbound', agent));
  }
  const initial = call.participants.find((p) => p.kind === 'customer');
  if (initial && initial.state === 'disconnected' && contact.state === 'acw') {
    connections.push(connectionView(core, initial, call.direction, agent));
  }
  return { ...baseView(core, agent, contact), connections };
}

function baseView(core: EngineCore, agent: Agent, contact: Contact): Omit<ContactView, 'connections'> {
  return {
    contactId: contact.id,
    initialContactId: contact.record.initialContactId,
    channel: contact.channel,
    initiationMethod: contact.initiationMethod,
    state: viewState(contact),
    since: contact.since,
    queueId: contact.queueId,
    queueName: contact.queueId ? core.queueDef(contact.queueId).name : null,
    enqueuedAt: contact.enqueuedAt,
    attributes: { ...contact.attributes },
    transferredBy: contact.transferredBy ? core.agentName(contact.transferredBy) : null,
    deskPhone: isDeskPhone(agent),
  };
}

function connectionView(core: EngineCore, p: Participant, type: ConnectionView['type'], viewer: Agent): ConnectionView {
  let name = type === 'agent' ? null : p.name;
  let endpointType: ConnectionView['endpointType'] = 'phone_number';
  if (p.kind === 'agent') {
    endpointType = p.agentId ? 'agent' : 'queue';
    if (p.agentId && p.agentId !== viewer.def.id) name = core.agentName(p.agentId);
  }
  return {
    connectionId: p.id,
    type,
    initial: p.initial,
    state: p.state,
    since: p.since,
    phoneNumber: p.phoneNumber,
    name,
    endpointType,
    quickConnectName: p.quickConnectName,
    muted: type === 'agent' ? viewer.muted : false,
  };
}

export function agentView(core: EngineCore, agentId: string): AgentView {
  const agent = core.agent(agentId);
  return {
    agentId,
    username: agent.def.username,
    name: core.agentName(agentId),
    status: agent.status,
    statusSince: agent.statusSince,
    nextStatus: agent.nextStatus,
    state: effectiveState(agent),
    muted: agent.muted,
    config: { ...agent.def.config },
    acwTimeoutSeconds: agent.def.acwTimeoutSeconds,
    routingProfileId: agent.profile.id,
    contacts: [...agent.missed, ...agent.contacts.map((c) => contactView(core, agent, c))],
  };
}

export function agentSummaries(core: EngineCore): AgentSummary[] {
  return [...core.agents.values()].map((agent) => {
    const state = effectiveState(agent);
    return {
      agentId: agent.def.id,
      username: agent.def.username,
      name: core.agentName(agent.def.id),
      status: agent.status.name,
      state: state.name,
      stateType: state.type,
      since: state.since,
      nextStatus: agent.nextStatus?.name ?? null,
      idleSince: agent.available ? agent.idleSince : null,
      contacts: [
        ...agent.missed.map((m) => ({ contactId: m.contactId, state: m.state, channel: m.channel })),
        ...agent.contacts.map((c) => ({ contactId: c.id, state: viewState(c), channel: c.channel })),
      ],
    };
  });
}

export function contactDetails(core: EngineCore, contactId: string): ContactDetails {
  const contact = core.contact(contactId);
  const chat = chatInfo(contact);
  return {
    contactId,
    initialContactId: contact.record.initialContactId,
    channel: contact.channel,
    state: contact.record.state,
    queueId: contact.queueId,
    agentId: contact.agentId,
    participants: contact.call.participants.map((p) => ({
      connectionId: p.id,
      kind: p.kind,
      state: p.state,
      agentId: p.agentId,
      phoneNumber: p.phoneNumber,
    })),
    record: structuredClone(contact.record),
    ...(chat ? { chat } : {}),
    ...(contact.record.task ? { task: taskInfo(contact) } : {}),
  };
}

// How the session snapshot changes: pure functions from one snapshot to the next, for sign-in, sign-out, the
// engine's reports and its loss. Each returns the same object when nothing changes, so the store neither
// saves nor announces a no-op (the engine re-reports identical state often).
import type { EngineEvent } from '../messaging/protocol';
import { keepAudioLostMarks } from './call-audio';
import type { AgentStatusOption, AgentView, ConnectionStatus, ContactView, SessionSnapshot } from './snapshot';

type EngineState = Extract<EngineEvent, { type: 'state' }>['patch'];

/** Statuses in which a session exists (an engine should be running). */
export const hasSession = (snapshot: SessionSnapshot) => snapshot.connection.status !== 'signed-out' && snapshot.instanceUrl !== null;

export function withConnection(snapshot: SessionSnapshot, status: ConnectionStatus, reason: string | null, now: number): SessionSnapshot {
  if (snapshot.connection.status === status && snapshot.connection.reason === reason) return snapshot;
  const since = snapshot.connection.status === status ? snapshot.connection.since : now;
  return { ...snapshot, connection: { status, since, reason } };
}

/** Starting a session on `instanceUrl` (the agent, contacts and quick connects come from the engine). */
export function signingIn(snapshot: SessionSnapshot, instanceUrl: string, now: number): SessionSnapshot {
  const sameInstance = snapshot.instanceUrl === instanceUrl;
  return {
    ...snapshot,
    instanceUrl,
    connection: { status: 'connecting', since: now, reason: null },
    agent: sameInstance ? snapshot.agent : null,
    contacts: sameInstance ? snapshot.contacts : [],
    quickConnects: sameInstance ? snapshot.quickConnects : [],
    pageContexts: sameInstance ? snapshot.pageContexts : {},
    profileChoices: sameInstance ? snapshot.profileChoices : {},
    chatWaitingSince: sameInstance ? snapshot.chatWaitingSince : {},
    updatedAt: now,
  };
}

/** No session; the instance URL is kept so the panel offers it again. */
export function signedOut(snapshot: SessionSnapshot, now: number, reason: string | null = null): SessionSnapshot {
  return {
    ...snapshot,
    connection: { status: 'signed-out', since: now, reason },
    agent: null,
    contacts: [],
    quickConnects: [],
    pageContexts: {},
    profileChoices: {},
    chatWaitingSince: {},
    updatedAt: now,
  };
}

/** `byContact` without the entries of contacts no longer in `contacts` (the same object when none is dropped). */
function forContacts<T>(byContact: Record<string, T>, contacts: readonly ContactView[]): Record<string, T> {
  const ids = new Set(contacts.map((contact) => contact.id));
  const kept = Object.entries(byContact).filter(([id]) => ids.has(id));
  return kept.length === Object.keys(byContact).length ? byContact : Object.fromEntries(kept);
}

/** The engine's full softphone state replaces the agent, contacts and quick connects; what the worker keeps
 *  about contacts (page contexts, profile choices, lost call audio) goes with the contacts that are gone. */
export function withEngineState(snapshot: SessionSnapshot, state: EngineState, now: number): SessionSnapshot {
  const contacts = keepAudioLostMarks(snapshot.contacts, state.contacts);
  const same =
    JSON.stringify(snapshot.agent) === JSON.stringify(state.agent) &&
    JSON.stringify(snapshot.contacts) === JSON.stringify(contacts) &&
    JSON.stringify(snapshot.quickConnects) === JSON.stringify(state.quickConnects);
  if (same) return snapshot;
  return {
    ...snapshot,
    agent: state.agent,
    contacts,
    quickConnects: state.quickConnects,
    pageContexts: forContacts(snapshot.pageContexts, contacts),
    profileChoices: forContacts(snapshot.profileChoices, contacts),
    // A snapshot stored before this field existed has none.
    chatWaitingSince: forContacts(snapshot.chatWaitingSince ?? {}, contacts),
    updatedAt: now,
  };
}

/** The chat `contactId`'s customer has waited since `since` (null: the agent answered); the same snapshot when
 *  nothing changes or the contact is not in the session. */
export function withChatWaitingSince(snapshot: SessionSnapshot, contactId: string, since: number | null): SessionSnapshot {
  const waiting = snapshot.chatWaitingSince ?? {};
  if ((waiting[contactId] ?? null) === since) return snapshot;
  if (!hasSession(snapshot) || !snapshot.contacts.some((contact) => contact.id === contactId)) return snapshot;
  const { [contactId]: _before, ...others } = waiting;
  return { ...snapshot, chatWaitingSince: since === null ? others : { ...others, [contactId]: since } };
}

/** A contact offered to the agent and not yet accepted: what rings. Streams reports an inbound call offer as
 *  'connecting' with the agent's own leg connecting (callbacks and chats as 'incoming'); an outbound call the
 *  agent placed is 'connecting' too, but with the agent's leg already connected, and it does not ring. */
export function isRinging(contact: ContactView): boolean {
  if (contact.state === 'incoming') return true;
  if (contact.state !== 'connecting') return false;
  const method = contact.initiationMethod.toLowerCase();
  if (method === 'outbound' || method === 'external_outbound') return false;
  const agentLeg = contact.connections.find((connection) => connection.role === 'agent');
  return agentLeg === undefined || agentLeg.state === 'connecting' || agentLeg.state === 'init';
}

export const ringingContacts = (snapshot: SessionSnapshot) => snapshot.contacts.filter(isRinging);

/** The status of `agent`'s own choosing is not routable (or offline): no contact can reach them. */
export function isAgentUnroutable(agent: AgentView): boolean {
  const chosen = agent.statuses.find((status) => status.name === agent.availability.name);
  return chosen !== undefined && chosen.type !== 'routable';
}

/** The status to ask for when the engine was lost: the named one if the instance has it and it is not
 *  routable, else the first not-routable status, else the offline one. */
export function chooseUnroutableStatus(agent: AgentView, preferredName: string): AgentStatusOption | null {
  const unroutable = agent.statuses.filter((status) => status.type !== 'routable');
  const wanted = preferredName.trim().toLowerCase();
  if (wanted) {
    const named = unroutable.find((status) => status.name.toLowerCase() === wanted);
    if (named) return named;
  }
  return unroutable.find((status) => status.type === 'not_routable') ?? unroutable.find((status) => status.type === 'offline') ?? null;
}

/** The agent missed a contact (streams' MissedCallAgent state, or a contact in state 'missed'). */
export const hasMissedContact = (snapshot: SessionSnapshot) =>
  snapshot.agent?.state.name === 'MissedCallAgent' || snapshot.contacts.some((contact) => contact.state === 'missed');

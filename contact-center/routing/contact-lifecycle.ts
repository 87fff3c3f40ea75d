// How connections and contacts end, for every channel: a participant's state changes, hanging up one
// participant (the conversation ends when fewer than two remain), a contact's agent leg ending (queued and
// ringing contacts just end, connected ones go to After Contact Work) and closing ACW.

import type { DisconnectReason } from '../model';
import type { EngineCore } from './engine-core';
import { type Call, type Contact, type Participant, lastOffer } from './engine-state';
import type { ConnectionState } from './views';

export function setParticipantState(
  core: EngineCore,
  call: Call,
  p: Participant,
  state: ConnectionState,
  reason: DisconnectReason | null = null,
): void {
  if (p.state === state) return;
  const now = core.clock.now();
  const was = p.state;
  p.state = state;
  p.since = now;
  if (p.kind === 'customer') {
    for (const contact of core.callContacts(call)) {
      if (contact.state !== 'connected') continue;
      if (state === 'hold') {
        contact.record.holdCount++;
        contact.customerHoldSince = now;
      } else if (was === 'hold' && contact.customerHoldSince !== null) {
        contact.record.holdDurationMs += now - contact.customerHoldSince;
        contact.customerHoldSince = null;
      }
    }
  }
  for (const listener of core.participantListeners) listener(call, p, was, reason);
  core.touchCall(call);
}

/** Hangs up one participant, then ends the conversation if fewer than two parties remain. */
export function disconnect(core: EngineCore, call: Call, p: Participant, reason: DisconnectReason): void {
  if (p.state === 'disconnected') return;
  setParticipantState(core, call, p, 'disconnected', reason);
  if (p.farEndTimer !== null) {
    core.clock.clearTimer(p.farEndTimer);
    p.farEndTimer = null;
  }
  if (p.contactId) {
    const contact = core.contacts.get(p.contactId);
    if (contact) {
      const thirdPartiesLeft = call.participants.filter((x) => x !== p && x.state !== 'disconnected' && x.kind !== 'customer');
      const leftAfterTransfer =
        reason === 'agent_disconnect' && thirdPartiesLeft.length > 0 && call.participants.some((x) => x.kind === 'customer' && x.state !== 'disconnected');
      endContactLeg(core, contact, leftAfterTransfer ? 'transferred' : reason);
      // The agent who leaves hands the call over: whoever they held now talks to the third party.
      if (leftAfterTransfer) for (const x of call.participants) if (x.state === 'hold') setParticipantState(core, call, x, 'connected');
    }
  }
  const remaining = call.participants.filter((x) => x.state !== 'disconnected');
  if (remaining.length < 2) {
    const why: DisconnectReason = p.kind === 'customer' ? 'customer_disconnect' : reason;
    for (const x of remaining) disconnect(core, call, x, why);
  }
}

/** A contact's agent leg ended: queued or ringing contacts just end, connected ones go to ACW. */
function endContactLeg(core: EngineCore, contact: Contact, reason: DisconnectReason): void {
  const now = core.clock.now();
  if (contact.record.disconnectReason === null) contact.record.disconnectReason = reason;
  if (reason === 'transferred') {
    const open = contact.record.transfers.filter((t) => !t.completed);
    const last = open[open.length - 1];
    if (last) last.completed = true;
    const next = core.callContacts(contact.call).find((c) => c !== contact && c.record.previousContactId === contact.id);
    if (next) contact.record.nextContactId = next.id;
  }
  if (contact.state === 'queued' || contact.state === 'ringing') {
    if (contact.offerTimer !== null) core.clock.clearTimer(contact.offerTimer);
    contact.offerTimer = null;
    if (contact.queuedIn) {
      contact.queuedIn.remove(contact);
      core.waiting--;
    }
    if (contact.agentId) {
      const agent = core.agent(contact.agentId);
      const offer = lastOffer(contact.record, agent.def.id);
      if (offer && offer.outcome === 'pending') {
        offer.outcome = 'missed';
        offer.endedAt = now;
        contact.record.ringDurationMs += now - offer.offeredAt;
      }
      core.detachFromAgent(contact, agent);
      core.touchAgent(agent);
    }
    if (contact.enqueuedAt !== null) contact.record.queueDurationMs = now - contact.enqueuedAt - contact.record.ringDurationMs;
    contact.state = 'ended';
    contact.record.state = 'ended';
    contact.record.disconnectedAt = now;
    core.dirtyRecords.set(contact.id, contact.record);
    return;
  }
  if (contact.state === 'acw' || contact.state === 'ended') return;
  closeRecord(core, contact, now);
  contact.state = 'acw';
  contact.since = now;
  contact.record.state = 'acw';
  const agent = core.agent(contact.agentId ?? '');
  const offer = lastOffer(contact.record, agent.def.id);
  if (offer) offer.acwStartedAt = now;
  if (agent.def.acwTimeoutSeconds > 0) {
    contact.acwTimer = core.clock.setTimer(() => core.mutate(() => finishAcw(core, contact)), agent.def.acwTimeoutSeconds * 1000);
  }
  core.touchContact(contact);
}

/** Close contact (by the agent or the ACW timeout): the agent returns to their status or next status. */
export function finishAcw(core: EngineCore, contact: Contact): void {
  if (contact.acwTimer !== null) core.clock.clearTimer(contact.acwTimer);
  contact.acwTimer = null;
  if (contact.state !== 'acw' || !contact.agentId) return;
  const now = core.clock.now();
  const agent = core.agent(contact.agentId);
  closeAcwRecord(contact, now);
  contact.state = 'ended';
  contact.record.state = 'ended';
  core.dirtyRecords.set(contact.id, contact.record);
  core.detachFromAgent(contact, agent);
  if (agent.contacts.length === 0 && agent.nextStatus) core.applyStatus(agent, agent.nextStatus);
  core.touchAgent(agent);
  core.dispatchNeeded = true;
}

export function closeRecord(core: EngineCore, contact: Contact, now: number): void {
  const r = contact.record;
  if (r.disconnectedAt === null) r.disconnectedAt = now;
  if (contact.customerHoldSince !== null) {
    r.holdDurationMs += now - contact.customerHoldSince;
    contact.customerHoldSince = null;
  }
  const offer = contact.agentId ? lastOffer(r, contact.agentId) : undefined;
  if (offer && offer.connectedAt !== null && offer.endedAt === null) offer.endedAt = now;
  if (r.connectedToAgentAt !== null) r.talkDurationMs = Math.max(0, now - r.connectedToAgentAt - r.holdDurationMs);
  else if (contact.enqueuedAt !== null && r.state === 'queued') r.queueDurationMs = now - contact.enqueuedAt - r.ringDurationMs;
  if (contact.offerTimer !== null) core.clock.clearTimer(contact.offerTimer);
  contact.offerTimer = null;
  core.dirtyRecords.set(contact.id, r);
}

export function closeAcwRecord(contact: Contact, now: number): void {
  const offer = contact.agentId ? lastOffer(contact.record, contact.agentId) : undefined;
  if (offer && offer.acwStartedAt !== null) {
    offer.acwEndedAt = now;
    contact.record.acwDurationMs = now - offer.acwStartedAt;
  }
}

export function cancelTimers(core: EngineCore, contact: Contact): void {
  for (const t of [contact.offerTimer, contact.acwTimer]) if (t !== null) core.clock.clearTimer(t);
  contact.offerTimer = null;
  contact.acwTimer = null;
}

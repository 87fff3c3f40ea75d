// Routing decisions and offers, for every channel: which waiting contact goes to which available agent
// (longest idle, queue priority and delay, per-channel concurrency and cross-channel behaviour), then
// ringing, accepting, missing or rejecting the offer (a contact that comes back goes to the front).

import { CHANNELS } from '../model';
import { contactView } from './agent-views';
import type { EngineCore } from './engine-core';
import { type Agent, type Contact, hasCapacity, lastOffer, newRecordAgent } from './engine-state';
import { disconnect, setParticipantState } from './contact-lifecycle';

/** Matches waiting contacts with available agents until no match is possible. */
export function dispatch(core: EngineCore): void {
  core.dispatchNeeded = false;
  for (let guard = 0; guard < 100_000; guard++) {
    const match = nextMatch(core);
    if (!match) return;
    offer(core, match.contact, match.agent);
  }
}

/** The longest-idle available agent that can take a waiting contact, with that contact: for each channel
 *  the agent has room for, the agent's own queue first, then their routing profile's queues serving that
 *  channel by priority (and delay); across channels and queues, the lowest priority number, then the oldest. */
function nextMatch(core: EngineCore): { agent: Agent; contact: Contact } | null {
  if (core.waiting === 0) return null;
  const now = core.clock.now();
  let earliestDelay = Infinity;
  let fallback: { agent: Agent; contact: Contact } | null = null;
  for (const agent of core.availableAgents) {
    let best: Contact | null = null;
    let bestPriority = Infinity;
    const own = core.agentQueues.get(agent.def.id);
    for (const channel of CHANNELS) {
      const ownHead = own?.[channel].size ? own[channel].peek() : undefined;
      if (!ownHead && !agent.profileChannels.has(channel)) continue;
      if (!hasCapacity(agent, channel)) continue;
      if (ownHead) {
        if (best === null || bestPriority > -Infinity || (ownHead.enqueuedAt ?? 0) < (best.enqueuedAt ?? 0)) {
          best = ownHead;
          bestPriority = -Infinity;
        }
        continue;
      }
      for (const entry of agent.profile.queues) {
        if (!entry.channels.includes(channel)) continue;
        const head = core.queues.get(entry.queueId)?.[channel].peek();
        if (!head) continue;
        const readyAt = (head.enqueuedAt ?? now) + entry.delaySeconds * 1000;
        if (readyAt > now) {
          earliestDelay = Math.min(earliestDelay, readyAt);
          continue;
        }
        if (best === null || entry.priority < bestPriority || (entry.priority === bestPriority && (head.enqueuedAt ?? 0) < (best.enqueuedAt ?? 0))) {
          best = head;
          bestPriority = entry.priority;
        }
      }
    }
    if (!best) continue;
    // An agent who declined this contact gets it again only if nobody else can take it.
    if (best.declinedBy.has(agent.def.id)) {
      fallback ??= { agent, contact: best };
      continue;
    }
    return { agent, contact: best };
  }
  if (earliestDelay !== Infinity) armDelayTimer(core, earliestDelay);
  return fallback;
}

function armDelayTimer(core: EngineCore, at: number): void {
  if (core.delayTimers.has(at)) return;
  const id = core.clock.setTimer(() => {
    core.delayTimers.delete(at);
    core.mutate(() => {
      core.dispatchNeeded = true;
    });
  }, at - core.clock.now());
  core.delayTimers.set(at, id);
}

function offer(core: EngineCore, contact: Contact, agent: Agent): void {
  const now = core.clock.now();
  if (contact.queuedIn) {
    contact.queuedIn.take(contact);
    core.waiting--;
  }
  contact.state = 'ringing';
  contact.since = now;
  contact.agentId = agent.def.id;
  contact.participant.agentId = agent.def.id;
  contact.participant.state = 'connecting';
  contact.participant.since = now;
  contact.record.state = 'ringing';
  contact.record.agents.push(newRecordAgent(agent.def.id, now));
  agent.contacts.push(contact);
  core.refreshAvailability(agent);
  core.markBusyNow(agent);
  // The agent's auto-accept setting is the softphone's: chats ring until accepted.
  if (agent.def.config.autoAccept && contact.channel === 'voice') {
    connectAgent(core, contact);
    return;
  }
  const timeoutMs = contact.channel === 'voice' ? core.offerTimeoutMs : contact.channel === 'chat' ? core.chatOfferTimeoutMs : core.taskOfferTimeoutMs;
  contact.offerTimer = core.clock.setTimer(() => core.mutate(() => missOffer(core, contact)), timeoutMs);
  core.touchContact(contact);
}

function missOffer(core: EngineCore, contact: Contact): void {
  contact.offerTimer = null;
  if (contact.state !== 'ringing' || !contact.agentId) return;
  const agent = core.agent(contact.agentId);
  agent.missed.push({ ...contactView(core, agent, contact), state: 'missed', since: core.clock.now() });
  agent.error = { name: 'MissedCallAgent', since: core.clock.now() };
  withdrawOffer(core, contact, 'missed');
}

/** Takes a ringing contact back from its agent (missed or rejected) and puts it at the front of its queue. */
export function withdrawOffer(core: EngineCore, contact: Contact, outcome: 'missed' | 'rejected'): void {
  const agent = core.agent(contact.agentId ?? '');
  const now = core.clock.now();
  if (contact.offerTimer !== null) core.clock.clearTimer(contact.offerTimer);
  contact.offerTimer = null;
  const last = lastOffer(contact.record, agent.def.id);
  if (last) {
    last.outcome = outcome;
    last.endedAt = now;
    contact.record.ringDurationMs += now - last.offeredAt;
  }
  contact.declinedBy.add(agent.def.id);
  core.detachFromAgent(contact, agent);
  contact.agentId = null;
  contact.participant.agentId = null;
  core.touchAgent(agent);
  if (contact.agentQueueOf && contact.channel === 'voice') {
    // A call transferred to one named agent has nobody else to go to: it fails back to the transferring
    // agent. A chat's transferring agent has already left: it waits in the agent's queue.
    disconnect(core, contact.call, contact.participant, 'third_party_disconnect');
    return;
  }
  core.enqueue(contact, true);
  core.touchCall(contact.call);
}

export function connectAgent(core: EngineCore, contact: Contact): void {
  const now = core.clock.now();
  const agent = core.agent(contact.agentId ?? '');
  if (contact.offerTimer !== null) core.clock.clearTimer(contact.offerTimer);
  contact.offerTimer = null;
  const last = lastOffer(contact.record, agent.def.id);
  if (last) {
    last.outcome = 'accepted';
    last.connectedAt = now;
    contact.record.ringDurationMs += now - last.offeredAt;
  }
  contact.state = 'connected';
  contact.since = now;
  contact.record.state = 'connected';
  contact.record.agentId = agent.def.id;
  contact.record.connectedToAgentAt = now;
  contact.record.dequeuedAt = now;
  if (contact.enqueuedAt !== null) contact.record.queueDurationMs = now - contact.enqueuedAt - contact.record.ringDurationMs;
  setParticipantState(core, contact.call, contact.participant, 'connected');
  // A transferred-in agent hears the customer only once the transferring agent resumes, joins or leaves.
  core.touchCall(contact.call);
}

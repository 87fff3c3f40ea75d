// Chat behaviour of the routing engine, as Amazon Connect routes chats: StartChatContact's contact with its
// customer participant, the chat's duration, the customer leaving, transfers through quick connects (a new
// contact with the same InitialContactId) and the events a chat layer turns into chat items.

import type { ChatRecordDetails, DisconnectReason } from '../model';
import { disconnect } from './contact-lifecycle';
import type { ChatEngineEvent, EngineCore } from './engine-core';
import { type Call, type Contact, type Participant, validateAttributes } from './engine-state';
import { invalidParameter, invalidState, notFound } from './errors';
import type { ConnectionState } from './views';

/** Amazon Connect's ChatDurationInMinutes: 60 to 10,080 (7 days), 1,500 (25 hours) by default. */
export const CHAT_DURATION_MINUTES = { min: 60, max: 10_080, default: 1_500 };

export interface StartChatInput {
  displayName: string;
  queueId: string;
  attributes?: Record<string, string>;
  /** Checked here (1 to 1,024 characters, as StartChatContact); the chat layer posts it to the transcript. */
  initialMessage?: string;
  chatDurationMinutes?: number;
}

export interface StartedChat {
  contactId: string;
  initialContactId: string;
  customerParticipantId: string;
}

export class ChatChannel {
  constructor(private readonly core: EngineCore) {
    core.participantListeners.push((call, p, was, reason) => this.participantChanged(call, p, was, reason));
  }

  startChat(input: StartChatInput): StartedChat {
    const core = this.core;
    return core.mutate(() => {
      const displayName = typeof input.displayName === 'string' ? input.displayName.trim() : '';
      if (displayName.length === 0 || displayName.length > 256) throw invalidParameter('the display name must be 1 to 256 characters');
      if (!core.queues.has(input.queueId)) throw notFound('Queue', String(input.queueId));
      if (input.initialMessage !== undefined && (typeof input.initialMessage !== 'string' || input.initialMessage.length < 1 || input.initialMessage.length > 1024)) {
        throw invalidParameter('the initial message must be 1 to 1024 characters');
      }
      const minutes = input.chatDurationMinutes ?? CHAT_DURATION_MINUTES.default;
      if (!Number.isInteger(minutes) || minutes < CHAT_DURATION_MINUTES.min || minutes > CHAT_DURATION_MINUTES.max) {
        throw invalidParameter(`the chat duration must be a whole number of minutes from ${CHAT_DURATION_MINUTES.min} to ${CHAT_DURATION_MINUTES.max}`);
      }
      const attributes = validateAttributes(input.attributes);
      const now = core.clock.now();
      const call: Call = { id: core.newId(), channel: 'chat', direction: 'inbound', participants: [] };
      const customer = core.newParticipant({ kind: 'customer', state: 'connected', initial: true });
      customer.name = displayName;
      call.participants.push(customer);
      const contact = core.newContact(call, { initiationMethod: 'api', queueId: input.queueId, attributes, customerEndpoint: null, systemEndpoint: null });
      contact.record.enqueuedAt = now;
      contact.record.chat = {
        customerDisplayName: displayName,
        customerParticipantId: customer.id,
        durationMinutes: minutes,
        expiresAt: now + minutes * 60_000,
        agentFirstResponseAt: null,
        agentFirstResponseMs: null,
      };
      call.expiryTimer = core.clock.setTimer(() => core.mutate(() => this.expire(call)), minutes * 60_000);
      core.enqueue(contact, false);
      return { contactId: contact.id, initialContactId: contact.id, customerParticipantId: customer.id };
    });
  }

  /** The customer left (DisconnectParticipant): the agent's contact goes to After Contact Work; a chat still
   *  waiting in its queue just ends. Any contact id of the chat will do. */
  customerDisconnectChat(contactId: string): void {
    this.core.mutate(() => {
      const contact = this.chatContact(this.core.contact(contactId));
      const customer = contact.call.participants.find((p) => p.kind === 'customer');
      if (!customer || customer.state === 'disconnected') throw invalidState(`chat ${contactId} has already ended`);
      disconnect(this.core, contact.call, customer, 'customer_disconnect');
    });
  }

  /** A chat timer disconnected the agent for idleness (the customer's or the agent's). With no disconnect flow here
   *  the chat then ends, as in Connect without one: the agent's contact goes to After Contact Work with reason
   *  `idle_disconnect`. Only a connected chat can be. */
  idleDisconnectChat(contactId: string): void {
    this.core.mutate(() => {
      const contact = this.chatContact(this.core.contact(contactId));
      if (contact.state !== 'connected') throw invalidState(`chat ${contactId} is not connected to an agent`);
      disconnect(this.core, contact.call, contact.participant, 'idle_disconnect');
    });
  }

  /** Transfers a connected chat through a queue or agent quick connect: a new contact (same InitialContactId,
   *  PreviousContactId = this one) waits in that queue or the agent's own queue, and this one goes to After
   *  Contact Work. Returns the new contact's id. */
  transferChat(agentId: string, contactId: string, quickConnectId: string): string {
    const core = this.core;
    return core.mutate(() => {
      const contact = this.chatContact(core.agentContact(agentId, contactId));
      if (contact.state !== 'connected') throw invalidState('only a connected chat can be transferred');
      const qc = core.quickConnect(quickConnectId);
      if (qc.kind === 'phone') throw invalidParameter('a chat cannot be transferred to a phone number');
      if (qc.kind === 'agent') {
        if (qc.agentId === agentId) throw invalidParameter('an agent cannot transfer a chat to themselves');
        core.agent(qc.agentId);
      }
      const now = core.clock.now();
      const next = core.newContact(contact.call, {
        initiationMethod: 'transfer',
        queueId: qc.kind === 'queue' ? qc.queueId : null,
        attributes: { ...contact.attributes },
        customerEndpoint: null,
        systemEndpoint: null,
      });
      next.agentQueueOf = qc.kind === 'agent' ? qc.agentId : null;
      next.transferredBy = agentId;
      next.record.initialContactId = contact.record.initialContactId;
      next.record.previousContactId = contact.id;
      next.record.enqueuedAt = now;
      next.record.chat = { ...(contact.record.chat as ChatRecordDetails), agentFirstResponseAt: null, agentFirstResponseMs: null };
      next.participant.name = qc.kind === 'queue' ? core.queueDef(qc.queueId).name : core.agentName(qc.agentId);
      next.participant.quickConnectName = qc.name;
      next.participant.queueId = qc.kind === 'queue' ? qc.queueId : null;
      contact.record.transfers.push({ at: now, to: qc.kind === 'queue' ? qc.queueId : qc.agentId, kind: qc.kind, completed: false });
      core.enqueue(next, false);
      core.chatEvents.push({ type: 'transferred', fromContactId: contact.id, toContactId: next.id, initialContactId: contact.record.initialContactId, byAgentId: agentId });
      // The transferring agent leaves while the customer stays: the contact ends as transferred, to ACW.
      disconnect(core, contact.call, contact.participant, 'agent_disconnect');
      return next.id;
    });
  }

  /** The chat layer saw the handling agent send a message: the first one sets the first response time. */
  noteAgentMessage(contactId: string, at: number): void {
    this.core.mutate(() => {
      const contact = this.chatContact(this.core.contact(contactId));
      const chat = contact.record.chat as ChatRecordDetails;
      if (chat.agentFirstResponseAt !== null || contact.record.connectedToAgentAt === null) return;
      chat.agentFirstResponseAt = at;
      chat.agentFirstResponseMs = Math.max(0, at - contact.record.connectedToAgentAt);
      this.core.touchContact(contact);
    });
  }

  /** The chat reached its duration: it ends for everyone with reason `expired`. */
  private expire(call: Call): void {
    call.expiryTimer = null;
    const customer = call.participants.find((p) => p.kind === 'customer');
    if (!customer || customer.state === 'disconnected') return;
    for (const contact of this.core.callContacts(call)) {
      if (contact.state !== 'ended' && contact.state !== 'acw' && contact.record.disconnectReason === null) contact.record.disconnectReason = 'expired';
    }
    disconnect(this.core, call, customer, 'expired');
  }

  private participantChanged(call: Call, p: Participant, was: ConnectionState, reason: DisconnectReason | null): void {
    if (call.channel !== 'chat') return;
    if (p.kind === 'customer' && p.state === 'disconnected') {
      if (call.expiryTimer) this.core.clock.clearTimer(call.expiryTimer);
      call.expiryTimer = null;
      const current = this.core.callContacts(call).at(-1);
      if (current) {
        this.core.chatEvents.push({
          type: 'ended',
          contactId: current.id,
          initialContactId: current.record.initialContactId,
          reason: reason ?? 'customer_disconnect',
        });
      }
      return;
    }
    if (p.kind !== 'agent' || !p.agentId || !p.contactId) return;
    const contact = this.core.contacts.get(p.contactId);
    if (!contact) return;
    const joined = p.state === 'connected' && was === 'connecting';
    const left = p.state === 'disconnected' && (was === 'connected' || was === 'hold');
    if (!joined && !left) return;
    const event: ChatEngineEvent = {
      type: joined ? 'agent-joined' : 'agent-left',
      contactId: contact.id,
      initialContactId: contact.record.initialContactId,
      agentId: p.agentId,
      participantId: p.id,
      displayName: this.core.agentName(p.agentId),
    };
    this.core.chatEvents.push(event);
  }

  private chatContact(contact: Contact): Contact {
    if (contact.channel !== 'chat' || !contact.record.chat) throw invalidParameter(`contact ${contact.id} is not a chat`);
    return contact;
  }
}

// Voice behaviour of the routing engine: inbound and outbound calls, hold and resume, DTMF, external numbers
// that answer, are busy or never answer, the desk phone, and consult/conference/swap with quick connects.

import type { DisconnectReason, FarEndBehaviour } from '../model';
import { disconnect, setParticipantState } from './contact-lifecycle';
import type { EngineCore, EngineOptions } from './engine-core';
import { type Agent, type Call, type Contact, E164, type Participant, isDeskPhone, lastOffer, newRecordAgent, validateAttributes } from './engine-state';
import { invalidParameter, invalidState, notFound } from './errors';
import { connectAgent } from './offers';
import type { DeskPhoneView } from './views';

const DTMF = /^[0-9*#,]{1,64}$/;

export class VoiceChannel {
  private readonly farEndAnswerMs: number;
  private readonly farEndBusyMs: number;
  private readonly farEndNoAnswerMs: number;

  constructor(
    private readonly core: EngineCore,
    options: EngineOptions,
  ) {
    this.farEndAnswerMs = options.farEndAnswerMs ?? 2_000;
    this.farEndBusyMs = options.farEndBusyMs ?? 1_000;
    this.farEndNoAnswerMs = options.farEndNoAnswerMs ?? 30_000;
  }

  startInboundCall(input: { from: string; queueId?: string; attributes?: Record<string, string> }): string {
    const core = this.core;
    return core.mutate(() => {
      if (!E164.test(input.from)) throw invalidParameter(`caller number ${input.from} is not in E.164 format (+81312345678)`);
      const queueId = input.queueId ?? core.config.queues[0]?.id;
      if (!queueId || !core.queues.has(queueId)) throw notFound('Queue', String(input.queueId));
      const attributes = validateAttributes(input.attributes);
      const now = core.clock.now();
      const call: Call = { id: core.newId(), channel: 'voice', direction: 'inbound', participants: [] };
      call.participants.push(core.newParticipant({ kind: 'customer', state: 'connected', initial: true, phoneNumber: input.from }));
      const contact = core.newContact(call, {
        initiationMethod: 'inbound',
        queueId,
        attributes,
        customerEndpoint: input.from,
        systemEndpoint: core.queueDef(queueId).outboundCallerId,
      });
      contact.record.enqueuedAt = now;
      core.enqueue(contact, false);
      return contact.id;
    });
  }

  customerHangUp(contactId: string): void {
    this.core.mutate(() => {
      const contact = this.core.contact(contactId);
      const customer = contact.call.participants.find((p) => p.kind === 'customer');
      if (!customer || customer.state === 'disconnected') throw invalidState(`the customer of contact ${contactId} has already hung up`);
      disconnect(this.core, contact.call, customer, 'customer_disconnect');
    });
  }

  startOutboundCall(agentId: string, input: { phoneNumber: string; queueId?: string; attributes?: Record<string, string> }): string {
    const core = this.core;
    return core.mutate(() => {
      const agent = core.agent(agentId);
      if (!E164.test(input.phoneNumber)) throw invalidParameter(`${input.phoneNumber} is not a valid phone number in E.164 format (+81312345678)`);
      if (agent.contacts.some((c) => c.channel === 'voice')) throw invalidState('the agent is already on a call');
      const queueId = input.queueId ?? agent.profile.defaultOutboundQueueId;
      const queue = core.queueDef(queueId);
      const attributes = validateAttributes(input.attributes);
      const call: Call = { id: core.newId(), channel: 'voice', direction: 'outbound', participants: [] };
      const contact = core.newContact(call, {
        initiationMethod: 'outbound',
        queueId,
        attributes,
        customerEndpoint: input.phoneNumber,
        systemEndpoint: queue.outboundCallerId,
      });
      const now = core.clock.now();
      contact.agentId = agentId;
      contact.participant.agentId = agentId;
      contact.state = 'dialing';
      contact.since = now;
      contact.record.state = 'ringing';
      contact.record.agentId = agentId;
      contact.record.agents.push(newRecordAgent(agentId, now));
      agent.contacts.push(contact);
      core.refreshAvailability(agent);
      const customer = core.newParticipant({ kind: 'customer', state: 'connecting', initial: true, phoneNumber: input.phoneNumber });
      customer.name = this.directoryName(input.phoneNumber);
      call.participants.push(customer);
      if (isDeskPhone(agent)) {
        // The desk phone rings first; the customer is dialed once the agent picks it up.
        contact.participant.state = 'connecting';
      } else {
        contact.participant.state = 'connected';
        this.dialFarEnd(call, customer, contact);
      }
      core.touchContact(contact);
      return contact.id;
    });
  }

  holdConnection(agentId: string, contactId: string, connectionId: string): void {
    this.core.mutate(() => {
      const contact = this.core.agentContact(agentId, contactId);
      const p = this.core.otherParticipant(contact, connectionId);
      if (p.state !== 'connected') throw invalidState(`connection ${connectionId} is not connected`);
      setParticipantState(this.core, contact.call, p, 'hold');
    });
  }

  resumeConnection(agentId: string, contactId: string, connectionId: string): void {
    this.core.mutate(() => {
      const contact = this.core.agentContact(agentId, contactId);
      const p = this.core.otherParticipant(contact, connectionId);
      if (p.state !== 'hold') throw invalidState(`connection ${connectionId} is not on hold`);
      setParticipantState(this.core, contact.call, p, 'connected');
    });
  }

  sendDigits(agentId: string, contactId: string, digits: string): void {
    this.core.mutate(() => {
      const contact = this.core.agentContact(agentId, contactId);
      if (typeof digits !== 'string' || !DTMF.test(digits)) throw invalidParameter(`digits ${String(digits)} must be 0-9, * , # or ,`);
      if (contact.participant.state !== 'connected') throw invalidState('DTMF needs a connected call');
      contact.record.dtmfDigits += digits;
      this.core.touchContact(contact);
    });
  }

  addConnection(agentId: string, contactId: string, target: { quickConnectId: string } | { phoneNumber: string }): string {
    const core = this.core;
    return core.mutate(() => {
      const contact = core.agentContact(agentId, contactId);
      if (contact.state !== 'connected') throw invalidState('a transfer needs a connected call');
      const call = contact.call;
      const live = call.participants.filter((p) => p !== contact.participant && p.state !== 'disconnected');
      if (live.length >= 2) throw invalidState('the call already has three parties: cancel, join or leave first');
      // Resolve and validate the target before anything changes.
      const qc = 'quickConnectId' in target ? core.quickConnect(target.quickConnectId) : null;
      const phoneNumber = qc ? (qc.kind === 'phone' ? qc.phoneNumber : null) : (target as { phoneNumber: string }).phoneNumber;
      if (phoneNumber !== null && !E164.test(phoneNumber)) {
        throw invalidParameter(`${phoneNumber} is not a valid phone number in E.164 format (+81312345678)`);
      }
      if (qc?.kind === 'agent') {
        if (qc.agentId === agentId) throw invalidParameter('an agent cannot transfer a call to themselves');
        core.agent(qc.agentId);
      }
      for (const p of live) if (p.state === 'connected') setParticipantState(core, call, p, 'hold');
      const now = core.clock.now();
      let participant: Participant;
      if (phoneNumber !== null) {
        participant = core.newParticipant({ kind: 'external', state: 'connecting', initial: false, phoneNumber });
        participant.name = qc?.name ?? this.directoryName(phoneNumber);
        participant.quickConnectName = qc?.name ?? null;
        call.participants.push(participant);
        this.dialFarEnd(call, participant, contact);
        contact.record.transfers.push({ at: now, to: phoneNumber, kind: 'phone', completed: false });
      } else if (qc && qc.kind !== 'phone') {
        const customer = call.participants.find((p) => p.kind === 'customer');
        const transfer = core.newContact(call, {
          initiationMethod: 'transfer',
          queueId: qc.kind === 'queue' ? qc.queueId : null,
          attributes: { ...contact.attributes },
          customerEndpoint: customer?.phoneNumber ?? null,
          systemEndpoint: contact.record.systemEndpoint,
        });
        transfer.agentQueueOf = qc.kind === 'agent' ? qc.agentId : null;
        transfer.transferredBy = agentId;
        transfer.record.initialContactId = contact.record.initialContactId;
        transfer.record.previousContactId = contact.id;
        transfer.record.enqueuedAt = now;
        participant = transfer.participant;
        participant.name = qc.kind === 'queue' ? core.queueDef(qc.queueId).name : core.agentName(qc.agentId);
        participant.quickConnectName = qc.name;
        participant.queueId = qc.kind === 'queue' ? qc.queueId : null;
        contact.record.transfers.push({ at: now, to: qc.kind === 'queue' ? qc.queueId : qc.agentId, kind: qc.kind, completed: false });
        core.enqueue(transfer, false);
      } else {
        throw invalidParameter('a transfer needs a quick connect or a phone number');
      }
      core.touchCall(call);
      return participant.id;
    });
  }

  conference(agentId: string, contactId: string): void {
    this.core.mutate(() => {
      const contact = this.core.agentContact(agentId, contactId);
      const held = contact.call.participants.filter((p) => p.state === 'hold');
      if (held.length === 0) throw invalidState('nobody is on hold');
      for (const p of held) setParticipantState(this.core, contact.call, p, 'connected');
    });
  }

  toggleActiveConnections(agentId: string, contactId: string): void {
    this.core.mutate(() => {
      const contact = this.core.agentContact(agentId, contactId);
      const others = contact.call.participants.filter((p) => p !== contact.participant && (p.state === 'connected' || p.state === 'hold'));
      const held = others.filter((p) => p.state === 'hold');
      const talking = others.filter((p) => p.state === 'connected');
      if (held.length !== 1 || talking.length !== 1) throw invalidState('swap needs one party on hold and one connected');
      setParticipantState(this.core, contact.call, talking[0], 'hold');
      setParticipantState(this.core, contact.call, held[0], 'connected');
    });
  }

  answerDeskPhone(phoneNumber: string): void {
    this.core.mutate(() => {
      const agent = this.deskPhoneAgent(phoneNumber);
      if (!agent) throw notFound('Desk phone', phoneNumber);
      const contact = agent.contacts.find((c) => c.state === 'ringing' || (c.state === 'dialing' && c.participant.state === 'connecting'));
      if (!contact) throw invalidState(`desk phone ${phoneNumber} is not ringing`);
      if (contact.state === 'ringing') {
        connectAgent(this.core, contact);
      } else {
        setParticipantState(this.core, contact.call, contact.participant, 'connected');
        const customer = contact.call.participants.find((p) => p.kind === 'customer');
        if (customer) this.dialFarEnd(contact.call, customer, contact);
      }
    });
  }

  deskPhone(phoneNumber: string): DeskPhoneView {
    const agent = this.deskPhoneAgent(phoneNumber);
    if (!agent) return { phoneNumber, agentId: null, ringing: null, inCall: false };
    const ringing = agent.contacts.find((c) => c.state === 'ringing' || (c.state === 'dialing' && c.participant.state === 'connecting'));
    const inCall = agent.contacts.some((c) => c.participant.state === 'connected' || c.participant.state === 'hold');
    return {
      phoneNumber,
      agentId: agent.def.id,
      ringing: ringing
        ? {
            contactId: ringing.id,
            caller: ringing.call.participants.find((p) => p.kind === 'customer')?.phoneNumber ?? null,
            queueName: ringing.queueId ? this.core.queueDef(ringing.queueId).name : null,
          }
        : null,
      inCall,
    };
  }

  /** Rings an external number; the directory decides whether it answers, is busy or never answers. */
  private dialFarEnd(call: Call, p: Participant, contact: Contact): void {
    const core = this.core;
    const behaviour = this.behaviourOf(p.phoneNumber ?? '');
    const fail = (reason: DisconnectReason) => () =>
      core.mutate(() => {
        p.farEndTimer = null;
        if (p.state !== 'connecting') return;
        if (p.kind === 'customer' && contact.record.disconnectReason === null) contact.record.disconnectReason = reason;
        disconnect(core, call, p, reason);
      });
    if (behaviour === 'answers') {
      p.farEndTimer = core.clock.setTimer(
        () =>
          core.mutate(() => {
            p.farEndTimer = null;
            if (p.state !== 'connecting') return;
            setParticipantState(core, call, p, 'connected');
            if (p.kind === 'customer' && contact.state === 'dialing') {
              const now = core.clock.now();
              contact.state = 'connected';
              contact.since = now;
              contact.record.state = 'connected';
              contact.record.connectedToAgentAt = now;
              const offer = lastOffer(contact.record, contact.agentId ?? '');
              if (offer) {
                offer.outcome = 'accepted';
                offer.connectedAt = now;
              }
              core.touchContact(contact);
            }
          }),
        this.farEndAnswerMs,
      );
    } else if (behaviour === 'busy') {
      p.farEndTimer = core.clock.setTimer(fail('customer_busy'), this.farEndBusyMs);
    } else {
      p.farEndTimer = core.clock.setTimer(fail('customer_no_answer'), this.farEndNoAnswerMs);
    }
  }

  private deskPhoneAgent(phoneNumber: string): Agent | undefined {
    for (const agent of this.core.agents.values()) {
      if (isDeskPhone(agent) && agent.def.config.deskPhoneNumber === phoneNumber) return agent;
    }
    return undefined;
  }

  private behaviourOf(phoneNumber: string): FarEndBehaviour {
    return this.core.config.directory.find((d) => d.phoneNumber === phoneNumber)?.behaviour ?? this.core.config.defaultBehaviour;
  }

  private directoryName(phoneNumber: string): string | null {
    return this.core.config.directory.find((d) => d.phoneNumber === phoneNumber)?.name ?? null;
  }
}

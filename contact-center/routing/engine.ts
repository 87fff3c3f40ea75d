// The routing engine: agents, statuses, queues, offers, calls and chats with their connections, transfers and
// after contact work, with Amazon Connect's semantics. Pure: no I/O, time from an injected clock; observers
// hear which agents, records and desk phones changed (and chat events) once each operation is complete. This
// class is the public face: the channel-agnostic core is engine-core.ts (with offers.ts and
// contact-lifecycle.ts), each channel's behaviour its own module (voice-channel.ts, chat-channel.ts).
//
//   call or chat ─► queued ─► ringing (offer, 20 s) ─► connected ─► ended ─► ACW ─► cleared
//                     ▲            │ miss / reject                     │ (timeout or Close contact)
//                     └────────────┘ (back to the front)               ▼
//                                                              agent back to their status or next status

import type { Clock } from '../clock';
import type { AgentConfig, Channel, ContactRecord, InstanceConfig, QuickConnectDef } from '../model';
import { agentSummaries, agentView, contactDetails } from './agent-views';
import { ChatChannel, type StartChatInput, type StartedChat } from './chat-channel';
import { cancelTimers, closeAcwRecord, closeRecord, disconnect, finishAcw } from './contact-lifecycle';
import { type ChatEngineEvent, EngineCore, type EngineObserver, type EngineOptions } from './engine-core';
import { E164, validateAttributes } from './engine-state';
import { EngineError, invalidParameter, invalidState, notFound } from './errors';
import { connectAgent, withdrawOffer } from './offers';
import { TaskChannel } from './task-channel';
import type { PersistedTask, StartedTask, StartTaskInput, TaskEngineEvent } from './task-types';
import { VoiceChannel } from './voice-channel';
import type { AgentSummary, AgentView, ContactDetails, DeskPhoneView } from './views';

export type { ChatEngineEvent, EngineObserver, EngineOptions, PersistedTask, StartChatInput, StartedChat, StartedTask, StartTaskInput, TaskEngineEvent };

export class RoutingEngine {
  private readonly core: EngineCore;
  private readonly voice: VoiceChannel;
  private readonly chat: ChatChannel;
  private readonly task: TaskChannel;

  constructor(config: InstanceConfig, options: EngineOptions) {
    this.core = new EngineCore(config, options);
    this.voice = new VoiceChannel(this.core, options);
    this.chat = new ChatChannel(this.core);
    this.task = new TaskChannel(this.core, options);
  }

  observe(observer: EngineObserver): () => void {
    const observers = this.core.observers;
    observers.push(observer);
    return () => {
      const i = observers.indexOf(observer);
      if (i >= 0) observers.splice(i, 1);
    };
  }

  get instance(): InstanceConfig {
    return this.core.config;
  }

  /** The engine's time, for layers whose timers must run on the same (in tests, virtual) clock. */
  get clock(): Clock {
    return this.core.clock;
  }

  // ───────────────────────────── agent operations ─────────────────────────────

  /** Selects a status. During a contact with `enqueueNextState` it becomes the next status, applied when
   *  the agent's last contact is cleared. Any selection clears a missed-call state. */
  setStatus(agentId: string, statusId: string, opts: { enqueueNextState?: boolean } = {}): void {
    const core = this.core;
    core.mutate(() => {
      const agent = core.agent(agentId);
      const status = core.statuses.get(statusId);
      if (!status) throw notFound('Agent status', statusId);
      const busy = agent.contacts.length > 0;
      if (busy && opts.enqueueNextState) {
        agent.nextStatus = status;
      } else {
        core.applyStatus(agent, status);
      }
      core.touchAgent(agent);
    });
  }

  /** Sign-out: the agent goes Offline (their contacts, if any, continue until they end). */
  signOut(agentId: string): void {
    this.setStatus(agentId, this.core.offlineStatus().id);
  }

  setMuted(agentId: string, muted: boolean): void {
    this.core.mutate(() => {
      const agent = this.core.agent(agentId);
      agent.muted = muted;
      this.core.touchAgent(agent);
    });
  }

  updateAgentConfig(agentId: string, patch: Partial<AgentConfig>): AgentConfig {
    const core = this.core;
    return core.mutate(() => {
      const agent = core.agent(agentId);
      const next: AgentConfig = { ...agent.def.config };
      if (patch.softphoneEnabled !== undefined) {
        if (typeof patch.softphoneEnabled !== 'boolean') throw invalidParameter('softphoneEnabled must be true or false');
        next.softphoneEnabled = patch.softphoneEnabled;
      }
      if (patch.deskPhoneNumber !== undefined) {
        if (patch.deskPhoneNumber !== '' && !E164.test(patch.deskPhoneNumber)) {
          throw invalidParameter(`desk phone number ${patch.deskPhoneNumber} is not in E.164 format (+81312345678)`);
        }
        next.deskPhoneNumber = patch.deskPhoneNumber;
      }
      if (patch.autoAccept !== undefined) {
        if (typeof patch.autoAccept !== 'boolean') throw invalidParameter('autoAccept must be true or false');
        next.autoAccept = patch.autoAccept;
      }
      if (patch.language !== undefined) {
        if (!/^[a-z]{2}(_[A-Z]{2})?$/.test(patch.language)) throw invalidParameter(`language ${patch.language} is not a locale like en_US`);
        next.language = patch.language;
      }
      if (!next.softphoneEnabled && next.deskPhoneNumber === '') {
        throw invalidParameter('desk phone mode needs a desk phone number');
      }
      const previousDesk = agent.def.config.softphoneEnabled ? '' : agent.def.config.deskPhoneNumber;
      agent.def.config = next;
      if (previousDesk) core.dirtyDeskPhones.add(previousDesk);
      core.touchAgent(agent);
      for (const o of core.observers) o.agentConfigChanged?.(agentId, { ...next });
      return { ...next };
    });
  }

  // ───────────────────────────── contacts, any channel ─────────────────────────────

  acceptContact(agentId: string, contactId: string): void {
    this.core.mutate(() => {
      const contact = this.core.agentContact(agentId, contactId);
      if (contact.state !== 'ringing') throw invalidState(`contact ${contactId} is not ringing`);
      connectAgent(this.core, contact);
    });
  }

  rejectContact(agentId: string, contactId: string): void {
    this.core.mutate(() => {
      const contact = this.core.agentContact(agentId, contactId);
      if (contact.state !== 'ringing') throw invalidState(`contact ${contactId} is not ringing`);
      withdrawOffer(this.core, contact, 'rejected');
    });
  }

  /** Close contact: ends after call work (or drops a contact that is still active). */
  clearContact(agentId: string, contactId: string): void {
    const core = this.core;
    core.mutate(() => {
      const agent = core.agent(agentId);
      const missedIndex = agent.missed.findIndex((m) => m.contactId === contactId);
      if (missedIndex >= 0) {
        agent.missed.splice(missedIndex, 1);
        core.touchAgent(agent);
        return;
      }
      const contact = core.agentContact(agentId, contactId);
      if (contact.state === 'ringing') throw invalidState(`contact ${contactId} is ringing: accept or reject it`);
      if (contact.state !== 'acw') disconnect(core, contact.call, contact.participant, 'agent_disconnect');
      finishAcw(core, contact);
    });
  }

  /** UpdateContactAttributes: merges `attributes` into a contact in flight (its record too); the agents on it
   *  see them in their next snapshot. Values must be strings; names are 1 to 128 characters. */
  updateContactAttributes(contactId: string, attributes: Record<string, string>): void {
    this.core.mutate(() => {
      const contact = this.core.contact(contactId);
      const update = validateAttributes(attributes);
      if (Object.keys(update).length === 0) throw invalidParameter('attributes must name at least one attribute');
      if (Object.keys(update).some((name) => name.length === 0)) throw invalidParameter('an attribute name must not be empty');
      Object.assign(contact.attributes, update);
      Object.assign(contact.record.attributes, update);
      this.core.touchContact(contact);
    });
  }

  /** Hangs up a connection: a third party (cancel), or the agent's own leg (end call, or leave when two
   *  other parties remain: the transfer is complete). */
  destroyConnection(agentId: string, contactId: string, connectionId: string): void {
    const core = this.core;
    core.mutate(() => {
      const contact = core.agentContact(agentId, contactId);
      const call = contact.call;
      const p = call.participants.find((x) => x.id === connectionId);
      if (!p) throw notFound('Connection', connectionId);
      if (p.state === 'disconnected') throw invalidState(`connection ${connectionId} has already ended`);
      if (p === contact.participant && contact.state === 'ringing') throw invalidState('reject a ringing contact instead');
      disconnect(core, call, p, p === contact.participant ? 'agent_disconnect' : 'third_party_disconnect');
    });
  }

  // ───────────────────────────── voice ─────────────────────────────

  /** A customer calls in: the contact enters the queue (the first queue by default). */
  startInboundCall(input: { from: string; queueId?: string; attributes?: Record<string, string> }): string {
    return this.voice.startInboundCall(input);
  }

  /** The customer hangs up (whatever the contact's state). */
  customerHangUp(contactId: string): void {
    this.voice.customerHangUp(contactId);
  }

  /** Outbound call from the agent's default outbound queue (or the queue given). */
  startOutboundCall(agentId: string, input: { phoneNumber: string; queueId?: string; attributes?: Record<string, string> }): string {
    return this.voice.startOutboundCall(agentId, input);
  }

  holdConnection(agentId: string, contactId: string, connectionId: string): void {
    this.voice.holdConnection(agentId, contactId, connectionId);
  }

  resumeConnection(agentId: string, contactId: string, connectionId: string): void {
    this.voice.resumeConnection(agentId, contactId, connectionId);
  }

  sendDigits(agentId: string, contactId: string, digits: string): void {
    this.voice.sendDigits(agentId, contactId, digits);
  }

  /** Consult: the parties the agent talks to go on hold and a new connection rings a quick connect
   *  (queue, agent or number) or a typed number. */
  addConnection(agentId: string, contactId: string, target: { quickConnectId: string } | { phoneNumber: string }): string {
    return this.voice.addConnection(agentId, contactId, target);
  }

  /** Join: everyone on hold is brought into one conference. */
  conference(agentId: string, contactId: string): void {
    this.voice.conference(agentId, contactId);
  }

  /** Swap: the connected party goes on hold and the held one is resumed. */
  toggleActiveConnections(agentId: string, contactId: string): void {
    this.voice.toggleActiveConnections(agentId, contactId);
  }

  /** The desk phone's Answer button. */
  answerDeskPhone(phoneNumber: string): void {
    this.voice.answerDeskPhone(phoneNumber);
  }

  deskPhone(phoneNumber: string): DeskPhoneView {
    return this.voice.deskPhone(phoneNumber);
  }

  // ───────────────────────────── chat ─────────────────────────────

  /** StartChatContact: a chat contact with its customer participant, queued and routed. It ends by itself
   *  after `chatDurationMinutes` (60 to 10,080; 1,500 by default). */
  startChat(input: StartChatInput): StartedChat {
    return this.chat.startChat(input);
  }

  /** The customer left: the agent's contact goes to After Contact Work; a queued chat just ends. */
  customerDisconnectChat(contactId: string): void {
    this.chat.customerDisconnectChat(contactId);
  }

  /** Transfers a connected chat to a queue or agent quick connect; returns the new contact's id. */
  transferChat(agentId: string, contactId: string, quickConnectId: string): string {
    return this.chat.transferChat(agentId, contactId, quickConnectId);
  }

  /** A chat's auto-disconnect timer fired: the agent leaves for idleness and the chat ends (ACW for the agent). */
  idleDisconnectChat(contactId: string): void {
    this.chat.idleDisconnectChat(contactId);
  }

  /** The handling agent sent a message at `at`: the first one is the chat's first response. */
  noteAgentMessage(contactId: string, at: number): void {
    this.chat.noteAgentMessage(contactId, at);
  }

  // ───────────────────────────── task ─────────────────────────────

  /** StartTaskContact or an agent's createTask: a task routed now, or at its scheduled time. */
  startTask(input: StartTaskInput): StartedTask {
    return this.task.startTask(input);
  }

  /** At startup: the scheduled tasks the store kept (they wait again, are routed, or expire). */
  restoreScheduledTasks(tasks: readonly PersistedTask[]): void {
    this.task.restoreScheduledTasks(tasks);
  }

  /** The agent pauses a connected task: it frees its slot of task concurrency. */
  updateTask(agentId: string, contactId: string, update: { name?: unknown; description?: unknown; references?: unknown }): void {
    this.task.updateTask(agentId, contactId, update);
  }

  pauseTask(agentId: string, contactId: string): void {
    this.task.pauseTask(agentId, contactId);
  }

  resumeTask(agentId: string, contactId: string): void {
    this.task.resumeTask(agentId, contactId);
  }

  /** The agent ends a connected or paused task: After Contact Work (clearContact closes it). */
  endTask(agentId: string, contactId: string): void {
    this.task.endTask(agentId, contactId);
  }

  /** Transfers a connected or paused task to a queue or agent quick connect; returns the new contact's id. */
  transferTask(agentId: string, contactId: string, quickConnectId: string): string {
    return this.task.transferTask(agentId, contactId, quickConnectId);
  }

  /** A scheduled or in-flight task, or null. */
  getTask(contactId: string): PersistedTask | null {
    return this.task.getTask(contactId);
  }

  scheduledTasks(): PersistedTask[] {
    return this.task.scheduledTasks();
  }

  // ───────────────────────────── read models ─────────────────────────────

  agentIds(): string[] {
    return [...this.core.agents.keys()];
  }

  hasAgent(agentId: string): boolean {
    return this.core.agents.has(agentId);
  }

  getAgentView(agentId: string): AgentView {
    return agentView(this.core, agentId);
  }

  listAgents(): AgentSummary[] {
    return agentSummaries(this.core);
  }

  getContact(contactId: string): ContactDetails {
    return contactDetails(this.core, contactId);
  }

  hasContact(contactId: string): boolean {
    return this.core.contacts.has(contactId);
  }

  /** Contacts waiting in a queue: of one channel, or of every channel. */
  queueSize(queueId: string, channel?: Channel): number {
    const queues = this.core.queues.get(queueId);
    if (!queues) return 0;
    return channel ? queues[channel].size : queues.voice.size + queues.chat.size + queues.task.size;
  }

  quickConnects(): QuickConnectDef[] {
    return this.core.config.quickConnects;
  }

  /** Ends every contact still in flight (server shutdown), with reason `server_restart`. */
  shutdown(): ContactRecord[] {
    const core = this.core;
    return core.mutate(() => {
      const now = core.clock.now();
      const ended: ContactRecord[] = [];
      for (const contact of core.contacts.values()) {
        if (contact.record.state === 'ended') continue;
        contact.record.disconnectReason = 'server_restart';
        if (contact.record.state === 'acw') {
          closeAcwRecord(contact, now);
        } else {
          closeRecord(core, contact, now);
        }
        contact.record.state = 'ended';
        cancelTimers(core, contact);
        core.dirtyRecords.set(contact.id, contact.record);
        ended.push(contact.record);
      }
      for (const call of new Set([...core.contacts.values()].map((c) => c.call))) {
        for (const p of call.participants) if (p.farEndTimer !== null) core.clock.clearTimer(p.farEndTimer);
        if (call.expiryTimer) core.clock.clearTimer(call.expiryTimer);
      }
      for (const t of core.delayTimers.values()) core.clock.clearTimer(t);
      core.delayTimers.clear();
      this.task.shutdown();
      return ended;
    });
  }
}

export { EngineError };

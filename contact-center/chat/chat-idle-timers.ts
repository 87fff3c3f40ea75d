// Amazon Connect's chat participant timers (UpdateParticipantRoleConfig): a customer or agent who sends no message
// or attachment for the idle time is marked idle (participant.idle to everyone), is back with their next one
// (participant.returned), and when the auto-disconnect time runs out the agent is disconnected
// (participant.autodisconnection) and the chat ends. Timers run only while an agent and the customer are both in
// the chat, restart for each agent who joins (a transfer), and use the contact center's clock.

import type { Clock, TimerId } from '../clock';
import { CHAT_TIMER_MINUTES, type ChatParticipantTimers, type ChatRoleTimers } from '../model';
import type { ChatDelivery } from './chat-fanout';
import type { ChatService } from './chat-service';

const PARTICIPANT_EVENT = 'application/vnd.amazonaws.connect.event.participant.';

/** The content types of the timers' EVENT items, as ChatJS dispatches them (onParticipantIdle, …). */
export const CHAT_TIMER_EVENT = {
  idle: `${PARTICIPANT_EVENT}idle`,
  returned: `${PARTICIPANT_EVENT}returned`,
  autoDisconnection: `${PARTICIPANT_EVENT}autodisconnection`,
} as const;

type TimedRole = keyof ChatParticipantTimers;

interface TimedChat {
  initialContactId: string;
  contactId: string;
  agentParticipantId: string;
  participants: TimedParticipant[];
}

interface TimedParticipant {
  role: TimedRole;
  participantId: string;
  chat: TimedChat;
  idle: boolean;
  timer: TimerId | null;
}

export interface ChatIdleTimersOptions {
  clock: Pick<Clock, 'setTimer' | 'clearTimer'>;
  chat: Pick<ChatService, 'subscribeAll' | 'announceParticipantEvent'>;
  timers: ChatParticipantTimers;
  /** The auto-disconnect: the agent's leg of `contactId` ends for idleness (the routing engine then ends the chat). */
  disconnectAgent(contactId: string): void;
  log?: (line: string) => void;
}

/** Throws a RangeError naming the first timer that is neither null nor a whole number of minutes from 2 to 480. */
export function validateChatTimers(timers: ChatParticipantTimers): void {
  for (const role of ['customer', 'agent'] as const) {
    for (const kind of ['idleMinutes', 'autoDisconnectMinutes'] as const) {
      const minutes = timers[role]?.[kind];
      if (minutes === null) continue;
      if (!Number.isInteger(minutes) || (minutes as number) < CHAT_TIMER_MINUTES.min || (minutes as number) > CHAT_TIMER_MINUTES.max) {
        throw new RangeError(
          `chatParticipantTimers.${role}.${kind} must be null or a whole number of minutes from ${CHAT_TIMER_MINUTES.min} to ${CHAT_TIMER_MINUTES.max}, got ${JSON.stringify(minutes)}`,
        );
      }
    }
  }
}

export class ChatIdleTimers {
  private readonly byChat = new Map<string, TimedChat>();
  private readonly byParticipant = new Map<string, TimedParticipant>();
  private readonly log: (line: string) => void;

  constructor(private readonly options: ChatIdleTimersOptions) {
    validateChatTimers(options.timers);
    this.log = options.log ?? (() => {});
    options.chat.subscribeAll((delivery) => this.delivered(delivery));
  }

  /** Whether any timer is configured at all (with none, nothing is ever scheduled). */
  get enabled(): boolean {
    const { customer, agent } = this.options.timers;
    return [customer.idleMinutes, customer.autoDisconnectMinutes, agent.idleMinutes, agent.autoDisconnectMinutes].some((m) => m !== null);
  }

  /** An agent joined the chat (first or after a transfer): both roles' timers start afresh. */
  agentJoined(joined: { initialContactId: string; contactId: string; agentParticipantId: string; customerParticipantId: string }): void {
    this.stopChat(joined.initialContactId);
    if (!this.enabled) return;
    const chat: TimedChat = { initialContactId: joined.initialContactId, contactId: joined.contactId, agentParticipantId: joined.agentParticipantId, participants: [] };
    for (const [role, participantId] of [
      ['customer', joined.customerParticipantId],
      ['agent', joined.agentParticipantId],
    ] as const) {
      const timed: TimedParticipant = { role, participantId, chat, idle: false, timer: null };
      chat.participants.push(timed);
      this.byParticipant.set(participantId, timed);
      this.arm(timed);
    }
    this.byChat.set(chat.initialContactId, chat);
  }

  /** An agent left: the chat's timers stop if it was the one they ran for. */
  agentLeft(agentParticipantId: string): void {
    const timed = this.byParticipant.get(agentParticipantId);
    if (timed?.role === 'agent') this.stopChat(timed.chat.initialContactId);
  }

  /** The chat ended: its timers stop. */
  stopChat(initialContactId: string): void {
    const chat = this.byChat.get(initialContactId);
    if (!chat) return;
    this.byChat.delete(initialContactId);
    for (const timed of chat.participants) {
      if (timed.timer !== null) this.options.clock.clearTimer(timed.timer);
      timed.timer = null;
      this.byParticipant.delete(timed.participantId);
    }
  }

  /** Chats whose timers are running (for tests and diagnostics). */
  runningChats(): string[] {
    return [...this.byChat.keys()];
  }

  /** A message or attachment resets its sender's timers; an idle sender is back (participant.returned). The bridge
   *  subscribes before the sockets do, so they hear participant.returned just before the message that caused it. */
  private delivered({ item }: ChatDelivery): void {
    if ((item.Type !== 'MESSAGE' && item.Type !== 'ATTACHMENT') || item.ParticipantId === undefined) return;
    const timed = this.byParticipant.get(item.ParticipantId);
    if (!timed) return;
    if (timed.idle) {
      timed.idle = false;
      this.announce(timed, CHAT_TIMER_EVENT.returned);
    }
    this.arm(timed);
  }

  /** Schedules the role's next timer: idle first when there is one, then (or at once without one) auto-disconnect. */
  private arm(timed: TimedParticipant): void {
    if (timed.timer !== null) this.options.clock.clearTimer(timed.timer);
    timed.timer = null;
    const setting: ChatRoleTimers = this.options.timers[timed.role];
    if (!timed.idle && setting.idleMinutes !== null) {
      timed.timer = this.options.clock.setTimer(() => this.guarded(timed, () => this.becameIdle(timed)), setting.idleMinutes * 60_000);
    } else if (setting.autoDisconnectMinutes !== null) {
      timed.timer = this.options.clock.setTimer(() => this.guarded(timed, () => this.autoDisconnect(timed)), setting.autoDisconnectMinutes * 60_000);
    }
  }

  private becameIdle(timed: TimedParticipant): void {
    timed.timer = null;
    timed.idle = true;
    this.announce(timed, CHAT_TIMER_EVENT.idle);
    this.arm(timed);
  }

  private autoDisconnect(timed: TimedParticipant): void {
    timed.timer = null;
    const chat = timed.chat;
    this.announce(timed, CHAT_TIMER_EVENT.autoDisconnection);
    this.stopChat(chat.initialContactId);
    this.options.disconnectAgent(chat.contactId);
  }

  private announce(timed: TimedParticipant, contentType: string): void {
    this.options.chat.announceParticipantEvent(timed.participantId, contentType);
  }

  /** A timer's failure is logged, not thrown into the clock: the chat keeps its state either way. */
  private guarded(timed: TimedParticipant, act: () => void): void {
    try {
      act();
    } catch (error) {
      this.log(`chat timer of ${timed.role} ${timed.participantId} on ${timed.chat.contactId} failed: ${(error as Error).message}`);
    }
  }
}

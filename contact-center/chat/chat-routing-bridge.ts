// Joins the routing engine's chat contacts to the chat layer: engine events become chat items (joined, left,
// transferred, ended), the participant service's customer and agent disconnects and agent messages go back to the
// engine, a new chat is started in both in one step (StartChatContact), each offer's agent gets its participant,
// and the instance's chat participant timers (idle, returned, auto-disconnect) run while an agent is in a chat.

import { CONNECT_DEFAULT_CHAT_TIMERS } from '../model';
import type { RoutingEngine } from '../routing/engine';
import { invalidParameter } from '../routing/errors';
import { ChatError } from './chat-errors';
import { ChatIdleTimers } from './chat-idle-timers';
import type { ChatService } from './chat-service';
import { DISPLAY_NAME_MAX_LENGTH, requireString, validSendMessage } from './chat-validation';
import type { ChatParticipant } from './participants';

export interface StartedChatContact {
  contactId: string;
  initialContactId: string;
  participantId: string;
  participantToken: string;
}

export interface StartChatContactInput {
  queueId: string;
  displayName: string;
  attributes?: Record<string, string>;
  initialMessage?: { ContentType: string; Content: string };
  chatDurationMinutes?: number;
}

export class ChatRoutingBridge {
  /** Agent connection id → the agent it was last handed out for, and its contact (in memory: contacts in flight
   *  end on restart). */
  private readonly offeredTo = new Map<string, { agentId: string; contactId: string }>();
  /** The instance's chat participant timers (Connect's default, none, unless the instance sets some). */
  readonly idleTimers: ChatIdleTimers;

  constructor(
    private readonly engine: RoutingEngine,
    private readonly chat: ChatService,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.idleTimers = new ChatIdleTimers({
      clock: engine.clock,
      chat,
      timers: engine.instance.chatParticipantTimers ?? CONNECT_DEFAULT_CHAT_TIMERS,
      disconnectAgent: (contactId) => engine.idleDisconnectChat(contactId),
      log,
    });
    engine.observe({
      chatEvent: (event) => {
        try {
          switch (event.type) {
            case 'agent-joined':
              this.agentParticipantFor(event.contactId, event.participantId, event.displayName);
              this.chat.onAgentJoined(event.participantId);
              this.startIdleTimers(event.contactId, event.initialContactId, event.participantId);
              break;
            case 'agent-left':
              this.offeredTo.delete(event.participantId);
              this.idleTimers.agentLeft(event.participantId);
              this.chat.onAgentLeft(event.participantId);
              break;
            case 'transferred':
              this.chat.onTransferred({ fromContactId: event.fromContactId, toContactId: event.toContactId });
              break;
            case 'ended':
              for (const [connectionId, offer] of this.offeredTo) if (offer.contactId === event.contactId) this.offeredTo.delete(connectionId);
              this.idleTimers.stopChat(event.initialContactId);
              this.chat.onChatEnded(event.contactId);
              break;
          }
        } catch (error) {
          // The contact's state is the engine's; a chat-layer refusal must not undo it, only be known.
          this.log(`chat ${event.type} on ${'contactId' in event ? event.contactId : event.fromContactId} not recorded: ${(error as Error).message}`);
        }
      },
    });
  }

  /** StartChatContact: the contact is queued and routed, the customer joins, the initial message is posted. The
   *  chat layer's rules are checked first, so that nothing is routed for a request it would refuse. */
  startChatContact(input: StartChatContactInput): StartedChatContact {
    const displayName = input.displayName.trim();
    try {
      requireString(displayName, 'ParticipantDetails.DisplayName', 1, DISPLAY_NAME_MAX_LENGTH);
      if (input.initialMessage) validSendMessage(input.initialMessage);
    } catch (error) {
      // StartChatContact is Connect's API: its malformed input is an InvalidParameterException.
      throw error instanceof ChatError ? invalidParameter(error.message) : error;
    }
    const started = this.engine.startChat({
      displayName,
      queueId: input.queueId,
      attributes: input.attributes,
      initialMessage: input.initialMessage?.Content,
      chatDurationMinutes: input.chatDurationMinutes,
    });
    const customer = this.chat.startChat({ contactId: started.contactId, customerDisplayName: displayName, customerParticipantId: started.customerParticipantId });
    if (input.initialMessage) this.postInitialMessage(customer, input.initialMessage);
    return {
      contactId: started.contactId,
      initialContactId: started.initialContactId,
      participantId: customer.participantId,
      participantToken: customer.participantToken,
    };
  }

  /**
   * The agent's participant on a chat contact, created the first time it is asked for (at offer time: streams
   * starts the agent's ChatJS session while the contact rings). Its id is the agent's connection id.
   */
  agentParticipantFor(contactId: string, agentConnectionId: string, displayName: string): ChatParticipant {
    const existing = this.chat.getParticipant(agentConnectionId);
    if (existing && existing.disconnectedAt !== null) return existing;
    const agentId = this.engine.hasContact(contactId) ? (this.engine.getContact(contactId).participants.find((p) => p.connectionId === agentConnectionId)?.agentId ?? null) : null;
    const offeredTo = this.offeredTo.get(agentConnectionId)?.agentId;
    if (agentId !== null) this.offeredTo.set(agentConnectionId, { agentId, contactId });
    if (!existing) return this.chat.addAgent({ contactId, displayName, participantId: agentConnectionId });
    // The engine keeps one agent connection per contact across offers: offered to another agent now (the first
    // rejected or missed it), the participant must not keep the previous agent's tokens and name.
    return agentId !== null && offeredTo !== undefined && offeredTo !== agentId ? this.chat.reissueAgent(agentConnectionId, displayName) : existing;
  }

  /**
   * DisconnectParticipant by an agent (a custom agent app, not streams, which ends a chat with destroyConnection):
   * the agent's leg of the contact ends as if it had hung up, so the contact goes to After Contact Work. Nothing
   * happens when the engine already ended it, and a refusal (a leg still ringing) is logged, not thrown: the
   * participant has left the chat either way.
   */
  agentDisconnected(contactId: string, participantId: string): void {
    if (!this.engine.hasContact(contactId)) return;
    const leg = this.engine.getContact(contactId).participants.find((p) => p.connectionId === participantId && p.kind === 'agent');
    if (!leg?.agentId || leg.state === 'disconnected') return;
    try {
      this.engine.destroyConnection(leg.agentId, contactId, participantId);
    } catch (error) {
      this.log(`the agent's DisconnectParticipant on chat ${contactId} did not end the contact: ${(error as Error).message}`);
    }
  }

  private startIdleTimers(contactId: string, initialContactId: string, agentParticipantId: string): void {
    const customerParticipantId = this.engine.hasContact(contactId) ? this.engine.getContact(contactId).chat?.customerParticipantId : undefined;
    if (customerParticipantId) this.idleTimers.agentJoined({ initialContactId, contactId, agentParticipantId, customerParticipantId });
  }

  /** The customer's first message, sent as the customer would (it needs a connection token first). */
  private postInitialMessage(customer: ChatParticipant, message: { ContentType: string; Content: string }): void {
    const connection = this.chat.createParticipantConnection(customer.participantToken, { Type: ['CONNECTION_CREDENTIALS'] });
    const token = connection.ConnectionCredentials?.ConnectionToken;
    if (!token) return;
    this.chat.sendMessage(token, { ContentType: message.ContentType, Content: message.Content });
  }
}

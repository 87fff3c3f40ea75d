// The participant service of the local contact center (Amazon Connect's ConnectParticipant, by token, with its
// response shapes) plus the hooks the routing layer calls as a chat is offered, joined, transferred and ended.
// Framework-free: the HTTP layer maps these calls to /participant/* routes and ChatError codes to AWS errors.

import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { ChatGroupCommit } from '../store/chat-group-commit';
import type { Database } from '../store/database';
import {
  activeRecipientsOfChat,
  chatOfContact,
  getChat,
  getParticipant,
  insertChat,
  insertParticipant,
  markChatEnded,
  markConnected,
  markDisconnected,
  participantByConnectionToken,
  participantByParticipantToken,
  participantsOfChat,
  reissueParticipant,
  setCurrentContact,
  setParticipantContact,
} from '../store/chat-participant-repository';
import { appendItem, hasEventFrom, readTranscriptPage } from '../store/chat-transcript-repository';
import { AttachmentOperations, type AttachmentUrls, type DownloadedAttachment, type GetAttachmentResponse, type StartAttachmentUploadResponse } from './attachment-operations';
import { AttachmentFiles } from './attachments';
import { accessDenied, conflict, invalidInput, notFound } from './chat-errors';
import { IdempotentCalls } from './chat-idempotency';
import { ChatFanout, type ChatListener, type ChatRecipient } from './chat-fanout';
import {
  CONTENT_TYPE,
  attachmentItemOf,
  chatEndedItem,
  isoTime,
  messageItem,
  participantJoinedItem,
  participantLeftItem,
  transferSucceededItem,
  typingItem,
  type ChatItem,
} from './chat-items';
import {
  DISPLAY_NAME_MAX_LENGTH,
  TOKEN_MAX_LENGTH,
  receiptMessageId,
  requireString,
  validClientToken,
  validSendEvent,
  validSendMessage,
  validTranscriptRequest,
  type GetTranscriptRequest,
  type SendEventRequest,
  type SendMessageRequest,
} from './chat-validation';
import { CONNECTION_TOKEN_LIFETIME_MS, assertMayRead, assertMayWrite, chatOf, isActive, mintToken, newParticipant, senderOf, type ChatParticipant, type DisconnectReason } from './participants';
import { sendReceipt } from './chat-receipts';
import { ParticipantConnections, type CreateParticipantConnectionRequest, type CreateParticipantConnectionResponse } from './participant-connections';

export interface ChatServiceOptions {
  db: Database;
  clock: Pick<Clock, 'now'>;
  /** Where uploaded attachment files are kept (a folder under the data dir). */
  attachmentFolder: string;
  urls: AttachmentUrls & {
    /** The customer's WebSocket URL for a socket token; ChatJS accepts only wss:// or ws://127.0.0.1:<port>/. */
    websocket(socketToken: string): string;
  };
  /** A customer ended the chat with DisconnectParticipant; the routing layer ends the contact (ACW for the agent). */
  onCustomerDisconnected?(contactId: string, initialContactId: string): void;
  /** An agent left with DisconnectParticipant (custom agent apps); the routing layer ends that agent's contact. */
  onAgentDisconnected?(contactId: string, participantId: string): void;
  /** An agent sent a message on the contact (first-response and idle timers). */
  onAgentMessage?(contactId: string, at: number): void;
  /** A fan-out listener threw; the item is stored and others still receive it. */
  onDeliveryError?(error: unknown): void;
  /** A group commit of chat writes failed and was rolled back (the calls waiting on durable() are refused). */
  onCommitError?(error: unknown): void;
}

export interface SentItem {
  Id: string;
  AbsoluteTime: string;
}

export interface GetTranscriptResponse {
  InitialContactId: string;
  Transcript: ChatItem[];
  NextToken?: string;
}

export class ChatService {
  private readonly db: Database;
  private readonly clock: Pick<Clock, 'now'>;
  private readonly fanout: ChatFanout;
  private readonly attachments: AttachmentOperations;
  private readonly connections: ParticipantConnections;
  private readonly commits: ChatGroupCommit;
  private readonly calls: IdempotentCalls;

  constructor(private readonly options: ChatServiceOptions) {
    this.db = options.db;
    this.commits = new ChatGroupCommit(options.db, options.onCommitError);
    this.calls = new IdempotentCalls(options.db, options.clock, this.commits);
    this.clock = options.clock;
    this.fanout = new ChatFanout(options.onDeliveryError);
    this.attachments = new AttachmentOperations(options.db, new AttachmentFiles(options.attachmentFolder), options.urls);
    this.connections = new ParticipantConnections(options.db, options.urls.websocket);
  }

  // ---- fan-out -------------------------------------------------------------------------------------------------

  subscribe(initialContactId: string, listener: ChatListener): () => void {
    return this.fanout.subscribe(initialContactId, listener);
  }

  subscribeAll(listener: ChatListener): () => void {
    return this.fanout.subscribeAll(listener);
  }

  /** Resolves once every chat write made so far is committed (SendMessage and SendEvent share one commit per
   *  event-loop turn): the HTTP routes wait for it before answering, so an acknowledged item is stored. */
  durable(): Promise<void> {
    return this.commits.durable();
  }

  // ---- routing hooks -------------------------------------------------------------------------------------------

  /** StartChatContact: a new chat whose first contact is `contactId`, with its customer (who has joined). */
  startChat(request: { contactId: string; customerDisplayName: string; customerParticipantId?: string }): ChatParticipant {
    const now = this.clock.now();
    const displayName = requireString(request.customerDisplayName, 'ParticipantDetails.DisplayName', 1, DISPLAY_NAME_MAX_LENGTH);
    if (getChat(this.db, request.contactId)) throw conflict(`Chat ${request.contactId} already exists.`);
    const customer = newParticipant({ contactId: request.contactId, initialContactId: request.contactId, role: 'CUSTOMER', displayName }, request.customerParticipantId);
    this.db.transaction(() => {
      insertChat(this.db, { initialContactId: request.contactId, contactId: request.contactId, at: now });
      insertParticipant(this.db, customer, now);
    })();
    this.publish(participantJoinedItem(chatOf(customer), senderOf(customer), now), { store: true });
    return customer;
  }

  /**
   * An agent is offered the chat on `contactId` (the chain's first contact or a transferred one). Its tokens
   * exist from the offer on, as streams builds the ChatJS session while the contact rings: participantToken goes
   * in the snapshot's connectionData, connectionToken answers createTransport chat_token.
   */
  addAgent(request: { contactId: string; displayName: string; participantId?: string }): ChatParticipant {
    const now = this.clock.now();
    const chat = this.liveChatOfContact(request.contactId);
    const displayName = requireString(request.displayName, 'DisplayName', 1, DISPLAY_NAME_MAX_LENGTH);
    const agent = newParticipant({ contactId: request.contactId, initialContactId: chat.initialContactId, role: 'AGENT', displayName }, request.participantId);
    agent.connectionToken = mintToken();
    agent.connectionExpiresAt = now + CONNECTION_TOKEN_LIFETIME_MS;
    insertParticipant(this.db, agent, now);
    return agent;
  }

  /** The chat offered again to another agent (the first rejected or missed it): the agent participant, which never
   *  joined, gets new tokens and the new agent's name; the old tokens stop working. */
  reissueAgent(participantId: string, displayName: string): ChatParticipant {
    const agent = this.activeParticipant(participantId);
    if (agent.role !== 'AGENT' || hasEventFrom(this.db, participantId, CONTENT_TYPE.participantJoined)) throw conflict(`Participant ${participantId} is not an agent still to join.`);
    const name = requireString(displayName, 'DisplayName', 1, DISPLAY_NAME_MAX_LENGTH);
    const fresh = { displayName: name, participantToken: mintToken(), connectionToken: mintToken(), connectionExpiresAt: this.clock.now() + CONNECTION_TOKEN_LIFETIME_MS };
    reissueParticipant(this.db, participantId, fresh);
    return { ...agent, ...fresh, connectedAt: null };
  }

  /** The agent accepted: participant.joined to everyone in the chat. */
  onAgentJoined(participantId: string): void {
    const agent = this.activeParticipant(participantId);
    if (hasEventFrom(this.db, participantId, CONTENT_TYPE.participantJoined)) return;
    const now = this.clock.now();
    markConnected(this.db, participantId, now);
    this.publish(participantJoinedItem(chatOf(agent), senderOf(agent), now), { store: true });
  }

  /** The agent left (destroyConnection, a missed or rejected offer): participant.left if it had joined; its
   *  tokens stop working. Ending the chat is a separate onChatEnded. */
  onAgentLeft(participantId: string): void {
    const agent = getParticipant(this.db, participantId);
    if (!agent || !isActive(agent)) return;
    this.depart(agent, 'left');
  }

  /** The chat moved from `fromContactId` to `toContactId` (same initial contact id): transfer.succeeded on the old
   *  contact (ChatJS ends the transferring agent's session on it), its agents leave; the customer stays. */
  onTransferred(request: { fromContactId: string; toContactId: string }): void {
    const chat = this.liveChatOfContact(request.fromContactId);
    const now = this.clock.now();
    this.publish(transferSucceededItem({ contactId: request.fromContactId, initialContactId: chat.initialContactId }, now), { store: true });
    for (const participant of participantsOfChat(this.db, chat.initialContactId)) {
      if (!isActive(participant)) continue;
      if (participant.role === 'AGENT' && participant.contactId === request.fromContactId) this.depart(participant, 'transferred');
      if (participant.role === 'CUSTOMER') setParticipantContact(this.db, participant.participantId, request.toContactId);
    }
    setCurrentContact(this.db, chat.initialContactId, request.toContactId);
  }

  /** The chat is over: chat.ended to everyone still in it; they may still read the transcript, not write. */
  onChatEnded(contactId: string): void {
    const chat = chatOfContact(this.db, contactId);
    if (!chat || chat.endedAt !== null) return;
    const now = this.clock.now();
    this.publish(chatEndedItem({ contactId: chat.currentContactId, initialContactId: chat.initialContactId }, now), { store: true });
    for (const participant of participantsOfChat(this.db, chat.initialContactId)) {
      if (isActive(participant)) markDisconnected(this.db, participant.participantId, now, 'chat_ended');
    }
    markChatEnded(this.db, chat.initialContactId, now);
  }

  getParticipant(participantId: string): ChatParticipant | undefined {
    return getParticipant(this.db, participantId);
  }

  /** An EVENT about a participant that Connect pushes to everyone but keeps out of the transcript (the chat timers'
   *  participant.idle, .returned, .autodisconnection); undefined when the participant is no longer in the chat. */
  announceParticipantEvent(participantId: string, contentType: string): ChatItem | undefined {
    const participant = getParticipant(this.db, participantId);
    if (!participant || !isActive(participant)) return undefined;
    const item: ChatItem = { ...typingItem(chatOf(participant), senderOf(participant), this.clock.now()), ContentType: contentType };
    this.publish(item, { store: false });
    return item;
  }

  // ---- participant service operations ----------------------------------------------------------------------------

  createParticipantConnection(participantToken: string, request: CreateParticipantConnectionRequest = {}): CreateParticipantConnectionResponse {
    requireString(participantToken, 'ParticipantToken', 1, TOKEN_MAX_LENGTH);
    const participant = participantByParticipantToken(this.db, participantToken);
    if (!participant) throw accessDenied('The participant token is not valid.');
    if (!isActive(participant)) throw accessDenied('The participant is no longer part of this chat.');
    return this.connections.create(participant, request, this.clock.now());
  }

  /** The participant behind a WebSocket URL from createParticipantConnection, while the URL is valid. */
  participantForWebsocket(socketToken: string): ChatParticipant {
    return this.connections.participantForSocket(socketToken, this.clock.now());
  }

  sendMessage(connectionToken: string, request: SendMessageRequest): SentItem {
    const sender = this.writer(connectionToken);
    const valid = validSendMessage(request);
    return this.calls.onceInGroupCommit(sender, 'SendMessage', valid.clientToken, () => {
      const now = this.clock.now();
      const item = messageItem(chatOf(sender), senderOf(sender), valid.contentType, valid.content, now);
      this.publish(item, { store: true });
      if (sender.role === 'AGENT') this.options.onAgentMessage?.(sender.contactId, now);
      return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
    });
  }

  sendEvent(connectionToken: string, request: SendEventRequest): SentItem {
    const sender = this.writer(connectionToken);
    const valid = validSendEvent(request);
    return this.calls.onceInGroupCommit(sender, 'SendEvent', valid.clientToken, () => {
      const now = this.clock.now();
      switch (valid.contentType) {
        case CONTENT_TYPE.typing: {
          const item = typingItem(chatOf(sender), senderOf(sender), now);
          this.publish(item, { store: false });
          return { Id: item.Id, AbsoluteTime: item.AbsoluteTime };
        }
        case CONTENT_TYPE.messageDelivered:
        case CONTENT_TYPE.messageRead:
          return sendReceipt(this.db, this.fanout, sender, receiptMessageId(valid.content), valid.contentType === CONTENT_TYPE.messageRead ? 'read' : 'delivered', now);
        default:
          // connection.acknowledged: the pre-2025 way of saying "connected" (now ConnectParticipant).
          markConnected(this.db, sender.participantId, now);
          return { Id: randomUUID(), AbsoluteTime: isoTime(now) };
      }
    });
  }

  getTranscript(connectionToken: string, request: GetTranscriptRequest = {}): GetTranscriptResponse {
    const reader = assertMayRead(this.byConnectionToken(connectionToken), this.clock.now());
    const valid = validTranscriptRequest(request);
    if (valid.contactId !== undefined && chatOfContact(this.db, valid.contactId)?.initialContactId !== reader.initialContactId) {
      throw invalidInput(`ContactId ${valid.contactId} is not part of this chat.`);
    }
    const page = readTranscriptPage(this.db, { initialContactId: reader.initialContactId, ...valid });
    const response: GetTranscriptResponse = { InitialContactId: reader.initialContactId, Transcript: page.items };
    if (page.nextToken !== undefined) response.NextToken = page.nextToken;
    return response;
  }

  /** DisconnectParticipant. A customer leaving ends the chat (participant.left, then chat.ended); an agent only leaves. */
  disconnectParticipant(connectionToken: string, request: { ClientToken?: unknown } = {}): Record<string, never> {
    const participant = this.byConnectionToken(connectionToken);
    const clientToken = validClientToken(request.ClientToken);
    if (participant && clientToken !== undefined && this.calls.seen(participant, 'DisconnectParticipant', clientToken)) {
      return {};
    }
    const leaving = assertMayWrite(participant, this.clock.now());
    if (leaving.role === 'CUSTOMER') {
      // The customer stays a recipient until chat.ended: ChatJS (4.0+) only cleans up when it receives it.
      const now = this.clock.now();
      this.publish(participantLeftItem(chatOf(leaving), senderOf(leaving), now), { store: true });
      const chat = getChat(this.db, leaving.initialContactId);
      this.onChatEnded(leaving.initialContactId);
      this.options.onCustomerDisconnected?.(chat?.currentContactId ?? leaving.contactId, leaving.initialContactId);
    } else {
      this.depart(leaving, 'left');
      if (leaving.role === 'AGENT') this.options.onAgentDisconnected?.(leaving.contactId, leaving.participantId);
    }
    if (clientToken !== undefined) this.calls.remember(leaving, 'DisconnectParticipant', clientToken, {});
    return {};
  }

  startAttachmentUpload(connectionToken: string, request: { ContentType?: unknown; AttachmentName?: unknown; AttachmentSizeInBytes?: unknown; ClientToken?: unknown }): StartAttachmentUploadResponse {
    const sender = this.writer(connectionToken);
    const clientToken = validClientToken(request.ClientToken, true);
    return this.calls.once(sender, 'StartAttachmentUpload', clientToken, () => this.attachments.start(sender, request, this.clock.now()));
  }

  /** The PUT of an upload URL (the server's attachment route): stores the file and judges its content. */
  acceptAttachmentUpload(uploadToken: string, body: Uint8Array, contentTypeHeader?: string): void {
    this.attachments.acceptUpload(uploadToken, body, contentTypeHeader, this.clock.now());
  }

  completeAttachmentUpload(connectionToken: string, request: { AttachmentIds?: unknown; ClientToken?: unknown }): Record<string, never> {
    const sender = this.writer(connectionToken);
    const clientToken = validClientToken(request.ClientToken, true);
    return this.calls.once(sender, 'CompleteAttachmentUpload', clientToken, () => {
      const attachment = this.attachments.complete(sender, request);
      this.publish(attachmentItemOf(chatOf(sender), senderOf(sender), attachment, this.clock.now()), { store: true });
      return {};
    });
  }

  getAttachment(connectionToken: string, request: { AttachmentId?: unknown; UrlExpiryInSeconds?: unknown }): GetAttachmentResponse {
    const reader = assertMayRead(this.byConnectionToken(connectionToken), this.clock.now());
    return this.attachments.downloadUrl(reader, request, this.clock.now());
  }

  /** The GET of a download URL (the server's attachment route). */
  openAttachmentDownload(downloadToken: string): DownloadedAttachment {
    return this.attachments.openDownload(downloadToken, this.clock.now());
  }

  // ---- internals -------------------------------------------------------------------------------------------------

  private liveChatOfContact(contactId: string) {
    const chat = chatOfContact(this.db, contactId);
    if (!chat) throw notFound(`Contact ${contactId} is not a chat.`);
    if (chat.endedAt !== null) throw conflict(`The chat of contact ${contactId} has ended.`);
    return chat;
  }

  private activeParticipant(participantId: string): ChatParticipant {
    const participant = getParticipant(this.db, participantId);
    if (!participant) throw notFound(`Participant ${participantId} does not exist.`);
    if (!isActive(participant)) throw conflict(`Participant ${participantId} is no longer part of the chat.`);
    return participant;
  }

  private byConnectionToken(connectionToken: string): ChatParticipant | undefined {
    requireString(connectionToken, 'ConnectionToken', 1, TOKEN_MAX_LENGTH);
    return participantByConnectionToken(this.db, connectionToken);
  }

  private writer(connectionToken: string): ChatParticipant {
    return assertMayWrite(this.byConnectionToken(connectionToken), this.clock.now());
  }

  /** A participant stops being part of the chat: participant.left (if it had joined) to everyone, itself included,
   *  then its tokens stop working. */
  private depart(participant: ChatParticipant, reason: DisconnectReason): void {
    const now = this.clock.now();
    if (hasEventFrom(this.db, participant.participantId, CONTENT_TYPE.participantJoined)) {
      const recipients = reason === 'transferred' ? this.recipients(participant.initialContactId).filter((r) => r.participantId !== participant.participantId) : undefined;
      this.publish(participantLeftItem(chatOf(participant), senderOf(participant), now), { store: true, recipients });
    }
    markDisconnected(this.db, participant.participantId, now, reason);
  }

  private recipients(initialContactId: string): ChatRecipient[] {
    return activeRecipientsOfChat(this.db, initialContactId);
  }

  private publish(item: ChatItem, how: { store: boolean; recipients?: ChatRecipient[] }): void {
    if (how.store) appendItem(this.db, item);
    this.fanout.deliver({ item, recipients: how.recipients ?? this.recipients(item.InitialContactId) });
  }
}

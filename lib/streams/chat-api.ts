// The parts of amazon-connect-chatjs (5.0.0) the engine uses, described structurally as its AGENT session behaves
// at run time (dist/index.d.ts and src/core/chatSession.js, chatController.js), so the chat code can be tested
// with plain fakes. An agent's session is what streams' chat media controller resolves to
// (`agentConnection.getMediaController()`), created and connected by streams, one per chat contact.

/** A transcript item as the participant service and the agent's WebSocket deliver it. */
export interface ChatJsItem {
  Id?: string;
  Type?: string; // MESSAGE | EVENT | ATTACHMENT | CONNECTION_ACK | MESSAGEMETADATA
  ContentType?: string;
  Content?: string;
  AbsoluteTime?: string; // ISO 8601
  ParticipantId?: string;
  ParticipantRole?: string; // AGENT | CUSTOMER | SYSTEM | CUSTOM_BOT | SUPERVISOR
  DisplayName?: string;
  ContactId?: string;
  InitialContactId?: string;
  Attachments?: { AttachmentId?: string; AttachmentName?: string; ContentType?: string; Status?: string }[];
  MessageMetadata?: {
    MessageId?: string;
    Receipts?: { DeliveredTimestamp?: string; ReadTimestamp?: string; RecipientParticipantId?: string }[];
  };
}

/** What ChatJS passes to its event handlers. */
export interface ChatJsEvent {
  data?: ChatJsItem | null;
  chatDetails?: { contactId?: string; participantId?: string };
}

/** ChatJS wraps participant-service answers as `{data}`; failures reject with `{type, message, statusCode}`
 *  (service errors) or a plain string ("No active connection"). */
export interface ChatJsResponse<T> {
  data?: T;
}

export interface ChatJsTranscriptArgs {
  maxResults?: number;
  nextToken?: string;
  scanDirection?: 'FORWARD' | 'BACKWARD';
  sortOrder?: 'ASCENDING' | 'DESCENDING';
  startPosition?: { id?: string; absoluteTime?: string; mostRecent?: number };
  contactId?: string;
}

export interface ChatJsAgentSession {
  onMessage(handler: (event: ChatJsEvent) => void): void;
  onTyping(handler: (event: ChatJsEvent) => void): void;
  onReadReceipt(handler: (event: ChatJsEvent) => void): void;
  onDeliveredReceipt(handler: (event: ChatJsEvent) => void): void;
  onParticipantIdle(handler: (event: ChatJsEvent) => void): void;
  onParticipantReturned(handler: (event: ChatJsEvent) => void): void;
  onAutoDisconnection(handler: (event: ChatJsEvent) => void): void;
  onParticipantDisplayNameUpdated(handler: (event: ChatJsEvent) => void): void;
  onConnectionEstablished(handler: (event: ChatJsEvent) => void): void;
  onConnectionBroken(handler: (event: ChatJsEvent) => void): void;
  onConnectionLost(handler: (event: ChatJsEvent) => void): void;
  onEnded(handler: (event: ChatJsEvent) => void): void;
  sendMessage(args: { message: string; contentType: string; clientToken?: string }): Promise<ChatJsResponse<{ Id?: string; AbsoluteTime?: string }>>;
  /** Typing is throttled by ChatJS (one per 10 s); receipts are batched and deduplicated by it. */
  sendEvent(args: { contentType: string; content?: string; clientToken?: string }): Promise<unknown>;
  /** StartAttachmentUpload, PUT to the upload URL with its headers, CompleteAttachmentUpload. */
  sendAttachment(args: { attachment: File }): Promise<unknown>;
  getAttachmentURL(args: { attachmentId: string }): Promise<string>;
  getTranscript(args: ChatJsTranscriptArgs): Promise<ChatJsResponse<{ Transcript?: ChatJsItem[]; NextToken?: string; InitialContactId?: string }>>;
  getChatDetails(): { contactId?: string; initialContactId?: string; participantId?: string };
}

/** `connect.ChatSession` as far as the engine configures it. */
export interface ChatJsGlobal {
  setGlobalConfig(config: { endpoint?: string; region?: string }): void;
}

export const EVENT_CONTENT_PREFIX = 'application/vnd.amazonaws.connect.event.';
export const CONTENT_TYPES = {
  typing: `${EVENT_CONTENT_PREFIX}typing`,
  delivered: `${EVENT_CONTENT_PREFIX}message.delivered`,
  read: `${EVENT_CONTENT_PREFIX}message.read`,
  chatEnded: `${EVENT_CONTENT_PREFIX}chat.ended`,
  connectionAcknowledged: `${EVENT_CONTENT_PREFIX}connection.acknowledged`,
} as const;

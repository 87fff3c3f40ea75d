// A fake of amazon-connect-chatjs' AGENT session for the engine's chat tests: it keeps the handlers the engine
// registers (emit() plays an event as ChatJS would deliver it), serves GetTranscript from a list of items in
// pages with NextToken as the participant service does (newest page first, each page oldest first), and records
// every call. Items are built with chatItem(), shaped like the participant service's (shared/docs §1.5).
import type { ChatJsAgentSession, ChatJsEvent, ChatJsItem, ChatJsTranscriptArgs } from '@/lib/streams/chat-api';

export const T0_ISO = '2026-03-02T09:00:00.000Z';
export const isoAt = (seconds: number) => new Date(Date.parse(T0_ISO) + seconds * 1000).toISOString();

export const AGENT_PARTICIPANT = 'chat-agent';
export const CUSTOMER_PARTICIPANT = 'customer-participant';

export function chatItem(id: string, seconds: number, overrides: Partial<ChatJsItem> = {}): ChatJsItem {
  return {
    Id: id,
    Type: 'MESSAGE',
    ContentType: 'text/plain',
    Content: `message ${id}`,
    AbsoluteTime: isoAt(seconds),
    ParticipantId: CUSTOMER_PARTICIPANT,
    ParticipantRole: 'CUSTOMER',
    DisplayName: 'Hana Sato',
    ContactId: 'chat-1',
    InitialContactId: 'chat-1',
    ...overrides,
  };
}

export const eventItem = (id: string, seconds: number, event: string, overrides: Partial<ChatJsItem> = {}) =>
  chatItem(id, seconds, { Type: 'EVENT', ContentType: `application/vnd.amazonaws.connect.event.${event}`, Content: undefined, ...overrides });

type Handler = (event: ChatJsEvent) => void;
export type ChatJsEventName =
  | 'message'
  | 'typing'
  | 'readReceipt'
  | 'deliveredReceipt'
  | 'participantIdle'
  | 'participantReturned'
  | 'autoDisconnection'
  | 'displayNameUpdated'
  | 'connectionEstablished'
  | 'connectionBroken'
  | 'connectionLost'
  | 'ended';

export class FakeChatSession implements ChatJsAgentSession {
  readonly handlers = new Map<ChatJsEventName, Handler[]>();
  /** What GetTranscript serves: the whole conversation, oldest first. */
  transcript: ChatJsItem[] = [];
  readonly transcriptCalls: ChatJsTranscriptArgs[] = [];
  readonly sentMessages: { message: string; contentType: string; clientToken?: string }[] = [];
  readonly sentEvents: { contentType: string; content?: string }[] = [];
  readonly sentAttachments: File[] = [];
  /** Set to make the next calls fail as ChatJS does. */
  failWith: unknown = null;
  private nextId = 1;

  constructor(private readonly contactId = 'chat-1') {}

  private on(name: ChatJsEventName, handler: Handler): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
  }

  /** Plays an event as ChatJS delivers it to the handlers. */
  emit(name: ChatJsEventName, data: ChatJsItem | null = null): void {
    for (const handler of this.handlers.get(name) ?? []) handler({ data, chatDetails: { contactId: this.contactId, participantId: AGENT_PARTICIPANT } });
  }

  onMessage = (h: Handler) => this.on('message', h);
  onTyping = (h: Handler) => this.on('typing', h);
  onReadReceipt = (h: Handler) => this.on('readReceipt', h);
  onDeliveredReceipt = (h: Handler) => this.on('deliveredReceipt', h);
  onParticipantIdle = (h: Handler) => this.on('participantIdle', h);
  onParticipantReturned = (h: Handler) => this.on('participantReturned', h);
  onAutoDisconnection = (h: Handler) => this.on('autoDisconnection', h);
  onParticipantDisplayNameUpdated = (h: Handler) => this.on('displayNameUpdated', h);
  onConnectionEstablished = (h: Handler) => this.on('connectionEstablished', h);
  onConnectionBroken = (h: Handler) => this.on('connectionBroken', h);
  onConnectionLost = (h: Handler) => this.on('connectionLost', h);
  onEnded = (h: Handler) => this.on('ended', h);

  private failure(): Promise<never> | null {
    return this.failWith === null ? null : Promise.reject(this.failWith);
  }

  sendMessage = async (args: { message: string; contentType: string; clientToken?: string }) => {
    await (this.failure() ?? Promise.resolve());
    this.sentMessages.push(args);
    return { data: { Id: `sent-${this.nextId++}`, AbsoluteTime: isoAt(100 + this.nextId) } };
  };

  sendEvent = async (args: { contentType: string; content?: string }) => {
    this.sentEvents.push(args); // recorded as sent to the service, answered after
    await (this.failure() ?? Promise.resolve());
    return { data: { Id: `event-${this.nextId++}` } };
  };

  sendAttachment = async (args: { attachment: File }) => {
    await (this.failure() ?? Promise.resolve());
    this.sentAttachments.push(args.attachment);
    return { data: {} };
  };

  getAttachmentURL = async (args: { attachmentId: string }) => {
    await (this.failure() ?? Promise.resolve());
    return `http://127.0.0.1:8790/participant/attachments/${args.attachmentId}?sig=x`;
  };

  /** BACKWARD from the newest item, ASCENDING within a page; NextToken is the index to continue from. */
  getTranscript = async (args: ChatJsTranscriptArgs) => {
    await (this.failure() ?? Promise.resolve());
    this.transcriptCalls.push(args);
    const size = args.maxResults ?? 15;
    const end = args.nextToken ? Number(args.nextToken) : this.transcript.length;
    const start = Math.max(0, end - size);
    return { data: { Transcript: this.transcript.slice(start, end), NextToken: start > 0 ? String(start) : undefined, InitialContactId: this.contactId } };
  };

  getChatDetails = () => ({ contactId: this.contactId, initialContactId: this.contactId, participantId: AGENT_PARTICIPANT });
}

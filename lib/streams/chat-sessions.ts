// The engine's chats: for every chat contact whose agent connection is live, the ChatJS session streams created
// for it (via the chat media controller), its events turned into transcript items, and a transcript per contact
// (deduplicated by id, ordered by time, bounded). New or changed items are reported to the worker as they come;
// whenever a session is obtained or its connection is re-established, the transcript is fetched with
// GetTranscript, so nothing pushed while nobody listened (an engine restart, a dropped socket) is lost.
//
//   track(contact) ──media controller resolves──► subscribed ──getTranscript (paged)──► report {full:true}
//        │ (rejected: retried on a later track, after a pause)      ▲
//        │                                                         └── onConnectionEstablished (socket back)
//   retain(live ids): chats no longer on the agent's plate are forgotten.
import { boundChatItems, mergeChatItems, type ChatItemView } from '../session/chat-transcript';
import type { EngineEvent } from '../messaging/protocol';
import { CONTENT_TYPES, type ChatJsAgentSession, type ChatJsEvent, type ChatJsItem } from './chat-api';
import { chatRoleOf, receiptUpdateOf, toChatItemView } from './chat-items';

export interface ChatSessionsOptions {
  report(event: EngineEvent): void;
  log(event: string, data?: Record<string, unknown>): void;
  now?: () => number;
  /** Items asked for per GetTranscript page (the participant service allows at most 100). */
  pageSize?: number;
  /** How many items a backfill fetches at most. */
  backfillLimit?: number;
  /** After a failed media controller, how long before the next attempt. */
  retryAfterMs?: number;
}

/** What the engine knows of a chat contact when it tracks it. */
export interface TrackedChat {
  contactId: string;
  /** The agent's connection id: the agent's participant id in the chat. */
  participantId: string;
  /** The contact center's contact features: may the agent send attachments? */
  attachmentsEnabled: boolean;
  /** The agent accepted (the agent connection is connected): only then are customer messages acknowledged. */
  connected: boolean;
  /** streams' `agentConnection.getMediaController()`. */
  session(): Promise<ChatJsAgentSession>;
}

interface ChatRecord {
  contactId: string;
  participantId: string;
  attachmentsEnabled: boolean;
  connected: boolean;
  items: ChatItemView[];
  session: ChatJsAgentSession | null;
  pending: Promise<ChatJsAgentSession | null> | null;
  failedAt: number | null;
  ended: boolean;
  backfilling: Promise<void> | null;
  backfillAgain: boolean;
}

export interface ChatSessionInfo {
  session: ChatJsAgentSession;
  participantId: string;
  attachmentsEnabled: boolean;
}

const errorText = (error: unknown) =>
  typeof error === 'string' ? error : error instanceof Error ? error.message : ((error as { message?: string } | null)?.message ?? JSON.stringify(error));

export class ChatSessions {
  private readonly chats = new Map<string, ChatRecord>();
  private readonly now: () => number;
  private readonly pageSize: number;
  private readonly backfillLimit: number;
  private readonly retryAfterMs: number;

  constructor(private readonly options: ChatSessionsOptions) {
    this.now = options.now ?? Date.now;
    this.pageSize = options.pageSize ?? 100;
    this.backfillLimit = options.backfillLimit ?? 500;
    this.retryAfterMs = options.retryAfterMs ?? 5000;
  }

  /** The contact ids with a chat record (diagnostics, tests). */
  contactIds(): string[] {
    return [...this.chats.keys()];
  }

  /** The transcript the engine holds for a chat. */
  items(contactId: string): ChatItemView[] {
    return [...(this.chats.get(contactId)?.items ?? [])];
  }

  /** A chat with a live agent connection: obtain its session unless it has one (or is being obtained). */
  track(chat: TrackedChat): void {
    let record = this.chats.get(chat.contactId);
    if (!record) {
      record = {
        contactId: chat.contactId,
        participantId: chat.participantId,
        attachmentsEnabled: chat.attachmentsEnabled,
        connected: chat.connected,
        items: [],
        session: null,
        pending: null,
        failedAt: null,
        ended: false,
        backfilling: null,
        backfillAgain: false,
      };
      this.chats.set(chat.contactId, record);
    }
    record.attachmentsEnabled = chat.attachmentsEnabled;
    const accepted = chat.connected && !record.connected;
    record.connected = chat.connected;
    if (accepted) this.deliverNewest(record);
    if (record.session || record.pending || record.ended) return;
    if (record.failedAt !== null && this.now() - record.failedAt < this.retryAfterMs) return;
    const current = record;
    current.pending = chat
      .session()
      .then((session) => {
        if (this.chats.get(current.contactId) !== current) return null;
        current.session = session;
        current.failedAt = null;
        this.subscribe(current, session);
        this.options.log('chat-session', { contactId: current.contactId });
        void this.backfill(current.contactId);
        return session;
      })
      .catch((error: unknown) => {
        current.failedAt = this.now();
        this.options.log('chat-session-failed', { contactId: current.contactId, message: errorText(error) });
        return null;
      })
      .finally(() => {
        current.pending = null;
      });
  }

  /** Forgets chats that are no longer the agent's (cleared, or gone from the snapshot). */
  retain(contactIds: ReadonlySet<string>): void {
    for (const id of [...this.chats.keys()]) if (!contactIds.has(id)) this.chats.delete(id);
  }

  /** The chat's session, waiting for one being obtained; null when there is none to use. */
  async session(contactId: string): Promise<ChatSessionInfo | null> {
    const record = this.chats.get(contactId);
    if (!record || record.ended) return null;
    const session = record.session ?? (record.pending ? await record.pending : null);
    if (!session || record.ended) return null;
    return { session, participantId: record.participantId, attachmentsEnabled: record.attachmentsEnabled };
  }

  /** Adds items the engine itself learned (a sent message's id and time) and reports the change. */
  add(contactId: string, items: ChatItemView[]): void {
    const record = this.chats.get(contactId);
    if (record) this.merge(record, items, false);
  }

  /** Marks `messageId` and every earlier customer message as read by the agent; returns whether any of them was
   *  not read before (a read receipt is worth sending only then). */
  markRead(contactId: string, messageId: string): boolean {
    const record = this.chats.get(contactId);
    const target = record?.items.find((item) => item.id === messageId);
    if (!record || !target) return false;
    const read = record.items
      .filter((item) => !item.own && item.role === 'CUSTOMER' && item.kind !== 'event' && item.time <= target.time && item.receipt !== 'read')
      .map((item) => ({ ...item, receipt: 'read' as const }));
    this.merge(record, read, false);
    return read.length > 0;
  }

  /** Reports every chat's transcript again (the worker restarted). */
  resync(): void {
    for (const record of this.chats.values()) {
      if (record.items.length > 0) this.options.report({ type: 'chat-items', contactId: record.contactId, items: record.items, full: true });
    }
  }

  /** Fetches the chat's transcript (GetTranscript, newest first page back to `backfillLimit`) and merges it. */
  backfill(contactId: string): Promise<void> {
    const record = this.chats.get(contactId);
    if (!record?.session) return Promise.resolve();
    if (record.backfilling) {
      record.backfillAgain = true;
      return record.backfilling;
    }
    const run = async (): Promise<void> => {
      do {
        record.backfillAgain = false;
        await this.fetchTranscript(record);
      } while (record.backfillAgain && this.chats.get(contactId) === record);
    };
    record.backfilling = run().finally(() => {
      record.backfilling = null;
    });
    return record.backfilling;
  }

  private async fetchTranscript(record: ChatRecord): Promise<void> {
    const session = record.session;
    if (!session) return;
    const fetched: ChatJsItem[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    try {
      do {
        const response = await session.getTranscript({
          maxResults: this.pageSize,
          scanDirection: 'BACKWARD',
          sortOrder: 'ASCENDING',
          ...(nextToken ? { nextToken } : {}),
        });
        fetched.push(...(response.data?.Transcript ?? []));
        nextToken = response.data?.NextToken || undefined;
        pages += 1;
      } while (nextToken && fetched.length < this.backfillLimit);
    } catch (error) {
      this.options.log('chat-transcript-failed', { contactId: record.contactId, message: errorText(error), fetched: fetched.length });
      if (fetched.length === 0) return;
    }
    const now = this.now();
    const views = fetched.map((item) => toChatItemView(item, record.participantId, now)).filter((v): v is ChatItemView => v !== null);
    this.merge(record, views, true);
    this.options.log('chat-transcript', { contactId: record.contactId, items: views.length, pages });
    this.deliverNewest(record);
  }

  /** Tells the customer their newest message arrived, unless the agent's side already did (or has not accepted). */
  private deliverNewest(record: ChatRecord): void {
    const newest = [...record.items].reverse().find((item) => item.role === 'CUSTOMER' && item.kind !== 'event');
    if (newest && newest.receipt === undefined) this.sendReceipt(record, newest.id, 'delivered');
  }

  private merge(record: ChatRecord, incoming: ChatItemView[], full: boolean): void {
    const { items, changed } = mergeChatItems(record.items, incoming);
    record.items = boundChatItems(items);
    if (full) this.options.report({ type: 'chat-items', contactId: record.contactId, items: record.items, full: true });
    else if (changed.length > 0) this.options.report({ type: 'chat-items', contactId: record.contactId, items: changed });
  }

  private sendReceipt(record: ChatRecord, messageId: string, receipt: 'delivered' | 'read'): void {
    const session = record.session;
    if (!session || record.ended || !record.connected) return;
    if (receipt === 'delivered') {
      const item = record.items.find((candidate) => candidate.id === messageId);
      if (item && !item.receipt) this.merge(record, [{ ...item, receipt: 'delivered' }], false);
    }
    // ChatJS batches and deduplicates receipts (its promise settles after its throttle, up to 5 s): not awaited.
    session
      .sendEvent({ contentType: receipt === 'read' ? CONTENT_TYPES.read : CONTENT_TYPES.delivered, content: JSON.stringify({ messageId }) })
      .catch((error: unknown) => this.options.log('chat-receipt-failed', { contactId: record.contactId, receipt, message: errorText(error) }));
  }

  /** Sends the read receipt for a message (after markRead). */
  sendRead(contactId: string, messageId: string): void {
    const record = this.chats.get(contactId);
    if (record) this.sendReceipt(record, messageId, 'read');
  }

  private subscribe(record: ChatRecord, session: ChatJsAgentSession): void {
    const live = () => this.chats.get(record.contactId) === record;
    const onItem = (event: ChatJsEvent) => {
      if (!live() || !event?.data) return;
      this.receiveItem(record, event.data);
    };
    session.onMessage(onItem);
    session.onParticipantIdle(onItem);
    session.onParticipantReturned(onItem);
    session.onAutoDisconnection(onItem);
    session.onParticipantDisplayNameUpdated(onItem);
    const onReceipt = (event: ChatJsEvent) => {
      if (!live() || !event?.data) return;
      const update = receiptUpdateOf(event.data);
      const item = update ? record.items.find((candidate) => candidate.id === update.messageId) : undefined;
      if (update && item) this.merge(record, [{ ...item, receipt: update.receipt }], false);
    };
    session.onReadReceipt(onReceipt);
    session.onDeliveredReceipt(onReceipt);
    session.onTyping((event) => {
      const data = event?.data;
      if (!live() || !data || data.ParticipantId === record.participantId) return;
      this.options.report({ type: 'chat-typing', contactId: record.contactId, role: chatRoleOf(data.ParticipantRole), at: this.now() });
    });
    session.onConnectionEstablished(() => {
      if (!live()) return;
      this.options.log('chat-connection', { contactId: record.contactId, status: 'established' });
      void this.backfill(record.contactId);
    });
    session.onConnectionLost(() => this.options.log('chat-connection', { contactId: record.contactId, status: 'lost' }));
    session.onConnectionBroken(() => this.options.log('chat-connection', { contactId: record.contactId, status: 'broken' }));
    session.onEnded(() => {
      record.ended = true;
      this.options.log('chat-ended', { contactId: record.contactId });
    });
  }

  private receiveItem(record: ChatRecord, item: ChatJsItem): void {
    if (item.ContentType === CONTENT_TYPES.chatEnded) record.ended = true;
    const view = toChatItemView(item, record.participantId, this.now());
    if (!view) return;
    // A customer's message that reaches an agent who accepted the chat: delivered (one report, receipt included).
    const deliver = view.role === 'CUSTOMER' && view.kind !== 'event' && !view.own && view.receipt === undefined && record.connected;
    if (deliver) view.receipt = 'delivered';
    this.merge(record, [view], false);
    if (deliver) this.sendReceipt(record, view.id, 'delivered');
  }
}

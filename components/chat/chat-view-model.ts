// The shapes the chat components take as props: what the session store will give them for each chat contact
// (serializable copies, no ChatJS or streams objects), and the ids that tie a chat's tab to its panel.

import type { ChatItemView, ChatAttachmentView as TranscriptAttachmentView } from '@/lib/session/chat-transcript';

export type { ChatItemKind, ChatReceipt, ChatRole } from '@/lib/session/chat-transcript';

/** Amazon Connect's attachment status: scanned and approved, refused by the scan, or still being uploaded. */
export type ChatAttachmentStatus = TranscriptAttachmentView['status'];

/** An attachment as the transcript shows it: the engine's view, with its size when known. */
export interface ChatAttachmentView extends TranscriptAttachmentView {
  /** Size in bytes. */
  size?: number | null;
}

/**
 * The chat events the transcript shows as a line of their own, by Connect's event content type without its
 * `application/vnd.amazonaws.connect.event.` prefix. Other events (typing, receipts) are not transcript lines.
 */
export const TRANSCRIPT_EVENTS = {
  'participant.joined': 'joined',
  'participant.left': 'left',
  'participant.idle': 'idle',
  'participant.returned': 'returned',
  'transfer.succeeded': 'transferred',
  'chat.ended': 'ended',
} as const;

export type TranscriptEvent = (typeof TRANSCRIPT_EVENTS)[keyof typeof TRANSCRIPT_EVENTS];

/** The transcript line an event type makes, or null for events that are not shown. */
export function transcriptEventOf(eventType: string | undefined): TranscriptEvent | null {
  return eventType !== undefined && Object.hasOwn(TRANSCRIPT_EVENTS, eventType)
    ? TRANSCRIPT_EVENTS[eventType as keyof typeof TRANSCRIPT_EVENTS]
    : null;
}

/**
 * One transcript item: the engine's ChatItemView (lib/session/chat-transcript.ts documents the fields), where `own`
 * may be left out (then the agent's messages count as the agent's own) and attachments may carry their size.
 * kind 'event' items show as a line only for the event types in TRANSCRIPT_EVENTS.
 */
export interface ChatMessageView extends Omit<ChatItemView, 'own' | 'attachments'> {
  own?: boolean;
  attachments?: ChatAttachmentView[];
}

/** Where a chat contact is: offered to the agent, in conversation, or ended and in After Contact Work. */
export type ChatContactState = 'incoming' | 'connected' | 'acw';

/** One tab of ChatTabs. */
export interface ChatTabView {
  contactId: string;
  customerName: string;
  /** Customer messages the agent has not seen. */
  unread: number;
  /** When the customer's oldest unanswered message arrived (epoch ms); null when nothing awaits a reply. */
  waitingSinceMs: number | null;
  state: ChatContactState;
}

/** A chat offered to the agent (IncomingChatCard). */
export interface IncomingChatView {
  contactId: string;
  customerName: string;
  queueName: string | null;
  /** The customer's first message, if the chat started with one. */
  initialMessage: string | null;
}

/** A chat contact in ChatContactView. */
export interface ChatContactViewModel {
  contactId: string;
  customerName: string;
  state: ChatContactState;
  messages: ChatMessageView[];
  /** Display name of whoever is typing on the other side; null when nobody is. */
  typingName: string | null;
  /** Connect's contactFeatures: render text/markdown as Markdown, allow attachments. */
  markdownEnabled: boolean;
  attachmentsEnabled: boolean;
  /** Object (blob:) URLs of downloaded image attachments, by attachment id: the transcript previews these. */
  attachmentUrls: Readonly<Record<string, string>>;
}

/** The id of a chat's tab (ChatTabs) and of the panel it controls (ChatContactView). */
export const chatTabId = (contactId: string) => `chat-tab-${contactId}`;
export const chatPanelId = (contactId: string) => `chat-panel-${contactId}`;

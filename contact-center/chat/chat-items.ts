// The chat item, Amazon Connect's unit of everything in a chat (message, event, attachment, receipt), its
// content types, and builders for the items the contact center emits; shapes follow ConnectParticipant's Item.

import { randomUUID } from 'node:crypto';

export type ChatItemType = 'MESSAGE' | 'EVENT' | 'ATTACHMENT' | 'CONNECTION_ACK' | 'MESSAGEMETADATA';
export type ParticipantRole = 'AGENT' | 'CUSTOMER' | 'SYSTEM' | 'CUSTOM_BOT' | 'SUPERVISOR';
export type AttachmentStatus = 'APPROVED' | 'REJECTED' | 'IN_PROGRESS';

export interface AttachmentItem {
  AttachmentId: string;
  AttachmentName: string;
  ContentType: string;
  Status: AttachmentStatus;
}

export interface Receipt {
  DeliveredTimestamp?: string;
  ReadTimestamp?: string;
  RecipientParticipantId: string;
}

export interface MessageMetadata {
  MessageId: string;
  Receipts?: Receipt[];
}

export interface ChatItem {
  Id: string;
  Type: ChatItemType;
  ContentType: string;
  Content?: string;
  /** ISO 8601 with milliseconds, as Connect writes it: 2019-11-08T02:41:28.172Z. */
  AbsoluteTime: string;
  /** Absent on MESSAGEMETADATA items, as in Connect. */
  ParticipantId?: string;
  ParticipantRole?: ParticipantRole;
  DisplayName?: string;
  ContactId: string;
  InitialContactId: string;
  Attachments?: AttachmentItem[];
  MessageMetadata?: MessageMetadata;
}

const EVENT_PREFIX = 'application/vnd.amazonaws.connect.event.';

export const CONTENT_TYPE = {
  textPlain: 'text/plain',
  textMarkdown: 'text/markdown',
  applicationJson: 'application/json',
  interactiveMessage: 'application/vnd.amazonaws.connect.message.interactive',
  interactiveResponse: 'application/vnd.amazonaws.connect.message.interactive.response',
  typing: `${EVENT_PREFIX}typing`,
  participantJoined: `${EVENT_PREFIX}participant.joined`,
  participantLeft: `${EVENT_PREFIX}participant.left`,
  transferSucceeded: `${EVENT_PREFIX}transfer.succeeded`,
  transferFailed: `${EVENT_PREFIX}transfer.failed`,
  chatEnded: `${EVENT_PREFIX}chat.ended`,
  messageDelivered: `${EVENT_PREFIX}message.delivered`,
  messageRead: `${EVENT_PREFIX}message.read`,
  connectionAcknowledged: `${EVENT_PREFIX}connection.acknowledged`,
  /** Connect's content type on MESSAGEMETADATA (receipt) items; ChatJS dispatches them by Type, not by this. */
  messageMetadata: `${EVENT_PREFIX}message.metadata`,
} as const;

/** Who an item is from: a participant, or the contact center itself (SYSTEM). */
export interface ItemSender {
  participantId: string;
  role: ParticipantRole;
  displayName: string;
}

/** Where an item belongs: the contact it was sent on and the chain's first contact. */
export interface ItemChat {
  contactId: string;
  initialContactId: string;
}

/** Connect's timestamp format: ISO 8601 in UTC with milliseconds. */
export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export function newItemId(): string {
  return randomUUID();
}

function baseItem(type: ChatItemType, contentType: string, chat: ItemChat, at: number, sender?: ItemSender): ChatItem {
  const item: ChatItem = {
    Id: newItemId(),
    Type: type,
    ContentType: contentType,
    AbsoluteTime: isoTime(at),
    ContactId: chat.contactId,
    InitialContactId: chat.initialContactId,
  };
  if (sender) {
    item.ParticipantId = sender.participantId;
    item.ParticipantRole = sender.role;
    item.DisplayName = sender.displayName;
  }
  return item;
}

export function messageItem(chat: ItemChat, sender: ItemSender, contentType: string, content: string, at: number): ChatItem {
  return { ...baseItem('MESSAGE', contentType, chat, at, sender), Content: content };
}

export function typingItem(chat: ItemChat, sender: ItemSender, at: number): ChatItem {
  return baseItem('EVENT', CONTENT_TYPE.typing, chat, at, sender);
}

export function participantJoinedItem(chat: ItemChat, who: ItemSender, at: number): ChatItem {
  return baseItem('EVENT', CONTENT_TYPE.participantJoined, chat, at, who);
}

export function participantLeftItem(chat: ItemChat, who: ItemSender, at: number): ChatItem {
  return baseItem('EVENT', CONTENT_TYPE.participantLeft, chat, at, who);
}

/** Sent by the system on the contact the chat leaves; ChatJS breaks the transferring agent's session on it. */
export function transferSucceededItem(chat: ItemChat, at: number): ChatItem {
  return { ...baseItem('EVENT', CONTENT_TYPE.transferSucceeded, chat, at), ParticipantRole: 'SYSTEM' };
}

export function chatEndedItem(chat: ItemChat, at: number): ChatItem {
  return { ...baseItem('EVENT', CONTENT_TYPE.chatEnded, chat, at), ParticipantRole: 'SYSTEM' };
}

export function connectionAcknowledgedItem(chat: ItemChat, who: ItemSender, at: number): ChatItem {
  return baseItem('CONNECTION_ACK', CONTENT_TYPE.connectionAcknowledged, chat, at, who);
}

export type ReceiptKind = 'delivered' | 'read';

/** A MESSAGEMETADATA item: `recipient` has received or read `messageId`. */
export function receiptItem(chat: ItemChat, messageId: string, recipientParticipantId: string, kind: ReceiptKind, at: number): ChatItem {
  const receipt: Receipt =
    kind === 'read'
      ? { ReadTimestamp: isoTime(at), RecipientParticipantId: recipientParticipantId }
      : { DeliveredTimestamp: isoTime(at), RecipientParticipantId: recipientParticipantId };
  return { ...baseItem('MESSAGEMETADATA', CONTENT_TYPE.messageMetadata, chat, at), MessageMetadata: { MessageId: messageId, Receipts: [receipt] } };
}

export function attachmentItemOf(chat: ItemChat, sender: ItemSender, attachment: AttachmentItem, at: number): ChatItem {
  return { ...baseItem('ATTACHMENT', attachment.ContentType, chat, at, sender), Attachments: [attachment] };
}


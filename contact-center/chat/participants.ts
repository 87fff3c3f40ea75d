// Chat participants and their two tokens: the participant token (StartChatContact's answer to the customer, the
// agent's connectionData) that only opens a connection, and the connection token every other participant
// service call carries. Both are unguessable and map to one participant; who may still use them is decided here.

import { randomBytes, randomUUID } from 'node:crypto';
import { accessDenied } from './chat-errors';
import type { ItemChat, ItemSender, ParticipantRole } from './chat-items';

/** Why a participant stopped being part of the chat. A participant that left or was transferred away loses
 *  its tokens; one still present when the chat ended may read what happened (transcript, attachments). */
export type DisconnectReason = 'left' | 'transferred' | 'chat_ended';

export interface ChatParticipant {
  participantId: string;
  /** The contact this participant is on; for the customer it follows the chain through transfers. */
  contactId: string;
  initialContactId: string;
  role: ParticipantRole;
  displayName: string;
  participantToken: string;
  connectionToken: string | null;
  /** Epoch ms. */
  connectionExpiresAt: number | null;
  connectedAt: number | null;
  disconnectedAt: number | null;
  disconnectReason: DisconnectReason | null;
}

/** How long a connection token lives. Connect does not publish it; ChatJS refreshes its token every 12 h
 *  (CONNECTION_TOKEN_POLLING_INTERVAL_IN_MS), so a day leaves room for one missed refresh. */
export const CONNECTION_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** The WebSocket URL must be opened within 100 s ("connect expiry timeout of 100s", CreateParticipantConnection
 *  in the service model); ChatJS itself uses it for at most 85 s (WEBSOCKET_URL_VALID_TIME_MS). */
export const WEBSOCKET_URL_LIFETIME_MS = 100 * 1000;

/** A bearer token: 32 random bytes, URL-safe (it travels in the x-amz-bearer header and in URLs). */
export function mintToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A new participant with its participant token; it has no connection token until it connects (agents get one at
 *  once). `participantId` defaults to a new UUID (an agent's is its connection id in the routing engine). */
export function newParticipant(base: Pick<ChatParticipant, 'contactId' | 'initialContactId' | 'role' | 'displayName'>, participantId?: string): ChatParticipant {
  return {
    ...base,
    participantId: participantId ?? randomUUID(),
    participantToken: mintToken(),
    connectionToken: null,
    connectionExpiresAt: null,
    connectedAt: null,
    disconnectedAt: null,
    disconnectReason: null,
  };
}

export function senderOf(participant: ChatParticipant): ItemSender {
  return { participantId: participant.participantId, role: participant.role, displayName: participant.displayName };
}

export function chatOf(participant: ChatParticipant): ItemChat {
  return { contactId: participant.contactId, initialContactId: participant.initialContactId };
}

export function isActive(participant: ChatParticipant): boolean {
  return participant.disconnectedAt === null;
}

/** The participant may act in the chat (send, disconnect, upload): present, with a live connection token. */
export function assertMayWrite(participant: ChatParticipant | undefined, now: number): ChatParticipant {
  const found = assertTokenLive(participant, now);
  if (!isActive(found)) throw accessDenied('The participant is no longer part of this chat.');
  return found;
}

/** The participant may read the chat (transcript, attachments): present, or present until the chat ended. */
export function assertMayRead(participant: ChatParticipant | undefined, now: number): ChatParticipant {
  const found = assertTokenLive(participant, now);
  if (found.disconnectReason === 'left' || found.disconnectReason === 'transferred') {
    throw accessDenied('The participant is no longer part of this chat.');
  }
  return found;
}

function assertTokenLive(participant: ChatParticipant | undefined, now: number): ChatParticipant {
  if (!participant || participant.connectionExpiresAt === null) throw accessDenied('The connection token is not valid.');
  if (participant.connectionExpiresAt <= now) throw accessDenied('The connection token has expired.');
  return participant;
}

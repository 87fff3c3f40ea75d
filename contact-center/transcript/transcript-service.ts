// The live transcript of the local contact center: lines said on a call (POST /api/v1/contacts/{id}/transcript)
// and chat messages become segments with offsets and a sentiment, are stored with the contact (kept after it
// ends) and announced on the hub; a contact's end is announced too. Framework-free: routes map TranscriptError.

import { randomUUID } from 'node:crypto';
import type { ChatItem } from '../chat/chat-items';
import type { ContactRecord } from '../model';
import type { RoutingEngine } from '../routing/engine';
import type { Database } from '../store/database';
import { appendTranscriptSegment, lastTranscriptSegment, listTranscriptSegments, type StoredTranscriptSegment } from '../store/transcript-repository';
import { scoreSentiment } from './sentiment';
import type { TranscriptHub } from './transcript-hub';

/** The longest line one segment may carry, in characters (a spoken utterance or a chat message is far shorter). */
export const MAX_SEGMENT_TEXT_LENGTH = 2000;
/** The roles a line said on a call may have. */
export const CALL_ROLES = ['CUSTOMER', 'AGENT'] as const;
export type CallRole = (typeof CALL_ROLES)[number];

/** How long saying a line takes, to place its begin offset: about 150 words a minute, or 8 Japanese letters a second. */
const MS_PER_WORD = 400;
const MS_PER_CJK_LETTER = 125;
const MIN_SPEECH_MS = 600;

/** Chat content types whose text is a transcript line (interactive messages and JSON are not). */
const TEXT_CONTENT_TYPES = new Set(['text/plain', 'text/markdown']);

export type TranscriptErrorCode =
  | 'ResourceNotFoundException'
  | 'TranscriptNotLiveCall'
  | 'TranscriptTextEmpty'
  | 'TranscriptTextTooLong'
  | 'TranscriptRoleInvalid'
  | 'TranscriptNotYourContact';

const STATUS: Record<TranscriptErrorCode, number> = {
  ResourceNotFoundException: 404,
  TranscriptNotLiveCall: 409,
  TranscriptTextEmpty: 400,
  TranscriptTextTooLong: 400,
  TranscriptRoleInvalid: 400,
  TranscriptNotYourContact: 403,
};

/** A refused transcript request; `code` is stable (the extension translates by it), `message` says it in English. */
export class TranscriptError extends Error {
  readonly status: number;
  constructor(
    readonly code: TranscriptErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

/** Where a contact stands, for the transcript: its channel, its agent, and whether it is over. */
export interface TranscriptContact {
  contactId: string;
  channel: ContactRecord['channel'];
  agentId: string | null;
  /** The customer has left or been disconnected: the transcript is complete. */
  ended: boolean;
  record: ContactRecord;
}

export interface TranscriptServiceOptions {
  db: Database;
  engine: RoutingEngine;
  /** A stored contact record (contacts no longer in the engine). */
  getRecord(contactId: string): ContactRecord | null;
  hub: TranscriptHub;
  now(): number;
}

export function speechDurationMs(text: string): number {
  const cjkLetters = (text.match(/[\u3040-\u30ff\u3400-\u9fff]/g) ?? []).length;
  const words = (text.replace(/[\u3040-\u30ff\u3400-\u9fff]/g, ' ').match(/[\p{L}\p{N}]+/gu) ?? []).length;
  return Math.max(MIN_SPEECH_MS, words * MS_PER_WORD + cjkLetters * MS_PER_CJK_LETTER);
}

export class TranscriptService {
  /** Contacts seen in flight, whose end is still to be announced. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly options: TranscriptServiceOptions) {}

  get hub(): TranscriptHub {
    return this.options.hub;
  }

  /** Announces each voice or chat contact's end once, as the engine records it; returns the unsubscribe. */
  watchContactEnds(): () => void {
    return this.options.engine.observe({
      recordChanged: (record) => {
        if (record.channel === 'task') return;
        if (record.disconnectedAt === null && record.state !== 'ended') {
          this.inFlight.add(record.contactId);
        } else if (this.inFlight.delete(record.contactId)) {
          this.options.hub.emitCompleted(record.contactId);
        }
      },
    });
  }

  /** The contact as the transcript sees it, or null when there is no such contact. */
  contact(contactId: string): TranscriptContact | null {
    const { engine } = this.options;
    const record = engine.hasContact(contactId) ? engine.getContact(contactId).record : this.options.getRecord(contactId);
    if (!record) return null;
    return { contactId, channel: record.channel, agentId: record.agentId, ended: record.disconnectedAt !== null || record.state === 'ended', record };
  }

  /** A line said on a live call by the customer or the agent; `agentId` is the signed-in agent asking, if any. */
  sayOnCall(contactId: string, input: { role?: unknown; text?: unknown }, agentId: string | null = null): StoredTranscriptSegment {
    const role = validRole(input.role);
    const text = validText(input.text);
    const contact = this.currentContact(contactId);
    if (!contact) throw new TranscriptError('ResourceNotFoundException', `contact ${contactId} does not exist`);
    const record = contact.record;
    if (record.channel !== 'voice') {
      throw new TranscriptError('TranscriptNotLiveCall', `contact ${contactId} is a ${record.channel} contact, not a call: its transcript comes from its messages`);
    }
    if (contact.ended || record.state !== 'connected' || record.connectedToAgentAt === null) {
      const where = contact.ended ? 'has ended' : `is ${record.state}, not yet connected to an agent`;
      throw new TranscriptError('TranscriptNotLiveCall', `call ${contact.contactId} ${where}: lines can be said only while the customer talks with an agent`);
    }
    if (agentId !== null && record.agentId !== agentId) {
      throw new TranscriptError('TranscriptNotYourContact', `call ${contact.contactId} is not handled by the signed-in agent ${agentId}`);
    }
    const now = this.options.now();
    const endOffset = Math.max(0, now - record.connectedToAgentAt);
    const sentiment = scoreSentiment(text);
    return this.add({
      id: randomUUID(),
      contactId: contact.contactId,
      channel: 'VOICE',
      participantRole: role,
      // Contact Lens names a call's participants by their role.
      participantId: role,
      displayName: role === 'AGENT' ? this.agentName(record.agentId) : null,
      content: text,
      beginOffsetMillis: Math.max(0, endOffset - speechDurationMs(text)),
      endOffsetMillis: endOffset,
      absoluteTime: new Date(now).toISOString(),
      sentiment: sentiment.sentiment,
      sentimentScore: sentiment.score,
    });
  }

  /** The contact a caller means: after a completed transfer the customer talks on the transfer's contact, so a line
   *  said on the first contact's id lands on the contact that is live now. */
  private currentContact(contactId: string): TranscriptContact | null {
    let contact = this.contact(contactId);
    const visited = new Set<string>();
    while (contact && contact.ended && contact.record.disconnectReason === 'transferred' && contact.record.nextContactId && !visited.has(contact.contactId)) {
      visited.add(contact.contactId);
      contact = this.contact(contact.record.nextContactId) ?? contact;
    }
    return contact;
  }

  /** A chat message (customer, agent or system) as its segment; other items (events, receipts, files) are not. */
  addChatMessage(item: ChatItem): StoredTranscriptSegment | null {
    if (item.Type !== 'MESSAGE' || !TEXT_CONTENT_TYPES.has(item.ContentType) || typeof item.Content !== 'string') return null;
    const role = item.ParticipantRole;
    if (role !== 'CUSTOMER' && role !== 'AGENT' && role !== 'SYSTEM') return null;
    const text = item.Content.trim();
    if (text === '') return null;
    const at = Date.parse(item.AbsoluteTime);
    const start = this.contact(item.ContactId)?.record.initiatedAt ?? at;
    const offset = Math.max(0, at - start);
    const sentiment = scoreSentiment(text);
    return this.add({
      id: item.Id,
      contactId: item.ContactId,
      channel: 'CHAT',
      participantRole: role,
      participantId: item.ParticipantId ?? role,
      displayName: item.DisplayName ?? null,
      content: text,
      beginOffsetMillis: offset,
      endOffsetMillis: offset,
      absoluteTime: item.AbsoluteTime,
      sentiment: sentiment.sentiment,
      sentimentScore: sentiment.score,
    });
  }

  /** The contact's segments after `afterSequence`, in order, at most `limit`. */
  segments(contactId: string, afterSequence = 0, limit = 1000): StoredTranscriptSegment[] {
    return listTranscriptSegments(this.options.db, contactId, afterSequence, limit);
  }

  lastSegment(contactId: string): StoredTranscriptSegment | null {
    return lastTranscriptSegment(this.options.db, contactId);
  }

  private add(segment: Omit<StoredTranscriptSegment, 'sequence'>): StoredTranscriptSegment {
    const stored = appendTranscriptSegment(this.options.db, segment);
    this.options.hub.emitSegment(stored);
    return stored;
  }

  private agentName(agentId: string | null): string | null {
    const agent = this.options.engine.instance.agents.find((a) => a.id === agentId);
    return agent ? `${agent.firstName} ${agent.lastName}` : null;
  }
}

function validRole(role: unknown): CallRole {
  if (typeof role === 'string' && (CALL_ROLES as readonly string[]).includes(role)) return role as CallRole;
  throw new TranscriptError('TranscriptRoleInvalid', `"role" must be CUSTOMER or AGENT (got ${JSON.stringify(role) ?? 'nothing'})`);
}

function validText(text: unknown): string {
  if (typeof text !== 'string') throw new TranscriptError('TranscriptTextEmpty', '"text" must be the line said, as a string');
  const trimmed = text.trim();
  if (trimmed === '') throw new TranscriptError('TranscriptTextEmpty', '"text" is empty: say at least one word');
  const length = [...trimmed].length;
  if (length > MAX_SEGMENT_TEXT_LENGTH) {
    throw new TranscriptError('TranscriptTextTooLong', `"text" is ${length} characters long; one line may have at most ${MAX_SEGMENT_TEXT_LENGTH}`);
  }
  return trimmed;
}

// Input rules of the Amazon Connect Participant Service, checked the way the service checks them: every refusal
// is a ValidationException naming the field. Limits come from the service model (connectparticipant 2018-09-07:
// botocore's service-2.json shapes and the AWS SDK's doc comments), cited beside each constant.

import { invalidInput } from './chat-errors';
import { CONTENT_TYPE } from './chat-items';
import type { ScanDirection, SortOrder, TranscriptStart } from '../store/chat-transcript-repository';

/** Shape ChatContent: 1..16384 characters, any content type. */
export const CHAT_CONTENT_MAX_LENGTH = 16384;
/** SendMessage's Content doc comment: text/plain and text/markdown 1..1024, application/json 1..12000,
 *  interactive.response 1..12288. These are the types SendMessage accepts. */
export const MESSAGE_CONTENT_MAX_LENGTH: Readonly<Record<string, number>> = {
  [CONTENT_TYPE.textPlain]: 1024,
  [CONTENT_TYPE.textMarkdown]: 1024,
  [CONTENT_TYPE.applicationJson]: 12000,
  [CONTENT_TYPE.interactiveResponse]: 12288,
};
/** Shape ChatContentType: 1..100. */
export const CHAT_CONTENT_TYPE_MAX_LENGTH = 100;
/** Shape ClientToken: at most 500 (optional on SendMessage/SendEvent/DisconnectParticipant). */
export const CLIENT_TOKEN_MAX_LENGTH = 500;
/** Shape MaxResults: 0..100; GetTranscript's doc: "Default: 10". (ChatJS always sends 15.) */
export const MAX_RESULTS_LIMIT = 100;
export const MAX_RESULTS_DEFAULT = 10;
/** Shape NextToken: 1..1000. */
export const NEXT_TOKEN_MAX_LENGTH = 1000;
/** Shape ChatItemId: 1..256. */
export const ITEM_ID_MAX_LENGTH = 256;
/** Shape Instant: 1..100. */
export const INSTANT_MAX_LENGTH = 100;
/** Shape MostRecent: 0..100. */
export const MOST_RECENT_LIMIT = 100;
/** Shape ContactId: 1..256. */
export const CONTACT_ID_MAX_LENGTH = 256;
/** Shape ParticipantToken (both tokens): 1..1000. */
export const TOKEN_MAX_LENGTH = 1000;
/** Shape DisplayName: 1..256. */
export const DISPLAY_NAME_MAX_LENGTH = 256;

/** The event content types SendEvent accepts (its ContentType doc comment). */
export const SEND_EVENT_CONTENT_TYPES: readonly string[] = [
  CONTENT_TYPE.typing,
  CONTENT_TYPE.connectionAcknowledged,
  CONTENT_TYPE.messageDelivered,
  CONTENT_TYPE.messageRead,
];

export interface SendMessageRequest {
  ContentType?: unknown;
  Content?: unknown;
  ClientToken?: unknown;
}

export interface SendEventRequest {
  ContentType?: unknown;
  Content?: unknown;
  ClientToken?: unknown;
}

export interface GetTranscriptRequest {
  ContactId?: unknown;
  MaxResults?: unknown;
  NextToken?: unknown;
  ScanDirection?: unknown;
  SortOrder?: unknown;
  StartPosition?: unknown;
}

export interface ValidTranscriptRequest {
  contactId?: string;
  maxResults: number;
  scanDirection: ScanDirection;
  sortOrder: SortOrder;
  start: TranscriptStart;
  nextToken?: string;
}

export function requireString(value: unknown, field: string, min: number, max: number): string {
  if (typeof value !== 'string') throw invalidInput(`${field} must be a string.`);
  if (value.length < min) throw invalidInput(min === 1 ? `${field} must not be empty.` : `${field} must have at least ${min} characters.`);
  if (value.length > max) throw invalidInput(`${field} must have at most ${max} characters.`);
  return value;
}

function optionalString(value: unknown, field: string, min: number, max: number): string | undefined {
  return value === undefined || value === null ? undefined : requireString(value, field, min, max);
}

function optionalInteger(value: unknown, field: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidInput(`${field} must be an integer.`);
  if (value < min || value > max) throw invalidInput(`${field} must be between ${min} and ${max}.`);
  return value;
}

/** A ClientToken, or undefined when none (or an empty one) was sent; `required` for the attachment calls. */
export function validClientToken(value: unknown, required = false): string | undefined {
  const token = optionalString(value, 'ClientToken', 0, CLIENT_TOKEN_MAX_LENGTH);
  if (token === undefined || token === '') {
    if (required) throw invalidInput('ClientToken is required.');
    return undefined;
  }
  return token;
}

export function validSendMessage(request: SendMessageRequest): { contentType: string; content: string; clientToken?: string } {
  const contentType = requireString(request.ContentType, 'ContentType', 1, CHAT_CONTENT_TYPE_MAX_LENGTH);
  const limit = MESSAGE_CONTENT_MAX_LENGTH[contentType];
  if (limit === undefined) {
    throw invalidInput(`ContentType ${contentType} is not supported; use one of ${Object.keys(MESSAGE_CONTENT_MAX_LENGTH).join(', ')}.`);
  }
  const content = requireString(request.Content, 'Content', 1, limit);
  if (contentType === CONTENT_TYPE.applicationJson || contentType === CONTENT_TYPE.interactiveResponse) assertJson(content);
  const clientToken = validClientToken(request.ClientToken);
  return clientToken === undefined ? { contentType, content } : { contentType, content, clientToken };
}

export function validSendEvent(request: SendEventRequest): { contentType: string; content?: string; clientToken?: string } {
  const contentType = requireString(request.ContentType, 'ContentType', 1, CHAT_CONTENT_TYPE_MAX_LENGTH);
  if (!SEND_EVENT_CONTENT_TYPES.includes(contentType)) {
    throw invalidInput(`ContentType ${contentType} is not supported; use one of ${SEND_EVENT_CONTENT_TYPES.join(', ')}.`);
  }
  const content = optionalString(request.Content, 'Content', 1, CHAT_CONTENT_MAX_LENGTH);
  const clientToken = validClientToken(request.ClientToken);
  return { contentType, ...(content === undefined ? {} : { content }), ...(clientToken === undefined ? {} : { clientToken }) };
}

/** The message id a delivered/read receipt refers to: Content is JSON {"messageId": "..."}. */
export function receiptMessageId(content: string | undefined): string {
  if (content === undefined) throw invalidInput('Content is required for a message receipt: {"messageId": "<id>"}.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw invalidInput('Content of a message receipt must be JSON: {"messageId": "<id>"}.');
  }
  const messageId = typeof parsed === 'object' && parsed !== null && 'messageId' in parsed ? parsed.messageId : undefined;
  return requireString(messageId, 'Content.messageId', 1, ITEM_ID_MAX_LENGTH);
}

export function validTranscriptRequest(request: GetTranscriptRequest): ValidTranscriptRequest {
  const contactId = optionalString(request.ContactId, 'ContactId', 1, CONTACT_ID_MAX_LENGTH);
  const maxResults = optionalInteger(request.MaxResults, 'MaxResults', 0, MAX_RESULTS_LIMIT);
  const nextToken = optionalString(request.NextToken, 'NextToken', 1, NEXT_TOKEN_MAX_LENGTH);
  const scanDirection = optionalEnum(request.ScanDirection, 'ScanDirection', ['FORWARD', 'BACKWARD'] as const);
  const sortOrder = optionalEnum(request.SortOrder, 'SortOrder', ['ASCENDING', 'DESCENDING'] as const);
  const start = validStartPosition(request.StartPosition);
  return {
    ...(contactId === undefined ? {} : { contactId }),
    // 0 is inside the model's range but a page of nothing helps no one; it means the default, as an absent value.
    maxResults: maxResults === undefined || maxResults === 0 ? MAX_RESULTS_DEFAULT : maxResults,
    // The model's defaults: BACKWARD without a StartPosition, FORWARD with one; DESCENDING.
    scanDirection: scanDirection ?? (start.kind === 'edge' ? 'BACKWARD' : 'FORWARD'),
    sortOrder: sortOrder ?? 'DESCENDING',
    start,
    ...(nextToken === undefined ? {} : { nextToken }),
  };
}

function optionalEnum<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw invalidInput(`${field} must be one of ${allowed.join(', ')}.`);
  return value as T;
}

/** ChatJS always sends StartPosition, often as {} or with every field undefined: that is no start position. */
function validStartPosition(value: unknown): TranscriptStart {
  if (value === undefined || value === null) return { kind: 'edge' };
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidInput('StartPosition must be an object.');
  const position = value as { Id?: unknown; AbsoluteTime?: unknown; MostRecent?: unknown };
  const id = optionalString(position.Id, 'StartPosition.Id', 1, ITEM_ID_MAX_LENGTH);
  const time = optionalString(position.AbsoluteTime, 'StartPosition.AbsoluteTime', 1, INSTANT_MAX_LENGTH);
  const mostRecent = optionalInteger(position.MostRecent, 'StartPosition.MostRecent', 0, MOST_RECENT_LIMIT);
  const given = [id, time, mostRecent].filter((field) => field !== undefined).length;
  if (given > 1) throw invalidInput('StartPosition takes only one of Id, AbsoluteTime and MostRecent.');
  if (id !== undefined) return { kind: 'id', id };
  if (time !== undefined) return { kind: 'time', absoluteTime: isoInstant(time) };
  if (mostRecent !== undefined) return { kind: 'mostRecent', count: mostRecent };
  return { kind: 'edge' };
}

/** Normalizes an ISO 8601 time to Connect's UTC-with-milliseconds form so it compares with stored times. */
function isoInstant(value: string): string {
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw invalidInput('StartPosition.AbsoluteTime must be an ISO 8601 time such as 2019-11-08T02:41:28.172Z.');
  return new Date(ms).toISOString();
}

function assertJson(content: string): void {
  try {
    JSON.parse(content);
  } catch {
    throw invalidInput('Content must be valid JSON for this ContentType.');
  }
}

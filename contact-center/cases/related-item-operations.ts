// Cases' related items: CreateRelatedItem of type Contact (a contact of this instance, by its ARN, linked to a case
// once) or Comment (plain text, at most 3,000 characters), made by the given performedBy or the signed-in agent;
// SearchRelatedItems, newest first, filtered by type (contacts by channel or ARN). A contact's content is Cases'
// ContactContent (contactArn, channel, connectedToSystemTime) and, once the contact ended, its disconnectTime and
// durations in seconds (queueDuration, agentInteractionDuration, customerHoldDuration, afterContactWorkDuration).
import { randomUUID } from 'node:crypto';
import { getContactRecord } from '../store/contact-record-repository';
import { getStoredCase } from '../store/cases-repository';
import {
  insertCommentItem,
  insertContactItem,
  type PerformedBy,
  type RelatedItemFilter,
  searchRelatedItems,
  type StoredRelatedItem,
} from '../store/cases-repository-related-items';
import type { CasesContext } from './case-operations';
import { LIMITS, notFound, pageStart, pageToken, validation } from './cases-model';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const SUPPORTED_TYPES = ['Contact', 'Comment'];
const CONTENT_KEY: Record<string, string> = { Contact: 'contact', Comment: 'comment', File: 'file', Sla: 'sla', ConnectCase: 'connectCase', Custom: 'custom' };

function assertCase(context: CasesContext, caseId: string): void {
  if (!getStoredCase(context.db, caseId)) throw notFound('Case', caseId, `Case ${caseId} does not exist in this domain.`);
}

/** performedBy as given (a user ARN of this instance, or a custom entity), else the signed-in agent, else none. */
function performer(context: CasesContext, given: unknown, agentId: string | null): PerformedBy | null {
  if (isRecord(given)) {
    const keys = Object.keys(given).filter((k) => given[k] !== undefined && given[k] !== null);
    if (keys.length !== 1 || !['userArn', 'customEntity'].includes(keys[0]!)) throw validation('performedBy must set exactly one of userArn and customEntity.');
    const value = given[keys[0]!];
    if (typeof value !== 'string' || value.length === 0 || value.length > LIMITS.idLength) throw validation(`performedBy.${keys[0]} must be a string of 1 to ${LIMITS.idLength} characters.`);
    if (keys[0] === 'userArn' && !value.startsWith(context.arns.agent(''))) throw validation(`performedBy.userArn must be the ARN of a user of this instance (${context.arns.agent('<user id>')}).`);
    return keys[0] === 'userArn' ? { userArn: value } : { customEntity: value };
  }
  return agentId ? { userArn: context.arns.agent(agentId) } : null;
}

export interface CreateRelatedItemInput {
  caseId: string;
  type: string;
  content: unknown;
  performedBy?: unknown;
  /** The signed-in agent who sent it, when it came with the agent's session. */
  agentId: string | null;
}

export function createRelatedItem(context: CasesContext, input: CreateRelatedItemInput): { relatedItemId: string; relatedItemArn: string } {
  if (!SUPPORTED_TYPES.includes(input.type)) {
    throw validation(
      CONTENT_KEY[input.type] ? `Related items of type ${input.type} are not kept by the local contact center: give Contact or Comment.` : `type must be Contact or Comment (got ${JSON.stringify(input.type)}).`,
    );
  }
  const key = CONTENT_KEY[input.type]!;
  if (!isRecord(input.content) || Object.keys(input.content).length !== 1 || !isRecord(input.content[key])) {
    throw validation(`content must set exactly one member, ${key}, matching type ${input.type}.`);
  }
  const body = input.content[key] as Record<string, unknown>;
  const by = performer(context, input.performedBy, input.agentId);
  assertCase(context, input.caseId);
  const at = new Date(context.now()).toISOString();
  let item: StoredRelatedItem;
  if (input.type === 'Contact') {
    if (typeof body.contactArn !== 'string') throw validation('content.contact.contactArn is required: the ARN of a contact of this instance.');
    const contactId = context.arns.contactIdOf(body.contactArn);
    if (contactId === null) throw validation(`content.contact.contactArn must be the ARN of a contact of this instance (${context.arns.contact('<contact id>')}).`);
    const record = getContactRecord(context.db, contactId);
    if (!record) throw notFound('Contact', body.contactArn, `Contact ${contactId} does not exist in this instance.`);
    item = insertContactItem(context.db, { id: randomUUID(), caseId: input.caseId, contactId, contactArn: body.contactArn, channel: record.channel, associatedAt: at, performedBy: by }).item;
  } else {
    if (typeof body.body !== 'string' || body.body.trim().length === 0 || body.body.length > LIMITS.commentBody) {
      throw validation(`content.comment.body must be text of 1 to ${LIMITS.commentBody} characters.`);
    }
    if (body.contentType !== 'Text/Plain') throw validation('content.comment.contentType must be Text/Plain.');
    item = insertCommentItem(context.db, { id: randomUUID(), caseId: input.caseId, body: body.body, associatedAt: at, performedBy: by });
  }
  return { relatedItemId: item.id, relatedItemArn: context.arns.relatedItem(input.caseId, item.id) };
}

/** A related item as SearchRelatedItems answers it. */
export function relatedItemWire(item: StoredRelatedItem) {
  let content: Record<string, unknown>;
  if (item.contact) {
    const c = item.contact;
    content = {
      contact: {
        contactArn: c.contactArn,
        channel: c.channel.toUpperCase(),
        connectedToSystemTime: c.connectedToSystemAt ?? item.associatedAt,
        ...(c.disconnectedAt !== null ? { disconnectTime: c.disconnectedAt } : {}),
        ...(c.durations ?? {}),
      },
    };
  } else {
    content = { comment: { body: item.comment?.body ?? '', contentType: item.comment?.contentType ?? 'Text/Plain' } };
  }
  return {
    relatedItemId: item.id,
    type: item.type,
    associationTime: item.associatedAt,
    content,
    ...(item.performedBy ? { performedBy: item.performedBy } : {}),
  };
}

function checkFilter(filter: unknown, index: number): RelatedItemFilter {
  const where = `filters[${index}]`;
  if (!isRecord(filter)) throw validation(`${where} must be an object with one of contact, comment, file.`);
  const keys = Object.keys(filter).filter((k) => filter[k] !== undefined && filter[k] !== null);
  if (keys.length !== 1) throw validation(`${where} must set exactly one of contact, comment, file (it set ${keys.join(', ') || 'none'}).`);
  const key = keys[0]!;
  const inner = filter[key];
  if (key === 'comment') return { comment: true };
  if (key === 'contact') {
    if (!isRecord(inner)) throw validation(`${where}.contact must be an object.`);
    const channels = inner.channel ?? [];
    if (!Array.isArray(channels) || channels.length > LIMITS.contactFilterChannels || !channels.every((c) => typeof c === 'string' && c.length >= 1 && c.length <= 100)) {
      throw validation(`${where}.contact.channel must be a list of at most ${LIMITS.contactFilterChannels} channel names (VOICE, CHAT, TASK).`);
    }
    if (inner.contactArn !== undefined && typeof inner.contactArn !== 'string') throw validation(`${where}.contact.contactArn must be a contact ARN.`);
    return { contact: { channels: channels as string[], contactArn: (inner.contactArn as string | undefined) ?? null } };
  }
  if (Object.values(CONTENT_KEY).includes(key)) return { none: true }; // a type this service keeps none of
  throw validation(`${where} has unknown member ${key} (it takes one of contact, comment, file).`);
}

export interface SearchRelatedItemsInput {
  caseId: string;
  maxResults?: number;
  nextToken?: string;
  filters?: unknown[];
}

export function searchCaseRelatedItems(context: CasesContext, input: SearchRelatedItemsInput) {
  const filters = (input.filters ?? []).map(checkFilter);
  assertCase(context, input.caseId);
  const request = { caseId: input.caseId, filters: input.filters ?? [] };
  const offset = pageStart(input.nextToken, request);
  const { items, total } = searchRelatedItems(context.db, input.caseId, filters, offset, input.maxResults ?? LIMITS.relatedItemsMaxResults);
  const end = offset + items.length;
  return { relatedItems: items.map(relatedItemWire), ...(end < total ? { nextToken: pageToken(end, request) } : {}) };
}

// Control-API route that links a contact to a case, shaped like Amazon Connect Cases `CreateRelatedItem`:
// `POST /api/v1/cases/{caseId}/related-items` with `{ type: 'Contact', content: { contact: { contactArn } } }`.
// As a convenience of the local emulator, `contact.contactId` may name the contact instead of its ARN (a
// browser extension knows the contact id from amazon-connect-streams). A contact is linked to a case once.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { Arns } from '../ccp/snapshot';
import { HttpError, readJsonObject, sendJson } from '../server/http-kit';
import { linkContactToCase, type ContactRelatedItem } from '../store/case-related-items-repository';
import { getContactRecord } from '../store/contact-record-repository';
import type { Database } from '../store/database';
import { loadInstanceConfig } from '../store/instance-repository';
import { getCase } from '../store/profile-repository';

export const RELATED_ITEMS_PATH = /^\/api\/v1\/cases\/([^/]+)\/related-items\/?$/;

const CONTACT_ID = /^[A-Za-z0-9-]{1,128}$/;

/** A related item as the API returns it (Cases' SearchRelatedItems shape, plus the contact id). */
export function relatedItemView(item: ContactRelatedItem) {
  return {
    relatedItemId: item.relatedItemId,
    type: item.type,
    associationTime: item.associatedAt,
    content: { contact: { contactArn: item.contactArn, contactId: item.contactId, channel: item.channel } },
  };
}

/** The contact id named by a CreateRelatedItem body; throws 400 with the reason. */
export function parseContactReference(body: Record<string, unknown>, instanceArn: string): string {
  if (body.type !== 'Contact') throw new HttpError(400, '"type" must be "Contact" (the only related item type the local contact center keeps)');
  const content = body.content as { contact?: unknown } | undefined;
  const contact = typeof content === 'object' && content !== null ? content.contact : undefined;
  if (typeof contact !== 'object' || contact === null || Array.isArray(contact)) {
    throw new HttpError(400, '"content.contact" must be an object with "contactArn" (or "contactId")');
  }
  const { contactArn, contactId } = contact as { contactArn?: unknown; contactId?: unknown };
  if ((contactArn === undefined) === (contactId === undefined)) throw new HttpError(400, '"content.contact" must have exactly one of "contactArn" and "contactId"');
  if (contactId !== undefined) {
    if (typeof contactId !== 'string' || !CONTACT_ID.test(contactId)) throw new HttpError(400, '"content.contact.contactId" must be a contact id (letters, digits and dashes)');
    return contactId;
  }
  const prefix = `${instanceArn}/contact/`;
  if (typeof contactArn !== 'string' || !contactArn.startsWith(prefix) || !CONTACT_ID.test(contactArn.slice(prefix.length))) {
    throw new HttpError(400, `"content.contact.contactArn" must be the ARN of a contact of this instance (${prefix}<contact id>)`);
  }
  return contactArn.slice(prefix.length);
}

/** Handles POST /api/v1/cases/{caseId}/related-items: 201 with the new item, 200 with the one already there. */
export async function handleCreateRelatedItem(db: Database, req: IncomingMessage, res: ServerResponse, rawCaseId: string, now: number): Promise<void> {
  if (req.method !== 'POST') throw new HttpError(405, 'use POST', 'MethodNotAllowed');
  let caseIdOrReference: string;
  try {
    caseIdOrReference = decodeURIComponent(rawCaseId);
  } catch {
    throw new HttpError(400, 'the case id is not a valid URL component');
  }
  const body = await readJsonObject(req);
  const arns = new Arns(loadInstanceConfig(db));
  const contactId = parseContactReference(body, arns.instance);
  const found = getCase(db, caseIdOrReference);
  if (!found) throw new HttpError(404, `case ${caseIdOrReference} does not exist`, 'ResourceNotFoundException');
  const record = getContactRecord(db, contactId);
  if (!record) throw new HttpError(404, `contact ${contactId} does not exist`, 'ResourceNotFoundException');
  const { item, created } = linkContactToCase(db, { caseId: found.id, contactId, contactArn: `${arns.instance}/contact/${contactId}`, channel: record.channel, at: now });
  sendJson(res, created ? 201 : 200, relatedItemView(item));
}

// Control-API route that links a contact to a case, shaped like Amazon Connect Cases `CreateRelatedItem`:
// `POST /api/v1/cases/{caseId}/related-items` with `{ type: 'Contact', content: { contact: { contactArn } } }`.
// As a convenience of the local emulator, `contact.contactId` may name the contact instead of its ARN (a
// browser extension knows the contact id from amazon-connect-streams). A contact is linked to a case once.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Arns } from '../ccp/snapshot';
import { HttpError } from '../server/http-kit';
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

const CONTACT_OBJECT = '"content.contact" must be an object with "contactArn" (or "contactId")';

const CreateRelatedItem = Type.Object({
  type: Type.Literal('Contact', { errorMessage: '"type" must be "Contact" (the only related item type the local contact center keeps)' }),
  content: Type.Object(
    {
      contact: Type.Object(
        {
          contactArn: Type.Optional(Type.String({ errorMessage: '"content.contact.contactArn" must be the ARN of a contact of this instance' })),
          contactId: Type.Optional(Type.String({ pattern: CONTACT_ID.source, errorMessage: '"content.contact.contactId" must be a contact id (letters, digits and dashes)' })),
        },
        { errorMessage: CONTACT_OBJECT },
      ),
    },
    { errorMessage: CONTACT_OBJECT },
  ),
});

/** The contact id named by a CreateRelatedItem's contact: its id, or the id in its ARN; throws 400 with the reason. */
export function contactIdOf(contact: { contactArn?: string; contactId?: string }, instanceArn: string): string {
  const { contactArn, contactId } = contact;
  if ((contactArn === undefined) === (contactId === undefined)) throw new HttpError(400, '"content.contact" must have exactly one of "contactArn" and "contactId"');
  if (contactId !== undefined) return contactId;
  const prefix = `${instanceArn}/contact/`;
  if (!contactArn?.startsWith(prefix) || !CONTACT_ID.test(contactArn.slice(prefix.length))) {
    throw new HttpError(400, `"content.contact.contactArn" must be the ARN of a contact of this instance (${prefix}<contact id>)`);
  }
  return contactArn.slice(prefix.length);
}

export interface RelatedItemsRoutesOptions {
  db: Database;
  now: () => number;
}

/** POST /api/v1/cases/{caseId}/related-items: 201 with the new item, 200 with the one already there. */
export const relatedItemsRoutes: FastifyPluginAsyncTypebox<RelatedItemsRoutesOptions> = async (app, { db, now }) => {
  app.post(
    '/api/v1/cases/:caseId/related-items',
    { schema: { params: Type.Object({ caseId: Type.String() }), body: CreateRelatedItem }, config: { acceptsExtensionWorker: true } },
    async (request, reply) => {
      const caseIdOrReference = request.params.caseId;
      const arns = new Arns(loadInstanceConfig(db));
      const contactId = contactIdOf(request.body.content.contact, arns.instance);
      const found = getCase(db, caseIdOrReference);
      if (!found) throw new HttpError(404, `case ${caseIdOrReference} does not exist`, 'ResourceNotFoundException');
      const record = getContactRecord(db, contactId);
      if (!record) throw new HttpError(404, `contact ${contactId} does not exist`, 'ResourceNotFoundException');
      const { item, created } = linkContactToCase(db, { caseId: found.id, contactId, contactArn: `${arns.instance}/contact/${contactId}`, channel: record.channel, at: now() });
      return reply.code(created ? 201 : 200).send(relatedItemView(item));
    },
  );
};

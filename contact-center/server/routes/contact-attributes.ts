// `POST /api/v1/contacts/{contactId}/attributes`: Amazon Connect's UpdateContactAttributes for the local
// contact center. Body `{ "Attributes": { "name": "value", … } }`; the attributes are merged into the contact's
// (a contact in flight: the agents on it see them in their next CCP snapshot) and into its contact record (an
// ended contact: the stored record only). Switchboard's worker uses it to put a dialed call's CRM page on the
// contact (F31), so besides same-origin callers it accepts a browser extension's worker, as the profile search does.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ContactRecord } from '../../model';
import type { RoutingEngine } from '../../routing/engine';
import { EngineError } from '../../routing/errors';
import { HttpError } from '../http-kit';

/** UpdateContactAttributes' limits: names up to 128 characters, all names and values together at most 32 KB. */
export const ATTRIBUTE_NAME_MAX = 128;
export const ATTRIBUTES_TOTAL_MAX = 32 * 1024;

export interface StoredRecords {
  getRecord(contactId: string): ContactRecord | null;
  saveRecord(record: ContactRecord): void;
}

export interface ContactAttributesRoutesOptions {
  engine: RoutingEngine;
  records: StoredRecords;
}

const AttributesUpdate = Type.Object(
  {
    Attributes: Type.Record(Type.String(), Type.String({ errorMessage: 'attribute "{key}" must have a string value' }), {
      minProperties: 1,
      propertyNames: { minLength: 1, maxLength: ATTRIBUTE_NAME_MAX, errorMessage: `attribute names must be 1 to ${ATTRIBUTE_NAME_MAX} characters long` },
      errorMessage: '"Attributes" must be an object of attribute names and string values',
      errorMessages: { minProperties: '"Attributes" must name at least one attribute' },
    }),
  },
  { errorCode: 'InvalidParameterException' },
);

/** The total size rule, which a schema cannot say; throws 400 saying what is wrong. */
export function assertAttributesSize(attributes: Record<string, string>): void {
  let size = 0;
  for (const [name, value] of Object.entries(attributes)) size += Buffer.byteLength(name) + Buffer.byteLength(value);
  if (size > ATTRIBUTES_TOTAL_MAX) {
    throw new HttpError(400, `the attributes are ${size} bytes; names and values together may be at most ${ATTRIBUTES_TOTAL_MAX}`, 'InvalidParameterException');
  }
}

export const contactAttributesRoutes: FastifyPluginAsyncTypebox<ContactAttributesRoutesOptions> = async (app, { engine, records }) => {
  app.post(
    '/api/v1/contacts/:contactId/attributes',
    { schema: { params: Type.Object({ contactId: Type.String() }), body: AttributesUpdate }, config: { acceptsExtensionWorker: true } },
    async (request) => {
      const { contactId } = request.params;
      const attributes = request.body.Attributes;
      assertAttributesSize(attributes);
      if (engine.hasContact(contactId)) {
        try {
          engine.updateContactAttributes(contactId, attributes);
        } catch (error) {
          if (error instanceof EngineError) throw new HttpError(400, error.message, error.code);
          throw error;
        }
      } else {
        const record = records.getRecord(contactId);
        if (!record) throw new HttpError(404, `contact ${contactId} does not exist`, 'ResourceNotFoundException');
        records.saveRecord({ ...record, attributes: { ...record.attributes, ...attributes } });
      }
      return { contactId, ok: true };
    },
  );
};

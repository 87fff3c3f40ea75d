// `POST /api/v1/contacts/{contactId}/attributes`: Amazon Connect's UpdateContactAttributes for the local
// contact center. Body `{ "Attributes": { "name": "value", … } }`; the attributes are merged into the contact's
// (a contact in flight: the agents on it see them in their next CCP snapshot) and into its contact record (an
// ended contact: the stored record only). Switchboard's worker uses it to put a dialed call's CRM page on the
// contact (F31), so besides same-origin callers it accepts a browser extension's worker, as the profile search does.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContactRecord } from '../model';
import type { RoutingEngine } from '../routing/engine';
import { EngineError } from '../routing/errors';
import { HttpError, readJsonObject, sendJson } from './http-kit';
import { isFromBrowserExtension } from './security';

/** UpdateContactAttributes' limits: names up to 128 characters, all names and values together at most 32 KB. */
export const ATTRIBUTE_NAME_MAX = 128;
export const ATTRIBUTES_TOTAL_MAX = 32 * 1024;

const ATTRIBUTES_PATH = /^\/api\/v1\/contacts\/([^/]+)\/attributes$/;

export interface StoredRecords {
  getRecord(contactId: string): ContactRecord | null;
  saveRecord(record: ContactRecord): void;
}

/**
 * Whether `req` is a browser extension's worker updating a contact's attributes: a POST to the attributes
 * route with a `chrome-extension://` Origin (web pages cannot send one) that the browser does not mark as
 * coming from a web site. Everything else on /api/ stays same-origin only (contact-center-server.ts).
 */
export function isExtensionAttributesUpdate(req: IncomingMessage, url: URL): boolean {
  return req.method === 'POST' && ATTRIBUTES_PATH.test(url.pathname) && isFromBrowserExtension(req);
}

/** Validates an UpdateContactAttributes body; throws 400 saying what is wrong. */
export function parseAttributesUpdate(body: Record<string, unknown>): Record<string, string> {
  const attributes = body.Attributes;
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
    throw new HttpError(400, '"Attributes" must be an object of attribute names and string values', 'InvalidParameterException');
  }
  const entries = Object.entries(attributes as Record<string, unknown>);
  if (entries.length === 0) throw new HttpError(400, '"Attributes" must name at least one attribute', 'InvalidParameterException');
  let size = 0;
  for (const [name, value] of entries) {
    if (name.length === 0 || name.length > ATTRIBUTE_NAME_MAX) {
      throw new HttpError(400, `attribute names must be 1 to ${ATTRIBUTE_NAME_MAX} characters long (got ${name.length})`, 'InvalidParameterException');
    }
    if (typeof value !== 'string') throw new HttpError(400, `attribute "${name}" must have a string value`, 'InvalidParameterException');
    size += Buffer.byteLength(name) + Buffer.byteLength(value);
  }
  if (size > ATTRIBUTES_TOTAL_MAX) {
    throw new HttpError(400, `the attributes are ${size} bytes; names and values together may be at most ${ATTRIBUTES_TOTAL_MAX}`, 'InvalidParameterException');
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/** Handles the attributes route; returns false for any other path. */
export async function handleContactAttributes(engine: RoutingEngine, records: StoredRecords, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const match = ATTRIBUTES_PATH.exec(url.pathname);
  if (!match) return false;
  if (req.method !== 'POST') throw new HttpError(405, 'use POST', 'MethodNotAllowed');
  let contactId: string;
  try {
    contactId = decodeURIComponent(match[1] ?? '');
  } catch {
    throw new HttpError(400, 'the contact id is not a valid URL component');
  }
  const attributes = parseAttributesUpdate(await readJsonObject(req));
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
  sendJson(res, 200, { contactId, ok: true });
  return true;
}

// Writes contact attributes onto a contact, as Amazon Connect's UpdateContactAttributes does. Streams cannot
// (an outbound call from agent.connect carries none), so the worker asks the contact center: the bundled local
// one has `POST /api/v1/contacts/{contactId}/attributes`; a real instance needs a backend (a Lambda or API
// behind the instance's credentials) calling UpdateContactAttributes, which Switchboard does not ship.
import { isLocalContactCenter } from '../streams/instance-urls';
import type { PageContext } from './snapshot';

/** A fetch the worker makes itself, to write the local contact center's attributes. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** The attribute names a dialed call's CRM page is stored under (F31). */
export const PAGE_CONTEXT_ATTRIBUTE_NAMES = { url: 'crmPageUrl', title: 'crmPageTitle', recordId: 'crmRecordId' } as const;

export function pageContextAttributes(page: PageContext): Record<string, string> {
  return {
    [PAGE_CONTEXT_ATTRIBUTE_NAMES.url]: page.url,
    [PAGE_CONTEXT_ATTRIBUTE_NAMES.title]: page.title,
    ...(page.recordId === null ? {} : { [PAGE_CONTEXT_ATTRIBUTE_NAMES.recordId]: page.recordId }),
  };
}

export class ContactAttributesError extends Error {
  constructor(readonly status: number) {
    super(`the contact center answered ${status} to the attributes update`);
    this.name = 'ContactAttributesError';
  }
}

/** Whether Switchboard can write attributes on `instanceUrl`'s contacts itself (only the local contact center). */
export const canWriteContactAttributes = (instanceUrl: string | null): instanceUrl is string => isLocalContactCenter(instanceUrl);

/** Merges `attributes` into the contact's attributes on the local contact center at `instanceUrl`; throws
 *  ContactAttributesError when it refuses (an unknown contact is 404). */
export async function updateContactAttributes(instanceUrl: string, contactId: string, attributes: Record<string, string>, fetchImpl: Fetch): Promise<void> {
  const url = `${new URL(instanceUrl).origin}/api/v1/contacts/${encodeURIComponent(contactId)}/attributes`;
  const response = await fetchImpl(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ Attributes: attributes }),
    credentials: 'omit',
  });
  if (!response.ok) throw new ContactAttributesError(response.status);
}

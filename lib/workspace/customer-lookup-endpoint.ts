// The admin's customer lookup endpoint (setting workspace.lookupUrl, F22): a URL template filled from the
// contact's keys ({phone}, {email}, {account}, {contactId}, {attributes.X}), called from the panel with the
// agent's browser and no credentials of ours, answering JSON that workspace.lookupFields maps onto profile
// fields. Every way it can fail is a typed reason the panel shows while the other sources still show.
import type { ContactView } from '../session/snapshot';
import { fillUrlTemplate, UnknownPlaceholderError } from '../crm-rules/url-template';
import { profileLookupKeys } from './customer-lookup';

export type LookupFailure = 'http' | 'timeout' | 'network' | 'not-json' | 'too-large';

export class LookupEndpointError extends Error {
  constructor(
    readonly reason: LookupFailure,
    message: string,
  ) {
    super(message);
    this.name = 'LookupEndpointError';
  }
}

/** An answer larger than this is refused (a lookup answers about one customer). */
export const MAX_LOOKUP_BYTES = 256 * 1024;

/** The values the URL template may use, from the contact as the panel sees it. */
export function lookupTemplateValues(contact: ContactView): { values: Record<string, string | null>; attributes: Record<string, string> } {
  const keys = profileLookupKeys(contact);
  const of = (key: string) => keys.find((k) => k.key === key)?.value ?? null;
  return {
    values: { phone: of('_phone'), email: of('_email'), account: of('_account'), contactId: contact.id },
    attributes: { ...contact.attributes },
  };
}

/** The lookup URL for this contact, or null when the contact lacks a value the template needs (then the source
 *  is absent for it, not failed: a chat without a number cannot be looked up by number). */
export function lookupUrlFor(template: string, contact: ContactView): string | null {
  try {
    return fillUrlTemplate(template, lookupTemplateValues(contact));
  } catch (error) {
    if (error instanceof UnknownPlaceholderError) return null;
    throw error;
  }
}

/** Calls the endpoint and returns its JSON, or null when it answers 404 (it knows no such customer); throws LookupEndpointError. */
export async function callLookupEndpoint(url: string, options: { fetch?: typeof fetch; timeoutMs?: number } = {}): Promise<unknown> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? 5000;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await doFetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit', signal: controller.signal, redirect: 'follow' });
    if (response.status === 404) return null;
    if (!response.ok) throw new LookupEndpointError('http', `HTTP ${response.status}`);
    const text = await response.text();
    if (text.length > MAX_LOOKUP_BYTES) throw new LookupEndpointError('too-large', `the answer has ${text.length} characters`);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new LookupEndpointError('not-json', 'the answer is not JSON');
    }
  } catch (error) {
    if (error instanceof LookupEndpointError) throw error;
    if (controller.signal.aborted) throw new LookupEndpointError('timeout', `no answer within ${timeoutMs} ms`);
    throw new LookupEndpointError('network', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

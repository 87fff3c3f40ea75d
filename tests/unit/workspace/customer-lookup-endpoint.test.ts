// The admin's lookup endpoint: its URL filled from the contact (values encoded, a missing key means no lookup,
// not a failure), and each way a call fails told apart (HTTP error, not JSON, too large, timeout, network).
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ContactView } from '../../../lib/session/snapshot';
import { callLookupEndpoint, LookupEndpointError, lookupUrlFor, MAX_LOOKUP_BYTES } from '../../../lib/workspace/customer-lookup-endpoint';

function call(attributes: Record<string, string>, phoneNumber: string | null): ContactView {
  return {
    id: 'c-1',
    initialContactId: null,
    channel: 'voice',
    state: 'connected',
    since: 0,
    initiationMethod: 'inbound',
    queueName: 'BasicQueue',
    attributes,
    connections: phoneNumber ? [{ id: 'k', role: 'customer', state: 'connected', since: 0, phoneNumber, name: null, endpointType: 'phone_number', quickConnectName: null }] : [],
    transferredBy: null,
    deskPhone: false,
  } as ContactView;
}

describe('lookupUrlFor', () => {
  it("fills the contact's number, account and attributes, encoded", () => {
    const url = lookupUrlFor('https://crm.example.com/api/lookup?phone={phone}&acct={account}&seg={attributes.segment}&c={contactId}', call({ accountNumber: 'AC 1&2', segment: 'gold/vip' }, '+819012345678'));
    expect(url).toBe('https://crm.example.com/api/lookup?phone=%2B819012345678&acct=AC%201%262&seg=gold%2Fvip&c=c-1');
  });

  it('is null when the contact has no value for a placeholder (a call without an email is not looked up by email)', () => {
    expect(lookupUrlFor('https://crm.example.com/api?email={email}', call({}, '+819012345678'))).toBeNull();
    expect(lookupUrlFor('https://crm.example.com/api?phone={phone}', call({}, null))).toBeNull();
  });
});

describe('callLookupEndpoint', () => {
  let server: Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
    server = createServer(handler);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  }

  const reasonOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: unknown) => (error instanceof LookupEndpointError ? error.reason : `other: ${String(error)}`));

  it('returns the JSON answer', async () => {
    const base = await serve((_req, res) => res.setHeader('content-type', 'application/json').end('{"customer":{"first":"太郎"}}'));
    expect(await callLookupEndpoint(`${base}/lookup`)).toEqual({ customer: { first: '太郎' } });
  });

  it('tells an HTTP error, an answer that is not JSON and one too large apart', async () => {
    const base = await serve((req, res) => {
      if (req.url === '/500') res.writeHead(500).end('{"oops":1}');
      else if (req.url === '/404') res.writeHead(404).end('{"error":"no such customer"}');
      else if (req.url === '/html') res.end('<html>login</html>');
      else res.end(JSON.stringify({ pad: 'x'.repeat(MAX_LOOKUP_BYTES) }));
    });
    expect(await reasonOf(callLookupEndpoint(`${base}/500`))).toBe('http');
    expect(await callLookupEndpoint(`${base}/404`)).toBeNull(); // the endpoint knows no such customer: not a failure
    expect(await reasonOf(callLookupEndpoint(`${base}/html`))).toBe('not-json');
    expect(await reasonOf(callLookupEndpoint(`${base}/big`))).toBe('too-large');
  });

  it('gives up after the timeout, and names a refused connection as a network failure', async () => {
    const base = await serve(() => undefined); // never answers
    expect(await reasonOf(callLookupEndpoint(`${base}/slow`, { timeoutMs: 100 }))).toBe('timeout');
    expect(await reasonOf(callLookupEndpoint('http://127.0.0.1:9/closed'))).toBe('network');
  });
});

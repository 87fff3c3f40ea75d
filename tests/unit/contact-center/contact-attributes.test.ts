// UpdateContactAttributes on the local contact center (F31): `POST /api/v1/contacts/{id}/attributes` merges
// attributes into a contact in flight (the agent's view shows them; the record keeps them) or into an ended
// contact's stored record, refuses bad bodies with a reason and unknown contacts with 404, and accepts a browser
// extension's worker besides same-origin callers — never a web page of another origin.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningContactCenter, startContactCenter } from '../../../contact-center/server/contact-center-server';
import { injectFetch } from './inject-fetch';

let dataDir: string;
let cc: RunningContactCenter;
/** The contact center's routes, driven without a socket. */
const inject = injectFetch(() => cc.app);

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sb-attributes-'));
  cc = await startContactCenter({ dataDir, port: 0, demoPassword: 'pw-test', engine: { farEndAnswerMs: 50 } });
});

afterEach(async () => {
  await cc.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  inject(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

const updateAttributes = (contactId: string, body: unknown, headers: Record<string, string> = {}) => post(`/api/v1/contacts/${contactId}/attributes`, body, headers);

async function recordOf(contactId: string): Promise<{ attributes: Record<string, string> }> {
  const response = await inject(`/api/v1/contacts/${contactId}`);
  return ((await response.json()) as { record: { attributes: Record<string, string> } }).record;
}

/** agent1 Available, dialing a customer: an outbound contact in flight on the agent. */
function outboundCall(): string {
  cc.engine.setStatus('agent1', cc.engine.instance.statuses.find((s) => s.type === 'routable')!.id);
  return cc.engine.startOutboundCall('agent1', { phoneNumber: '+81355500123' });
}

describe('POST /api/v1/contacts/{id}/attributes', () => {
  it('merges attributes into a contact in flight: the agent sees them and the record keeps them', async () => {
    const contactId = outboundCall();
    const page = { crmPageUrl: 'http://localhost:8791/customers/p1', crmPageTitle: 'Taro Suzuki — Northwind CRM', crmRecordId: 'p1' };
    const response = await updateAttributes(contactId, { Attributes: page }, { Origin: EXTENSION_ORIGIN, 'Sec-Fetch-Site': 'none' });
    expect(response.status).toBe(200);
    await updateAttributes(contactId, { Attributes: { crmRecordId: 'p2' } });
    const seen = cc.engine.getAgentView('agent1').contacts.find((c) => c.contactId === contactId);
    expect(seen?.attributes).toEqual({ ...page, crmRecordId: 'p2' });
    expect((await recordOf(contactId)).attributes).toEqual({ ...page, crmRecordId: 'p2' });
  });

  it('updates the stored record of a contact that has ended', async () => {
    const contactId = ((await (await post('/api/v1/inbound-calls', { from: '+819012345678' })).json()) as { contactId: string }).contactId;
    await post(`/api/v1/contacts/${contactId}/customer-hangup`, {});
    expect(cc.engine.hasContact(contactId)).toBe(false);
    expect((await updateAttributes(contactId, { Attributes: { crmRecordId: 'p1' } })).status).toBe(200);
    const listed = (await (await inject(`/api/v1/contact-records`)).json()) as { records: { contactId: string; attributes: Record<string, string> }[] };
    expect(listed.records.find((r) => r.contactId === contactId)?.attributes).toEqual({ crmRecordId: 'p1' });
  });

  it('answers 404 for a contact that does not exist', async () => {
    const response = await updateAttributes('no-such-contact', { Attributes: { a: 'b' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'ResourceNotFoundException' } });
  });

  it.each([
    ['no Attributes', {}, /"Attributes" must be an object/],
    ['Attributes that is a list', { Attributes: ['a'] }, /"Attributes" must be an object/],
    ['no attribute at all', { Attributes: {} }, /at least one attribute/],
    ['a value that is not a string', { Attributes: { crmRecordId: 42 } }, /"crmRecordId" must have a string value/],
    ['an empty name', { Attributes: { '': 'x' } }, /1 to 128 characters/],
    ['a name too long', { Attributes: { ['n'.repeat(129)]: 'x' } }, /1 to 128 characters/],
    ['values over 32 KB together', { Attributes: { a: 'x'.repeat(20_000), b: 'y'.repeat(20_000) } }, /at most 32768/],
  ])('refuses %s with 400 and the reason, changing nothing', async (_case, body, reason) => {
    const contactId = outboundCall();
    const response = await updateAttributes(contactId, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(reason);
    expect((await recordOf(contactId)).attributes).toEqual({});
  });

  it('refuses a web page of another origin, and an extension request the browser marks cross-site', async () => {
    const contactId = outboundCall();
    expect((await updateAttributes(contactId, { Attributes: { a: 'b' } }, { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await updateAttributes(contactId, { Attributes: { a: 'b' } }, { Origin: EXTENSION_ORIGIN, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await recordOf(contactId)).attributes).toEqual({});
  });

  it('takes POST only', async () => {
    const response = await inject(`/api/v1/contacts/${outboundCall()}/attributes`);
    expect(response.status).toBe(405);
  });
});

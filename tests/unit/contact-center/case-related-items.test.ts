// Tests for linking contacts to cases (Cases' CreateRelatedItem): migration 5 and the store, then the
// `POST /api/v1/cases/{caseId}/related-items` route in-process, the case's related items in GET and on the
// demo CRM's case page, its 400/404 answers and its cross-origin rules.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isExtensionCrmRequest } from '../../../contact-center/crm/profiles-api';
import { DEMO_CASES, DEMO_PROFILES } from '../../../contact-center/seed/demo-customers';
import { type RunningContactCenter, startContactCenter } from '../../../contact-center/server/contact-center-server';
import { linkContactToCase, relatedItemsOf } from '../../../contact-center/store/case-related-items-repository';
import { openDatabase } from '../../../contact-center/store/database';
import { currentSchemaVersion, MIGRATIONS } from '../../../contact-center/store/migrations';
import { seedProfilesIfEmpty } from '../../../contact-center/store/profile-repository';
import type { IncomingMessage } from 'node:http';
import { injectFetch } from './inject-fetch';

const [firstCase, secondCase] = DEMO_CASES;
if (!firstCase || !secondCase) throw new Error('the demo seed has cases');

describe('case related items store (migration 5)', () => {
  it('applies on a database at version 4, keeping its cases', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'sb-related-'));
    try {
      const old = openDatabase(scratch, { migrations: MIGRATIONS.slice(0, 4) });
      seedProfilesIfEmpty(old, DEMO_PROFILES, DEMO_CASES);
      expect(currentSchemaVersion(old)).toBe(4);
      old.close();
      const upgraded = openDatabase(scratch);
      expect(currentSchemaVersion(upgraded)).toBeGreaterThanOrEqual(5);
      expect(relatedItemsOf(upgraded, firstCase.id)).toEqual([]);
      upgraded.close();
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('links a contact to a case once and lists the links oldest first', () => {
    const db = openDatabase(':memory:');
    seedProfilesIfEmpty(db, DEMO_PROFILES, DEMO_CASES);
    const link = (contactId: string, at: number) => linkContactToCase(db, { caseId: firstCase.id, contactId, contactArn: `arn:x/contact/${contactId}`, channel: 'voice', at });
    const first = link('contact-1', Date.UTC(2026, 10, 25, 9));
    const again = link('contact-1', Date.UTC(2026, 10, 25, 10));
    link('contact-2', Date.UTC(2026, 10, 25, 11));
    expect(first.created).toBe(true);
    expect(again).toEqual({ item: first.item, created: false });
    expect(relatedItemsOf(db, firstCase.id).map((i) => [i.contactId, i.associatedAt])).toEqual([
      ['contact-1', '2026-11-25T09:00:00.000Z'],
      ['contact-2', '2026-11-25T11:00:00.000Z'],
    ]);
    expect(relatedItemsOf(db, secondCase.id)).toEqual([]);
    expect(() => linkContactToCase(db, { caseId: 'no-such-case', contactId: 'c', contactArn: 'arn', channel: 'voice', at: 0 })).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('POST /api/v1/cases/{caseId}/related-items', () => {
  let dataDir: string;
  let cc: RunningContactCenter;
  let contactId: string;
  let instanceArn: string;
  /** The contact center's routes, driven without a socket. */
  const inject = injectFetch(() => cc.app);
  const injectCrm = injectFetch(() => cc.crmApp);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sb-related-api-'));
    cc = await startContactCenter({ dataDir, port: 0, crmPort: 0, demoPassword: 'pw-test' });
    const call = await post('/api/v1/inbound-calls', { from: '+819012345678', queue: 'BasicQueue' });
    contactId = ((await call.json()) as { contactId: string }).contactId;
    const config = cc.db.prepare<[], { region: string; account_id: string; instance_id: string }>('SELECT region, account_id, instance_id FROM instance').get();
    instanceArn = `arn:aws:connect:${config?.region}:${config?.account_id}:instance/${config?.instance_id}`;
  });

  afterAll(async () => {
    await cc.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    inject(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const linkBody = (contact: Record<string, string>) => ({ type: 'Contact', content: { contact } });
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

  it('links the contact by ARN, answers 200 with the same item when repeated, and the case lists it', async () => {
    const created = await post(`/api/v1/cases/${firstCase.id}/related-items`, linkBody({ contactArn: `${instanceArn}/contact/${contactId}` }));
    expect(created.status).toBe(201);
    const item = (await created.json()) as { relatedItemId: string; type: string; content: { contact: { contactArn: string; contactId: string; channel: string } } };
    expect(item).toMatchObject({ type: 'Contact', content: { contact: { contactArn: `${instanceArn}/contact/${contactId}`, contactId, channel: 'voice' } } });

    const repeated = await post(`/api/v1/cases/${firstCase.id}/related-items`, linkBody({ contactId }));
    expect(repeated.status).toBe(200);
    expect(((await repeated.json()) as { relatedItemId: string }).relatedItemId).toBe(item.relatedItemId);

    const found = (await (await inject(`/api/v1/cases/${firstCase.id}`)).json()) as { relatedItems: { relatedItemId: string }[] };
    expect(found.relatedItems.map((i) => i.relatedItemId)).toEqual([item.relatedItemId]);
    const page = await (await injectCrm(`/cases/${firstCase.id}`)).text();
    expect(page).toContain(`data-contact-id="${contactId}"`);
  });

  it('accepts the case reference in place of its id', async () => {
    const res = await post(`/api/v1/cases/${encodeURIComponent(secondCase.reference)}/related-items`, linkBody({ contactId }));
    expect(res.status).toBe(201);
    const found = (await (await inject(`/api/v1/cases/${secondCase.id}`)).json()) as { relatedItems: { content: { contact: { contactId: string } } }[] };
    expect(found.relatedItems.map((i) => i.content.contact.contactId)).toEqual([contactId]);
  });

  it('answers 400 with the reason for a malformed body', async () => {
    const path = `/api/v1/cases/${firstCase.id}/related-items`;
    const cases: [unknown, RegExp][] = [
      [{ type: 'Comment', content: { comment: { body: 'x' } } }, /"type" must be "Contact"/],
      [{ type: 'Contact' }, /"content.contact" must be an object/],
      [linkBody({}), /exactly one of "contactArn" and "contactId"/],
      [linkBody({ contactArn: 'arn:aws:connect:eu-west-1:1:instance/other/contact/abc' }), /ARN of a contact of this instance/],
      [linkBody({ contactId: '../../etc' }), /must be a contact id/],
    ];
    for (const [body, reason] of cases) {
      const res = await post(path, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect((await errorOf(res)).message).toMatch(reason);
    }
    const notJson = await inject(path, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    expect(notJson.status).toBe(415);
  });

  it('answers 404 for an unknown case or contact, and 405 for GET', async () => {
    const noCase = await post('/api/v1/cases/no-such-case/related-items', linkBody({ contactId }));
    expect(noCase.status).toBe(404);
    expect(await errorOf(noCase)).toEqual({ code: 'ResourceNotFoundException', message: 'case no-such-case does not exist' });
    const noContact = await post(`/api/v1/cases/${firstCase.id}/related-items`, linkBody({ contactId: 'no-such-contact' }));
    expect(noContact.status).toBe(404);
    expect((await errorOf(noContact)).message).toBe('contact no-such-contact does not exist');
    expect((await inject(`/api/v1/cases/${firstCase.id}/related-items`)).status).toBe(405);
  });

  it('refuses a web page of another origin, and lets the extension worker through', async () => {
    const fromPage = await post(`/api/v1/cases/${firstCase.id}/related-items`, linkBody({ contactId }), { Origin: cc.crmUrl, 'Sec-Fetch-Site': 'same-site' });
    expect(fromPage.status).toBe(403);
    const extension = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const request = (headers: Record<string, string>) => [{ method: 'POST', headers } as unknown as IncomingMessage, new URL(`/api/v1/cases/${firstCase.id}/related-items`, cc.url)] as const;
    expect(isExtensionCrmRequest(...request({ origin: extension, 'sec-fetch-site': 'none' }))).toBe(true);
    expect(isExtensionCrmRequest(...request({ origin: extension, 'sec-fetch-site': 'cross-site' }))).toBe(false);
    const fromExtension = await post(`/api/v1/cases/${firstCase.id}/related-items`, linkBody({ contactId }), { Origin: extension, 'Sec-Fetch-Site': 'none' });
    expect(fromExtension.status).toBe(200);
  });
});

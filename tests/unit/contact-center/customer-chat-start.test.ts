// POST /api/v1/chat/start, the customer chat page's same-origin backend, through inject(): its validation errors
// (TypeBox, each naming the field), the queue and name checks it shares with StartChatContact, the same-origin
// rule of the control API, and a chat that starts; and the page and script routes of /chat/.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningContactCenter, startContactCenter } from '../../../contact-center/server/contact-center-server';
import { injectFetch } from './inject-fetch';

let dataDir: string;
let cc: RunningContactCenter;
const request = injectFetch(() => cc.app);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sb-chat-start-'));
  cc = await startContactCenter({ dataDir, port: 0, demoPassword: 'pw-test' });
});

afterAll(async () => {
  await cc.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const JSON_HEADERS = { 'content-type': 'application/json', host: '127.0.0.1' };

async function start(body: unknown, headers: Record<string, string> = {}) {
  const answer = await request('/api/v1/chat/start', { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) });
  return { status: answer.status, body: (await answer.json()) as { error?: { code: string; message: string }; ContactId?: string; ParticipantId?: string; ParticipantToken?: string } };
}

describe('POST /api/v1/chat/start refuses bad input with a 400 naming the field', () => {
  it.each([
    ['no displayName', { queueId: 'basic' }, /"displayName" must be the customer's name/],
    ['an empty displayName', { displayName: '', queueId: 'basic' }, /"displayName"/],
    ['a displayName over 256 characters', { displayName: 'x'.repeat(257), queueId: 'basic' }, /1 to 256 characters/],
    ['no queueId', { displayName: 'Hanako' }, /"queueId" must be a queue id/],
    ['a number as initialMessage', { displayName: 'Hanako', queueId: 'basic', initialMessage: 7 }, /"initialMessage" must be text/],
    ['an initialMessage over 1,024 characters', { displayName: 'Hanako', queueId: 'basic', initialMessage: 'x'.repeat(1025) }, /at most 1,024/],
    ['an attribute that is not a string', { displayName: 'Hanako', queueId: 'basic', attributes: { accountNumber: 1001 } }, /attribute "accountNumber" must have a string value/],
    ['a locale other than en or ja', { displayName: 'Hanako', queueId: 'basic', locale: 'fr' }, /"locale" must be "en" or "ja"/],
    ['an unknown field', { displayName: 'Hanako', queueId: 'basic', ContactFlowId: 'x' }, /unknown key\(s\) ContactFlowId/],
  ])('%s', async (_case, body, message) => {
    const answer = await start(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe('BadRequest');
    expect(answer.body.error?.message).toMatch(message);
    expect(cc.engine.queueSize('basic', 'chat')).toBe(0);
  });

  it('a name of spaces only is refused as StartChatContact refuses it', async () => {
    const answer = await start({ displayName: '   ', queueId: 'basic' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'InvalidParameterException', message: expect.stringMatching(/DisplayName/) });
  });

  it('an unknown queue is a 404', async () => {
    const answer = await start({ displayName: 'Hanako', queueId: 'no-such-queue' });
    expect(answer.status).toBe(404);
    expect(answer.body.error).toMatchObject({ code: 'ResourceNotFoundException', message: 'queue no-such-queue does not exist' });
  });

  it('a body that is not JSON is a 415', async () => {
    const answer = await request('/api/v1/chat/start', { method: 'POST', headers: { 'content-type': 'text/plain', host: '127.0.0.1' }, body: 'name=Hanako' });
    expect(answer.status).toBe(415);
  });

  it('a web page of another origin is refused, as on the rest of the control API', async () => {
    const crossSite = await start({ displayName: 'Hanako', queueId: 'basic' }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const otherHost = await start({ displayName: 'Hanako', queueId: 'basic' }, { host: 'attacker.example' });
    expect(otherHost.status).toBe(421);
    expect(cc.engine.queueSize('basic', 'chat')).toBe(0);
  });
});

describe('POST /api/v1/chat/start starts a chat through the chat bridge', () => {
  it('answers the customer participant, queues the chat with its attributes and posts the first message', async () => {
    const answer = await start({ displayName: ' Hanako Yamada ', queueId: 'support', initialMessage: 'My router keeps rebooting.', attributes: { accountNumber: 'AC-1001' }, locale: 'ja' }, { origin: 'http://127.0.0.1' });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ ContactId: expect.any(String), ParticipantId: expect.any(String), ParticipantToken: expect.any(String) });
    const contact = cc.engine.getContact(answer.body.ContactId!);
    expect(contact).toMatchObject({ channel: 'chat', queueId: 'support' });
    expect(contact.record.attributes).toEqual({ accountNumber: 'AC-1001', customerLocale: 'ja' });
    const connection = cc.chat.createParticipantConnection(answer.body.ParticipantToken!, { Type: ['CONNECTION_CREDENTIALS'], ConnectParticipant: true });
    const transcript = cc.chat.getTranscript(connection.ConnectionCredentials!.ConnectionToken!, { MaxResults: 10 });
    expect(transcript.Transcript.filter((i) => i.Type === 'MESSAGE').map((i) => [i.ParticipantRole, i.DisplayName, i.Content])).toEqual([['CUSTOMER', 'Hanako Yamada', 'My router keeps rebooting.']]);
  });
});

describe('the /chat/ page and its scripts', () => {
  it('serves the page with a script-src self policy and the instance queues in its config', async () => {
    const page = await request('/chat/', { headers: { host: '127.0.0.1' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await page.text();
    expect(html).toContain('"contentTypes":{"csv":"text/csv"');
    expect(html).toContain('"id":"support"');
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('serves the pinned ChatJS and the page modules, and nothing else under /chat/assets/', async () => {
    const chatjs = await request('/chat/assets/amazon-connect-chat.js', { headers: { host: '127.0.0.1' } });
    expect(chatjs.status).toBe(200);
    expect(chatjs.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await chatjs.text()).toContain('ChatSession');
    for (const name of ['markdown-it.mjs', 'purify.mjs', 'customer-chat-script.js']) {
      expect((await request(`/chat/assets/${name}`, { headers: { host: '127.0.0.1' } })).status).toBe(200);
    }
    for (const path of ['/chat/assets/customer-chat-routes.ts', '/chat/assets/..%2F..%2F..%2Fpackage.json', '/chat/assets/constructor']) {
      expect((await request(path, { headers: { host: '127.0.0.1' } })).status).toBe(404);
    }
  });
});

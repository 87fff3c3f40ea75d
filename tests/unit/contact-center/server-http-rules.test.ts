// The rules every route of the contact center keeps (server/loopback-app.ts, server/app.ts): security headers on
// every answer, JSON object bodies only and at most 256 KB, 405 without CORS for other methods, one error shape for
// whatever goes wrong, and the Host guard on the CCP socket too (that one on a real socket).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type RunningContactCenter, startContactCenter } from '../../../contact-center/server/contact-center-server';
import { injectFetch } from './inject-fetch';

let dataDir: string;
let cc: RunningContactCenter;
const inject = injectFetch(() => cc.app);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sb-http-rules-'));
  cc = await startContactCenter({ dataDir, port: 0, crmPort: 0, demoPassword: 'pw-test' });
});

afterAll(async () => {
  await cc.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const postJson = (path: string, body: string, headers: Record<string, string> = {}) => inject(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

async function errorOf(res: Response): Promise<{ status: number; error: { code: string; message: string } }> {
  return { status: res.status, error: ((await res.json()) as { error: { code: string; message: string } }).error };
}

describe('answers', () => {
  it.each([
    ['JSON', '/api/v1/agents'],
    ['an HTML page', '/connect/login'],
    ['the CCP script', '/ccp-v2/ccp-page.js'],
    ['an error', '/api/v1/nothing-here'],
  ])('%s carries nosniff, no-referrer and no-store', async (_kind, path) => {
    const res = await inject(path);
    expect([res.headers.get('x-content-type-options'), res.headers.get('referrer-policy'), res.headers.get('cache-control')]).toEqual(['nosniff', 'no-referrer', 'no-store']);
  });

  it('serves the CCP page with its content security policy', async () => {
    const res = await inject('/ccp-v2/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});

describe('request bodies', () => {
  it('refuses a body over 256 KB with 413', async () => {
    const res = await postJson('/api/v1/inbound-calls', JSON.stringify({ from: '+819012345678', attributes: { big: 'x'.repeat(300 * 1024) } }));
    expect(await errorOf(res)).toEqual({ status: 413, error: { code: 'PayloadTooLarge', message: 'request body is larger than 262144 bytes' } });
  });

  it('takes JSON objects only: 415 without a JSON type even when empty, 400 for arrays and prototype keys', async () => {
    expect((await inject('/api/v1/contacts/nope/customer-hangup', { method: 'POST' })).status).toBe(415);
    expect(await errorOf(await postJson('/api/v1/inbound-calls', '[1]'))).toMatchObject({ status: 400, error: { message: 'the request body must be a JSON object' } });
    expect((await postJson('/api/v1/inbound-calls', '{"from":"+819012345678","__proto__":{"admin":true}}')).status).toBe(400);
  });

  it('reads an empty JSON body as {}', async () => {
    // The route then fails on the contact, not on the body.
    expect(await errorOf(await postJson('/api/v1/contacts/nope/customer-hangup', ''))).toMatchObject({ status: 404, error: { code: 'ResourceNotFoundException' } });
  });

  it('says which field is wrong, in the API error shape, never with a stack', async () => {
    const res = await postJson('/api/v1/cases/search', JSON.stringify({ searchTerm: 7 }));
    const { status, error } = await errorOf(res);
    expect({ status, code: error.code }).toEqual({ status: 400, code: 'BadRequest' });
    expect(error.message).toBe('"searchTerm" must be a string of at most 255 characters');
    const values = await errorOf(await postJson('/api/v1/profiles/search', JSON.stringify({ KeyName: '_phone', Values: ['9'.repeat(300)] })));
    expect(values.error.message).toMatch(/^"Values" must be a list/);
  });
});

describe('routes and methods', () => {
  it('answers a CORS preflight with 405 and no CORS headers', async () => {
    const res = await inject('/api/v1/inbound-calls', { method: 'OPTIONS', headers: { Origin: 'https://crm.example', 'Access-Control-Request-Method': 'POST' } });
    expect(await errorOf(res)).toEqual({ status: 405, error: { code: 'MethodNotAllowed', message: 'use POST' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers unknown routes and malformed URLs in the API error shape', async () => {
    expect(await errorOf(await inject('/api/v1/nothing-here'))).toEqual({ status: 404, error: { code: 'NotFound', message: 'no API route GET /api/v1/nothing-here' } });
    expect(await errorOf(await inject('/api/v1/contacts/%E0%A4%A'))).toMatchObject({ status: 400, error: { code: 'BadRequest' } });
  });

  it("lets the extension's worker search profiles, and refuses the same call from a web page", async () => {
    const body = JSON.stringify({ KeyName: '_phone', Values: ['+819012345678'] });
    expect((await postJson('/api/v1/profiles/search', body, { Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'Sec-Fetch-Site': 'none' })).status).toBe(200);
    expect((await postJson('/api/v1/profiles/search', body, { Origin: 'https://crm.example', 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  });
});

describe('the CCP socket on a real connection', () => {
  it('refuses an upgrade addressed to a name that is not loopback (DNS rebinding)', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${cc.port}/ccp-v2/socket`, { headers: { Host: 'attacker.example' } });
    const outcome = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
      ws.once('error', () => resolve('error'));
    });
    expect(outcome).toBe('refused 421');
  });

  it('opens for a page of the same origin', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${cc.port}/ccp-v2/socket`, { headers: { Origin: `http://127.0.0.1:${cc.port}` } });
    const hello = await new Promise<{ type: string; signedIn: boolean }>((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
    expect(hello).toEqual({ type: 'hello', signedIn: false, agentId: null });
    ws.close();
  });
});

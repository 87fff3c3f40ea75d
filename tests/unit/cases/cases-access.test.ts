// Who may call Cases: a SigV4-signed backend without Origin (any credentials), or the signed-in agent's session from
// the extension (credentialed CORS for chrome-extension:// and moz-extension://) or the instance's own origin. A web
// page of another origin or site is refused with AccessDeniedException before its body is read and gets no CORS
// headers, so it can neither read nor change a case; so are requests with no credentials or a forged session.
// Refusals are in restJson1's shape; GET /api/v1/instance names the domain and base path.
import { describe, expect, it } from 'vitest';
import { CASES_BASE_PATH } from '../../../contact-center/cases/cases-model';
import { useCasesFixture } from './cases-fixture';

const f = useCasesFixture();
const EXTENSION = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}`;
const FIREFOX_EXTENSION = 'moz-extension://0f1e2d3c-4b5a-4968-8778-695a4b3c2d1e';
const FAKE_SIGV4 = `AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20261125/ap-northeast-1/cases/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${'0'.repeat(64)}`;

const commentBody = (body: string) => JSON.stringify({ type: 'Comment', content: { comment: { body, contentType: 'Text/Plain' } } });

function post(path: string, headers: Record<string, string>, body = '{}') {
  return f().request(`/domains/${f().domainId}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
}

const templatesOf = (headers: Record<string, string>) => post('/templates-list', headers);

async function commentsOn(caseId: string): Promise<string[]> {
  const answer = await post(`/cases/${caseId}/related-items-search`, { Cookie: f().cookie }, JSON.stringify({ filters: [{ comment: {} }] }));
  return ((await answer.json()) as { relatedItems: { content: { comment: { body: string } } }[] }).relatedItems.map((i) => i.content.comment.body);
}

async function expectRefused(answer: Response, message: RegExp) {
  expect(answer.status).toBe(403);
  expect(answer.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
  expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  expect(((await answer.json()) as { message: string }).message).toMatch(message);
}

describe('a web page of another origin', () => {
  it('cannot change a case with the agent’s cookie: refused before the body is read, with no CORS headers', async () => {
    const { cookie, cc } = f();
    const before = await commentsOn('case-2026-0058');
    await expectRefused(await post('/cases/case-2026-0058/related-items', { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site', Cookie: cookie }, commentBody('from a page')), /other web pages/);
    // The demo CRM is another port of the same host: same-site, still another origin.
    await expectRefused(await post('/cases/case-2026-0058/related-items', { Origin: cc.crmUrl, 'Sec-Fetch-Site': 'same-site', Cookie: cookie }, commentBody('from the CRM')), /other web pages/);
    await expectRefused(await post('/cases/case-2026-0058/related-items', { Origin: 'https://evil.example', Cookie: cookie }, '{not json'), /other web pages/);
    expect(await commentsOn('case-2026-0058')).toEqual(before);
  });

  it('cannot read cases, even with a SigV4 header, and its preflight is refused', async () => {
    const { cookie, cc } = f();
    await expectRefused(await post('/cases-search', { Origin: 'https://evil.example', Cookie: cookie }), /other web pages/);
    await expectRefused(await post('/cases-search', { Origin: 'https://evil.example', Authorization: FAKE_SIGV4 }), /other web pages/);
    await expectRefused(await post('/cases-search', { 'Sec-Fetch-Site': 'cross-site', Cookie: cookie }), /other web pages/);
    const preflight = await fetch(`${cc.url}${CASES_BASE_PATH}/domains/${f().domainId}/cases-search`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    await expectRefused(preflight, /other web pages/);
  });
});

describe('the signed-in agent', () => {
  it('reads and writes from the extension, whose origins get credentialed CORS', async () => {
    const { cookie } = f();
    for (const origin of [EXTENSION, FIREFOX_EXTENSION]) {
      const answer = await templatesOf({ Origin: origin, 'Sec-Fetch-Site': 'none', Cookie: cookie });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
      expect(answer.headers.get('access-control-expose-headers')).toMatch(/x-amzn-errortype/);
    }
    const written = await post('/cases/case-2026-0058/related-items', { Origin: EXTENSION, Cookie: cookie }, commentBody('from the side panel'));
    expect(written.status).toBe(200);
    expect(await commentsOn('case-2026-0058')).toContain('from the side panel');
    const preflight = await fetch(`${f().cc.url}${CASES_BASE_PATH}/domains/${f().domainId}/cases/x/related-items/`, {
      method: 'OPTIONS',
      headers: { Origin: EXTENSION, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(EXTENSION);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST, PUT');
  });

  it('reads from the instance’s own pages', async () => {
    const answer = await templatesOf({ Origin: f().cc.url, 'Sec-Fetch-Site': 'same-origin', Cookie: f().cookie });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('is needed: the extension without a session, or with a forged one, is refused (and may read why)', async () => {
    for (const cookie of [undefined, 'sb_session=forged']) {
      const answer = await templatesOf({ Origin: EXTENSION, ...(cookie ? { Cookie: cookie } : {}) });
      expect(answer.status).toBe(403);
      expect(answer.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
      expect(answer.headers.get('access-control-allow-origin')).toBe(EXTENSION);
      expect(((await answer.json()) as { message: string }).message).toMatch(/sign in/);
    }
  });
});

describe('a backend', () => {
  it('is accepted with any SigV4 credentials and refused with none', async () => {
    expect((await templatesOf({ Authorization: FAKE_SIGV4 })).status).toBe(200);
    await expectRefused(await templatesOf({}), /SigV4/);
    await expectRefused(await templatesOf({ Authorization: 'Bearer something' }), /SigV4/);
  });
});

describe('the answers', () => {
  it('refuse in restJson1’s shape with a request id, and name unknown operations', async () => {
    const bad = await post('/cases', { Authorization: FAKE_SIGV4 }, JSON.stringify({ templateId: 'x', fields: 'not a list' }));
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(bad.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await bad.json()).toEqual({ message: expect.stringMatching(/fields must be a list/) });
    const unknown = await post('/no-such-operation', { Authorization: FAKE_SIGV4 });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
  });

  it('are described in GET /api/v1/instance: the domain id and the base path', async () => {
    const described = (await (await fetch(`${f().cc.url}/api/v1/instance`)).json()) as { cases: unknown };
    expect(described.cases).toEqual({ domainId: f().domainId, basePath: '/cases-api' });
  });
});

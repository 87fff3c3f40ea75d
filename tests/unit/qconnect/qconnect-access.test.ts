// Who may call Amazon Q in Connect's public routes (as for Cases): a SigV4-signed backend without Origin, or the
// signed-in agent's session from the extension (credentialed CORS for its origins, preflights answered) or this
// origin. Web pages of other origins or sites are refused with AccessDeniedException in Q in Connect's words and get
// no CORS headers; so are requests with no credentials. A content's body URL needs no credentials, only its signature.
import { describe, expect, it } from 'vitest';
import { EXTENSION_ORIGIN, useQConnectFixture } from './qconnect-fixture';

const f = useQConnectFixture();
const FAKE_SIGV4 = `AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20261204/ap-northeast-1/wisdom/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${'0'.repeat(64)}`;

const query = (headers: Record<string, string>) =>
  f().request(`/assistants/${f().assistantId}/query`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ queryText: 'router' }) });

async function expectRefused(answer: Response, message: RegExp) {
  expect(answer.status).toBe(403);
  expect(answer.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
  expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  expect(((await answer.json()) as { message: string }).message).toMatch(message);
}

describe('the public routes', () => {
  it('answer the signed-in agent from the extension with credentialed CORS, and its preflight', async () => {
    const answer = await query({ Origin: EXTENSION_ORIGIN, 'Sec-Fetch-Site': 'none', Cookie: f().cookie });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
    const preflight = await f().request(`/assistants/${f().assistantId}/feedback`, {
      method: 'OPTIONS',
      headers: { Origin: EXTENSION_ORIGIN, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
  });

  it('answer the agent from this origin and a SigV4 backend', async () => {
    expect((await query({ Origin: f().cc.url, 'Sec-Fetch-Site': 'same-origin', Cookie: f().cookie })).status).toBe(200);
    expect((await query({ Authorization: FAKE_SIGV4 })).status).toBe(200);
  });

  it('refuse web pages of other origins and sites, even with the agent’s cookie or a SigV4 header', async () => {
    const { cookie, cc } = f();
    await expectRefused(await query({ Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site', Cookie: cookie }), /Amazon Q in Connect; other web pages/);
    await expectRefused(await query({ Origin: cc.crmUrl, 'Sec-Fetch-Site': 'same-site', Cookie: cookie }), /other web pages/);
    await expectRefused(await query({ Origin: 'https://evil.example', Authorization: FAKE_SIGV4 }), /other web pages/);
    await expectRefused(await query({ 'Sec-Fetch-Site': 'cross-site', Cookie: cookie }), /other web pages/);
    const preflight = await f().request(`/assistants/${f().assistantId}/query`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    await expectRefused(preflight, /other web pages/);
  });

  it('refuse requests without credentials, saying what to send', async () => {
    await expectRefused(await query({}), /SigV4/);
    // The extension may read why (its origin gets CORS even on a refusal).
    const signedOut = await query({ Origin: EXTENSION_ORIGIN, Cookie: 'sb_session=forged' });
    expect(signedOut.status).toBe(403);
    expect(signedOut.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    expect(((await signedOut.json()) as { message: string }).message).toMatch(/No agent is signed in/);
  });

  it('answer an unknown route in Q in Connect’s shape', async () => {
    const answer = await f().request('/assistants', { headers: { Authorization: FAKE_SIGV4 } });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
  });
});

describe('a content’s body URL', () => {
  it('needs no credentials, answers the extension with CORS, and refuses an expired or altered signature', async () => {
    const article = f().cc.knowledge.get('reset-password')!;
    const knowledgeBaseId = f().knowledgeBaseIds.en;
    const contentId = f().cc.qconnect.ids.contentId(knowledgeBaseId, article.id);
    f().cc.qconnect.repository.rememberContent({ contentId, knowledgeBaseId, articleId: article.id });
    const { url } = f().cc.qconnect.contentUrls.sign(knowledgeBaseId, contentId);
    const answer = await fetch(url, { headers: { Origin: EXTENSION_ORIGIN } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    expect(await answer.text()).toBe(article.body);
    const expired = url.replace(/expires=(\d+)/, (_, s: string) => `expires=${Number(s) - 3600}`);
    expect((await fetch(expired)).status).toBe(403);
    const otherContent = url.replace(contentId, f().cc.qconnect.ids.contentId(knowledgeBaseId, 'account-locked'));
    const refused = await fetch(otherContent);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toContain('signature');
  });
});

// Tests for the demo CRM server (its own origin on 127.0.0.1, opened as localhost) and the profile and
// case routes of the control API, in-process on ephemeral ports.

import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningContactCenter, startContactCenter } from '../../../contact-center/server/contact-center-server';
import { DEMO_PROFILES } from '../../../contact-center/seed/demo-customers';
import { injectFetch } from './inject-fetch';

let dataDir: string;
let cc: RunningContactCenter;
/** The contact center's routes, driven without a socket. */
const inject = injectFetch(() => cc.app);
const injectCrm = injectFetch(() => cc.crmApp);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sb-crm-'));
  cc = await startContactCenter({ dataDir, port: 0, crmPort: 0, demoPassword: 'pw-test' });
});

afterAll(async () => {
  await cc.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const hiroshi = DEMO_PROFILES[1]?.id ?? '';
const sakura = DEMO_PROFILES[2]?.id ?? '';

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  inject(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function page(path: string): Promise<{ status: number; html: string; type: string }> {
  const res = await injectCrm(path);
  return { status: res.status, html: await res.text(), type: res.headers.get('content-type') ?? '' };
}

describe('profiles and cases API', () => {
  it('searches profiles by phone, email, account and name', async () => {
    const byPhone = await post('/api/v1/profiles/search', { KeyName: '_phone', Values: ['+819012345678'] });
    expect(byPhone.status).toBe(200);
    const body = (await byPhone.json()) as { Items: { FirstName: string; AccountNumber: string }[] };
    expect(body.Items).toEqual([expect.objectContaining({ FirstName: 'Taro', AccountNumber: 'AC-1001' })]);
    const byEmail = (await (await post('/api/v1/profiles/search', { KeyName: '_email', Values: ['emma.wilson@example.com'] })).json()) as { Items: { LastName: string }[] };
    expect(byEmail.Items.map((i) => i.LastName)).toEqual(['Wilson']);
    const none = (await (await post('/api/v1/profiles/search', { KeyName: '_account', Values: ['AC-0000'] })).json()) as { Items: unknown[] };
    expect(none.Items).toEqual([]);
  });

  it('searches cases by profile and status and gets one case', async () => {
    const res = await post('/api/v1/cases/search', { filter: { profileId: hiroshi, status: 'open' } });
    expect(res.status).toBe(200);
    const { cases } = (await res.json()) as { cases: { reference: string; status: string; profileId: string }[] };
    expect(cases.map((c) => c.reference)).toEqual(['CASE-2026-0044']);
    const one = await inject(`/api/v1/cases/CASE-2026-0042`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ caseId: 'case-2026-0042', reference: 'CASE-2026-0042', status: 'open' });
    expect((await inject(`/api/v1/cases/CASE-1999-0001`)).status).toBe(404);
  });

  it('answers malformed requests with 400 and the reason', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['/api/v1/profiles/search', { KeyName: '_nickname', Values: ['x'] }, /KeyName/],
      ['/api/v1/profiles/search', { KeyName: '_phone', Values: [] }, /Values/],
      ['/api/v1/profiles/search', { KeyName: '_phone', Values: [42] }, /Values/],
      ['/api/v1/cases/search', { filter: { status: 'deleted' } }, /status/],
      ['/api/v1/cases/search', { filter: 'open' }, /filter/],
      ['/api/v1/cases/search', { filter: { owner: 'x' } }, /unknown key/],
      ['/api/v1/cases/search', { searchTerm: 7 }, /searchTerm/],
    ];
    for (const [path, body, reason] of cases) {
      const res = await post(path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const { error } = (await res.json()) as { error: { message: string } };
      expect(error.message).toMatch(reason);
    }
  });

  it('keeps the rules of the control API: JSON only, no cross-site callers, right methods', async () => {
    const form = await inject(`/api/v1/profiles/search`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"KeyName":"_phone","Values":["+819012345678"]}' });
    expect(form.status).toBe(415);
    const crossSite = await post('/api/v1/profiles/search', { KeyName: '_phone', Values: ['+819012345678'] }, { Origin: cc.crmUrl });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('access-control-allow-origin')).toBeNull();
    expect((await inject(`/api/v1/profiles/search`)).status).toBe(405);
    expect((await post('/api/v1/cases/case-2026-0042', {})).status).toBe(405);
  });
});

describe('demo CRM', () => {
  it('is a different origin, bound to 127.0.0.1 and answering on localhost', async () => {
    expect(cc.crmUrl).toBe(`http://localhost:${cc.crmPort}`);
    expect(new URL(cc.crmUrl).origin).not.toBe(new URL(cc.url).origin);
    const direct = await fetch(`http://127.0.0.1:${cc.crmPort}/`);
    expect(direct.status).toBe(200);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: cc.crmPort, path: '/', headers: { Host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('lists customers with phone numbers in many formats and tel: links', async () => {
    const { status, html, type } = await page('/');
    expect(status).toBe(200);
    expect(type).toContain('text/html');
    for (const text of ['03-5550-1234', '(03) 5550 1234', '+81 90 5550 7788', '090-5550-7788', '０３－５５５０－１２３４', '+1 (206) 555-0142', '206.555.0142', 'href="tel:+81355501234"', 'Hiroshi Yamamoto', 'Taro Suzuki']) {
      expect(html, text).toContain(text);
    }
  });

  it('shows a record page with hooks, cases, non-phone numbers, skipped fields and the panel frame', async () => {
    const { status, html } = await page(`/customers/${hiroshi}`);
    expect(status).toBe(200);
    for (const text of [
      `data-record-id="${hiroshi}"`,
      'data-field="phone"',
      'data-field="email"',
      'h.yamamoto@yamamoto-trading.example.jp',
      'href="tel:+81355501234"',
      'CASE-2026-0044',
      '¥13,456',
      '2026-11-25',
      '〒100-0001',
      '<input name="callback" value="03-5550-1234">',
      '<textarea',
      '<code>+81355501234</code>',
      `<iframe src="/customers/${hiroshi}/panel"`,
    ]) {
      expect(html, text).toContain(text);
    }
    const panel = await page(`/customers/${hiroshi}/panel`);
    expect(panel.status).toBe(200);
    expect(panel.html).toContain('(03) 5550 1234');
  });

  it('serves a case page, a Japanese record page and the live board with its script', async () => {
    const casePage = await page('/cases/case-2026-0042');
    expect(casePage.status).toBe(200);
    expect(casePage.html).toContain('data-case-reference="CASE-2026-0042"');
    const ja = await page(`/ja/customers/${sakura}`);
    expect(ja.status).toBe(200);
    expect(ja.html).toContain('lang="ja"');
    expect(ja.html).toContain('携帯電話');
    expect(ja.html).toContain('090-5550-7788');
    expect(ja.html).toContain('〒530-0001');
    const app = await page('/app');
    expect(app.status).toBe(200);
    expect(app.html).toContain('<script src="/assets/live-board.js"></script>');
    expect(app.html).toContain('+819055507788');
    const script = await injectCrm(`/assets/live-board.js`);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(await script.text()).toContain('setInterval(render, 1000)');
  });

  it('answers the customer lookup by phone as dialled, email or account, in the CRM’s own shape', async () => {
    const byPhone = await injectCrm('/api/customers/lookup?phone=090-1234-5678');
    expect(byPhone.status).toBe(200);
    expect(await byPhone.json()).toMatchObject({ customer: { crmId: DEMO_PROFILES[0]?.id, displayName: 'Suzuki Taro', segment: 'Consumer', customerSince: '2025-03-02' } });
    expect(await (await injectCrm(`/api/customers/lookup?email=${encodeURIComponent('h.yamamoto@yamamoto-trading.example.jp')}`)).json()).toMatchObject({ customer: { crmId: hiroshi, company: 'Yamamoto Trading', segment: 'Business' } });
    expect((await injectCrm('/api/customers/lookup?account=AC-0000')).status).toBe(404);
    expect((await injectCrm('/api/customers/lookup')).status).toBe(400);
  });

  it('answers 404 for unknown pages, customers and cases, and 405 for writes', async () => {
    expect((await page('/nowhere')).status).toBe(404);
    expect((await page('/customers/nobody')).status).toBe(404);
    expect((await page('/cases/CASE-1999-0001')).status).toBe(404);
    expect((await injectCrm('/', { method: 'POST' })).status).toBe(405);
  });
});

// The contact details page the workspace History tab links to (`/contact-trace-records/details/:contactId`): the
// signed-in agent sees the stored record (ids, channel, queue, agent, times, durations, attributes, a task's and a
// chat's own details) as escaped text under a strict CSP; no session goes to the login page and back; unknown and
// malformed ids get a 404 page that says so; Japanese when Accept-Language asks for it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningContactCenter, startContactCenter } from '../../../contact-center/server/contact-center-server';
import { CONTACT_DETAILS_CSP } from '../../../contact-center/server/routes/contact-details-page';
import { languageFromAcceptLanguage } from '../../../contact-center/server/routes/contact-details-strings';
import { endedRecord, saveContactRecord, T0 } from './customer-profiles-fixture';
import { injectFetch } from './inject-fetch';

let dataDir: string;
let cc: RunningContactCenter;
let session: string;
const inject = injectFetch(() => cc.app);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sb-contact-details-'));
  cc = await startContactCenter({ dataDir, port: 0, demoPassword: 'pw-test', engine: { farEndAnswerMs: 50 } });
  session = cc.issueSession('agent1');
});

afterAll(async () => {
  await cc.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const at = (seconds: number) => T0 + seconds * 1000;
const iso = (seconds: number) => new Date(at(seconds)).toISOString();

function details(contactId: string, headers: Record<string, string> = {}): Promise<Response> {
  return inject(`/contact-trace-records/details/${encodeURIComponent(contactId)}`, { headers: { Cookie: `sb_session=${session}`, 'Accept-Language': 'en-US,en;q=0.9', ...headers } });
}

/** The text of the table cell the row headed `label` holds (tags removed, entities as written). */
function cell(html: string, label: string): string | null {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`<th scope="row">${escaped}</th><td>([\\s\\S]*?)</td>`).exec(html);
  return match ? match[1]!.replace(/<[^>]+>/g, '') : null;
}

describe('GET /contact-trace-records/details/:contactId for the signed-in agent', () => {
  it('shows a voice contact’s record: ids, channel, queue, agent, times, durations and attributes', async () => {
    saveContactRecord(cc.db, endedRecord({ contactId: 'voice-1', nextContactId: 'voice-2', attributes: { accountNumber: 'AC-1001', reason: 'billing question' } }));
    const response = await details('voice-1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTACT_DETAILS_CSP);
    expect(CONTACT_DETAILS_CSP).toMatch(/default-src 'none'.*style-src 'sha256-[A-Za-z0-9+/=]+'.*frame-ancestors 'none'/);
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<h1>Contact details<\/h1>/);
    expect(html).not.toContain('<script');
    expect(cell(html, 'Contact ID')).toBe('voice-1');
    expect(cell(html, 'Channel')).toBe('Voice');
    expect(cell(html, 'Initiation method')).toBe('Inbound');
    expect(cell(html, 'Status')).toBe('Ended');
    expect(cell(html, 'Queue')).toBe('Support');
    expect(cell(html, 'Agent')).toBe('Emily Carter (agent1)');
    expect(cell(html, 'Customer number')).toBe('+819012345678');
    expect(cell(html, 'Disconnect reason')).toBe('The customer disconnected');
    expect(html).toContain('<a href="/contact-trace-records/details/voice-2">voice-2</a>');
    expect(html).toContain(`<th scope="row">Initiated</th><td><time datetime="${iso(0)}">`);
    expect(html).toContain(`<th scope="row">Connected to agent</th><td><time datetime="${iso(25)}">`);
    expect(html).toContain(`<th scope="row">Disconnected</th><td><time datetime="${iso(205)}">`);
    expect(cell(html, 'Initiated')).toContain('2026');
    expect(cell(html, 'Time in queue')).toBe('00:00:20');
    expect(cell(html, 'Hold time')).toBe('00:00:30');
    expect(cell(html, 'Number of holds')).toBe('1');
    expect(cell(html, 'Talk time')).toBe('00:02:30');
    expect(html).toContain('<time datetime="PT150S">00:02:30</time>');
    expect(cell(html, 'After contact work')).toBe('00:00:30');
    expect(cell(html, 'accountNumber')).toBe('AC-1001');
    expect(cell(html, 'reason')).toBe('billing question');
  });

  it('shows attribute names and values that hold markup as text', async () => {
    const attack = '<script>alert("x")</script>';
    saveContactRecord(cc.db, endedRecord({ contactId: 'voice-markup', attributes: { note: attack, '<img src=x onerror=alert(1)>': 'a & b' } }));
    const html = await (await details('voice-markup')).text();
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(cell(html, 'note')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(cell(html, '&lt;img src=x onerror=alert(1)&gt;')).toBe('a &amp; b');
  });

  it('shows a task’s name, description and references, a URL reference as a link only when it is http(s)', async () => {
    const task = {
      name: 'Call back <Taro>',
      description: 'Line one\nLine two',
      references: {
        order: { type: 'URL' as const, value: 'https://crm.example.jp/orders/42?a=1&b=2' },
        trap: { type: 'URL' as const, value: 'javascript:alert(1)' },
        due: { type: 'DATE' as const, value: String(at(3600) / 1000) },
        amount: { type: 'NUMBER' as const, value: '1200' },
      },
      templateId: null,
      scheduledTime: null,
      relatedContactId: null,
      expiresAt: at(7 * 86400),
      pauses: [],
      pausedDurationMs: 0,
    };
    saveContactRecord(cc.db, endedRecord({ contactId: 'task-1', channel: 'task', initiationMethod: 'api', customerEndpoint: null, systemEndpoint: null, holdDurationMs: 0, holdCount: 0, task }));
    const html = await (await details('task-1')).text();
    expect(cell(html, 'Channel')).toBe('Task');
    expect(cell(html, 'Initiation method')).toBe('API');
    expect(cell(html, 'Agent interaction time')).toBe('00:02:30');
    expect(cell(html, 'Talk time')).toBeNull();
    expect(cell(html, 'Number of holds')).toBeNull();
    expect(cell(html, 'Customer number')).toBeNull();
    expect(cell(html, 'Name')).toBe('Call back &lt;Taro&gt;');
    expect(cell(html, 'Description')).toBe('Line one\nLine two');
    expect(html).toContain('<th scope="row">order</th><td class="type">URL</td><td><a href="https://crm.example.jp/orders/42?a=1&amp;b=2" rel="noopener noreferrer">');
    expect(html).toContain('<th scope="row">trap</th><td class="type">URL</td><td>javascript:alert(1)</td>');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain(`<th scope="row">due</th><td class="type">Date</td><td><time datetime="${iso(3600)}">`);
    expect(html).toContain('<th scope="row">amount</th><td class="type">Number</td><td>1200</td>');
    expect(html).toContain(`<th scope="row">Expires</th><td><time datetime="${iso(7 * 86400)}">`);
  });

  it('shows a chat’s metadata and no transcript', async () => {
    const chat = { customerDisplayName: 'Sakura', customerParticipantId: 'p-1', durationMinutes: 1500, expiresAt: at(90_000), agentFirstResponseAt: at(37), agentFirstResponseMs: 12_000 };
    saveContactRecord(cc.db, endedRecord({ contactId: 'chat-1', channel: 'chat', initiationMethod: 'api', customerEndpoint: null, systemEndpoint: null, chat }));
    const html = await (await details('chat-1')).text();
    expect(cell(html, 'Channel')).toBe('Chat');
    expect(cell(html, 'Customer display name')).toBe('Sakura');
    expect(cell(html, 'Maximum chat duration')).toBe('1,500 minutes');
    expect(cell(html, 'Agent’s first response after connecting')).toBe('00:00:12');
    expect(html).toContain(`<time datetime="${iso(90_000)}">`);
  });

  it('shows a contact in flight from the routing engine’s stored record', async () => {
    cc.engine.setStatus('agent1', 'available');
    const contactId = cc.engine.startInboundCall({ from: '+819055502020', queueId: 'basic', attributes: { accountNumber: 'AC-7' } });
    cc.engine.acceptContact('agent1', contactId);
    const html = await (await details(contactId)).text();
    expect(cell(html, 'Contact ID')).toBe(contactId);
    expect(cell(html, 'Status')).toBe('Connected');
    expect(cell(html, 'Queue')).toBe('BasicQueue');
    expect(cell(html, 'Disconnected')).toBe('None');
    expect(cell(html, 'accountNumber')).toBe('AC-7');
    cc.engine.customerHangUp(contactId);
    cc.engine.clearContact('agent1', contactId);
  });
});

describe('who may see the page', () => {
  it('sends a browser without a session (or with an unknown one) to the login page, which brings it back', async () => {
    saveContactRecord(cc.db, endedRecord({ contactId: 'voice-private', attributes: { secret: 'AC-9999' } }));
    for (const headers of [{}, { Cookie: 'sb_session=not-a-session' }] as Record<string, string>[]) {
      const response = await inject('/contact-trace-records/details/voice-private?tz=UTC', { headers });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/connect/login?destination=${encodeURIComponent('/contact-trace-records/details/voice-private?tz=UTC')}`);
      expect(await response.text()).not.toContain('AC-9999');
    }
    const loginPage = await (await inject('/connect/login?destination=%2Fcontact-trace-records%2Fdetails%2Fvoice-private')).text();
    expect(loginPage).toContain('name="destination" value="/contact-trace-records/details/voice-private"');
    const form = new URLSearchParams({ username: 'agent2', password: 'pw-test', destination: '/contact-trace-records/details/voice-private' });
    const signedIn = await inject('/connect/login', { method: 'POST', body: form, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/contact-trace-records/details/voice-private');
    const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('sb_session='))!.split(';')[0]!;
    const page = await inject('/contact-trace-records/details/voice-private', { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('AC-9999');
  });

  it('sends a signed-out agent to the login page too, even for an id that does not exist', async () => {
    const token = cc.issueSession('agent3');
    await inject('/connect/logout', { headers: { Cookie: `sb_session=${token}` } });
    const response = await inject('/contact-trace-records/details/no-such-contact', { headers: { Cookie: `sb_session=${token}` } });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/connect\/login\?destination=/);
  });
});

describe('contacts that are not there', () => {
  it('answers an unknown id with a 404 page that names it', async () => {
    const response = await details('00000000-0000-4000-8000-000000000000');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTACT_DETAILS_CSP);
    const html = await response.text();
    expect(html).toContain('<h1>Contact not found</h1>');
    expect(html).toContain('has no contact with the ID 00000000-0000-4000-8000-000000000000.');
  });

  it('answers a malformed id, and the path without an id, with a 404 page that says why', async () => {
    for (const id of ['a.b', '<script>alert(1)</script>', 'x'.repeat(257)]) {
      const response = await details(id);
      expect(response.status, id).toBe(404);
      const html = await response.text();
      expect(html).toContain('The address does not end in a contact ID');
      expect(html).not.toContain('<script>');
    }
    for (const path of ['/contact-trace-records/details', '/contact-trace-records/details/']) {
      const response = await inject(path, { headers: { Cookie: `sb_session=${session}` } });
      expect(response.status, path).toBe(404);
      expect(await response.text()).toContain('The address names no contact');
    }
  });
});

describe('the page in Japanese', () => {
  it('is in Japanese when Accept-Language puts Japanese first', async () => {
    saveContactRecord(cc.db, endedRecord({ contactId: 'voice-ja', attributes: {} }));
    const response = await details('voice-ja', { 'Accept-Language': 'ja-JP,ja;q=0.9,en-US;q=0.8' });
    expect(response.headers.get('content-language')).toBe('ja');
    const html = await response.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('<h1>コンタクトの詳細</h1>');
    expect(cell(html, 'チャネル')).toBe('通話');
    expect(cell(html, '開始方法')).toBe('着信');
    expect(cell(html, 'キュー')).toBe('サポート');
    expect(cell(html, '通話時間')).toBe('00:02:30');
    expect(cell(html, '後処理時間')).toBe('00:00:30');
    expect(cell(html, '切断理由')).toBe('お客様が切断');
    expect(cell(html, '開始日時')).toMatch(/^2026年11月\d{1,2}日 \d{1,2}:\d{2}:\d{2} /);
    expect(html).toContain('このコンタクトには属性がありません。');
    const missing = await (await details('nothing-here', { 'Accept-Language': 'ja' })).text();
    expect(missing).toContain('<h1>コンタクトが見つかりません</h1>');
  });

  it('chooses the language the browser weighs highest, English when it asks for neither', () => {
    expect(languageFromAcceptLanguage('ja,en;q=0.5')).toBe('ja');
    expect(languageFromAcceptLanguage('en-GB,ja;q=0.9')).toBe('en');
    expect(languageFromAcceptLanguage('fr-FR,ja;q=0.7,en;q=0.6')).toBe('ja');
    expect(languageFromAcceptLanguage('en;q=0.3,ja;q=0.8')).toBe('ja');
    expect(languageFromAcceptLanguage('ja;q=0,en;q=0.1')).toBe('en');
    expect(languageFromAcceptLanguage('de-DE')).toBe('en');
    expect(languageFromAcceptLanguage(undefined)).toBe('en');
  });
});

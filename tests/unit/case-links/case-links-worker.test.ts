// Case links, the worker's side, against a real local contact center in-process, reached as the extension reaches
// it: through the engine's workspace (Customer Profiles on the agent-app API, Cases at the Cases URL; see
// node-workspace-engine.ts). Only this extension's content script on a CRM page is heard, references must match
// the site rule, a lookup resolves references to case pages and counts open cases per phone number and email,
// and "link current call" adds the agent's current voice contact to the case (a related item the case then
// lists), with a clear error when there is no call. Without a Cases service nothing is looked up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseLinks, currentVoiceContact, type CaseLinksSender } from '../../../lib/case-links/case-links-worker';
import { demoCrmRule } from '../../../lib/crm-rules/rules/demo-crm';
import { emptySnapshot, type ContactView, type SessionSnapshot } from '../../../lib/session/snapshot';
import { CASES_BASE_PATH, CasesArns } from '../../../contact-center/cases/cases-model';
import { type RunningContactCenter, startContactCenter } from '../../../contact-center/server/contact-center-server';
import type { CasesEndpoint } from '../../../lib/workspace/workspace-requests';
import { nodeWorkspace, type NodeWorkspace } from './node-workspace-engine';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';

/** A voice call as the session snapshot shows it: inbound, ringing at the agent ('connecting'). */
const ringingCall = (id: string, overrides: Partial<ContactView> = {}): ContactView => ({
  id,
  initialContactId: null,
  channel: 'voice',
  state: 'connecting',
  since: 0,
  initiationMethod: 'inbound',
  queueName: 'BasicQueue',
  attributes: {},
  connections: [],
  transferredBy: null,
  deskPhone: false,
  ...overrides,
});
const connectedCall = (id: string, overrides: Partial<ContactView> = {}): ContactView => ringingCall(id, { state: 'connected', ...overrides });
const readySnapshot = (overrides: Partial<SessionSnapshot> = {}): SessionSnapshot => ({
  ...emptySnapshot(0),
  connection: { status: 'ready', since: 0, reason: null },
  ...overrides,
});

let dataDir: string;
let cc: RunningContactCenter;
let contactId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sb-case-links-'));
  cc = await startContactCenter({ dataDir, port: 0, crmPort: 0, demoPassword: 'pw-test' });
  const call = await fetch(`${cc.url}/api/v1/inbound-calls`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ from: '+819012345678', queue: 'BasicQueue' }) });
  contactId = ((await call.json()) as { contactId: string }).contactId;
});

afterAll(async () => {
  await cc.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const crmPage = (path = '/customers/7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b01') => `http://localhost:${cc.crmPort}${path}?token=secret`;
const fromContentScript = (): CaseLinksSender => ({ id: EXTENSION_ID, url: crmPage(), tab: { id: 3 } });

let workspace: NodeWorkspace;

/** Case links in a worker whose session is `snapshot`; the engine reaches the contact center (or `origin`). */
function setup(snapshot: SessionSnapshot, options: { casesEndpoint?: CasesEndpoint; origin?: string } = {}) {
  const lines: { event: string; data?: Record<string, unknown> }[] = [];
  workspace = nodeWorkspace(cc, { snapshot, ...options });
  const caseLinks = new CaseLinks({
    extensionId: EXTENSION_ID,
    snapshot: () => Promise.resolve(snapshot),
    rules: () => Promise.resolve([demoCrmRule]),
    templateValues: () => Promise.resolve({ crmPort: String(cc.crmPort) }),
    workspace: workspace.road,
    log: { append: (event, data) => void lines.push({ event, data }) },
  });
  return { caseLinks, lines, asked: workspace.asked };
}

/** An Amazon Connect instance whose admin set a Cases URL (here the local contact center's Cases service). */
const amazonConnect = (overrides: Partial<SessionSnapshot> = {}) => readySnapshot({ instanceUrl: 'https://example.my.connect.aws/connect', ...overrides });
const adminsCases = (): CasesEndpoint => ({ baseUrl: `${cc.url}${CASES_BASE_PATH}`, domainId: new CasesArns(cc.engine.instance).domainId });

const local = (overrides: Partial<SessionSnapshot> = {}) => readySnapshot({ instanceUrl: cc.url, ...overrides });
const lookup = (references: string[], phones: string[] = [], emails: string[] = []) => ({ type: 'case-links-lookup', references, phones, emails });
const linkTo = (reference: string) => ({ type: 'case-links-link-contact', reference });

/** The contacts the case's activity lists, read through Cases as the workspace reads a case. */
async function relatedContactsOf(caseId: string): Promise<string[]> {
  const read = await workspace.execute({ op: 'case-get', caseId });
  if (!read.ok) throw new Error(`case-get ${caseId}: ${read.error.detail}`);
  return (read.value?.workspace?.case?.activity ?? []).filter((a) => a.kind === 'contact').map((a) => a.contactId ?? '');
}

describe('CaseLinks lookup', () => {
  it('resolves references to their case pages and counts open cases per phone number and email', async () => {
    const { caseLinks } = setup(local());
    const answer = await caseLinks.handleMessage(lookup(['CASE-2026-0042', 'CASE-2026-0043', 'CASE-2026-9999'], ['+819012345678', '090-1234-5678', '03-0000-0000'], ['h.yamamoto@yamamoto-trading.example.jp']), fromContentScript());
    expect(answer).toEqual({
      ok: true,
      cases: [
        { reference: 'CASE-2026-0042', url: `http://localhost:${cc.crmPort}/cases/case-2026-0042`, title: 'Router keeps dropping the connection', status: 'open' },
        { reference: 'CASE-2026-0043', url: `http://localhost:${cc.crmPort}/cases/case-2026-0043`, title: 'Change of billing address', status: 'closed' },
      ],
      identifiers: [
        { kind: 'phone', value: '+819012345678', openCases: 1 },
        { kind: 'phone', value: '090-1234-5678', openCases: 1 },
        { kind: 'phone', value: '03-0000-0000', openCases: 0 },
        // Hiroshi Yamamoto: one open and one pending case (his closed one does not count).
        { kind: 'email', value: 'h.yamamoto@yamamoto-trading.example.jp', openCases: 2 },
      ],
    });
  });

  it('asks the engine a case search by reference, and a profile search then each profile’s cases per identifier', async () => {
    const { caseLinks, asked } = setup(local());
    await caseLinks.handleMessage(lookup(['CASE-2026-0042'], [], ['h.yamamoto@yamamoto-trading.example.jp']), fromContentScript());
    expect(asked).toEqual([
      { op: 'cases-by-reference', referenceNumber: 'CASE-2026-0042' },
      { op: 'profile-search', key: '_email', value: 'h.yamamoto@yamamoto-trading.example.jp' },
      { op: 'cases-of-profile', profileId: '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b02' },
    ]);
  });

  it('on Amazon Connect with the admin’s Cases URL, looks up through the engine as on the local contact center', async () => {
    const { caseLinks } = setup(amazonConnect(), { casesEndpoint: adminsCases() });
    await expect(caseLinks.handleMessage(lookup(['CASE-2026-0042'], ['+819012345678']), fromContentScript())).resolves.toEqual({
      ok: true,
      cases: [{ reference: 'CASE-2026-0042', url: `http://localhost:${cc.crmPort}/cases/case-2026-0042`, title: 'Router keeps dropping the connection', status: 'open' }],
      identifiers: [{ kind: 'phone', value: '+819012345678', openCases: 1 }],
    });
  });

  it('finds nothing on an instance without a Cases service (Amazon Connect, no Cases URL set), and asks nothing', async () => {
    const { caseLinks, asked } = setup(amazonConnect());
    await expect(caseLinks.handleMessage(lookup(['CASE-2026-0042'], ['+819012345678']), fromContentScript())).resolves.toEqual({ ok: true, cases: [], identifiers: [] });
    expect(asked).toEqual([]);
  });

  it('answers not-signed-in without a session', async () => {
    const { caseLinks } = setup(readySnapshot({ instanceUrl: null, connection: { status: 'signed-out', since: 0, reason: null } }));
    await expect(caseLinks.handleMessage(lookup(['CASE-2026-0042']), fromContentScript())).resolves.toEqual({ ok: false, error: { code: 'not-signed-in' } });
  });

  it('answers contact-center-error when the contact center cannot be reached', async () => {
    const { caseLinks, lines } = setup(local({ instanceUrl: 'http://127.0.0.1:1' }), { origin: 'http://127.0.0.1:1' });
    const answer = await caseLinks.handleMessage(lookup(['CASE-2026-0042']), fromContentScript());
    expect(answer).toMatchObject({ ok: false, error: { code: 'contact-center-error' } });
    expect(lines.map((l) => l.event)).toEqual(['case-links-lookup-failed']);
  });
});

describe('CaseLinks sender and request checks', () => {
  it('leaves other messages to the other handlers', () => {
    const { caseLinks } = setup(local());
    expect(caseLinks.handleMessage({ type: 'page-dial', phoneNumber: '+81312345678' }, fromContentScript())).toBeUndefined();
    expect(caseLinks.handleMessage('case-links-lookup', fromContentScript())).toBeUndefined();
  });

  it.each([
    ['another extension', (): CaseLinksSender => ({ ...fromContentScript(), id: 'ponmlkjihgfedcbaponmlkjihgfedcba' })],
    ['an extension page (no tab)', (): CaseLinksSender => ({ id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/sidepanel.html` })],
    ['a page no CRM rule matches', (): CaseLinksSender => ({ id: EXTENSION_ID, url: 'https://evil.example/cases/x', tab: { id: 1 } })],
  ])('refuses %s and asks the contact center nothing', async (_name, senderOf) => {
    const sender = senderOf();
    const { caseLinks, asked, lines } = setup(local({ contacts: [connectedCall(contactId)] }));
    await expect(caseLinks.handleMessage(linkTo('CASE-2026-0042'), sender)).resolves.toMatchObject({ ok: false, error: { code: 'refused' } });
    await expect(caseLinks.handleMessage(lookup(['CASE-2026-0042']), sender)).resolves.toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(asked).toEqual([]);
    expect(lines[0]?.event).toBe('case-links-refused');
  });

  it.each([
    ['a reference that is not the rule pattern', lookup(['CASE-2026-0042', "x' OR 1=1"])],
    ['too many references', lookup(Array.from({ length: 51 }, () => 'CASE-2026-0042'))],
    ['a link to something that is not a reference', linkTo('../../admin')],
    ['a malformed lookup', { type: 'case-links-lookup', references: 'CASE-2026-0042' }],
  ])('refuses %s', async (_name, message) => {
    const { caseLinks, asked } = setup(local({ contacts: [connectedCall(contactId)] }));
    await expect(caseLinks.handleMessage(message, fromContentScript())).resolves.toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(asked).toEqual([]);
  });
});

describe('CaseLinks link current call', () => {
  it("links the agent's connected voice call to the case, which then lists it; the log has the origin only", async () => {
    const { caseLinks, lines } = setup(local({ contacts: [connectedCall(contactId)] }));
    await expect(caseLinks.handleMessage(linkTo('CASE-2026-0044'), fromContentScript())).resolves.toEqual({ ok: true, reference: 'CASE-2026-0044' });
    expect(await relatedContactsOf('case-2026-0044')).toEqual([contactId]);
    expect(lines).toEqual([{ event: 'case-link-contact', data: { origin: `http://localhost:${cc.crmPort}`, ok: true } }]);
  });

  it.each([
    ['no call at all', []],
    ['only a ringing call', [ringingCall('ringing-1')]],
    ['only a chat', [connectedCall('chat-1', { channel: 'chat' })]],
  ])('answers no-current-call with %s, and links nothing', async (_name, contacts) => {
    const { caseLinks } = setup(local({ contacts }));
    await expect(caseLinks.handleMessage(linkTo('CASE-2026-0047'), fromContentScript())).resolves.toEqual({ ok: false, error: { code: 'no-current-call' } });
    expect(await relatedContactsOf('case-2026-0047')).toEqual([]);
  });

  it('answers case-not-found for a reference the contact center does not have', async () => {
    const { caseLinks } = setup(local({ contacts: [connectedCall(contactId)] }));
    await expect(caseLinks.handleMessage(linkTo('CASE-2026-9999'), fromContentScript())).resolves.toEqual({ ok: false, error: { code: 'case-not-found' } });
  });

  it('answers contact-center-error when the contact center refuses (a contact it does not know)', async () => {
    const { caseLinks } = setup(local({ contacts: [connectedCall('not-a-contact-of-this-center')] }));
    await expect(caseLinks.handleMessage(linkTo('CASE-2026-0042'), fromContentScript())).resolves.toMatchObject({ ok: false, error: { code: 'contact-center-error', detail: expect.stringContaining('does not exist') } });
  });

  it('answers not-available on an instance without a Cases service (Amazon Connect, no Cases URL set)', async () => {
    const { caseLinks, asked } = setup(amazonConnect({ contacts: [connectedCall(contactId)] }));
    await expect(caseLinks.handleMessage(linkTo('CASE-2026-0042'), fromContentScript())).resolves.toEqual({ ok: false, error: { code: 'not-available' } });
    expect(asked).toEqual([]);
  });

  it('counts a call the agent is dialing, and prefers the connected call over one in after call work', () => {
    expect(currentVoiceContact(local({ contacts: [ringingCall('dialing-1', { initiationMethod: 'outbound' })] }))?.id).toBe('dialing-1');
    const snapshot = local({ contacts: [connectedCall('acw-1', { state: 'ended' }), connectedCall('live-1')] });
    expect(currentVoiceContact(snapshot)?.id).toBe('live-1');
    expect(currentVoiceContact(local({ contacts: [connectedCall('acw-1', { state: 'ended' })] }))?.id).toBe('acw-1');
  });
});

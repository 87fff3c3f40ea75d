// The /demo/ page's "say" panels, run in happy-dom against a real contact center (no browser): each call gets a
// labelled panel with scripted lines in English and Japanese (marked with their language) and a text box; picking
// a line fills the box, Say adds it to the call's transcript and the conversation list, an empty box or a call not
// yet connected is explained in the panel's status. Playwright runs the page in Chromium (tests/contract/demo-page.spec.ts).
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { SCRIPTED_LINES } from '../../../contact-center/transcript/scripted-lines';
import { scoreSentiment } from '../../../contact-center/transcript/sentiment';
import { useTranscriptFixture } from './transcript-fixture';

const f = useTranscriptFixture();
let window: Window | null = null;

afterEach(async () => {
  await window?.happyDOM.abort();
  await window?.happyDOM.close();
  window = null;
});

/** Opens /demo/ with its script running; fetch goes to the real server (as the browser's same-origin fetch would). */
async function openDemoPage() {
  const { cc } = f();
  const html = await (await fetch(`${cc.url}/demo/`)).text();
  window = new Window({ url: `${cc.url}/demo/`, settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
  const sameOriginFetch = (path: string, init?: RequestInit) => fetch(new URL(path, cc.url), init);
  (window as unknown as { fetch: typeof sameOriginFetch }).fetch = sameOriginFetch;
  window.document.write(html);
  return window.document;
}

type Doc = Awaited<ReturnType<typeof openDemoPage>>;

/** Calls in from the page's own form, as a person does; with `answeredBy`, that agent (made Available) takes the call. */
async function callFromPage(document: Doc, answeredBy: string | null): Promise<string> {
  const { cc } = f();
  if (answeredBy !== null) cc.engine.setStatus(answeredBy, 'available');
  const before = new Set(cc.engine.listAgents().flatMap((a) => a.contacts.map((c) => c.contactId)));
  (document.querySelector('#queue') as unknown as { value: string }).value = 'support';
  (document.querySelector('#call button[type="submit"]') as unknown as { click(): void }).click();
  await waitFor(() => panels(document).length === 1, 'a say panel for the call');
  const records = (await (await fetch(`${cc.url}/api/v1/contact-records?limit=1`)).json()) as { records: { contactId: string }[] };
  const contactId = records.records[0]!.contactId;
  expect(before.has(contactId)).toBe(false);
  if (answeredBy !== null) cc.engine.acceptContact(answeredBy, contactId);
  return contactId;
}
const submit = (panel: { querySelector(selector: string): unknown }) => (panel.querySelector('button[type="submit"]') as { click(): void }).click();
const panels = (document: Doc) => [...document.querySelectorAll('#say-panels section')];
const waitFor = (check: () => boolean, what: string) => expect.poll(check, { timeout: 4000, message: what }).toBe(true);

describe('the demo page’s say panels', () => {
  it('offer each call labelled controls and the scripted lines in both languages', async () => {
    const document = await openDemoPage();
    const contactId = await callFromPage(document, 'agent1');
    const panel = panels(document)[0]!;
    const heading = panel.querySelector('h3')!;
    expect(panel.getAttribute('aria-labelledby')).toBe(heading.id);
    await waitFor(() => heading.textContent!.includes('connected'), 'the heading says the call is connected');
    const select = panel.querySelector('select')!;
    const input = panel.querySelector('input')!;
    expect(document.querySelector(`label[for="${select.id}"]`)?.textContent).toMatch(/Scripted line/);
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toMatch(/What the customer says/);
    expect(panel.querySelector('[role="status"]')).not.toBeNull();
    const options = [...select.querySelectorAll('option')].filter((o) => o.value !== '');
    expect(options.map((o) => o.value)).toEqual(SCRIPTED_LINES.map((l) => l.text));
    expect(options.filter((o) => o.getAttribute('lang') === 'ja').map((o) => o.value)).toContain('ルーターの接続が頻繁に切れる');
    expect(options.filter((o) => o.getAttribute('lang') === 'en').map((o) => o.value)).toContain('My router keeps dropping the connection.');
    f().endCall(contactId);
  });

  it('say a picked line and a typed one into the call’s transcript, shown in the conversation', async () => {
    const { cc } = f();
    const document = await openDemoPage();
    const contactId = await callFromPage(document, 'agent1');
    await waitFor(() => panels(document)[0]!.querySelector('h3')!.textContent!.includes('connected'), 'the heading says the call is connected');
    const panel = panels(document)[0]!;
    const select = panel.querySelector('select')!;
    const input = panel.querySelector('input')!;
    select.value = 'ルーターの接続が頻繁に切れる';
    select.dispatchEvent(new window!.Event('change'));
    expect(input.value).toBe('ルーターの接続が頻繁に切れる');
    submit(panel);
    await waitFor(() => panel.querySelectorAll('.conversation li').length === 1, 'the line in the conversation');
    expect(panel.querySelector('.conversation li span[lang="ja"]')?.textContent).toBe('ルーターの接続が頻繁に切れる');
    expect(panel.querySelector('.conversation li')?.textContent).toMatch(/negative/);
    expect(input.value).toBe('');
    expect(panel.querySelector('[role="status"]')?.textContent).toMatch(/Said/);

    input.value = 'Thank you so much, that fixed it!';
    submit(panel);
    await waitFor(() => panel.querySelectorAll('.conversation li').length === 2, 'the typed line in the conversation');
    expect(cc.transcripts.segments(contactId).map((s) => [s.participantRole, s.content])).toEqual([
      ['CUSTOMER', 'ルーターの接続が頻繁に切れる'],
      ['CUSTOMER', 'Thank you so much, that fixed it!'],
    ]);
    f().endCall(contactId);
  });

  it('explain an empty box and a call not yet connected in the panel’s status', async () => {
    const { cc } = f();
    cc.engine.setStatus('agent1', 'offline');
    const document = await openDemoPage();
    const queued = await callFromPage(document, null);
    const panel = panels(document)[0]!;
    const status = panel.querySelector('[role="status"]')!;
    submit(panel);
    await waitFor(() => /pick one first/.test(status.textContent ?? ''), 'the empty box explained');
    panel.querySelector('input')!.value = 'hello?';
    submit(panel);
    await waitFor(() => /not yet connected to an agent/.test(status.textContent ?? ''), 'the server’s refusal shown');
    expect(status.className).toContain('error');
    cc.engine.customerHangUp(queued);
    expect(cc.transcripts.segments(queued)).toEqual([]);
  });
});

describe('the scripted lines', () => {
  it('come in both languages for every topic, and the scorer reads them as a customer means them', () => {
    const expected = { network: 'NEGATIVE', billing: 'NEGATIVE', delivery: 'NEGATIVE', address: 'NEUTRAL', thanks: 'POSITIVE' } as const;
    for (const topic of Object.keys(expected) as (keyof typeof expected)[]) {
      const lines = SCRIPTED_LINES.filter((l) => l.topic === topic);
      expect(new Set(lines.map((l) => l.language))).toEqual(new Set(['en', 'ja']));
      for (const line of lines) expect([line.text, scoreSentiment(line.text).sentiment]).toEqual([line.text, expected[topic]]);
    }
  });
});

// @vitest-environment happy-dom
// Case links on a page, without a browser extension around them: finding case references and customer
// identifiers (skipping fields, code, editable areas and our own overlay), asking the worker about them once,
// drawing open-case badges in a closed shadow root without touching the page's nodes, following changes, and the
// card's "Link current call", which acts only on a trusted click.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaseCard, type CaseLinksTexts } from '../../../lib/case-links/case-card';
import type { CaseLinksLinkAnswer, CaseLinksLookupAnswer, CaseLinksLookupRequest } from '../../../lib/case-links/case-links-message';
import { CASE_LINKS_TAG, startCaseLinks, type CaseLinksPage } from '../../../lib/case-links/case-links-page';
import { findCaseReferences, findIdentifiers, scanCaseReferences } from '../../../lib/case-links/find-case-references';
import { demoCrmRule } from '../../../lib/crm-rules/rules/demo-crm';

const PATTERN = demoCrmRule.caseReferencePattern;

const TEXTS: CaseLinksTexts = {
  open: (reference) => `Open ${reference}`,
  linkCurrentCall: 'Link current call',
  linking: 'Linking…',
  linked: (reference) => `Current call linked to ${reference}`,
  openCases: (count) => `${count} open cases`,
  error: (code) => `error:${code}`,
};

describe('findCaseReferences', () => {
  it('finds every reference of the rule pattern with its offsets', () => {
    const text = 'Latest: CASE-2026-0042 (router), see also CASE-2025-0007.';
    expect(findCaseReferences(text, PATTERN)).toEqual([
      { reference: 'CASE-2026-0042', start: 8, end: 22 },
      { reference: 'CASE-2025-0007', start: 42, end: 56 },
    ]);
  });

  it('ignores references glued to other words or digits', () => {
    expect(findCaseReferences('XCASE-2026-0042 CASE-2026-00421 CASE-2026-0042x CASE-2026-004', PATTERN)).toEqual([]);
  });
});

describe('scanning a page', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <p id="plain">Latest: CASE-2026-0042 (router)</p>
      <table><tr><td><a href="/cases/c1" id="link">CASE-2026-0001</a></td></tr></table>
      <textarea>CASE-2026-0099</textarea><input value="CASE-2026-0098">
      <script>var x = "CASE-2026-0097";</script>
      <div contenteditable="true"><span>CASE-2026-0096</span></div>
      <dl><dd><span data-field="phone" data-e164="+819012345678">090-1234-5678</span></dd>
      <dd><span data-field="phone">03-5550-0000</span></dd>
      <dd><a href="mailto:taro@example.com" data-field="email">taro@example.com</a></dd>
      <dd><span data-field="email">not an address</span></dd></dl>`;
  });

  it('finds references in text, marks those inside the page links, and skips fields, code and editable areas', () => {
    const found = scanCaseReferences(document.body, PATTERN, CASE_LINKS_TAG);
    expect(found.map((r) => [r.reference, r.inLink, r.node.parentElement?.id])).toEqual([
      ['CASE-2026-0042', false, 'plain'],
      ['CASE-2026-0001', true, 'link'],
    ]);
  });

  it("finds the rule's phone numbers (data-e164 first) and email addresses", () => {
    expect(findIdentifiers(document, demoCrmRule.recordSelectors, CASE_LINKS_TAG).map((i) => [i.kind, i.value])).toEqual([
      ['phone', '+819012345678'],
      ['phone', '03-5550-0000'],
      ['email', 'taro@example.com'],
    ]);
  });
});

describe('startCaseLinks', () => {
  let page: CaseLinksPage | null = null;
  let shadowRoots: ShadowRoot[];
  let requests: Omit<CaseLinksLookupRequest, 'type'>[];
  let answer: CaseLinksLookupAnswer;

  beforeEach(() => {
    document.body.innerHTML = `
      <h1>Taro Suzuki</h1>
      <p id="latest">Latest: CASE-2026-0042 (router)</p>
      <span data-field="phone" data-e164="+819012345678">090-1234-5678</span>
      <span data-field="email">taro@example.com</span>`;
    shadowRoots = [];
    const attach = HTMLElement.prototype.attachShadow;
    vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
      const root = attach.call(this, init);
      shadowRoots.push(root);
      return root;
    });
    requests = [];
    answer = {
      ok: true,
      cases: [{ reference: 'CASE-2026-0042', url: 'http://localhost:8081/cases/c42', title: 'Router', status: 'open' }],
      identifiers: [
        { kind: 'phone', value: '+819012345678', openCases: 2 },
        { kind: 'email', value: 'taro@example.com', openCases: 0 },
      ],
    };
  });

  afterEach(() => {
    page?.stop();
    page = null;
  });

  const start = () =>
    startCaseLinks(document, {
      rule: demoCrmRule,
      texts: TEXTS,
      lookUp: (request) => {
        requests.push(request);
        return Promise.resolve(answer);
      },
      linkCurrentCall: () => Promise.resolve({ ok: true, reference: 'CASE-2026-0042' }),
    });

  const badges = () => [...(shadowRoots[0]?.querySelectorAll('.badge') ?? [])].map((b) => ({ value: (b as HTMLElement).dataset.value, text: b.textContent, label: b.getAttribute('aria-label') }));

  it('asks once for the references and identifiers on the page and badges the ones with open cases', async () => {
    const before = document.body.innerHTML;
    page = start();
    await page.settled();
    expect(requests).toEqual([{ references: ['CASE-2026-0042'], phones: ['+819012345678'], emails: ['taro@example.com'] }]);
    expect(badges()).toEqual([{ value: '+819012345678', text: '2', label: '2 open cases' }]);
    // The page's own nodes are untouched; Switchboard adds one host with a closed shadow root.
    expect(document.body.innerHTML).toBe(before);
    const host = document.documentElement.querySelector(CASE_LINKS_TAG);
    expect(host?.shadowRoot ?? null).toBeNull();
    expect(shadowRoots).toHaveLength(1);
  });

  it('looks up only what a change adds, and drops the badge of a removed identifier', async () => {
    page = start();
    await page.settled();
    answer = { ok: true, cases: [], identifiers: [{ kind: 'phone', value: '+815055500300', openCases: 1 }] };
    const added = document.createElement('p');
    added.innerHTML = 'Also <span data-field="phone" data-e164="+815055500300">050-5550-0300</span> and CASE-2026-0042';
    document.body.append(added);
    document.querySelector('[data-e164="+819012345678"]')?.remove();
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    await page.settled();
    expect(requests[1]).toEqual({ references: [], phones: ['+815055500300'], emails: [] });
    expect(badges()).toEqual([{ value: '+815055500300', text: '1', label: '1 open cases' }]);
  });

  it('draws nothing when the worker cannot look up (signed out), and asks again on the next change', async () => {
    answer = { ok: false, error: { code: 'not-signed-in' } };
    page = start();
    await page.settled();
    expect(badges()).toEqual([]);
    document.body.append(document.createTextNode(' '));
    await vi.waitFor(() => expect(requests).toHaveLength(2));
  });

  it('removes its overlay when stopped', async () => {
    page = start();
    await page.settled();
    page.stop();
    page = null;
    expect(document.querySelector(CASE_LINKS_TAG)).toBeNull();
  });
});

describe('CaseCard', () => {
  const target = { reference: 'CASE-2026-0042', url: 'http://localhost:8081/cases/c42', title: 'Router', status: 'open' };

  function card(answer: CaseLinksLinkAnswer, trusted: boolean) {
    const linked: string[] = [];
    const shown = new CaseCard(document, {
      texts: TEXTS,
      linkCurrentCall: (reference) => {
        linked.push(reference);
        return Promise.resolve(answer);
      },
      isUserGesture: () => trusted,
    });
    document.body.append(shown.element);
    shown.show(target, 10, 20);
    const button = shown.element.querySelector('button') as HTMLButtonElement;
    const message = shown.element.querySelector('.message') as HTMLElement;
    return { shown, linked, button, message };
  }

  it('shows a link to the case page, and only http(s) case pages', () => {
    const { shown } = card({ ok: true, reference: target.reference }, true);
    const open = shown.element.querySelector('a') as HTMLAnchorElement;
    expect([open.textContent, open.getAttribute('href')]).toEqual(['Open CASE-2026-0042', 'http://localhost:8081/cases/c42']);
    shown.show({ ...target, url: 'javascript:alert(1)' }, 0, 0);
    expect(open.hasAttribute('href')).toBe(false);
  });

  it("links the current call on the agent's click and says so", async () => {
    const { linked, button, message } = card({ ok: true, reference: target.reference }, true);
    button.click();
    await vi.waitFor(() => expect(message.textContent).toBe('Current call linked to CASE-2026-0042'));
    expect(linked).toEqual(['CASE-2026-0042']);
  });

  it('shows the translated error the worker answers', async () => {
    const { button, message } = card({ ok: false, error: { code: 'no-current-call' } }, true);
    button.click();
    await vi.waitFor(() => expect(message.textContent).toBe('error:no-current-call'));
    expect(message.dataset.state).toBe('error');
  });

  it('links nothing on a synthetic click', async () => {
    const { linked, button, message } = card({ ok: true, reference: target.reference }, false);
    button.click();
    await Promise.resolve();
    expect(linked).toEqual([]);
    expect(message.textContent).toBe('');
  });
});

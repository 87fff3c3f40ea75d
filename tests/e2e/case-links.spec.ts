// End to end, case links (F30, B1) on the demo CRM with agent1 signed in: a case reference in a record page's
// text opens its case page on a click, while the page's text stays as it was; a customer record's phone numbers
// and email get a badge with the customer's open-case count; and on a case page, hovering the reference offers
// "Link current call", which links the accepted call to the case (the case page then lists it). A synthetic
// click on that button, as a hostile page script could make, links nothing. The overlay is read and clicked
// through CDP, which pierces the closed shadow root the page cannot.
import { expect, type CDPSession, type Page, test } from '@playwright/test';
import { type AgentBrowser, startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import { acceptCall, callRingsAt, endAndClose, signInForDemoCrm } from '../support/softphone-steps';

test.describe.configure({ mode: 'serial' });

const TARO = { number: '+819012345678', profileId: '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b01' };
/** Hiroshi Yamamoto: CASE-2026-0044 open, 0045 pending, 0046 closed, so two open cases. */
const HIROSHI = { profileId: '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b02', phones: ['+81355501234', '+819055501001'], email: 'h.yamamoto@yamamoto-trading.example.jp' };

let cc: TestContactCenter;
let agent: AgentBrowser;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  // A ringing call opens a CRM tab here: on a busy machine that takes seconds, so the offer waits longer.
  cc = await startTestContactCenter(undefined, { offerTimeoutMs: 15_000 });
  agent = await signInForDemoCrm(cc, 'agent1');
});
test.afterAll(async () => {
  await agent?.close();
  await cc?.stop();
});

interface DomNode {
  nodeType: number;
  backendNodeId: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  shadowRootType?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findNodes(node: DomNode, predicate: (n: DomNode) => boolean, found: DomNode[] = []): DomNode[] {
  if (predicate(node)) found.push(node);
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) findNodes(child, predicate, found);
  return found;
}

function textOf(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.localName === 'style') return '';
  return (node.children ?? []).map(textOf).join('');
}

const attribute = (node: DomNode, name: string): string | null => {
  const list = node.attributes ?? [];
  const i = list.findIndex((value, index) => index % 2 === 0 && value === name);
  return i >= 0 ? (list[i + 1] ?? null) : null;
};
const hasClass = (node: DomNode, name: string) => (attribute(node, 'class') ?? '').split(' ').includes(name);

/** The case-links overlay's closed shadow root, through CDP (null until the content script drew it). */
async function overlay(cdp: CDPSession): Promise<DomNode | null> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const [host] = findNodes(root, (n) => n.localName === 'switchboard-case-links');
  const shadow = host?.shadowRoots?.[0] ?? null;
  if (shadow) expect(shadow.shadowRootType).toBe('closed');
  return shadow;
}

/** The badges drawn next to the customer's identifiers: value -> text. */
async function badges(cdp: CDPSession): Promise<Record<string, string>> {
  const shadow = await overlay(cdp);
  const found = shadow ? findNodes(shadow, (n) => hasClass(n, 'badge')) : [];
  return Object.fromEntries(found.map((n) => [attribute(n, 'data-value') ?? '', textOf(n)]));
}

/** The card's node with class `name`, or null while the card is hidden. */
async function cardPart(cdp: CDPSession, name: 'link' | 'open' | 'message'): Promise<DomNode | null> {
  const shadow = await overlay(cdp);
  const [card] = shadow ? findNodes(shadow, (n) => hasClass(n, 'card') && attribute(n, 'hidden') === null) : [];
  return card ? (findNodes(card, (n) => hasClass(n, name))[0] ?? null) : null;
}

/** The viewport centre of the text `reference` where it follows `textBefore` in the first element matching `selector`. */
async function referenceCentre(page: Page, selector: string, reference: string, textBefore = ''): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([sel, ref, before]) => {
      const element = document.querySelector(sel)!;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const found = node.nodeValue?.indexOf(before + ref) ?? -1;
        if (found < 0) continue;
        const at = found + before.length;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + ref.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error(`${ref} is not in ${sel}`);
    },
    [selector, reference, textBefore] as const,
  );
}

const highlightedReferences = (page: Page) => page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('switchboard-case-reference')?.size ?? 0);

async function relatedContacts(caseId: string): Promise<string[]> {
  const found = (await (await fetch(`${cc.url}/api/v1/cases/${caseId}`)).json()) as { relatedItems: { content: { contact: { contactId: string } } }[] };
  return found.relatedItems.map((i) => i.content.contact.contactId);
}

test("a case reference in a record page's text opens its case page; the page's text is left as it was", async () => {
  const page = await agent.context.newPage();
  await page.goto(`${cc.crmUrl}/customers/${TARO.profileId}`);
  // "Latest: CASE-2026-0042 (…)" is plain text; the same reference in the cases table is the page's own link.
  const latest = page.locator('p', { hasText: 'Latest: CASE-2026-0042' });
  const before = await latest.innerHTML();
  await expect.poll(() => highlightedReferences(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  expect(await latest.innerHTML()).toBe(before);
  const { x, y } = await referenceCentre(page, 'main', 'CASE-2026-0042', 'Latest: ');
  await page.mouse.move(x, y, { steps: 3 });
  await page.mouse.click(x, y);
  await expect(page).toHaveURL(`${cc.crmUrl}/cases/case-2026-0042`);
  await expect(page.getByRole('heading', { name: /CASE-2026-0042/ })).toBeVisible();
  await page.close();
});

test("a customer record's phone numbers and email show a badge with the number of open cases", async () => {
  const page = await agent.context.newPage();
  await page.goto(`${cc.crmUrl}/customers/${HIROSHI.profileId}`);
  const cdp = await page.context().newCDPSession(page);
  await expect.poll(() => badges(cdp), { timeout: 10_000 }).toEqual({ [HIROSHI.phones[0]!]: '2', [HIROSHI.phones[1]!]: '2', [HIROSHI.email]: '2' });
  // The page sees an empty element: a closed shadow root.
  expect(
    await page.evaluate(() => {
      const host = document.querySelector('switchboard-case-links');
      return { present: host !== null, shadowRoot: host?.shadowRoot ?? null, text: host?.textContent ?? null };
    }),
  ).toEqual({ present: true, shadowRoot: null, text: '' });
  await cdp.detach();
  await page.close();
});

test('on a case page, "Link current call" links the accepted call to the case; a synthetic click links nothing', async () => {
  test.setTimeout(60_000);
  const contactId = await callRingsAt(cc, agent, { from: TARO.number });
  await acceptCall(cc, agent, contactId);

  const page = await agent.context.newPage();
  await page.goto(`${cc.crmUrl}/cases/case-2026-0042`);
  await expect(page.locator('#related-items')).toContainText('No contact is linked');
  await expect.poll(() => highlightedReferences(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  const cdp = await page.context().newCDPSession(page);
  const { x, y } = await referenceCentre(page, 'h1 [data-case-reference]', 'CASE-2026-0042');
  await page.mouse.move(x - 20, y + 30);
  await page.mouse.move(x, y, { steps: 3 });
  await expect.poll(async () => (await cardPart(cdp, 'link')) !== null, { timeout: 5000, message: 'the card shows under the reference' }).toBe(true);

  // A page script that somehow held the button could only make an untrusted click: nothing is linked.
  const button = (await cardPart(cdp, 'link'))!;
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: button.backendNodeId })) as { object: { objectId: string } };
  await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { this.click(); }' });
  await page.waitForTimeout(1500);
  expect(await relatedContacts('case-2026-0042')).toEqual([]);
  expect(textOf((await cardPart(cdp, 'message'))!)).toBe('');

  // The agent's own click links it.
  const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId })) as { model: { content: number[] } };
  const [left = 0, top = 0, , , right = 0, bottom = 0] = model.content;
  await page.mouse.move((left + right) / 2, (top + bottom) / 2, { steps: 3 });
  await page.mouse.click((left + right) / 2, (top + bottom) / 2);
  await expect.poll(() => relatedContacts('case-2026-0042'), { timeout: 10_000 }).toEqual([contactId]);
  await expect.poll(async () => textOf((await cardPart(cdp, 'message'))!)).toBe('Current call linked to CASE-2026-0042');
  await cdp.detach();

  await page.reload();
  await expect(page.locator(`#related-items [data-contact-id="${contactId}"]`)).toBeVisible();
  await page.close();
  await agent.panel.bringToFront();
  await endAndClose(cc, agent);
});

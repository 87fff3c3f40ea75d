// End to end, the workspace's second part (F14, F23, F25): Taro calls the Support queue and says his router keeps
// dropping the connection. The line shows live in the Transcript tab with its sentiment, the right article is
// suggested within 2 s naming the words that matched, the Support guide opens by itself and keeps its place through
// a worker restart and the panel reopening, its form's answers fill the Technical support case its action creates,
// and after the call the transcript is in his contact history. The same in Japanese: 「ルーターの接続が頻繁に切れる」
// suggests the Japanese article. Knowledge search from the tab.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';
import { DEMO_CASE_FIELD_IDS } from '../../contact-center/seed/demo-case-templates';
import { ServiceWorkerStopper } from '../support/extension-harness';
import { type AgentBrowser, startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import { acceptCall, callRingsAt, contactRecord, endAndClose, ensureStatus, launchAgent } from '../support/softphone-steps';

test.describe.configure({ mode: 'serial' });

const TARO = { number: '+819012345678', account: 'AC-1001' };
const SUGGESTION_WITHIN_MS = 2_000;

let cc: TestContactCenter;
let agent: AgentBrowser;

const workspace = (): Locator => agent.panel.getByTestId('customer-workspace');
const tab = (name: 'profile' | 'history' | 'cases' | 'knowledge' | 'transcript'): Locator => workspace().getByTestId(`workspace-tab-${name}`);
const guide = (): Locator => agent.panel.getByTestId('contact-guide');
const suggestion = (articleTitle: RegExp): Locator => agent.panel.getByTestId('suggested-article').filter({ hasText: articleTitle });

/** The customer says a line on the call (what the /demo/ page's Say box posts). */
async function customerSays(contactId: string, text: string): Promise<void> {
  const response = await fetch(`${cc.url}/api/v1/contacts/${encodeURIComponent(contactId)}/transcript`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role: 'CUSTOMER', text }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
}

async function expectAccessible(what: string, selector: string): Promise<void> {
  const result = await new AxeBuilder({ page: agent.panel }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  cc = await startTestContactCenter(undefined, { offerTimeoutMs: 15_000 });
  agent = await launchAgent('agent1');
  await agent.signInQuickly(cc);
  await ensureStatus(cc, agent, 'Available');
});
test.afterAll(async () => {
  await agent?.close();
  await cc?.stop();
});

test('Taro says his router keeps dropping: the line shows live, the article is suggested with the matched words, the Support guide makes the case, and the transcript stays in his history', async () => {
  const contactId = await callRingsAt(cc, agent, { from: TARO.number, queue: 'Support', attributes: { accountNumber: TARO.account } });
  await acceptCall(cc, agent, contactId);
  // The Support queue's guide opens by itself at contact start.
  await expect(guide()).toBeVisible({ timeout: 10_000 });
  await expect(guide().getByRole('heading', { name: 'Basic checks' })).toBeVisible();

  await tab('transcript').click();
  const said = Date.now();
  await customerSays(contactId, 'My router keeps dropping the connection.');
  // Suggested within 2 s, saying which words matched.
  const routerArticle = suggestion(/Router keeps dropping the connection/);
  await expect(routerArticle).toBeVisible({ timeout: SUGGESTION_WITHIN_MS });
  expect(Date.now() - said).toBeLessThan(SUGGESTION_WITHIN_MS);
  await expect(routerArticle.getByTestId('suggested-article-matched')).toContainText(/router/i);
  await expect(routerArticle.getByTestId('suggested-article-matched')).toContainText(/dropping/i);
  // The line is in the live transcript, the customer's, with its sentiment said in words.
  const line = workspace().getByTestId('transcript-line').filter({ hasText: 'My router keeps dropping the connection.' });
  await expect(line).toBeVisible();
  await expect(line.getByTestId('line-sentiment')).toHaveText(/negative|neutral|positive/i);
  await expect(workspace().getByTestId('sentiment-trend-text')).toBeVisible();
  await routerArticle.getByTestId('suggested-article-useful').click();
  await expect(routerArticle.getByTestId('suggested-article-useful')).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible('the transcript and the suggestions', '[data-testid="customer-workspace"]');

  // The guide: the checks, then the form whose answers become the case's fields, then the case.
  await guide().getByRole('checkbox', { name: /Restart the router/ }).check();
  await guide().getByRole('button', { name: 'Continue' }).click();
  await expect(guide().getByRole('heading', { name: 'What happens' })).toBeVisible();
  // The guide's progress survives the worker being stopped and the panel closing.
  const stopper = await ServiceWorkerStopper.attach(agent.panel);
  await stopper.stopAndAwaitRestart();
  await stopper.detach();
  await agent.panel.close();
  agent.panel = await agent.context.newPage();
  await agent.panel.goto(agent.panelUrl);
  await expect(guide().getByRole('heading', { name: 'What happens' })).toBeVisible({ timeout: 10_000 });
  await tab('transcript').click();
  await expect(workspace().getByTestId('transcript-line').filter({ hasText: 'My router keeps dropping the connection.' })).toBeVisible();
  await guide().getByRole('radio', { name: 'A few times a day' }).check();
  await guide().getByRole('textbox', { name: /Router model/ }).fill('SB-R500');
  await expectAccessible('the guide form', '[data-testid="contact-guide"]');
  await guide().getByRole('button', { name: 'Next' }).click();
  await guide().getByRole('button', { name: 'Create case' }).click();
  await expect(guide().getByRole('heading', { name: 'Case created' })).toBeVisible({ timeout: 10_000 });
  await expect(guide()).toContainText('SB-R500');

  // The case is Taro's, linked to this call, with the router model from the guide's form.
  await tab('cases').click();
  const caseRow = workspace().getByTestId('case-row').filter({ hasText: 'Router keeps dropping the connection' });
  await expect(caseRow.first()).toBeVisible({ timeout: 10_000 });
  await caseRow.first().click();
  const caseView = workspace().getByTestId('case-view');
  await expect(caseView.locator(`[data-field-id="${DEMO_CASE_FIELD_IDS.en.product}"]`)).toHaveValue('SB-R500');
  await expect(caseView.getByTestId('case-activity-this-contact')).toBeVisible();

  await guide().getByRole('button', { name: 'Finish' }).click();
  await expect(guide().getByTestId('guide-ended')).toBeVisible();
  // The guide's answers and its completion are on the contact record.
  await expect.poll(async () => (await contactRecord(cc, contactId)).attributes.switchboardGuideCompleted ?? null, { timeout: 10_000 }).toContain('router-keeps-dropping');
  expect((await contactRecord(cc, contactId)).attributes.routerModel).toBe('SB-R500');

  await endAndClose(cc, agent);
  // After the call, the transcript is kept in his contact history.
  await tab('history').click();
  const row = workspace().locator(`[data-testid="history-row"][data-contact-id="${contactId}"]`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row.getByRole('button', { name: /transcript/i }).click();
  await expect(workspace().getByTestId('history-transcript')).toContainText('My router keeps dropping the connection.');
});

test('in Japanese: 「ルーターの接続が頻繁に切れる」 suggests the Japanese article, and the knowledge search finds it', async () => {
  const contactId = await callRingsAt(cc, agent, { from: TARO.number, queue: 'Support' });
  await acceptCall(cc, agent, contactId);
  await agent.chooseSettings({ 'ui.language': 'ja' });
  try {
    const said = Date.now();
    await customerSays(contactId, 'ルーターの接続が頻繁に切れるんです。');
    const article = agent.panel.getByTestId('suggested-article').filter({ hasText: /途切れる|接続が不安定/ });
    await expect(article).toBeVisible({ timeout: SUGGESTION_WITHIN_MS });
    expect(Date.now() - said).toBeLessThan(SUGGESTION_WITHIN_MS);
    await expect(article.getByTestId('suggested-article-matched')).toContainText('ルーター');

    await tab('knowledge').click();
    await workspace().getByTestId('knowledge-search-text').fill('請求額が間違っている');
    await workspace().getByTestId('knowledge-search-submit').click();
    const results = workspace().getByTestId('knowledge-result');
    await expect(results.first()).toBeVisible({ timeout: 10_000 });
    await expect(results.first().locator('mark').first()).toBeVisible();
    await results.first().getByRole('button').first().click();
    await expect(workspace().getByTestId('knowledge-article-body')).toBeVisible();
    await expectAccessible('an article, in Japanese', '[data-testid="customer-workspace"]');
  } finally {
    await agent.chooseSettings({ 'ui.language': 'en' });
  }
  await endAndClose(cc, agent);
});

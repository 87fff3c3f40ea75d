// End to end, the customer workspace in the panel (F20-F22, F24, F31): Taro Suzuki calls and his profile, with the
// admin lookup's fields merged and marked, and his history show beside the call; a case is created pre-filled from
// the IVR's account number and linked to the call; after the call his history and the case's activity show it
// with its durations. A caller nobody knows gets a profile created, edited and found by search; a failing lookup
// endpoint is shown as such while the profile still shows.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';
import { DEMO_CASE_FIELD_IDS } from '../../contact-center/seed/demo-case-templates';
import { canWritePolicy, NEEDS_ROOT, writeManagedPolicy } from '../support/managed-policy';
import { type AgentBrowser, startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import { acceptCall, activeCall, callRingsAt, endAndClose, ensureStatus, launchAgent } from '../support/softphone-steps';

test.describe.configure({ mode: 'serial' });
test.skip(!canWritePolicy, NEEDS_ROOT);

const TARO = { number: '+819012345678', account: 'AC-1001' };
const ACCOUNT_FIELD = DEMO_CASE_FIELD_IDS.en.accountNumber;
const PRIORITY_FIELD = DEMO_CASE_FIELD_IDS.en.priority;

let cc: TestContactCenter;
let agent: AgentBrowser;
let removePolicy: () => void = () => undefined;

const workspace = (): Locator => agent.panel.getByTestId('customer-workspace');
const field = (name: string): Locator => workspace().locator(`[data-testid="profile-field"][data-field="${name}"]`);
const tab = (name: 'profile' | 'history' | 'cases'): Locator => workspace().getByTestId(`workspace-tab-${name}`);

/** The workspace as it is now has no WCAG 2.1 A/AA violation axe can find. */
async function expectAccessible(what: string): Promise<void> {
  const result = await new AxeBuilder({ page: agent.panel }).include('[data-testid="customer-workspace"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  cc = await startTestContactCenter(undefined, { offerTimeoutMs: 15_000 });
  // The admin's lookup endpoint: the demo CRM's, its answer mapped onto three fields of its own.
  removePolicy = writeManagedPolicy('workspace', {
    'workspace.lookupUrl': { value: `http://127.0.0.1:${cc.crmPort}/api/customers/lookup?phone={phone}`, locked: true },
    'workspace.lookupFields': { value: { segment: 'customer.segment', customerSince: 'customer.customerSince', openCrmCases: 'service.openCases' }, locked: true },
  });
  agent = await launchAgent('agent1');
  await agent.signInQuickly(cc);
  await ensureStatus(cc, agent, 'Available');
});
test.afterAll(async () => {
  removePolicy();
  await agent?.close();
  await cc?.stop();
});

test("Taro calls: his profile (lookup fields merged and marked), a case pre-filled from the IVR and linked, then the call in the case's activity and his history with durations", async () => {
  const contactId = await callRingsAt(cc, agent, { from: TARO.number, attributes: { accountNumber: TARO.account } });
  // While it rings, the workspace already knows him, and the incoming card shows his name.
  await expect(workspace().getByTestId('workspace-customer-name')).toHaveText('Taro Suzuki', { timeout: 10_000 });
  await expect(field('AccountNumber')).toContainText(TARO.account);
  await expect(field('AccountNumber')).toHaveAttribute('data-source', 'profiles');
  await expect(field('segment')).toHaveAttribute('data-source', 'lookup');
  await expect(workspace().locator('[data-testid="source-line"][data-source="lookup"]')).not.toHaveAttribute('data-state', 'failed');
  await acceptCall(cc, agent, contactId);
  await expect(activeCall(agent.panel).getByTestId('customer-name')).toContainText('Taro Suzuki');

  // A case, from the Technical support template: the account number comes from the IVR's attribute.
  await tab('cases').click();
  await workspace().getByTestId('case-new').click();
  const form = workspace().getByTestId('case-form');
  await form.getByTestId('case-template').selectOption({ label: 'Technical support' });
  await expect(form.locator(`[data-field-id="${ACCOUNT_FIELD}"]`)).toHaveValue(TARO.account);
  await form.getByLabel('Title').fill('Router keeps dropping the line');
  await form.locator(`[data-field-id="${PRIORITY_FIELD}"]`).selectOption({ index: 1 });
  await form.getByTestId('case-create').click();
  const caseView = workspace().getByTestId('case-view');
  await expect(caseView.getByTestId('case-title')).toHaveText('Router keeps dropping the line');
  // Linked to this call: the call is in its activity feed.
  await expect(caseView.getByTestId('case-activity-this-contact')).toBeVisible();
  await expectAccessible('the case view');

  await agent.panel.waitForTimeout(1500); // a talk time of a second or more
  await endAndClose(cc, agent);
  // After the contact closes, the workspace stays on him: the case's activity gives the call's durations…
  await expect(workspace().getByTestId('workspace-closed-contact')).toBeVisible();
  const linkedCall = caseView.locator('[data-testid="case-activity"][data-kind="contact"]').filter({ has: agent.panel.getByTestId('case-activity-this-contact') });
  await expect(linkedCall.locator('dd')).not.toHaveCount(0, { timeout: 15_000 });
  await expect(linkedCall).toContainText('Call');
  // …and his history has the call with its durations.
  await tab('history').click();
  const history = workspace().getByTestId('contact-history');
  await expect(history.getByRole('columnheader')).toHaveText(['Time', 'Channel', 'Queue', 'Hold', 'Talk']);
  const row = history.locator(`[data-testid="history-row"][data-contact-id="${contactId}"]`);
  await expect(row.locator('td').first()).toHaveText('Call');
  await expect(row.locator('[data-column="talk"]')).toHaveText(/^0:(0[1-9]|[1-5]\d)$/, { timeout: 15_000 });
  await expect(row.locator('[data-column="hold"]')).toHaveText('0:00');
  await expect(row.getByRole('link')).toHaveAttribute('href', `${cc.url}/contact-trace-records/details/${contactId}`);
  await expectAccessible('the history');
  await tab('profile').click();
});

test('a caller nobody knows: a profile is created from the call, edited, and found again by search', async () => {
  const stranger = '+819055512345';
  const contactId = await callRingsAt(cc, agent, { from: stranger });
  await acceptCall(cc, agent, contactId);
  await expect(workspace().getByTestId('workspace-no-match')).toBeVisible({ timeout: 10_000 });
  // The lookup knows no such customer either: no match, not a failure.
  await expect(workspace().locator('[data-testid="source-line"][data-source="lookup"]')).toHaveAttribute('data-state', 'ready');

  await workspace().getByTestId('profile-create-open').click();
  await expect(workspace().getByTestId('profile-form-PhoneNumber')).toHaveValue(stranger);
  await workspace().getByTestId('profile-form-FirstName').fill('Kenji');
  await workspace().getByTestId('profile-form-LastName').fill('Mori');
  await workspace().getByTestId('profile-form-save').click();
  await expect(workspace().getByTestId('workspace-customer-name')).toHaveText('Kenji Mori');
  await expect(activeCall(agent.panel).getByTestId('customer-name')).toContainText('Kenji Mori');

  await workspace().getByTestId('profile-edit').click();
  await workspace().getByTestId('profile-form-EmailAddress').fill('kenji.mori@example.jp');
  await workspace().getByTestId('profile-form-save').click();
  await expect(field('EmailAddress')).toContainText('kenji.mori@example.jp');

  await workspace().getByTestId('profile-search-open').click();
  await workspace().getByTestId('profile-search-key').selectOption('_email');
  await workspace().getByTestId('profile-search-value').fill('kenji.mori@example.jp');
  await workspace().getByTestId('profile-search-submit').click();
  await expect(workspace().getByTestId('profile-search-result')).toHaveCount(1);
  await expect(workspace().getByTestId('profile-search-result')).toContainText('Kenji Mori');
  await workspace().getByTestId('profile-search-use').click();
  await expect(workspace().getByTestId('workspace-customer-name')).toHaveText('Kenji Mori');
  await endAndClose(cc, agent);
});

test('a failing lookup endpoint is shown as such, and the profile still shows', async () => {
  await agent.context.route('**/api/customers/lookup**', (route) => route.abort('connectionrefused'));
  try {
    const contactId = await callRingsAt(cc, agent, { from: TARO.number });
    const lookupLine = workspace().locator('[data-testid="source-line"][data-source="lookup"]');
    await expect(lookupLine).toHaveAttribute('data-state', 'failed', { timeout: 10_000 });
    await expect(lookupLine).toContainText('could not be reached');
    await expect(workspace().getByTestId('workspace-customer-name')).toHaveText('Taro Suzuki');
    await expect(field('segment')).toHaveCount(0);
    await acceptCall(cc, agent, contactId);
    await endAndClose(cc, agent);
  } finally {
    await agent.context.unroute('**/api/customers/lookup**');
  }
});

test('in Japanese: family name first, the tabs and sources in Japanese, and every tab accessible', async () => {
  const contactId = await callRingsAt(cc, agent, { from: TARO.number });
  await acceptCall(cc, agent, contactId);
  await agent.chooseSettings({ 'ui.language': 'ja' });
  try {
    await expect(workspace().getByTestId('workspace-customer-name')).toHaveText('Suzuki Taro', { timeout: 10_000 });
    await expect(workspace().getByRole('tab')).toHaveText(['プロファイル', '履歴', 'ケース', 'ナレッジ', '文字起こし']);
    await expect(field('AccountNumber').getByTestId('source-mark')).toHaveText('取得元: プロファイル');
    await expectAccessible('the profile, in Japanese');
    await tab('cases').click();
    await expect(workspace().getByTestId('case-row').first()).toBeVisible();
    await expectAccessible('the cases, in Japanese');
    await tab('profile').click();
  } finally {
    await agent.chooseSettings({ 'ui.language': 'en' });
  }
  await expect(workspace().getByRole('tab').first()).toHaveText('Profile');
  await endAndClose(cc, agent);
});

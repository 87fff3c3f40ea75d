// End to end, one agent's session in the side panel: signing in through the instance's login popup (F1), the
// status control and time in status (F4, F5), switching the UI to Japanese and back (F2), and signing out (F1).
import { expect, test } from '@playwright/test';
import { AGENT_PASSWORD, type AgentBrowser, startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import { agentView, launchAgent, openTool, statusSelect } from '../support/softphone-steps';

test.describe.configure({ mode: 'serial' });

let cc: TestContactCenter;
let agent: AgentBrowser;

test.beforeAll(async () => {
  cc = await startTestContactCenter();
  agent = await launchAgent('agent1');
});
test.afterAll(async () => {
  await agent?.close();
  await cc?.stop();
});

/** '01:05' -> 65 */
const seconds = (text: string) => text.split(':').reduce((total, part) => total * 60 + Number(part), 0);

const STATUS_NAMES = ['Available', 'Offline', 'Break', 'Meeting', 'Paperwork', 'Outbound work', 'Feedback'];

test('signing in opens the login window; after the agent signs in there it closes and the panel goes live', async () => {
  test.setTimeout(60_000);
  const { panel, context } = agent;
  await expect(panel.getByRole('heading', { name: 'Sign in to your contact center' })).toBeVisible();
  await panel.getByLabel('Contact center URL').fill(cc.url);
  const loginWindowOpens = context.waitForEvent('page', { predicate: (page) => page.url().includes('/connect/login'), timeout: 20_000 });
  await panel.getByRole('button', { name: 'Sign in', exact: true }).click();
  const login = await loginWindowOpens;
  // The panel tells the agent where to sign in meanwhile.
  await expect(panel.getByText('Sign in in the window that opened')).toBeVisible();

  await login.getByLabel(/User name/).fill('agent1');
  await login.getByLabel(/Password/).fill(AGENT_PASSWORD);
  await login.getByLabel(/Remember user name/).check();
  const loginWindowCloses = login.waitForEvent('close', { timeout: 30_000 });
  await login.getByRole('button', { name: /Sign in/ }).click();

  // streams retries the CCP frame every 5 s, so the panel may take that long to go live.
  await expect(statusSelect(panel)).toBeVisible({ timeout: 30_000 });
  await loginWindowCloses;
  await expect(panel.getByText('Emily Carter', { exact: true })).toBeVisible();
  expect(agentView(cc, 'agent1').status.name).toBe('Offline');

  // "Remember user name": the instance's login page now offers the user name.
  const again = await context.newPage();
  await again.goto(`${cc.url}/connect/login`);
  await expect(again.getByLabel(/User name/)).toHaveValue('agent1');
  await expect(again.getByLabel(/Remember user name/)).toBeChecked();
  await again.close();
});

test('the status control lists the instance statuses, shows time in status, and the contact center follows it', async () => {
  const { panel } = agent;
  const select = statusSelect(panel);
  await expect(select.locator('option')).toHaveText(STATUS_NAMES);
  await expect(select.locator('option:checked')).toHaveText('Offline');
  const timer = panel.getByRole('timer', { name: /Time in this state/ });
  // Time passes in the current state…
  await expect(timer).not.toHaveText(/^00:0[01]$/, { timeout: 5_000 });

  for (const name of ['Break', 'Meeting', 'Paperwork', 'Outbound work', 'Feedback', 'Available']) {
    await agent.setStatus(cc, name);
    await expect(select.locator('option:checked')).toHaveText(name);
  }
  // …and starts again with the new status: the panel's time is the contact center's time in state.
  await expect(timer).toHaveAccessibleName(/^Time in this state: \d\d:\d\d$/);
  await expect
    .poll(async () => Math.abs(seconds(await timer.innerText()) - (Date.now() - agentView(cc, 'agent1').state.since) / 1000))
    .toBeLessThanOrEqual(1.5);
  expect(agentView(cc, 'agent1').state).toMatchObject({ name: 'Available', type: 'routable' });
  await expect(panel.getByText('You are available. Incoming calls ring here.')).toBeVisible();
  // It counts up.
  await expect(timer).toHaveText(/^00:0[2-9]$/, { timeout: 5_000 });

  await agent.setStatus(cc, 'Break');
  await expect(panel.getByText('You receive no calls while your status is Break.')).toBeVisible();
});

test('the panel switches to Japanese at run time and back to English', async () => {
  const { panel } = agent;
  await agent.setStatus(cc, 'Available');
  const settings = await openTool(panel, 'Settings');
  await settings.getByLabel('Language').selectOption({ label: '日本語' });

  const select = panel.getByLabel('ステータス', { exact: true });
  await expect(select).toBeVisible();
  await expect(select.locator('option:checked')).toHaveText('利用可能');
  await expect(select.locator('option')).toHaveText(['利用可能', 'オフライン', '休憩', '会議', '事務処理', '発信業務', 'フィードバック']);
  await expect(panel.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(panel.getByRole('button', { name: 'サインアウト' })).toBeVisible();
  await expect(panel.getByLabel('Status', { exact: true })).toHaveCount(0);
  // The contact center's status is the same; only its name is localized.
  expect(agentView(cc, 'agent1').status.name).toBe('Available');

  await panel.getByLabel('言語').selectOption({ label: 'English' });
  await expect(statusSelect(panel).locator('option:checked')).toHaveText('Available');
  await expect(panel.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(panel.locator('html')).toHaveAttribute('lang', 'en');
});

test('signing out returns the panel to the sign-in form and the agent goes offline', async () => {
  const { panel } = agent;
  expect(agentView(cc, 'agent1').status.name).toBe('Available');
  const settings = await openTool(panel, 'Settings');
  await settings.getByRole('button', { name: 'Sign out' }).click();
  await expect(panel.getByRole('heading', { name: 'Sign in to your contact center' })).toBeVisible({ timeout: 10_000 });
  await expect(panel.getByLabel('Contact center URL')).toHaveValue(cc.url);
  await expect(panel.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
  await expect(statusSelect(panel)).toHaveCount(0);
  await expect.poll(() => agentView(cc, 'agent1').status.name).toBe('Offline');
});

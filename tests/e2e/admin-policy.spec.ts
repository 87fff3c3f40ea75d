// Admin policy end to end (F32): a policy file in Chromium's managed policy folder, read by the real browser at
// start-up and given to the extension (fixed id) through managed storage. Checks that the locked contact-center
// URL is used and cannot be edited, a denied site gets no click-to-dial while an allowed one does, the admin's
// CRM rule opens its templated record URL on a ring, and an invalid value is reported on the options page.
// Needs root (the folder is the machine's); skipped with the reason otherwise. The file is removed after.
import { expect, test, type Page } from '@playwright/test';
import { canWritePolicy, EXTENSION_ID, NEEDS_ROOT, writeManagedPolicy } from '../support/managed-policy';
import { type AgentBrowser, startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import { callRingsAt, ensureStatus, launchAgent } from '../support/softphone-steps';

const TARO = { number: '+819012345678', profileId: '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b01' };

test.skip(!canWritePolicy, NEEDS_ROOT);
test.describe.configure({ mode: 'serial' });

let cc: TestContactCenter;
let agent: AgentBrowser;
let removePolicy: () => void = () => undefined;

function writePolicy(cc: TestContactCenter): void {
  const allowedCrm = `http://127.0.0.1:${cc.crmPort}`;
  removePolicy = writeManagedPolicy('admin-policy', {
    'contactCenter.url': { value: cc.url, locked: true, reason: 'Training contact center' },
    // The demo CRM under its localhost name is denied; the same pages under 127.0.0.1 stay allowed.
    'clickToDial.deniedSites': { value: ['http://localhost/*'], locked: true },
    'screenPop.mode': { value: 'ring', locked: true },
    'screenPop.templateValues': { value: { crmBase: allowedCrm }, locked: true },
    'crm.builtInRules': { value: false, locked: true },
    'crm.rules': {
      locked: true,
      value: [
        {
          id: 'training-crm',
          name: 'Training CRM',
          matches: ['http://127.0.0.1/*'],
          recordSelectors: { phone: '[data-field="phone"]', email: '[data-field="email"]', recordId: '[data-record-id]' },
          urlTemplates: { record: '{crmBase}/customers/{profileId}?from=policy', search: '{crmBase}/customers?q={phone}' },
          caseReferencePattern: 'CASE-\\d{4}-\\d{4}',
        },
      ],
    },
    // Valid JSON type, invalid value: Chrome passes it on, Switchboard reports it and ignores it.
    'session.engineLostGraceSeconds': { value: 5000, locked: true },
  });
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  // A ringing call opens a CRM tab here: on a busy machine that takes seconds, so the offer waits longer.
  cc = await startTestContactCenter(undefined, { offerTimeoutMs: 15_000 });
  writePolicy(cc);
  agent = await launchAgent('agent1');
});
test.afterAll(async () => {
  removePolicy();
  await agent?.close();
  await cc?.stop();
});

/** How many numbers click-to-dial marked on the page (its CSS highlight), after giving it time to scan. */
async function markedNumbers(page: Page): Promise<number> {
  await page.waitForTimeout(1000);
  return page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('switchboard-phone')?.size ?? 0);
}

test('the locked contact-center URL is filled in, cannot be edited, and is the one signed in to', async () => {
  const url = agent.panel.getByLabel('Contact center URL');
  await expect(url).toHaveValue(cc.url);
  await expect(url).not.toBeEditable();
  await expect(agent.panel.getByText('Your admin set the contact center.')).toBeVisible();
  await agent.signInQuickly(cc);
  await ensureStatus(cc, agent, 'Available');
});

test('a denied site gets no click-to-dial; an allowed one does', async () => {
  const record = `/customers/${TARO.profileId}`;
  const denied = await agent.context.newPage();
  await denied.goto(`http://localhost:${cc.crmPort}${record}`);
  const allowed = await agent.context.newPage();
  await allowed.goto(`http://127.0.0.1:${cc.crmPort}${record}`);
  await expect.poll(() => markedNumbers(allowed), { timeout: 10_000 }).toBeGreaterThan(0);
  expect(await markedNumbers(denied)).toBe(0);
  await denied.close();
  await allowed.close();
});

test("the admin's CRM rule opens its templated record URL when a call rings", async () => {
  test.setTimeout(60_000);
  const crmHome = await agent.context.newPage();
  await crmHome.goto(`http://127.0.0.1:${cc.crmPort}/`);
  await crmHome.bringToFront();
  await callRingsAt(cc, agent, { from: TARO.number });
  const expected = `http://127.0.0.1:${cc.crmPort}/customers/${TARO.profileId}?from=policy`;
  await expect.poll(() => agent.context.pages().filter((p) => p.url() === expected).length, { timeout: 10_000 }).toBe(1);
  // Nothing from the built-in rule, which the policy switched off.
  expect(agent.context.pages().filter((p) => p.url().startsWith(`http://localhost:${cc.crmPort}/customers/`))).toHaveLength(0);
  await cc.customerHangUp(agentViewContactId());
});

function agentViewContactId(): string {
  const [contact] = cc.engine.getAgentView('agent1').contacts;
  if (!contact) throw new Error('agent1 has no contact');
  return contact.contactId;
}

test('the options page reports the invalid value and shows the locked ones with the reason', async () => {
  const options = await agent.context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  const problems = options.getByRole('region', { name: 'Policy values that were ignored' });
  await expect(problems).toContainText('session.engineLostGraceSeconds');
  await expect(problems).toContainText('5000 is outside 0–600.');
  const url = options.locator('[data-setting="contactCenter.url"]');
  await expect(url).toContainText('Locked by your admin');
  await expect(url).toContainText("Admin's reason: Training contact center");
  await expect(url.getByRole('textbox')).not.toBeEditable();
  // The ignored value falls back: the grace period is the built-in 10 s.
  await expect(options.locator('[data-setting="session.engineLostGraceSeconds"] input')).toHaveValue('10');
  await options.close();
});

// End to end, hostile chat input in the real panel: a customer with a malicious display name sends the whole hostile
// corpus (tests/unit/chat-rendering/hostile-corpus.ts) through the participant API. What the API must refuse (over
// 1,024 characters) is refused with ValidationException; everything else reaches the built extension's panel
// through streams + ChatJS, and there nothing runs: no canary, no dialog, no page error, no Content Security Policy
// report (a sanitized transcript never even tries), nothing outside the allow-list, nothing fetched from the web.
import { ValidationException } from '@aws-sdk/client-connectparticipant';
import { expect, test } from '@playwright/test';
import { type ChatE2eWorld, startChatE2eWorld } from '../support/chat-e2e-world';
import type { AgentBrowser, TestContactCenter } from '../support/softphone-fixture';
import { REACHES_PANEL_MS, agentView } from '../support/softphone-steps';
import type { SdkChatClients } from '../support/sdk-chat-customer';
import { exerciseElements, unsafeFindings } from '../support/transcript-allow-list';
import { HOSTILE_CORPUS } from '../unit/chat-rendering/hostile-corpus';

const MESSAGE_LIMIT = 1024;

let world: ChatE2eWorld;
let cc: TestContactCenter;
let emily: AgentBrowser;
let sdk: SdkChatClients;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  world = await startChatE2eWorld();
  ({ cc, emily, sdk } = world);
});
test.afterAll(async () => world?.stop());

test('the hostile corpus is refused where the API must refuse it and rendered inert in the panel', async () => {
  test.setTimeout(120_000);
  const panel = emily.panel;
  const alarms: string[] = [];
  panel.on('dialog', (dialog) => {
    alarms.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  panel.on('pageerror', (error) => alarms.push(`page error: ${error.message}`));
  panel.on('console', (message) => {
    if (/content security policy|refused to (execute|load|apply)/i.test(message.text())) alarms.push(`console: ${message.text()} at ${message.location().url}`);
  });
  panel.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('chrome-extension:') && !url.startsWith('blob:') && !url.startsWith('data:') && !url.startsWith(cc.url)) alarms.push(`request: ${url}`);
  });

  const customer = await sdk.startChat('<img src=x onerror="window.__pwned=true">Mallory');
  await panel.getByRole('button', { name: 'Accept chat' }).click();
  await expect.poll(() => agentView(cc, 'agent1').contacts[0]?.state, { timeout: REACHES_PANEL_MS }).toBe('connected');

  const accepted: string[] = [];
  for (const item of HOSTILE_CORPUS) {
    if (item.content.length > MESSAGE_LIMIT) {
      await expect(customer.send(item.content, item.contentType), item.name).rejects.toBeInstanceOf(ValidationException);
    } else {
      await customer.send(item.content, item.contentType);
      accepted.push(item.name);
    }
  }
  expect(accepted.length, 'most of the corpus fits in a message').toBeGreaterThanOrEqual(50);
  const log = panel.getByTestId('chat-log');
  await expect(log.getByTestId('chat-message')).toHaveCount(accepted.length, { timeout: 30_000 });

  const findings = await log.evaluate(unsafeFindings);
  expect(findings).toEqual([]);
  expect(await panel.getByTestId('chat-tabs').evaluate(unsafeFindings)).toEqual([]);
  await log.evaluate(exerciseElements);
  await panel.getByTestId('chat-tabs').evaluate(exerciseElements);
  // Every web link the corpus could make opens in a new tab without opener; none is javascript:, data: or vbscript:.
  const hrefs = await log.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) expect(href).toMatch(/^(?:https?:\/\/|mailto:)/i);

  expect(await panel.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(alarms).toEqual([]);

  await panel.getByRole('button', { name: 'End chat' }).click();
  await panel.getByRole('button', { name: 'Close contact' }).click();
  await expect.poll(() => agentView(cc, 'agent1').contacts.length, { timeout: REACHES_PANEL_MS }).toBe(0);
});

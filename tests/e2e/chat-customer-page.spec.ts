// End to end, both people on the product's own pages: a customer on the local contact center's chat page (/chat/,
// the real ChatJS as CUSTOMER) and the agent in the built extension's panel (streams + ChatJS in the offscreen
// engine). They converse both ways with Markdown and typing indicators, exchange an attachment each way, the
// customer reads the agent's message, and the customer ends the chat into the agent's After Contact Work.
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { type ChatE2eWorld, startChatE2eWorld } from '../support/chat-e2e-world';
import { REACHES_PANEL_MS, agentView } from '../support/softphone-steps';
import { TINY_PNG } from '../support/sdk-chat-customer';

let world: ChatE2eWorld;
let customer: Page;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  world = await startChatE2eWorld();
  // The customer's page is an ordinary web page in its own tab.
  customer = await world.emily.context.newPage();
});
test.afterAll(async () => world?.stop());

test('a customer on the chat page and the agent in the panel converse, share files and end the chat', async () => {
  test.setTimeout(90_000);
  const { cc, emily } = world;
  const panel = emily.panel;
  const log = panel.getByTestId('chat-log');
  const transcript = customer.locator('#transcript');

  await customer.goto(`${cc.url}/chat/`);
  await customer.getByLabel('Language').selectOption('en');
  await customer.getByLabel('Your name').fill('Hanako Yamada');
  await customer.getByLabel('What is it about?').selectOption('basic');
  await customer.getByLabel(/Your first message/).fill('My router keeps rebooting.');
  await customer.getByRole('button', { name: 'Start chat' }).click();

  const offer = panel.getByTestId('incoming-chat');
  await expect(offer).toContainText('Hanako Yamada', { timeout: REACHES_PANEL_MS });
  await expect(offer).toContainText('My router keeps rebooting.');
  await offer.getByRole('button', { name: 'Accept chat' }).click();
  await expect(transcript).toContainText('Emily Carter joined the chat.', { timeout: REACHES_PANEL_MS });

  // Customer → agent, with the typing indicator on the way.
  const composer = customer.getByLabel('Message', { exact: true });
  await composer.pressSequentially('It started');
  await expect(panel.getByTestId('typing')).toContainText('Hanako Yamada is typing', { timeout: REACHES_PANEL_MS });
  await composer.pressSequentially(' this morning <b>at 9</b>.');
  await composer.press('Enter');
  // The page sends plain text, as Amazon Connect's widget does: the panel shows it as written.
  await expect(log.getByText('It started this morning <b>at 9</b>.')).toBeVisible({ timeout: REACHES_PANEL_MS });

  // Agent → customer, Markdown rendered safely on the customer's page, typing shown there first.
  const box = panel.getByRole('textbox', { name: /Message to Hanako Yamada/ });
  await box.pressSequentially('Please ');
  await expect(customer.locator('#typing')).toHaveText('Emily Carter is typing…', { timeout: REACHES_PANEL_MS });
  await box.pressSequentially('follow [the guide](https://example.com/reset) and **restart** it.');
  await box.press('Enter');
  const answer = transcript.locator('li.message.agent').last();
  await expect(answer.locator('strong')).toHaveText('restart', { timeout: REACHES_PANEL_MS });
  await expect(answer.getByRole('link', { name: 'the guide' })).toHaveAttribute('rel', /noopener/);
  // The customer has the page open: the agent's message is read, and the panel shows the receipt.
  await expect(log.getByTestId('receipt').last()).toHaveText(/Read/, { timeout: REACHES_PANEL_MS });

  // An attachment each way.
  await customer.getByLabel('Attach a file').setInputFiles({ name: 'router-lights.png', mimeType: 'image/png', buffer: TINY_PNG });
  await expect(log.getByRole('img', { name: 'router-lights.png' })).toBeVisible({ timeout: REACHES_PANEL_MS });
  const steps = Buffer.from('1. Unplug the router.\n2. Wait 30 seconds.\n');
  await panel.getByTestId('attach-input').setInputFiles({ name: 'steps.txt', mimeType: 'text/plain', buffer: steps });
  const download = customer.waitForEvent('download');
  await customer.getByRole('button', { name: 'Download steps.txt' }).click({ timeout: REACHES_PANEL_MS });
  const file = await download;
  const path = await file.path();
  expect((await readFile(path)).equals(steps)).toBe(true);

  // The customer ends the chat: the agent's chat is in After Contact Work, then closed.
  await customer.getByRole('button', { name: 'End chat' }).click();
  await expect(customer.getByText('The chat has ended. Thank you for contacting us.')).toBeVisible({ timeout: REACHES_PANEL_MS });
  await expect(panel.getByTestId('chat-ended')).toBeVisible({ timeout: REACHES_PANEL_MS });
  await panel.getByRole('button', { name: 'Close contact' }).click();
  await expect.poll(() => agentView(cc, 'agent1').contacts.length, { timeout: REACHES_PANEL_MS }).toBe(0);
});

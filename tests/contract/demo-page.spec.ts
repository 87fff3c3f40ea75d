// The contact center's own pages in a real browser: a person calls in from /demo/ and hangs up, and the
// login page signs in with "remember user name".

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, expect, test } from '@playwright/test';
import { chromium } from 'playwright-core';
import { type RunningContactCenter, startContactCenter } from '../../contact-center/server/contact-center-server';
import { chromiumArgs, chromiumPath } from '../support/chromium';

let dataDir: string;
let cc: RunningContactCenter;
let browser: Browser;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sb-demo-'));
  cc = await startContactCenter({ dataDir, port: 0, demoPassword: 'demo-pw' });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs(), '--headless=new'] });
});

test.afterAll(async () => {
  await browser?.close();
  await cc?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a person calls in from the demo page, sees the call queued, and hangs up', async () => {
  const page = await browser.newPage();
  await page.goto(`${cc.url}/demo/`);
  await page.getByLabel(/Queue/).selectOption('support');
  await page.getByLabel(/Account number/).fill('AC-2002');
  await page.getByRole('button', { name: /^Call/ }).click();
  const row = page.locator('#calls tbody tr').first();
  await expect(row).toContainText('queued');
  const records = (await (await fetch(`${cc.url}/api/v1/contact-records`)).json()) as { records: { queueId: string; attributes: Record<string, string> }[] };
  expect(records.records[0]).toMatchObject({ queueId: 'support', attributes: { accountNumber: 'AC-2002' } });
  await row.getByRole('button', { name: /Hang up/ }).click();
  await expect(row).toContainText('ended');
  await page.getByLabel(/Caller number/).fill('0312345678');
  await page.getByRole('button', { name: /^Call/ }).click();
  await expect(page.getByRole('status').first()).toContainText(/E\.164|match/);
  await page.close();
});

test('the login page remembers the user name when asked', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${cc.url}/connect/login`);
  await page.getByLabel(/User name/).fill('agent2');
  await page.getByLabel(/Password/).fill('wrong');
  await page.getByRole('button', { name: /Sign in/ }).click();
  await expect(page.getByRole('alert')).toContainText('incorrect');
  await page.getByLabel(/Password/).fill('demo-pw');
  await page.getByLabel(/Remember user name/).check();
  await page.getByRole('button', { name: /Sign in/ }).click();
  await expect(page.getByRole('heading', { name: 'Signed in as agent2' })).toBeVisible();
  await page.goto(`${cc.url}/connect/login`);
  await expect(page.getByLabel(/User name/)).toHaveValue('agent2');
  await context.close();
});

// Contract suite, tasks: the real, pinned amazon-connect-streams with amazon-connect-taskjs 2.0.0 as the agent (in
// the harness page, against the local /ccp-v2/). TaskJS's agent APIs reach the contact center through the CCP
// conduit: the task templates an agent picks from (listTaskTemplates, getTaskTemplate).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { chromium } from 'playwright-core';
import { type RunningContactCenter, startContactCenter } from '../../contact-center/server/contact-center-server';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { serveStreamsHarness, type StreamsHarnessServer } from '../support/streams-harness/serve';

test.describe.configure({ mode: 'serial' });

const PASSWORD = 'contract-pw';

let dataDir: string;
let cc: RunningContactCenter;
let harness: StreamsHarnessServer;
let browser: Browser;
let page: Page;

type Harness = Record<string, (...args: unknown[]) => unknown>;
const call = <T>(object: 'harness' | 'taskHarness', fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(
    async ({ object, fn, args }) => {
      const target = (window as unknown as Record<string, Harness>)[object]!;
      return (await target[fn]!(...args)) as never;
    },
    { object, fn, args },
  );

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sb-contract-task-'));
  cc = await startContactCenter({ dataDir, port: 0, demoPassword: PASSWORD });
  harness = await serveStreamsHarness();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
  const context = await browser.newContext();
  const login = await context.newPage();
  await login.goto(`${cc.url}/connect/login`);
  await login.getByLabel(/User name/).fill('agent1');
  await login.getByLabel(/Password/).fill(PASSWORD);
  await login.getByRole('button', { name: /Sign in/ }).click();
  await expect(login.getByRole('heading', { name: /Signed in as/ })).toBeVisible();
  await login.close();
  page = await context.newPage();
  await page.goto(harness.taskPageUrl(`${cc.url}/ccp-v2/`));
  await page.evaluate(() => (window as unknown as { harness: { ready: Promise<unknown> } }).harness.ready);
});

test.afterAll(async () => {
  await browser?.close();
  await harness?.close();
  await cc?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface TemplateSummary {
  Id: string;
  Name: string;
  Status: string;
}

test('TaskJS lists the active task templates (status in upper case; lower case finds none, as on Connect) and gets one with its fields', async () => {
  const listed = await call<{ TaskTemplates: TemplateSummary[] }>('taskHarness', 'listTaskTemplates', { status: 'ACTIVE', maxResults: 100 });
  expect(listed.TaskTemplates.length).toBeGreaterThanOrEqual(2);
  expect(listed.TaskTemplates.every((t) => t.Status === 'ACTIVE' && t.Id !== '')).toBe(true);
  const names = listed.TaskTemplates.map((t) => t.Name);
  expect(names).toEqual(expect.arrayContaining(['Call back the customer', 'お客様へ折り返し電話']));
  expect((await call<{ TaskTemplates: unknown[] }>('taskHarness', 'listTaskTemplates', { status: 'active', maxResults: 100 })).TaskTemplates).toEqual([]);

  const callback = listed.TaskTemplates.find((t) => t.Name === 'Call back the customer')!;
  const template = await call<{ Id: string; Fields: { Id: { Name: string }; Type: string }[]; Constraints: { RequiredFields: unknown[] } }>(
    'taskHarness',
    'getTaskTemplate',
    { id: callback.Id },
  );
  expect(template.Id).toBe(callback.Id);
  expect(template.Fields.map((f) => f.Type)).toContain('NAME');
  expect(template.Constraints.RequiredFields.length).toBeGreaterThan(0);

  await expect(call('taskHarness', 'getTaskTemplate', { id: 'no-such-template' })).rejects.toThrow(/ResourceNotFoundException|does not exist/);
});

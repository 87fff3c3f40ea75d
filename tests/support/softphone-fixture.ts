// End-to-end fixtures for the softphone: a local contact center started in-process with short timers, and
// agents, each a Chromium profile with the built extension and the side panel open in a tab, signed in.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, expect, type Page, type Worker } from '@playwright/test';
import type { InstanceConfig } from '../../contact-center/model';
import { DEMO_INSTANCE } from '../../contact-center/seed/demo-instance';
import { type RunningContactCenter, startContactCenter } from '../../contact-center/server/contact-center-server';
import { chromiumArgs, chromiumPath } from './chromium';
import { extensionDir } from './extension-fixture';

/** The one extension API used inside the service worker (the Node-side tsconfig has no chrome types). */
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } } };

export const AGENT_PASSWORD = 'e2e-password';
export const CUSTOMER = '+819012345678';

export interface TestContactCenter extends RunningContactCenter {
  dataDir: string;
  /** A customer calls in; returns the contact id. */
  callIn(opts?: { from?: string; queue?: string; attributes?: Record<string, string> }): Promise<string>;
  customerHangUp(contactId: string): Promise<void>;
  stop(): Promise<void>;
}

/** Engine timers of the test contact center: short, so tests about missed offers and far ends are quick. */
export const TEST_ENGINE_TIMERS = { offerTimeoutMs: 4000, farEndAnswerMs: 400, farEndBusyMs: 300, farEndNoAnswerMs: 2000 };

/** The demo instance with ACW timeouts the tests can wait for (agent2: 3 s) and short offer/far-end timers
 *  (`timers` overrides them: specs where a ringing call opens CRM tabs give the agent longer to accept). */
export async function startTestContactCenter(
  configure: (config: InstanceConfig) => InstanceConfig = (c) => c,
  timers: Partial<typeof TEST_ENGINE_TIMERS> = {},
): Promise<TestContactCenter> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-e2e-'));
  const instance = configure({ ...DEMO_INSTANCE, agents: DEMO_INSTANCE.agents.map((a) => (a.id === 'agent2' ? { ...a, acwTimeoutSeconds: 3 } : a)) });
  const cc = await startContactCenter({
    dataDir,
    port: 0,
    demoPassword: AGENT_PASSWORD,
    instance,
    engine: { ...TEST_ENGINE_TIMERS, ...timers },
  });
  const post = async (path: string, body: unknown) => {
    const res = await fetch(cc.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  return {
    ...cc,
    dataDir,
    async callIn(opts = {}) {
      const r = await post('/api/v1/inbound-calls', { from: opts.from ?? CUSTOMER, queue: opts.queue ?? 'BasicQueue', attributes: opts.attributes ?? {} });
      return r.contactId as string;
    },
    async customerHangUp(contactId) {
      await post(`/api/v1/contacts/${contactId}/customer-hangup`, {});
    },
    async stop() {
      await cc.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One agent's browser: a persistent profile with the extension, the side panel open as a tab. */
export class AgentBrowser {
  private constructor(
    readonly agentId: string,
    readonly context: BrowserContext,
    readonly extensionId: string,
    public panel: Page,
  ) {}

  static async launch(agentId: string): Promise<AgentBrowser> {
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath(),
      headless: true,
      acceptDownloads: true,
      viewport: { width: 400, height: 900 },
      args: [...chromiumArgs(), '--headless=new', `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    });
    // A loaded machine can take a while to start the worker of a freshly loaded extension.
    const worker = context.serviceWorkers().find(isOurWorker) ?? (await context.waitForEvent('serviceworker', { predicate: isOurWorker, timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;
    // Screen pops open a CRM record tab on every ringing call, which would hide the panel's tab (and pause its
    // rendering) in tests about other things; the screen-pop spec turns them back on.
    const panel = await context.newPage();
    const agent = new AgentBrowser(agentId, context, extensionId, panel);
    await agent.chooseSettings({ 'screenPop.mode': 'off' });
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    return agent;
  }

  /** Sets the agent's own choices for some settings (lib/settings: storage.local `settings.agentChoices`),
   *  as the options page would; null forgets a choice. */
  async chooseSettings(choices: Record<string, unknown>): Promise<void> {
    const worker = await this.serviceWorker();
    await worker.evaluate(async (changes) => {
      const key = 'settings.agentChoices';
      const stored = ((await chrome.storage.local.get(key))[key] ?? {}) as Record<string, unknown>;
      for (const [name, value] of Object.entries(changes)) {
        if (value === null) delete stored[name];
        else stored[name] = value;
      }
      await chrome.storage.local.set({ [key]: stored });
    }, choices);
  }

  get panelUrl(): string {
    return `chrome-extension://${this.extensionId}/sidepanel.html`;
  }

  /** The extension's service worker (a new one after it was stopped). */
  async serviceWorker(): Promise<Worker> {
    return this.context.serviceWorkers().find(isOurWorker) ?? (await this.context.waitForEvent('serviceworker', { predicate: isOurWorker }));
  }

  /** Signs in on the contact center's login page in a tab first (as an agent already signed in to their
   *  instance would be), then signs the panel in: the CCP acknowledges at once. */
  async signInQuickly(cc: TestContactCenter): Promise<void> {
    const login = await this.context.newPage();
    await login.goto(`${cc.url}/connect/login`);
    await login.getByLabel(/User name/).fill(this.agentId);
    await login.getByLabel(/Password/).fill(AGENT_PASSWORD);
    await login.getByRole('button', { name: /Sign in/ }).click();
    await expect(login.getByRole('heading', { name: /Signed in as/ })).toBeVisible();
    await login.close();
    // An admin's policy may have locked (and filled) the URL.
    const url = this.panel.getByLabel('Contact center URL');
    if (await url.isEditable()) await url.fill(cc.url);
    await this.panel.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(this.panel.getByLabel('Status')).toBeVisible({ timeout: 20_000 });
  }

  /** Selects a status in the panel's status control and waits until the contact center agrees. */
  async setStatus(cc: TestContactCenter, name: string): Promise<void> {
    await this.panel.getByLabel('Status').selectOption({ label: name });
    await expect.poll(() => cc.engine.getAgentView(this.agentId).status.name, { timeout: 5000 }).toBe(name);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

const isOurWorker = (worker: Worker) => /^chrome-extension:\/\/[a-p]{32}\/background\.js$/.test(worker.url());

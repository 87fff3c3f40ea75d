// One agent's Firefox for the Firefox end-to-end tests: firefox-esr driven headless by puppeteer-core over
// WebDriver BiDi, the built extension (.output/firefox-mv2) installed with a pinned moz-extension UUID, and the
// sidebar's page (sidepanel.html) open in a tab (Firefox opens the sidebar itself at install, headless too, but a tab is what puppeteer can drive).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../wxt.config';
import type { TestContactCenter } from '../../support/softphone-fixture';

export const firefoxExtensionDir = fileURLToPath(new URL('../../../.output/firefox-mv2', import.meta.url));

/** The moz-extension host every test browser gives the extension (pref extensions.webextensions.uuids). */
export const EXTENSION_UUID = '0b4f6c1e-5a8d-4e2b-9c37-5d1e8a2f4b60';
export const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path}`;

/** $FIREFOX_PATH, else the one `scripts/setup.mjs --firefox` found or installed, else Debian's firefox-esr. */
export function firefoxPath(): string {
  const recordedFile = fileURLToPath(new URL('../../../.data/firefox-path', import.meta.url));
  const recorded = existsSync(recordedFile) ? readFileSync(recordedFile, 'utf8').trim() : undefined;
  const candidates = [process.env.FIREFOX_PATH, recorded, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) throw new Error(`No Firefox found (tried ${candidates.filter(Boolean).join(', ')}). Run \`node scripts/setup.mjs\` or set FIREFOX_PATH.`);
  return found;
}

/** Prefs of a quiet test profile whose softphone hears a fake microphone without asking. */
const TEST_PREFS: Record<string, unknown> = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  'media.autoplay.default': 0,
  // The login window the worker opens is a popup window; nothing else should open or update.
  'browser.shell.checkDefaultBrowser': false,
  'app.update.enabled': false,
  // Console lines of every context (the background page's too) on the browser's stdout, for FIREFOX_DEBUG=1.
  'devtools.console.stdout.chrome': true,
  'devtools.console.stdout.content': true,
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns something other than undefined/false, or throws after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await wait(100);
  }
}

/** The visible text of the first element matching `selector` in the page, or undefined when there is none. */
export function textOf(page: Page, selector: string): Promise<string | undefined> {
  return page.evaluate((css) => document.querySelector<HTMLElement>(css)?.innerText, selector);
}

export class FirefoxAgent {
  private constructor(
    readonly agentId: string,
    readonly browser: Browser,
    public panel: Page,
  ) {}

  static async launch(
    agentId: string,
    settings: Record<string, unknown> = { 'screenPop.mode': 'off' },
    /** Another build (the MV3 measurement), more prefs, another Firefox binary (a private installation with its
     *  own policies.json) and more environment (HOME, for a managed-storage manifest); `installedByPolicy`: the
     *  installation's policies.json force-installs the extension, so the test does not install it. */
    options: { extensionDir?: string; prefs?: Record<string, unknown>; executablePath?: string; env?: Record<string, string>; installedByPolicy?: boolean } = {},
  ): Promise<FirefoxAgent> {
    const extensionDir = options.extensionDir ?? firefoxExtensionDir;
    if (!existsSync(`${extensionDir}/manifest.json`)) throw new Error(`No Firefox build at ${extensionDir}: run \`npx wxt build -b firefox\` first.`);
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: options.executablePath ?? firefoxPath(),
      env: { ...process.env, ...options.env },
      headless: true,
      dumpio: process.env.FIREFOX_DEBUG === '1',
      // installExtension needs the privileged parts of WebDriver BiDi.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { ...TEST_PREFS, ...options.prefs },
    });
    try {
      if (!options.installedByPolicy) await browser.installExtension(extensionDir);
      const panel = await browser.newPage();
      await panel.setViewport({ width: 400, height: 900 });
      // No wait for load events (puppeteer ignores a 'commit' it does not know the same way): Firefox does not
      // report them to BiDi for extension pages; eventually() below waits for the page itself. An extension the
      // policy installs may not be there yet at the first try.
      await eventually('the sidebar page of the installed extension', async () => {
        await panel.goto(extensionUrl('sidepanel.html'), { waitUntil: [] }).catch(() => undefined);
        return panel.evaluate(() => typeof (globalThis as { browser?: { runtime?: unknown } }).browser?.runtime === 'object');
      }, 30_000);
      const agent = new FirefoxAgent(agentId, browser, panel);
      // Screen pops open CRM tabs on ringing calls, which these tests do not look at.
      await agent.chooseSettings(settings);
      return agent;
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /** Sets the agent's own setting choices (storage.local `settings.agentChoices`), as the options page would. */
  async chooseSettings(choices: Record<string, unknown>): Promise<void> {
    await eventually('the panel page to run', () => this.panel.evaluate(() => document.readyState !== 'loading'));
    await this.panel.evaluate(async (changes) => {
      const storage = (globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).browser.storage.local;
      const key = 'settings.agentChoices';
      const stored = ((await storage.get(key))[key] ?? {}) as Record<string, unknown>;
      for (const [name, value] of Object.entries(changes)) {
        if (value === null) delete stored[name];
        else stored[name] = value;
      }
      await storage.set({ [key]: stored });
    }, choices);
  }

  /** Signs in on the contact center's login page in a tab (an agent already signed in to the instance), then
   *  signs the panel in and waits for the status control. */
  async signInQuickly(cc: TestContactCenter, timeoutMs = 30_000): Promise<void> {
    // Imported here, not above: the fixture brings the contact center and Playwright, which tests that sign in
    // nowhere (policy.test.ts) need not load.
    const { AGENT_PASSWORD } = await import('../../support/softphone-fixture');
    const login = await this.browser.newPage();
    await login.goto(`${cc.url}/connect/login`);
    await login.type('#username', this.agentId);
    await login.type('#password', AGENT_PASSWORD);
    await Promise.all([login.waitForNavigation(), login.click('button[type=submit]')]);
    const heading = await login.$eval('h1', (h1) => h1.textContent ?? '');
    if (!heading.startsWith('Signed in as')) throw new Error(`the contact center's login page said "${heading}"`);
    await login.close();
    await this.panel.bringToFront();
    await eventually('the sign-in form', () => this.panel.$('#instance-url'));
    await this.panel.$eval('#instance-url', (input, url) => {
      const field = input as HTMLInputElement;
      field.value = url;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }, cc.url);
    await this.clickButton('Sign in');
    await eventually('the status control', () => this.panel.$('#agent-status'), timeoutMs);
  }

  /** Clicks the panel's enabled button whose accessible text (aria-label, else text) is `name`, inside `within`,
   *  once it is steady and on top. The click is the DOM's, sent in the same turn as those checks: a WebDriver
   *  pointer click aimed at the button's place missed it now and then (1 run in 4) while the incoming card was
   *  still changing as the customer's details arrived, and a missed Accept lets the offer lapse. */
  async clickButton(name: string, within = 'body'): Promise<void> {
    await eventually(`a steady, clickable "${name}" button in ${within}`, () =>
      this.panel.evaluate(
        async (scope, label) => {
          const find = () =>
            [...(document.querySelector(scope)?.querySelectorAll('button') ?? [])].find(
              (button) => !button.disabled && (button.getAttribute('aria-label') ?? button.textContent ?? '').trim() === label,
            );
          const button = find();
          if (!button) return false;
          button.scrollIntoView({ block: 'center' });
          const before = button.getBoundingClientRect();
          await new Promise((resolve) => setTimeout(resolve, 150));
          const after = button.getBoundingClientRect();
          if (find() !== button || before.x !== after.x || before.y !== after.y || after.width === 0) return false;
          const top = document.elementFromPoint(after.x + after.width / 2, after.y + after.height / 2);
          if (!top || !button.contains(top)) return false;
          button.click();
          return true;
        },
        within,
        name,
      ),
    );
  }

  /** Chooses a status in the panel's status control (retried while the control is being rendered). */
  async selectStatus(name: string): Promise<void> {
    await eventually(`the status option ${name} chosen`, async () => {
      const value = await this.panel.evaluate(
        (label) => [...document.querySelectorAll<HTMLOptionElement>('#agent-status option')].find((option) => option.textContent?.trim() === label)?.value,
        name,
      );
      if (value === undefined) return false;
      return (await this.panel.select('#agent-status', value)).length === 1;
    });
  }

  /** Whether an element matching `selector` is in the panel page. */
  shows(selector: string): Promise<boolean> {
    return this.panel.evaluate((css) => document.querySelector(css) !== null, selector);
  }

  /** Opens one of the panel's tools (the Tools bar's "Number pad", "Quick connects", "Settings") unless it is
   *  open, and waits for its region. */
  async openTool(name: string): Promise<void> {
    const expanded = () =>
      this.panel.evaluate(
        (label) => [...document.querySelectorAll('nav.tools button')].find((button) => button.textContent?.trim() === label)?.getAttribute('aria-expanded'),
        name,
      );
    if ((await expanded()) !== 'true') await this.clickButton(name, 'nav.tools');
    await eventually(`the ${name} tool open`, async () => (await expanded()) === 'true' && this.shows(`section[aria-label="${name}"]`));
  }

  /** The status the panel's status control shows. */
  shownStatus(): Promise<string | undefined> {
    return this.panel.evaluate(() => document.querySelector<HTMLSelectElement>('#agent-status')?.selectedOptions[0]?.textContent?.trim());
  }

  /** Opens the sidebar's page in a new tab (the agent opening the sidebar again) and makes it the panel. */
  async reopenPanel(): Promise<Page> {
    const panel = await this.browser.newPage();
    await panel.setViewport({ width: 400, height: 900 });
    await panel.goto(extensionUrl('sidepanel.html'), { waitUntil: [] });
    this.panel = panel;
    return panel;
  }

  /** The session log's lines (F3; storage.session, redacted), read from the panel page: what the worker did. */
  sessionLog(): Promise<string[]> {
    return this.panel.evaluate(async () => {
      const session = (globalThis as unknown as { browser: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }).browser.storage.session;
      const all = await session.get(null);
      return Object.keys(all)
        .filter((key) => /^sessionLog\.\d+$/.test(key))
        .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
        .flatMap((key) => all[key] as string[]);
    });
  }

  /** When the background page's document started (performance.timeOrigin), read from an extension page without
   *  waking it: a new value means the background was unloaded and started again; null means none is running. */
  backgroundStartedAt(from: Page = this.panel): Promise<number | null> {
    return from.evaluate(() => {
      const extension = (globalThis as unknown as { browser: { extension: { getViews(): Window[] } } }).browser.extension;
      const background = extension.getViews().find((view) => view.location.pathname.includes('background'));
      return background ? background.performance.timeOrigin : null;
    });
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

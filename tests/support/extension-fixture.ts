// Playwright fixture that runs each test in a fresh Chromium profile with the built extension loaded.
import { test as base, chromium, expect, type BrowserContext, type Worker } from '@playwright/test';
import { chromiumArgs, chromiumPath, repoRoot } from './chromium';

/** The unpacked extension `wxt build` writes (tests/support/global-setup.ts builds it before the run). */
export const extensionDir = `${repoRoot}.output/chrome-mv3`;

export interface ExtensionFixtures {
  /** A persistent context (extensions need one) with a throwaway profile. */
  context: BrowserContext;
  /** The extension's background service worker. */
  serviceWorker: Worker;
  /** The extension's id, for chrome-extension://<id>/… URLs. */
  extensionId: string;
}

export const test = base.extend<ExtensionFixtures>({
  // Playwright reads the fixture's dependencies from the destructuring pattern, so it must be there, even empty.
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath(),
      headless: true,
      args: [
        ...chromiumArgs(),
        '--headless=new',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
      ],
    });
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    const isOurs = (worker: Worker) => /^chrome-extension:\/\/[a-p]{32}\/background\.js$/.test(worker.url());
    const worker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 10_000 }).catch((error: unknown) => {
        throw new Error(`The extension's service worker did not start: did ${extensionDir} load?`, { cause: error });
      }));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
});

export { expect };

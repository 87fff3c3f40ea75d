// Firefox end to end, admin policy (F32) from both places Firefox gives an extension managed storage: the
// managed-storage manifest in the user's HOME, and policies.json's `3rdparty.Extensions` in the installation's
// distribution folder (a private copy of the installation: the machine's own files are not touched), the same
// policies.json force-installing the extension (ExtensionSettings, as docs/admin.md says). Either way
// the sidebar's page shows the locked contact-center URL read-only with the admin's explanation, the options page
// shows the same setting locked with the admin's reason, and a value of the wrong type reaches Switchboard (Firefox
// does not check policy against managed_schema.json) and is listed there as ignored.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../wxt.config';
import { eventually, extensionUrl, FirefoxAgent, firefoxExtensionDir, textOf } from './support/firefox-agent';
import { firefoxWithPoliciesJson, homeWithManagedStorage, type SwitchboardPolicy } from './support/firefox-policy';
import { packXpi } from './support/xpi-package';

const LOCKED_URL = 'https://acme.my.connect.aws';
const REASON = 'Set by the contact-center IT team';
const POLICY: SwitchboardPolicy = {
  'contactCenter.url': { value: LOCKED_URL, locked: true, reason: REASON },
  // The wrong JSON type (a string where a number is expected): Chrome drops it by the schema, Firefox passes it on.
  'session.engineLostGraceSeconds': { value: 'ten', locked: true },
};

/** What the sidebar's page and the options page show of the policy, once they show it. */
async function expectPolicyShown(agent: FirefoxAgent): Promise<void> {
  const panel = agent.panel;
  await eventually('the locked URL in the sign-in form', () => panel.evaluate((url) => document.querySelector<HTMLInputElement>('#instance-url')?.value === url, LOCKED_URL), 20_000);
  expect(await panel.$eval('#instance-url', (input) => (input as HTMLInputElement).readOnly)).toBe(true);
  expect((await textOf(panel, '#instance-url-hint'))?.trim()).toBe('Your admin set the contact center.');
  // Typing into it changes nothing.
  await panel.focus('#instance-url');
  await panel.keyboard.type('x');
  expect(await panel.$eval('#instance-url', (input) => (input as HTMLInputElement).value)).toBe(LOCKED_URL);

  const options: Page = await agent.browser.newPage();
  await options.goto(extensionUrl('options.html'), { waitUntil: [] });
  const setting = '[data-setting="contactCenter.url"]';
  await eventually('the options page to show the locked URL', () => options.evaluate((css, url) => document.querySelector<HTMLInputElement>(`${css} input`)?.value === url, setting, LOCKED_URL), 20_000);
  expect(await options.$eval(`${setting} input`, (input) => (input as HTMLInputElement).readOnly)).toBe(true);
  expect((await textOf(options, `${setting} .source`))?.trim()).toBe('🔒 Locked by your admin');
  expect((await textOf(options, `${setting} .lock-reason`))?.trim()).toBe(`Admin's reason: ${REASON}`);
  const ignored = await eventually('the wrong-typed value listed as ignored', () => textOf(options, '[data-test="policy-problems"] li[data-key="session.engineLostGraceSeconds"]'));
  expect(ignored).toContain('session.engineLostGraceSeconds');
  await options.close();
}

describe('Firefox: policy from the managed-storage manifest in HOME locks the contact-center URL', () => {
  let agent: FirefoxAgent;
  let home: ReturnType<typeof homeWithManagedStorage>;

  beforeAll(async () => {
    home = homeWithManagedStorage(POLICY);
    agent = await FirefoxAgent.launch('agent1', undefined, { env: { HOME: home.home } });
  });
  afterAll(async () => {
    await agent?.close();
    home?.remove();
  });

  it('shows the URL locked in the sidebar page and on the options page, and lists the wrong-typed value', async () => {
    await expectPolicyShown(agent);
  });
});

describe('Firefox: policies.json force-installs Switchboard, and its 3rdparty.Extensions locks the contact-center URL', () => {
  let agent: FirefoxAgent;
  let firefox: ReturnType<typeof firefoxWithPoliciesJson>;
  const xpi = join(tmpdir(), `switchboard-firefox-e2e-${process.pid}.xpi`);

  beforeAll(async () => {
    packXpi(firefoxExtensionDir, xpi);
    // docs/admin.md's two entries, with the Firefox add-on id: force-install (of the unsigned build, which ESR
    // installs with signatures not required) and the settings.
    firefox = firefoxWithPoliciesJson({
      policies: {
        ExtensionSettings: { [GECKO_ID]: { installation_mode: 'force_installed', install_url: pathToFileURL(xpi).href } },
        '3rdparty': { Extensions: { [GECKO_ID]: POLICY } },
      },
    });
    agent = await FirefoxAgent.launch('agent1', undefined, {
      executablePath: firefox.executablePath,
      installedByPolicy: true,
      prefs: { 'xpinstall.signatures.required': false },
    });
  });
  afterAll(async () => {
    await agent?.close();
    firefox?.remove();
    rmSync(xpi, { force: true });
  });

  it('is installed by the policy and cannot be removed or disabled by the agent', async () => {
    // The add-on manager's view of it, from an extension page: installed by policy, locked.
    const self = await agent.panel.evaluate(async () => {
      const management = (globalThis as unknown as { browser: { management: { getSelf(): Promise<{ installType: string; mayDisable: boolean }> } } }).browser.management;
      const info = await management.getSelf();
      return { installType: info.installType, mayDisable: info.mayDisable };
    });
    expect(self).toEqual({ installType: 'admin', mayDisable: false });
  });

  it('shows the URL locked in the sidebar page and on the options page, and lists the wrong-typed value', async () => {
    await expectPolicyShown(agent);
  });
});

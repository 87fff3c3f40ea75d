// The one-time microphone permission page real instances need (the offscreen engine cannot prompt): it asks,
// and says plainly whether access was granted. Chromium's fake media device stands in for a headset.
import { chromium, expect, test } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { extensionDir } from '../support/extension-fixture';

async function openMicrophonePage(extraArgs: string[]) {
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: true,
    args: [...chromiumArgs(), '--headless=new', `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...extraArgs],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/microphone.html`);
  return { context, page };
}

test('the microphone page asks for the microphone and confirms access', async () => {
  const { context, page } = await openMicrophonePage(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
  await expect(page.getByRole('heading', { name: 'Allow Switchboard to use your microphone' })).toBeVisible();
  await page.getByRole('button', { name: 'Allow microphone' }).click();
  await expect(page.getByRole('status')).toHaveText('Done: Switchboard can use your microphone. You can close this tab.');
  await context.close();
});

test('the microphone page explains a refusal', async () => {
  const { context, page } = await openMicrophonePage(['--use-fake-device-for-media-stream', '--deny-permission-prompts']);
  await page.getByRole('button', { name: 'Allow microphone' }).click();
  await expect(page.getByRole('status')).toContainText('The microphone was not allowed');
  await context.close();
});

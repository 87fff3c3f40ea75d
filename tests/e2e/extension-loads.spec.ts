// End-to-end: the built extension loads in Chromium, its worker starts and its side panel page renders.
import type { Browser } from 'wxt/browser';
import { expect, test } from '../support/extension-fixture';

// The extension API as the service worker sees it (for evaluate callbacks; this file itself runs in Node).
declare const chrome: typeof Browser;

test('the extension starts its service worker and renders the side panel', async ({ context, extensionId }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Switchboard');
  await expect(panel.getByRole('heading', { name: 'Sign in to your contact center' })).toBeVisible();
  await expect(panel.getByLabel('Contact center URL')).toHaveValue('http://127.0.0.1:8790');
});

test('the toolbar button is set to open the side panel', async ({ serviceWorker }) => {
  // Reads back what background.ts set; the worker may still be running its main when we get here.
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () => {
        const behavior = await chrome.sidePanel.getPanelBehavior();
        return behavior.openPanelOnActionClick;
      }),
    )
    .toBe(true);
});

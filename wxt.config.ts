// Build configuration of the Switchboard extension (WXT): modules, manifest and the Chrome MV3 target.
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-vue', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Switchboard',
    description: 'An Amazon Connect softphone in the side panel, with click-to-dial and screen pops in web CRMs.',
    // sidePanel: the softphone lives there; storage: the session snapshot and settings.
    permissions: ['sidePanel', 'storage'],
    action: { default_title: 'Open Switchboard' },
  },
});

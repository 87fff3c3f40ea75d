// Build configuration of the Switchboard extension (WXT): modules, manifest and the Chrome MV3 target.
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-vue', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Switchboard',
    description: '__MSG_extension_description__',
    default_locale: 'en',
    permissions: [
      'sidePanel', // the softphone lives there
      'storage', // the session snapshot (storage.session) and settings
      'offscreen', // the engine: streams' initCCP with microphone and WebRTC, alive while the panel is closed
      'notifications', // an incoming call when the panel is closed (Accept / Reject)
      'alarms', // the engine watchdog wakes a stopped worker
      'contextMenus', // "Call <selection>" on web pages (click-to-dial)
    ],
    // The CCP frame in the offscreen document only gets the instance's sign-in cookie as first-party when the
    // extension has host permission for the instance; the worker's logout request needs it too.
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*', 'https://*.my.connect.aws/*', 'https://*.awsapps.com/*'],
    action: { default_title: '__MSG_action_title__' },
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_command_open_panel__' },
      'accept-contact': { suggested_key: { default: 'Alt+Shift+A' }, description: '__MSG_command_accept_contact__' },
      'end-contact': { suggested_key: { default: 'Alt+Shift+E' }, description: '__MSG_command_end_contact__' },
      'toggle-mute': { suggested_key: { default: 'Alt+Shift+M' }, description: '__MSG_command_toggle_mute__' },
    },
  },
});

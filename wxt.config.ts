// Build configuration of the Switchboard extension (WXT): modules, manifest, and its two targets: Chrome MV3
// (side panel, offscreen engine) and Firefox MV2 (sidebar_action, engine in the persistent background page;
// docs/firefox.md says why MV2).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

/**
 * The public half of Switchboard's signing key: it fixes the Chrome extension id to
 * noblaacmkmdckhdcjakjpckmkgedlibh for every build (unpacked, CI, self-hosted CRX signed with the matching
 * private key), so admins' policies (ExtensionSettings, 3rdparty.extensions.<id>) name a stable id.
 * docs/admin.md explains how to swap in a Chrome Web Store item's key.
 */
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvy0Z3TxEtXj6kc2nWWjJMd9xqWVZHRatRyHDb4rYsev9We0s4ZBpzdcu9PssuK1MKKMiS3oU5X0d5YSX3gT52qtLO2ApX1J2i7d8yKNm/siuErBIhRpSkePGXW2ASHdxljMEc8+P2BIbpE8tdgcZhoy/qTIEVUSihW3+n2s9+x+R9/pyrCS7LUDnrFferKkPxM8/f7mz9VXmwFLvO6DUpuWrcYAxjTQNn1jc2jm4c+mtvalsp0MvoteO/hVVHpa+TQy9JnqSZvOGPLcd9jskoftw/prmskZiGwsbImltNClOunQr1p5riAQZ+tDh+1M4IpRKbekMy6TaXiy30HV29wIDAQAB';

/** Firefox's add-on id (its policies.json names it under 3rdparty.Extensions). */
export const GECKO_ID = 'switchboard@switchboard.dev';

/**
 * Firefox's browser_specific_settings.gecko. 140 is the oldest ESR with the CSS Custom Highlight API and the
 * built-in data consent. What Switchboard transmits, and to whom, is declared for that consent: calls and chats
 * go through the organisation's contact center (personal communications); a number dialed from a page, and
 * the page's address and title bound to the call, go to it too (website content, browsing activity).
 */
const FIREFOX_GECKO_SETTINGS = {
  id: GECKO_ID,
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['personalCommunications', 'websiteContent', 'browsingActivity'] },
};

/** Click-to-dial's highlight style (lib/click-to-dial/highlight.css), which the Firefox build replaces by its own
 *  (highlight-firefox.css: Firefox has no highlight inheritance, so a rule on `:root` paints nothing). */
const HIGHLIGHT_CSS_FILE = fileURLToPath(new URL('./lib/click-to-dial/highlight.css', import.meta.url));
const HIGHLIGHT_CSS_FIREFOX_FILE = fileURLToPath(new URL('./lib/click-to-dial/highlight-firefox.css', import.meta.url));

export default defineConfig({
  modules: ['@wxt-dev/module-vue', '@wxt-dev/webextension-polyfill'],
  vite: ({ browser }) => ({
    plugins:
      browser === 'firefox'
        ? [{ name: 'switchboard:firefox-highlight-css', enforce: 'pre' as const, load: (id: string) => (id === HIGHLIGHT_CSS_FILE ? readFileSync(HIGHLIGHT_CSS_FIREFOX_FILE, 'utf8') : undefined) }]
        : [],
    // SB_NOMINIFY=1: an unminified build, whose CPU profiles name the functions (CHAT_PANEL_PROFILE in tests/bench).
    ...(process.env.SB_NOMINIFY ? { build: { minify: false } } : {}),
  }),
  manifest: ({ browser }) => ({
    name: 'Switchboard',
    description: '__MSG_extension_description__',
    default_locale: 'en',
    permissions: [
      // Chrome only: Firefox has neither API (its panel is sidebar_action, its engine a frame of the background page).
      ...(browser === 'firefox' ? [] : ['sidePanel' /* the softphone lives there */]),
      'storage', // the session snapshot (storage.session) and settings
      ...(browser === 'firefox' ? [] : ['offscreen' /* the engine: streams' initCCP with microphone and WebRTC, alive while the panel is closed */]),
      'notifications', // an incoming call when the panel is closed (Accept / Reject)
      'alarms', // the engine watchdog wakes a stopped worker
      'contextMenus', // "Call <selection>" on web pages (click-to-dial)
    ],
    // The CCP frame in the offscreen document only gets the instance's sign-in cookie as first-party when the
    // extension has host permission for the instance; the worker's logout request needs it too. A real
    // instance's chat attachments are S3 presigned URLs that the engine's ChatJS PUTs and the panel fetches:
    // extension pages only bypass the bucket's CORS for hosts they have permission for (Firefox's random
    // moz-extension origin cannot be listed in a bucket's CORS at all).
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*', 'https://*.my.connect.aws/*', 'https://*.awsapps.com/*', 'https://*.amazonaws.com/*'],
    // Admins' policy (F32): the schema Chrome checks managed storage against (built from lib/settings/schema.ts).
    storage: { managed_schema: 'managed_schema.json' },
    ...(browser === 'firefox'
      ? // Firefox for Android has no sidebar; its data consent starts at 142, which is all the key says there.
        { browser_specific_settings: { gecko: FIREFOX_GECKO_SETTINGS, gecko_android: { strict_min_version: '142.0' } } }
      : { key: EXTENSION_PUBLIC_KEY }),
    action: { default_title: '__MSG_action_title__' },
    commands: {
      // Opens the panel: Chrome's side panel through the toolbar action, Firefox's sidebar directly.
      [browser === 'firefox' ? '_execute_sidebar_action' : '_execute_action']: { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_command_open_panel__' },
      'accept-contact': { suggested_key: { default: 'Alt+Shift+A' }, description: '__MSG_command_accept_contact__' },
      'end-contact': { suggested_key: { default: 'Alt+Shift+E' }, description: '__MSG_command_end_contact__' },
      'toggle-mute': { suggested_key: { default: 'Alt+Shift+M' }, description: '__MSG_command_toggle_mute__' },
    },
  }),
});

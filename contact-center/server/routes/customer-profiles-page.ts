// `GET /customerprofiles-v2`: the helper page Amazon Connect's Customer Profiles client frames (hidden) on the
// instance and talks to by postMessage; here its scripts relay each call to /agent-app/api with the agent's
// session (contact-center/profiles/helper-page). A strict CSP: scripts and requests of this origin only, framed
// only by this origin or a browser extension (the relay also checks each message's origin).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendHtml } from '../http-kit';

export const CUSTOMER_PROFILES_PAGE_PATH = '/customerprofiles-v2';

export const CUSTOMER_PROFILES_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'self' chrome-extension: moz-extension:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const helperPageFolder = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'profiles', 'helper-page');
const SCRIPTS = ['profiles-page.js', 'profiles-relay.js'] as const;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Customer Profiles · Switchboard local contact center</title>
<script type="module" src="${CUSTOMER_PROFILES_PAGE_PATH}/profiles-page.js"></script>
</head><body></body></html>`;

const NO_STORE = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' };

export const customerProfilesPageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const scripts = new Map(SCRIPTS.map((name) => [name, readFileSync(join(helperPageFolder, name), 'utf8')]));
  app.get(CUSTOMER_PROFILES_PAGE_PATH, async (_request, reply) => sendHtml(reply, 200, PAGE, { 'Content-Security-Policy': CUSTOMER_PROFILES_PAGE_CSP, ...NO_STORE }));
  for (const [name, text] of scripts) {
    app.get(`${CUSTOMER_PROFILES_PAGE_PATH}/${name}`, async (_request, reply) => reply.headers(NO_STORE).type('text/javascript; charset=utf-8').send(text));
  }
};

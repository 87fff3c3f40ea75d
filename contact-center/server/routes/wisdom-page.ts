// `GET /wisdom-v2`: the helper page amazon-q-connectjs frames (hidden, as `<instance>/wisdom-v2/?theme=hidden_page`)
// and talks to by postMessage; here its scripts relay each request to /agent-app/api with the agent's session
// (contact-center/qconnect/helper-page). A strict CSP: scripts and requests of this origin only, framed only by this
// origin or a browser extension (the relay also checks each message's origin and source window).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendHtml } from '../http-kit';
import { CUSTOMER_PROFILES_PAGE_CSP } from './customer-profiles-page';

export const WISDOM_PAGE_PATH = '/wisdom-v2';
/** The same rules as the Customer Profiles helper page's. */
export const WISDOM_PAGE_CSP = CUSTOMER_PROFILES_PAGE_CSP;

const helperPageFolder = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'qconnect', 'helper-page');
const SCRIPTS = ['wisdom-page.js', 'wisdom-relay.js'] as const;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Amazon Q in Connect · Switchboard local contact center</title>
<script type="module" src="${WISDOM_PAGE_PATH}/wisdom-page.js"></script>
</head><body></body></html>`;

const NO_STORE = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' };

export const wisdomPageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const scripts = new Map(SCRIPTS.map((name) => [name, readFileSync(join(helperPageFolder, name), 'utf8')]));
  // The router ignores a trailing slash, so `/wisdom-v2/` (the client's URL) is served too.
  app.get(WISDOM_PAGE_PATH, async (_request, reply) => sendHtml(reply, 200, PAGE, { 'Content-Security-Policy': WISDOM_PAGE_CSP, ...NO_STORE }));
  for (const [name, text] of scripts) {
    app.get(`${WISDOM_PAGE_PATH}/${name}`, async (_request, reply) => reply.headers(NO_STORE).type('text/javascript; charset=utf-8').send(text));
  }
};

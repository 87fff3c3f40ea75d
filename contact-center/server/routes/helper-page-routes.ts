// The local contact center's agent-app helper pages (`/customerprofiles-v2`, `/wisdom-v2`): a page an Amazon
// Connect client frames hidden on the instance and talks to by postMessage, and its scripts, which relay each call
// to /agent-app/api with the agent's session. One strict CSP for all: scripts and requests of this origin only,
// framed only by this origin or a browser extension (each relay also checks a message's origin). Never cached.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendHtml } from '../http-kit';

export const HELPER_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'self' chrome-extension: moz-extension:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const NO_STORE = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' };

export interface HelperPage {
  /** Where the page is served (the router ignores a trailing slash, so `<path>/` is served too). */
  path: string;
  /** The page's title (after it: `· Switchboard local contact center`). */
  title: string;
  /** The folder of its scripts. */
  folder: string;
  /** Its scripts, served under `<path>/<name>`; the first is the page's module. */
  scripts: readonly [string, ...string[]];
}

/** The routes of one helper page: the page, and each of its scripts. */
export function helperPageRoutes(page: HelperPage): FastifyPluginAsyncTypebox {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${page.title} · Switchboard local contact center</title>
<script type="module" src="${page.path}/${page.scripts[0]}"></script>
</head><body></body></html>`;
  return async (app) => {
    const scripts = new Map(page.scripts.map((name) => [name, readFileSync(join(page.folder, name), 'utf8')]));
    app.get(page.path, async (_request, reply) => sendHtml(reply, 200, html, { 'Content-Security-Policy': HELPER_PAGE_CSP, ...NO_STORE }));
    for (const [name, text] of scripts) {
      app.get(`${page.path}/${name}`, async (_request, reply) => reply.headers(NO_STORE).type('text/javascript; charset=utf-8').send(text));
    }
  };
}

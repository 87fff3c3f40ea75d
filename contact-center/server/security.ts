// Request guards that keep web pages in the agent's browser from driving the contact center: only
// loopback Host names (no DNS rebinding), no cross-site API calls, no CORS for other origins. app.ts applies
// them as hooks; they take anything with `headers` (a Fastify request or a node:http IncomingMessage).

import type { IncomingHttpHeaders } from 'node:http';
import { HttpError } from './http-kit';

/** The part of a request the guards read. */
export interface RequestHeaders {
  headers: IncomingHttpHeaders;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The host name of a Host header (without port), lower-cased. */
export function hostName(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null;
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 ? h.slice(0, end + 1) : null;
  }
  return h.split(':')[0] || null;
}

export function assertLoopbackHost(req: RequestHeaders): void {
  const name = hostName(req.headers.host);
  if (name === null || !LOOPBACK_HOSTS.has(name)) {
    throw new HttpError(421, 'this contact center only answers requests addressed to a loopback name (127.0.0.1, localhost)', 'MisdirectedRequest');
  }
}

/** Whether the request's Origin is this server's own (scheme aside: the Host header names host and port). */
export function hasOwnOrigin(req: RequestHeaders): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return false;
  try {
    return new URL(origin).host.toLowerCase() === (req.headers.host ?? '').toLowerCase();
  } catch {
    return false;
  }
}

/** The control API refuses what a browser marks as a cross-site or cross-origin request. */
export function assertNotCrossSite(req: RequestHeaders): void {
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    throw new HttpError(403, 'the control API does not accept requests from web pages of other origins', 'Forbidden');
  }
  const origin = req.headers.origin;
  if (origin && origin !== 'null' && !hasOwnOrigin(req)) {
    throw new HttpError(403, 'the control API does not accept requests from web pages of other origins', 'Forbidden');
  }
}

/** What each browser's extension pages and worker send as Origin (web pages cannot send these), and the
 *  Sec-Fetch-Site that browser gives an extension's request to a host it has permission for: Chrome 'none';
 *  Firefox 'same-origin' (it counts an extension's privileged request as same-origin; without the host
 *  permission both browsers say 'cross-site'). */
const EXTENSION_ORIGINS: readonly { origin: RegExp; fetchSite: string }[] = [
  { origin: /^chrome-extension:\/\/[a-p]{32}$/, fetchSite: 'none' },
  { origin: /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, fetchSite: 'same-origin' },
];

/** Whether `origin` is a browser extension's (chrome-extension://<id> or moz-extension://<uuid>): no web page can
 *  send one. */
export const isExtensionOrigin = (origin: string | undefined): origin is string =>
  typeof origin === 'string' && EXTENSION_ORIGINS.some((extension) => extension.origin.test(origin));

/**
 * Whether `req` comes from a browser extension's own pages or worker: a `chrome-extension://<id>` or
 * `moz-extension://<uuid>` Origin, which web pages cannot send, on a request its browser marks as the extension's
 * own (Chrome 'none', Firefox 'same-origin'; never 'cross-site' or 'same-site'). The routes that accept it say so
 * themselves.
 */
export function isFromBrowserExtension(req: RequestHeaders): boolean {
  const origin = req.headers.origin ?? '';
  const site = req.headers['sec-fetch-site'];
  return EXTENSION_ORIGINS.some((extension) => extension.origin.test(origin) && site === extension.fetchSite);
}

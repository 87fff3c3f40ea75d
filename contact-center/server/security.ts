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

/**
 * Whether `req` comes from a browser extension's own pages or worker: a `chrome-extension://<id>` Origin, which
 * web pages cannot send, on a request the browser does not mark as coming from a web site (Chrome marks an
 * extension worker's requests 'none', never 'cross-site'). The routes that accept it say so themselves.
 */
export function isFromBrowserExtension(req: RequestHeaders): boolean {
  return /^chrome-extension:\/\/[a-p]{32}$/.test(req.headers.origin ?? '') && req.headers['sec-fetch-site'] === 'none';
}

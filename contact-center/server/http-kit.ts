// Small HTTP pieces shared by the contact center's Fastify routes and the demo CRM: the API's error type,
// the security headers every answer carries, HTML answers, cookies and HTML escaping.

import type { FastifyReply } from 'fastify';

/** An error answered as `{ error: { code, message } }` with `status` (see app.ts's error handler). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = 'BadRequest',
  ) {
    super(message);
  }
}

/** Sent on every answer (an onSend hook adds them unless a route set its own). */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
} as const;

/** 256 KB: the largest request body either server reads. */
export const MAX_BODY_BYTES = 256 * 1024;

export function sendHtml(reply: FastifyReply, status: number, html: string, extraHeaders: Record<string, string | string[]> = {}): FastifyReply {
  return reply.code(status).headers(extraHeaders).type('text/html; charset=utf-8').send(html);
}

export function redirect(reply: FastifyReply, location: string, extraHeaders: Record<string, string | string[]> = {}): FastifyReply {
  return reply.code(303).headers({ ...extraHeaders, Location: location }).send();
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    try {
      out[name] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      // A cookie that is not ours may not be URI-encoded; ignore it.
    }
  }
  return out;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

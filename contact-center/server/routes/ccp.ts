// The CCP that amazon-connect-streams frames: its page and script (`/ccp-v2/`), the ticket trade
// (`/ccp-v2/authorize`: session cookie for a one-time socket ticket) and its WebSocket (`/ccp-v2/socket`,
// ccp/ccp-socket.ts), which only a page of this very origin may open.

import '@fastify/websocket';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { CcpSockets } from '../../ccp/ccp-socket';
import { HttpError, sendHtml } from '../http-kit';
import type { SessionStore } from '../sessions';

export interface CcpRoutesOptions {
  sessions: SessionStore;
  sockets: CcpSockets;
  ccpHtml: string;
  ccpJs: string;
}

const CCP_PAGE_POLICY = "default-src 'self'; connect-src 'self'; style-src 'unsafe-inline'";

/**
 * WebSockets ignore the same-origin policy: only the CCP page of this very origin may connect. (A page framed
 * by an extension has its own origin here, so Origin still names the CCP page.)
 */
async function refuseOtherOrigins(request: FastifyRequest): Promise<void> {
  const origin = request.headers.origin;
  if (!origin) return;
  let originHost: string | null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost !== request.headers.host) throw new HttpError(403, 'only the CCP page of this contact center may open its socket', 'Forbidden');
}

export const ccpRoutes: FastifyPluginAsyncTypebox<CcpRoutesOptions> = async (app, { sessions, sockets, ccpHtml, ccpJs }) => {
  for (const url of ['/ccp-v2', '/ccp-v2/index.html']) {
    app.get(url, async (_request, reply) => sendHtml(reply, 200, ccpHtml, { 'Content-Security-Policy': CCP_PAGE_POLICY }));
  }

  app.get('/ccp-v2/ccp-page.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(ccpJs));

  app.get('/ccp-v2/authorize', async (request) => {
    // Only the CCP page itself may trade its cookie for a socket ticket.
    const site = request.headers['sec-fetch-site'];
    if (site && site !== 'same-origin') throw new HttpError(403, 'only the CCP page may ask for a socket ticket', 'Forbidden');
    const agentId = sessions.agentFor(request);
    return { signedIn: agentId !== null, ticket: agentId ? sessions.issueTicket(agentId) : null };
  });

  app.get('/ccp-v2/socket', { websocket: true, onRequest: refuseOtherOrigins }, (socket, request) => sockets.accept(socket, request.raw));
};

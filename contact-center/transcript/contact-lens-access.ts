// Who may call the Contact Lens routes and open the live stream: the same callers as Cases (cases-access.ts), whose
// guard this reuses: a SigV4-signed backend without Origin, or the signed-in agent's session from the browser
// extension (credentialed CORS) or the instance's own origin. Refusals are reworded for Contact Lens.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { callerOf, casesGuard, type CasesCaller } from '../cases/cases-access';
import { AwsRequestError } from '../server/routes/aws-shaped-scope';
import { isExtensionOrigin } from '../server/security';
import type { SessionStore } from '../server/sessions';

export type ContactLensCaller = CasesCaller;

const OTHER_PAGES = 'Only the browser extension and the contact center’s own pages, with the signed-in agent’s session, or a SigV4-signed backend may read transcripts; other web pages may not.';

/** The onRequest hook of the Contact Lens scope; preflights pass (answered by `answerContactLensPreflight`). */
export function contactLensGuard(sessions: SessionStore) {
  const guard = casesGuard(sessions);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    try {
      await guard(request, reply);
    } catch (error) {
      if (!(error instanceof AwsRequestError) || error.type !== 'AccessDeniedException') throw error;
      throw new AwsRequestError(403, 'AccessDeniedException', error.message.includes('other web pages') ? OTHER_PAGES : error.message);
    }
  };
}

/** The answer to a CORS preflight: for the extension's origins only (the guard refused the others). */
export async function answerContactLensPreflight(request: FastifyRequest, reply: FastifyReply) {
  if (!isExtensionOrigin(request.headers.origin)) throw new AwsRequestError(403, 'AccessDeniedException', OTHER_PAGES);
  const asked = request.headers['access-control-request-headers'];
  // The live stream is a GET: EventSource asks before it sends Last-Event-ID to another origin.
  return reply
    .header('Access-Control-Allow-Methods', 'GET, POST')
    .header('Access-Control-Allow-Headers', typeof asked === 'string' ? asked : 'content-type')
    .header('Access-Control-Allow-Private-Network', 'true')
    .header('Access-Control-Max-Age', '600')
    .code(204)
    .send();
}

export function contactLensCallerOf(request: FastifyRequest): ContactLensCaller {
  return callerOf(request);
}

// Who may call the Cases routes. A backend on loopback whose request is SigV4-signed (any credentials, as for
// StartTaskContact) and carries no Origin (the AWS SDKs send none); or the signed-in agent's session cookie, from the
// browser extension (an Origin of chrome-extension:// or moz-extension://, which no web page can send) or from the
// instance's own origin. Any other web page is refused with AccessDeniedException before its body is read, and gets
// no CORS headers, so it can neither read nor change cases. The extension's origins get credentialed CORS.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasOwnOrigin, isExtensionOrigin } from '../server/security';
import type { SessionStore } from '../server/sessions';
import { accessDenied } from './cases-model';

export type CasesCaller = { kind: 'backend' } | { kind: 'agent'; agentId: string };

const SIGV4 = /^AWS4-HMAC-SHA256 Credential=[^\s,]+\/\d{8}\/[^\s,/]+\/[^\s,/]+\/aws4_request, ?SignedHeaders=[^\s,]+, ?Signature=[0-9a-f]{64}$/;
const EXPOSED_HEADERS = 'x-amzn-errortype, x-amzn-requestid';

const refusedPage = () =>
  accessDenied('Only the browser extension and the contact center’s own pages, with the signed-in agent’s session, or a SigV4-signed backend may call Cases; other web pages may not read or change cases.');

/** Refuses web pages of other origins; for the extension's origins, sets the CORS headers that let it read answers. */
function checkOrigin(request: FastifyRequest, reply: FastifyReply): { extension: boolean; own: boolean } {
  const origin = request.headers.origin;
  const extension = isExtensionOrigin(origin);
  const own = !extension && hasOwnOrigin(request);
  if (origin !== undefined && !extension && !own) throw refusedPage();
  // A page of another site, or of another port of this host (same-site), is marked so by the browser.
  const site = request.headers['sec-fetch-site'];
  if (!extension && site !== undefined && site !== 'same-origin' && site !== 'none') throw refusedPage();
  if (extension) {
    void reply
      .header('Access-Control-Allow-Origin', origin)
      .header('Access-Control-Allow-Credentials', 'true')
      .header('Access-Control-Expose-Headers', EXPOSED_HEADERS)
      .header('Vary', 'Origin');
  }
  return { extension, own };
}

/** The caller of a request that passed the guard. */
const callers = new WeakMap<FastifyRequest, CasesCaller>();

export function callerOf(request: FastifyRequest): CasesCaller {
  return callers.get(request) ?? { kind: 'backend' };
}

/** The onRequest hook of the Cases scope. Preflights are answered by `answerPreflight` and need no session. */
export function casesGuard(sessions: SessionStore) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    checkOrigin(request, reply);
    if (request.method === 'OPTIONS') return;
    const agentId = sessions.agentFor(request);
    if (agentId !== null) {
      callers.set(request, { kind: 'agent', agentId });
      return;
    }
    const authorization = request.headers.authorization;
    if (request.headers.origin === undefined && typeof authorization === 'string' && SIGV4.test(authorization)) {
      callers.set(request, { kind: 'backend' });
      return;
    }
    throw accessDenied(
      request.headers.origin === undefined
        ? 'Sign the request with SigV4 (any credentials are accepted on loopback) or send the signed-in agent’s session cookie.'
        : 'No agent is signed in: sign in to the contact center (/connect/login) first.',
    );
  };
}

/** The answer to a CORS preflight: allowed for the extension's origins only (checkOrigin refused the others). */
export async function answerPreflight(request: FastifyRequest, reply: FastifyReply) {
  if (!isExtensionOrigin(request.headers.origin)) throw refusedPage();
  const asked = request.headers['access-control-request-headers'];
  void reply
    .header('Access-Control-Allow-Methods', 'POST, PUT')
    .header('Access-Control-Allow-Headers', typeof asked === 'string' ? asked : 'content-type')
    .header('Access-Control-Allow-Private-Network', 'true')
    .header('Access-Control-Max-Age', '600');
  return reply.code(204).send();
}

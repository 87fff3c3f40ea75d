// `POST /agent-app/api`: the agent-app proxy Amazon Connect gives its browser agent apps, here for Customer
// Profiles and Amazon Q in Connect. `x-amz-target: AgentAppService.CustomerProfiles.<operation>` names a Customer
// Profiles operation (lower camel case, as the official client sends it; the body is the API's, DomainName
// included); `AgentAppService.WisdomV2.<operation>` and `AgentAppService.Acs.describeContact` are Q in Connect's
// (contact-center/qconnect/qconnect-agent-app.ts, the bodies amazon-q-connectjs sends). Only the
// signed-in agent's own pages may call it: the session cookie the login form set, and no other origin (a web page
// in the agent's browser is refused before its body is read). Answers and refusals are in the API's shapes.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { callCustomerProfiles, CUSTOMER_PROFILES_OPERATIONS, isCustomerProfilesOperation } from '../../profiles/customer-profiles-service';
import type { ProfilesContext } from '../../profiles/profile-model';
import { callQConnectAgentApp, qconnectTargetOf } from '../../qconnect/qconnect-agent-app';
import type { QConnectService } from '../../qconnect/qconnect-service';
import type { SessionStore } from '../sessions';
import { AwsRequestError, useAwsShape } from './aws-shaped-scope';

export const AGENT_APP_API_PATH = '/agent-app/api';
export const CUSTOMER_PROFILES_TARGET_PREFIX = 'AgentAppService.CustomerProfiles.';

export interface AgentAppApiOptions extends ProfilesContext {
  sessions: SessionStore;
  log: (line: string) => void;
  /** Amazon Q in Connect (the WisdomV2 and Acs targets). */
  qconnect: QConnectService;
}

const WRITES = new Set(['createProfile', 'updateProfile', 'addProfileKey']);

/**
 * Refuses what a web page of another origin sends: its Origin names another host, or the browser marks it
 * cross-origin. (Pages of other ports on 127.0.0.1 are the same site, so the SameSite cookie alone would not stop
 * them.) Requests with neither header come from programs, which still need the agent's session.
 */
function assertOwnOrigin(request: FastifyRequest): void {
  const forbidden = () =>
    new AwsRequestError(403, 'AccessDeniedException', 'Only the contact center’s own pages (its /customerprofiles-v2 and /wisdom-v2 pages) may call /agent-app/api; other web pages may not read or change profiles or knowledge.');
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') throw forbidden();
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let originHost: string | null;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    originHost = null;
  }
  if (originHost === null || originHost !== (request.headers.host ?? '').toLowerCase()) throw forbidden();
}

/** The operation of the x-amz-target header. */
export function operationOf(target: string | string[] | undefined) {
  const value = Array.isArray(target) ? target[0] : target;
  const operation = value?.startsWith(CUSTOMER_PROFILES_TARGET_PREFIX) ? value.slice(CUSTOMER_PROFILES_TARGET_PREFIX.length) : null;
  if (operation === null || !isCustomerProfilesOperation(operation)) {
    throw new AwsRequestError(
      400,
      'UnknownOperationException',
      `x-amz-target must be ${CUSTOMER_PROFILES_TARGET_PREFIX}<operation>, the operation one of ${CUSTOMER_PROFILES_OPERATIONS.join(', ')}, or AgentAppService.WisdomV2.<operation> or AgentAppService.Acs.describeContact; got ${JSON.stringify(value ?? null)}.`,
    );
  }
  return operation;
}

export const agentAppApiRoutes: FastifyPluginAsyncTypebox<AgentAppApiOptions> = async (app, options) => {
  const { sessions, log } = options;
  const context: ProfilesContext = { db: options.db, config: options.config, now: options.now };
  useAwsShape(app, { validationType: 'BadRequestException', log, cors: false });
  // JSON only (the loopback app parses it), as the client sends it; anything else is refused by name.
  app.addContentTypeParser('*', (_request, _payload, done) => {
    done(new AwsRequestError(415, 'BadRequestException', 'Send the operation’s body as JSON, with Content-Type: application/json.'), undefined);
  });

  const agentOf = new WeakMap<FastifyRequest, string>();
  // Origin and session are checked before the body is read, so a refused caller learns nothing from parse errors.
  const guard = async (request: FastifyRequest, _reply: FastifyReply) => {
    assertOwnOrigin(request);
    const agentId = sessions.agentFor(request);
    if (agentId === null) throw new AwsRequestError(401, 'UnauthorizedException', 'No agent is signed in: sign in to the contact center (/connect/login) first.');
    agentOf.set(request, agentId);
  };

  app.post(AGENT_APP_API_PATH, { onRequest: guard }, async (request, reply) => {
    const target = request.headers['x-amz-target'];
    const qconnectTarget = typeof target === 'string' ? qconnectTargetOf(target) : null;
    if (qconnectTarget !== null) {
      const gone = new AbortController();
      // The response closing before it was sent means the caller went away: a long poll then stops waiting.
      reply.raw.once('close', () => gone.abort());
      return callQConnectAgentApp(options.qconnect, options.config, { target: qconnectTarget, body: request.body, agentId: agentOf.get(request) ?? '', signal: gone.signal });
    }
    const operation = operationOf(target);
    const answer = callCustomerProfiles(context, operation, request.body);
    if (WRITES.has(operation)) log(`customer profiles: ${operation} by ${agentOf.get(request) ?? 'an agent'}`);
    return answer;
  });
};

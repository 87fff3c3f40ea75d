// Amazon Q in Connect on its public REST routes and shapes, below /qconnect (the AWS SDK's endpoint
// `<baseUrl>/qconnect` reaches `/qconnect/assistants/{assistantId}/…`): QueryAssistant, GetRecommendations (long poll),
// NotifyRecommendationsReceived, PutFeedback, GetSession, GetContent and SearchContent; plus the signed URL of a
// content's Markdown body that GetContent hands out. Callers are checked as for Cases (cases-access.ts: a SigV4
// backend, or the signed-in agent's session from the extension or this origin); refusals are in restJson1's shape.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerPreflight, callerOf, casesGuard } from '../cases/cases-access';
import { asAwsError, AwsRequestError } from '../server/routes/aws-shaped-scope';
import { hasOwnOrigin, isExtensionOrigin } from '../server/security';
import type { SessionStore } from '../server/sessions';
import { CONTENT_BODY_ROUTE } from './content-urls';
import { readGetContent, readGetRecommendations, readNotify, readPutFeedback, readQueryAssistant, readSearchContent, readSession } from './qconnect-inputs';
import { QConnectError } from './qconnect-model';
import type { QConnectService } from './qconnect-service';

export interface QConnectRoutesOptions {
  service: QConnectService;
  sessions: SessionStore;
  log: (line: string) => void;
}

type Params = Record<string, string>;

function sendQConnectError(reply: FastifyReply, error: unknown, log: (line: string) => void, request: FastifyRequest): void {
  const known = asAwsError(error, 'ValidationException');
  if (known === null) log(`internal error on ${request.method} ${request.url}: ${(error as Error).message}`);
  const { status, type, message } = known ?? { status: 500, type: 'InternalServerException', message: 'internal error in the local contact center' };
  const resourceName = error instanceof QConnectError ? error.resourceName : undefined;
  void reply.code(status).header('x-amzn-errortype', type).send(resourceName === undefined ? { message } : { message, resourceName });
}

/** The Cases guard's refusals, told in Amazon Q in Connect's words. */
function refusalFor(request: FastifyRequest, original: AwsRequestError): QConnectError {
  const origin = request.headers.origin;
  const trusted = origin === undefined || isExtensionOrigin(origin) || hasOwnOrigin(request);
  const site = request.headers['sec-fetch-site'];
  const otherSite = !isExtensionOrigin(origin) && site !== undefined && site !== 'same-origin' && site !== 'none';
  if (!trusted || otherSite || /other web pages/.test(original.message)) {
    return new QConnectError(403, 'AccessDeniedException', 'Only the browser extension and the contact center’s own pages, with the signed-in agent’s session, or a SigV4-signed backend may call Amazon Q in Connect; other web pages may not read knowledge or recommendations.');
  }
  if (origin === undefined) return new QConnectError(403, 'AccessDeniedException', 'Sign the request with SigV4 (any credentials are accepted on loopback) or send the signed-in agent’s session cookie.');
  return new QConnectError(403, 'AccessDeniedException', 'No agent is signed in: sign in to the contact center (/connect/login) first.');
}

function inOwnWords(check: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      return await check(request, reply);
    } catch (error) {
      if (error instanceof AwsRequestError && error.type === 'AccessDeniedException') throw refusalFor(request, error);
      throw error;
    }
  };
}

const ROUTES = {
  query: '/assistants/:assistantId/query',
  recommendations: '/assistants/:assistantId/sessions/:sessionId/recommendations',
  notify: '/assistants/:assistantId/sessions/:sessionId/recommendations/notify',
  feedback: '/assistants/:assistantId/feedback',
  session: '/assistants/:assistantId/sessions/:sessionId',
  content: '/knowledgeBases/:knowledgeBaseId/contents/:contentId',
  search: '/knowledgeBases/:knowledgeBaseId/search',
} as const;

/** The operations, for the SigV4 backend and the agent's extension. */
const apiRoutes: FastifyPluginAsyncTypebox<QConnectRoutesOptions> = async (app, { service, sessions, log }) => {
  app.addHook('onRequest', async (_request, reply) => {
    void reply.header('x-amzn-requestid', randomUUID());
  });
  app.addHook('onRequest', inOwnWords(casesGuard(sessions)));
  app.setErrorHandler((error, request, reply) => sendQConnectError(reply, error, log, request));
  app.setNotFoundHandler(async (request) => {
    throw new QConnectError(404, 'UnknownOperationException', `Amazon Q in Connect has no operation at ${request.method} ${request.url.split('?')[0]} here.`);
  });
  for (const url of Object.values(ROUTES)) app.options(url, inOwnWords(answerPreflight));

  const params = (request: FastifyRequest) => request.params as Params;
  const query = (request: FastifyRequest) => request.query as Params;
  const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
  const agentOf = (request: FastifyRequest) => {
    const caller = callerOf(request);
    return caller.kind === 'agent' ? caller.agentId : null;
  };

  app.post(ROUTES.query, async (request) => service.queryAssistant(readQueryAssistant({ ...body(request), ...params(request) })));
  app.get(ROUTES.recommendations, async (request, reply) => {
    const gone = new AbortController();
    reply.raw.once('close', () => gone.abort());
    return service.getRecommendations(readGetRecommendations({ ...query(request), ...params(request) }), gone.signal);
  });
  app.post(ROUTES.notify, async (request) => service.notifyRecommendationsReceived(readNotify({ ...body(request), ...params(request) })));
  app.put(ROUTES.feedback, async (request) => {
    const answer = service.putFeedback(readPutFeedback({ ...body(request), ...params(request) }), agentOf(request));
    log(`q in connect: feedback ${answer.contentFeedback.generativeContentFeedbackData.relevance} on ${answer.targetType.toLowerCase()} ${answer.targetId} by ${agentOf(request) ?? 'a backend'}`);
    return answer;
  });
  app.get(ROUTES.session, async (request) => service.getSession(readSession(params(request), 'GetSession')));
  app.get(ROUTES.content, async (request) => service.getContent(readGetContent(params(request))));
  app.post(ROUTES.search, async (request) => service.searchContent(readSearchContent({ ...body(request), ...query(request), ...params(request) })));
};

/** A content's Markdown body at the signed URL GetContent gave: no credentials needed until it expires. */
const contentBodyRoute: FastifyPluginAsyncTypebox<QConnectRoutesOptions> = async (app, { service, log }) => {
  app.setErrorHandler((error, request, reply) => sendQConnectError(reply, error, log, request));
  app.get(CONTENT_BODY_ROUTE, async (request, reply) => {
    const { knowledgeBaseId, contentId } = request.params as Params;
    const { expires, signature } = request.query as Params;
    const refused = service.contentUrls.refusal(knowledgeBaseId!, contentId!, expires, signature);
    if (refused !== null) {
      throw new QConnectError(403, 'AccessDeniedException', refused === 'expired' ? 'This content URL has expired: ask GetContent for a new one.' : 'This content URL is not one GetContent gave (its signature does not match).');
    }
    const markdown = service.contentBody({ knowledgeBaseId: knowledgeBaseId!, contentId: contentId! });
    const origin = request.headers.origin;
    if (isExtensionOrigin(origin)) void reply.header('Access-Control-Allow-Origin', origin).header('Vary', 'Origin');
    return reply.header('Cache-Control', 'private, max-age=300').header('x-amzn-requestid', randomUUID()).type('text/markdown; charset=utf-8').send(markdown);
  });
};

export const qconnectRoutes: FastifyPluginAsyncTypebox<QConnectRoutesOptions> = async (app, { service, sessions, log }) => {
  // Not `options` itself: it carries the prefix, which the children would add a second time.
  await app.register(contentBodyRoute, { service, sessions, log });
  await app.register(apiRoutes, { service, sessions, log });
};

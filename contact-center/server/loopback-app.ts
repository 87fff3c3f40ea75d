// The Fastify instance both local servers (the contact center and the demo CRM) are built on, with the rules
// every route gets without asking: loopback Host names only (DNS-rebinding guard), the security headers, JSON
// object bodies only (415 for other types, 413 over 256 KB), TypeBox validation with readable 400s, 405 for a
// known path with another method, and every error answered in one shape, never a stack trace.

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyBodyParser, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HttpError, MAX_BODY_BYTES, SECURITY_HEADERS } from './http-kit';
import { compileTypeBoxValidator } from './schema-validation';
import { assertLoopbackHost } from './security';

export type LoopbackApp = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route also accepts a browser extension's worker across origins (security.ts isFromBrowserExtension). */
    acceptsExtensionWorker?: boolean;
  }
}

export interface LoopbackAppOptions {
  /** Where unexpected errors are told (the client only gets "internal error"). */
  log: (line: string) => void;
  /** Says what an unexpected error was in, e.g. "the contact center". */
  serviceName: string;
  /** The 404 for a path no route serves. */
  notFound(method: string, path: string): HttpError;
  /** Sends an error answer; default the API's JSON `{ error: { code, message } }`. */
  sendError?(reply: FastifyReply, error: HttpError): void;
}

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export function sendJsonError(reply: FastifyReply, error: HttpError): void {
  void reply.code(error.status).send({ error: { code: error.code, message: error.message } });
}

export const requestIsJson = (request: FastifyRequest): boolean => (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';

const notJson = () => new HttpError(415, 'the request body must be JSON (Content-Type: application/json)', 'UnsupportedMediaType');

/** Fastify's own errors (body parsing, bad URLs) in the API's words. */
function asHttpError(error: FastifyError): HttpError | null {
  if (error instanceof HttpError) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return notJson();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, `request body is larger than ${MAX_BODY_BYTES} bytes`, 'PayloadTooLarge');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'the request body is not valid JSON');
    case 'FST_ERR_BAD_URL':
      return new HttpError(400, 'the URL is not valid (a part of it is not properly percent-encoded)');
    default:
      break;
  }
  const status = error.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? new HttpError(status, error.message) : null;
}

/** An empty JSON body is `{}`; anything but a JSON object is a 400 (prototype-poisoning keys included). */
function jsonObjectParser(parseJson: FastifyBodyParser<string>): FastifyBodyParser<string> {
  return (request, body, done) => {
    if (body.trim() === '') {
      done(null, {});
      return;
    }
    void parseJson(request, body, (error: Error | null, value?: unknown) => {
      if (error) done(new HttpError(400, 'the request body is not valid JSON'), undefined);
      else if (typeof value !== 'object' || value === null || Array.isArray(value)) done(new HttpError(400, 'the request body must be a JSON object'), undefined);
      else done(null, value);
    });
  };
}

/**
 * A Fastify app with the rules above. `registerRoutes` adds the plugins; afterwards every path they serve answers
 * 405 ("use POST") to the methods it does not take.
 */
export function createLoopbackApp(options: LoopbackAppOptions, registerRoutes: (app: LoopbackApp) => void): LoopbackApp {
  const sendError = options.sendError ?? sendJsonError;
  const app: LoopbackApp = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    forceCloseConnections: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    // A malformed URL is refused by the router before any hook runs: answer it in the same shape.
    frameworkErrors: (error, _request, reply) => sendError(reply.headers(SECURITY_HEADERS), asHttpError(error) ?? new HttpError(400, error.message)),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(compileTypeBoxValidator);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, jsonObjectParser(app.getDefaultJsonParser('error', 'error')));

  app.addHook('onRequest', async (request) => assertLoopbackHost(request));
  app.addHook('preValidation', async (request) => {
    // A route with a body schema takes JSON only, even when nothing is sent.
    if (request.routeOptions.schema?.body === undefined || request.body !== undefined) return;
    if (!requestIsJson(request)) throw notJson();
    request.body = {};
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(name)) void reply.header(name, value);
    return payload;
  });
  app.addHook('onResponse', async (request) => {
    // A WebSocket upgrade refused with an HTTP answer (Host, Origin, no such route): nothing more may come on that
    // connection. Accepted upgrades are hijacked and never get here.
    if (request.headers.upgrade !== undefined) request.raw.socket?.destroy();
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = asHttpError(error);
    if (known === null) options.log(`internal error on ${request.method} ${request.url}: ${error.message}`);
    sendError(reply, known ?? new HttpError(500, `internal error in ${options.serviceName}`, 'InternalError'));
  });
  app.setNotFoundHandler(async (request) => {
    throw options.notFound(request.method, request.url.split('?')[0] ?? '/');
  });

  const methodsByPath = new Map<string, Set<string>>();
  app.addHook('onRoute', (route) => {
    if (route.config?.answersMethodNotAllowed) return;
    const methods = methodsByPath.get(route.url) ?? new Set<string>();
    for (const method of [route.method].flat()) methods.add(method);
    methodsByPath.set(route.url, methods);
  });
  registerRoutes(app);
  // Registered last, so that every route above is known.
  app.register(async (scope) => {
    for (const [url, methods] of methodsByPath) {
      const others = HTTP_METHODS.filter((m) => !methods.has(m));
      if (others.length === 0) continue;
      const use = `use ${[...methods].filter((m) => m !== 'HEAD').join(' or ')}`;
      scope.route({
        method: others,
        url,
        config: { answersMethodNotAllowed: true },
        handler: async () => {
          throw new HttpError(405, use, 'MethodNotAllowed');
        },
      });
    }
  });
  return app;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on the 405 routes that createLoopbackApp adds. */
    answersMethodNotAllowed?: boolean;
  }
}

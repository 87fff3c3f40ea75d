// What the AWS-shaped routes (Amazon Connect's StartChatContact, the ConnectParticipant service) share: errors
// in AWS's restJson1 shape (x-amzn-errortype header and {__type, message} body, which the AWS SDKs and ChatJS
// parse into their exception classes), and CORS for callers in other origins (ChatJS in a web page or in the
// extension), as AWS's own endpoints allow. Each use is a Fastify scope, so the rest keeps its no-CORS rule.

import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ChatError, CHAT_ERROR_STATUS } from '../../chat/chat-errors';
import { EngineError } from '../../routing/errors';
import { HttpError } from '../http-kit';
import type { LoopbackApp } from '../loopback-app';

export interface AwsError {
  status: number;
  type: string;
  message: string;
}

export function sendAwsError(reply: FastifyReply, error: AwsError): void {
  if (!reply.hasHeader('x-amzn-requestid')) void reply.header('x-amzn-requestid', randomUUID());
  void reply.code(error.status).header('x-amzn-errortype', error.type).send({ __type: error.type, message: error.message, Message: error.message });
}

/** A refusal named as the AWS service names it. */
export class AwsRequestError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const ENGINE_STATUS: Record<string, number> = { ResourceNotFoundException: 404, InvalidStateException: 409 };

/** Any refusal of ours as AWS names it; `validationType` is the service's name for a malformed request. */
export function asAwsError(error: unknown, validationType: string): AwsError | null {
  if (error instanceof AwsRequestError) return { status: error.status, type: error.type, message: error.message };
  if (error instanceof ChatError) return { status: CHAT_ERROR_STATUS[error.code], type: error.code, message: error.message };
  if (error instanceof EngineError) return { status: ENGINE_STATUS[error.code] ?? 400, type: error.code, message: error.message };
  if (error instanceof HttpError) {
    const generic = ['BadRequest', 'UnsupportedMediaType', 'PayloadTooLarge'].includes(error.code);
    return { status: error.status, type: generic ? validationType : error.code, message: error.message };
  }
  const status = (error as FastifyError)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return { status, type: validationType, message: (error as Error).message };
  return null;
}

export interface AwsScopeOptions {
  /** The service's exception for a malformed request: ValidationException (participant), InvalidRequestException (Connect). */
  validationType: string;
  log: (line: string) => void;
  /** Answer CORS: any origin, as AWS's endpoints do (the calls carry their own bearer token or credentials). */
  cors: boolean;
}

const EXPOSED_HEADERS = 'x-amzn-errortype, x-amzn-requestid';

function corsHeaders(request: FastifyRequest, reply: FastifyReply): void {
  const origin = request.headers.origin;
  if (!origin) return;
  void reply.header('Access-Control-Allow-Origin', origin).header('Vary', 'Origin').header('Access-Control-Expose-Headers', EXPOSED_HEADERS);
}

/** Fastify hooks in the callback form: no promise per request on the chat's busiest routes. */
type RequestHook = (request: FastifyRequest, reply: FastifyReply, done: () => void) => void;

/** Sets the scope's error handler and request ids (the SDKs report them as $metadata.requestId) and, with `cors`,
 *  its CORS headers and preflight answers for `paths`. */
export function useAwsShape(scope: LoopbackApp, options: AwsScopeOptions, preflightPaths: string[] = []): void {
  const onRequest: RequestHook = (request, reply, done) => {
    void reply.header('x-amzn-requestid', randomUUID());
    if (options.cors) corsHeaders(request, reply);
    done();
  };
  scope.addHook('onRequest', onRequest);
  scope.setErrorHandler((error, request, reply) => {
    const known = asAwsError(error, options.validationType);
    if (known === null) options.log(`internal error on ${request.method} ${request.url}: ${(error as Error).message}`);
    sendAwsError(reply, known ?? { status: 500, type: 'InternalServerException', message: 'internal error in the local contact center' });
  });
  if (!options.cors) return;
  for (const url of preflightPaths) {
    scope.options(url, async (request, reply) => {
      const asked = request.headers['access-control-request-headers'];
      void reply
        .header('Access-Control-Allow-Methods', 'GET, POST, PUT')
        .header('Access-Control-Allow-Headers', typeof asked === 'string' ? asked : 'content-type')
        .header('Access-Control-Allow-Private-Network', 'true')
        .header('Access-Control-Max-Age', '600');
      return reply.code(204).send();
    });
  }
}

/** The bearer token of a ConnectParticipant call (X-Amz-Bearer). */
export function bearerOf(request: FastifyRequest): string {
  const value = request.headers['x-amz-bearer'];
  if (typeof value !== 'string' || value.length === 0) throw new ChatError('AccessDeniedException', 'The X-Amz-Bearer header with a participant or connection token is missing.');
  return value;
}

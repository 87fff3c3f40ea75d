// Amazon Connect's participant service (ConnectParticipant) on its real routes and shapes, for ChatJS and the AWS
// SDK: every call is a POST with X-Amz-Bearer (the participant token for CreateParticipantConnection, the
// connection token otherwise); plus the presigned-style attachment upload (PUT) and download (GET) URLs and the
// customer's WebSocket (participant-socket.ts). Errors and CORS as AWS answers them (aws-shaped-scope.ts).

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ChatService } from '../../chat/chat-service';
import { HttpError } from '../http-kit';
import { bearerOf, useAwsShape } from './aws-shaped-scope';
import { participantSocketRoute } from './participant-socket';

export interface ParticipantServiceOptions {
  chat: ChatService;
  log: (line: string) => void;
}

/** Amazon Connect's attachment size limit (20 MB), the body limit of the upload route. */
const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const ClientToken = Type.Optional(Type.String({ errorMessage: 'ClientToken must be a string' }));

const CreateConnection = Type.Object({
  Type: Type.Optional(Type.Array(Type.String(), { errorMessage: 'Type must be a list of WEBSOCKET and CONNECTION_CREDENTIALS' })),
  ConnectParticipant: Type.Optional(Type.Boolean({ errorMessage: 'ConnectParticipant must be true or false' })),
});
const SendMessage = Type.Object({
  ContentType: Type.String({ errorMessage: 'ContentType must be a string such as text/plain' }),
  Content: Type.String({ errorMessage: 'Content must be a string' }),
  ClientToken,
});
const SendEvent = Type.Object({
  ContentType: Type.String({ errorMessage: 'ContentType must be an event content type' }),
  Content: Type.Optional(Type.String({ errorMessage: 'Content must be a string' })),
  ClientToken,
});
const GetTranscript = Type.Object({
  ContactId: Type.Optional(Type.String()),
  MaxResults: Type.Optional(Type.Integer({ errorMessage: 'MaxResults must be a whole number' })),
  NextToken: Type.Optional(Type.String()),
  ScanDirection: Type.Optional(Type.String()),
  SortOrder: Type.Optional(Type.String()),
  StartPosition: Type.Optional(
    Type.Object({ Id: Type.Optional(Type.String()), AbsoluteTime: Type.Optional(Type.String()), MostRecent: Type.Optional(Type.Integer()) }, { errorMessage: 'StartPosition must be an object with Id, AbsoluteTime or MostRecent' }),
  ),
});
const Disconnect = Type.Object({ ClientToken });
const StartUpload = Type.Object({
  ContentType: Type.String({ errorMessage: 'ContentType must be the attachment MIME type' }),
  AttachmentName: Type.String({ errorMessage: 'AttachmentName must be a string' }),
  AttachmentSizeInBytes: Type.Integer({ errorMessage: 'AttachmentSizeInBytes must be a whole number' }),
  ClientToken: Type.String({ errorMessage: 'ClientToken is required' }),
});
const CompleteUpload = Type.Object({
  AttachmentIds: Type.Array(Type.String(), { errorMessage: 'AttachmentIds must be a list of attachment ids' }),
  ClientToken: Type.String({ errorMessage: 'ClientToken is required' }),
});
const GetAttachment = Type.Object({
  AttachmentId: Type.String({ errorMessage: 'AttachmentId must be a string' }),
  UrlExpiryInSeconds: Type.Optional(Type.Integer({ errorMessage: 'UrlExpiryInSeconds must be a whole number' })),
});
const TokenParams = Type.Object({ token: Type.String() });

export const PARTICIPANT_PATHS = [
  '/participant/connection',
  '/participant/message',
  '/participant/event',
  '/participant/transcript',
  '/participant/disconnect',
  '/participant/start-attachment-upload',
  '/participant/complete-attachment-upload',
  '/participant/attachment',
];

export const participantServiceRoutes: FastifyPluginAsyncTypebox<ParticipantServiceOptions> = async (app, { chat, log }) => {
  useAwsShape(app, { validationType: 'ValidationException', log, cors: true }, [...PARTICIPANT_PATHS, '/attachments/upload/:token', '/attachments/download/:token']);
  // Chat writes are committed once per event-loop turn (ChatService.durable): no answer leaves before its commit.
  app.addHook('onSend', (_request, _reply, payload, done) => {
    chat.durable().then(
      () => done(null, payload),
      (error: Error) => done(error),
    );
  });

  app.post('/participant/connection', { schema: { body: CreateConnection } }, async (request) => chat.createParticipantConnection(bearerOf(request), request.body));
  app.post('/participant/message', { schema: { body: SendMessage } }, async (request) => chat.sendMessage(bearerOf(request), request.body));
  app.post('/participant/event', { schema: { body: SendEvent } }, async (request) => chat.sendEvent(bearerOf(request), request.body));
  app.post('/participant/transcript', { schema: { body: GetTranscript } }, async (request) => chat.getTranscript(bearerOf(request), request.body));
  app.post('/participant/disconnect', { schema: { body: Disconnect } }, async (request) => chat.disconnectParticipant(bearerOf(request), request.body));
  app.post('/participant/start-attachment-upload', { schema: { body: StartUpload } }, async (request) => chat.startAttachmentUpload(bearerOf(request), request.body));
  app.post('/participant/complete-attachment-upload', { schema: { body: CompleteUpload } }, async (request) => chat.completeAttachmentUpload(bearerOf(request), request.body));
  app.post('/participant/attachment', { schema: { body: GetAttachment } }, async (request) => chat.getAttachment(bearerOf(request), request.body));

  // The presigned-style URLs: the file itself, any content type, up to 20 MB, in this route only.
  app.register(async (files) => {
    files.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_request, body, done) => done(null, body));
    files.put('/attachments/upload/:token', { schema: { params: TokenParams }, bodyLimit: MAX_ATTACHMENT_BYTES }, async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new HttpError(400, 'the request body must be the file');
      chat.acceptAttachmentUpload((request.params as { token: string }).token, body, request.headers['content-type']);
      return reply.code(200).send({});
    });
  });
  app.get('/attachments/download/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    const file = chat.openAttachmentDownload(request.params.token);
    const asciiName = file.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
    return reply
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .send(file.bytes);
  });

  app.register(participantSocketRoute, { chat, log });
};

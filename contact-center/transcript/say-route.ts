// `POST /api/v1/contacts/{contactId}/transcript` with `{ "role": "CUSTOMER" | "AGENT", "text": "…" }`: a line said
// on a live call joins its transcript (201 with the segment). For the /demo/ customer pages (same origin), scripts,
// and the extension's worker with the signed-in agent's session (an agent may speak only on a call of their own).
// Refusals are the API's `{ error: { code, message } }`, with codes the extension translates (TranscriptError).
// `GET` on the same path lists a contact's segments so far (the demo page shows the conversation; scripts check it).

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { HttpError } from '../server/http-kit';
import { isFromBrowserExtension } from '../server/security';
import type { SessionStore } from '../server/sessions';
import { TranscriptError, type TranscriptService } from './transcript-service';

export interface SayRouteOptions {
  transcripts: TranscriptService;
  sessions: SessionStore;
}

/** role and text are checked by the service, which names what is wrong with its own error codes. */
const SayBody = Type.Object({ role: Type.Optional(Type.Unknown()), text: Type.Optional(Type.Unknown()) });
const ContactParams = Type.Object({ contactId: Type.String({ minLength: 1, maxLength: 256 }) });
/** `after`: the last sequence the caller has (a poller asks only for what is new). */
const ListQuery = Type.Object({ after: Type.Optional(Type.Integer({ minimum: 0, errorMessage: '"after" must be the sequence of a segment (a whole number)' })) });
const LIST_LIMIT = 1000;

export const sayRoute: FastifyPluginAsyncTypebox<SayRouteOptions> = async (app, { transcripts, sessions }) => {
  app.post(
    '/api/v1/contacts/:contactId/transcript',
    { schema: { params: ContactParams, body: SayBody }, config: { acceptsExtensionWorker: true } },
    async (request, reply) => {
      let agentId: string | null = null;
      if (isFromBrowserExtension(request)) {
        agentId = sessions.agentFor(request);
        if (agentId === null) throw new HttpError(401, 'no agent is signed in: sign in to the contact center (/connect/login) first', 'NotSignedIn');
      }
      try {
        return reply.code(201).send(transcripts.sayOnCall(request.params.contactId, request.body, agentId));
      } catch (error) {
        if (error instanceof TranscriptError) throw new HttpError(error.status, error.message, error.code);
        throw error;
      }
    },
  );

  app.get('/api/v1/contacts/:contactId/transcript', { schema: { params: ContactParams, querystring: ListQuery } }, async (request) => {
    const { contactId } = request.params;
    const contact = transcripts.contact(contactId);
    if (!contact) throw new HttpError(404, `contact ${contactId} does not exist`, 'ResourceNotFoundException');
    return { contactId, channel: contact.channel, ended: contact.ended, segments: transcripts.segments(contactId, request.query.after ?? 0, LIST_LIMIT) };
  });
};

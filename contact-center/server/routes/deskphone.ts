// Desk phone routes: `GET /deskphone/{number}` (the page), `…/state` (JSON), `…/events` (Server-Sent Events)
// and `POST …/answer` (picks up the ringing call), for a number in E.164 format.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { EngineError } from '../../routing/errors';
import { deskPhonePage, type DeskPhones } from '../deskphone';
import { HttpError, sendHtml } from '../http-kit';

export interface DeskPhoneRoutesOptions {
  deskPhones: DeskPhones;
}

const NumberParams = Type.Object({ number: Type.String() });

function e164(number: string): string {
  if (!/^\+[1-9]\d{6,14}$/.test(number)) throw new HttpError(400, `${number} is not a phone number in E.164 format (+81312345678)`);
  return number;
}

export const deskPhoneRoutes: FastifyPluginAsyncTypebox<DeskPhoneRoutesOptions> = async (app, { deskPhones }) => {
  const { engine } = deskPhones;

  app.get('/deskphone/:number', { schema: { params: NumberParams } }, async (request, reply) => sendHtml(reply, 200, deskPhonePage(e164(request.params.number))));

  app.get('/deskphone/:number/state', { schema: { params: NumberParams } }, async (request) => engine.deskPhone(e164(request.params.number)));

  app.get('/deskphone/:number/events', { schema: { params: NumberParams } }, async (request, reply) => {
    const number = e164(request.params.number);
    reply.hijack();
    deskPhones.stream(number, reply.raw);
  });

  app.post('/deskphone/:number/answer', { schema: { params: NumberParams, body: Type.Object({}) } }, async (request) => {
    const number = e164(request.params.number);
    try {
      engine.answerDeskPhone(number);
    } catch (error) {
      if (error instanceof EngineError) throw new HttpError(error.code === 'ResourceNotFoundException' ? 404 : 409, error.message, error.code);
      throw error;
    }
    return engine.deskPhone(number);
  });
};

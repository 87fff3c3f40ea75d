// The control API (JSON over HTTP on loopback) that demos and tests use to play the customer's side:
// start inbound calls, hang up as the customer, and read contacts, agents, contact records and reports.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Channel, ContactRecord } from '../../model';
import type { RoutingEngine } from '../../routing/engine';
import { EngineError } from '../../routing/errors';
import { HttpError } from '../http-kit';

export interface RecordSource {
  getRecord(contactId: string): ContactRecord | null;
  listRecords(query: { since?: number; agentId?: string; channel?: Channel; initialContactId?: string; limit?: number }): ContactRecord[];
  statusTime(window: { from: number; to: number }): { agentId: string; statusName: string; totalMs: number }[];
}

export interface ControlRoutesOptions {
  engine: RoutingEngine;
  records: RecordSource;
}

/** An engine refusal as the API's error: unknown things 404, wrong state 409, the rest 400. */
export function engineToHttp(error: unknown): never {
  if (error instanceof EngineError) {
    const status = error.code === 'ResourceNotFoundException' ? 404 : error.code === 'InvalidStateException' ? 409 : 400;
    throw new HttpError(status, error.message, error.code);
  }
  throw error;
}

const InboundCall = Type.Object({
  from: Type.String({ errorMessage: '"from" must be the caller number in E.164 format, e.g. "+81312345678"' }),
  queue: Type.Optional(Type.String({ errorMessage: '"queue" must be a queue id or name' })),
  attributes: Type.Optional(Type.Record(Type.String(), Type.String({ errorMessage: 'attribute "{key}" must have a string value' }), { errorMessage: '"attributes" must be an object of attribute names and string values' })),
});

/** Any JSON object: the routes that take a body they do not read still take JSON only. */
const AnyObject = Type.Object({});

const ContactParams = Type.Object({ contactId: Type.String() });

const nonNegative = (name: string) => Type.Optional(Type.Number({ minimum: 0, errorMessage: `${name} must be a non-negative number` }));

const RecordsQuery = Type.Object({
  since: nonNegative('since'),
  limit: nonNegative('limit'),
  agent: Type.Optional(Type.String()),
  channel: Type.Optional(Type.Union([Type.Literal('voice'), Type.Literal('chat'), Type.Literal('task')], { errorMessage: '"channel" must be voice, chat or task' })),
  initialContactId: Type.Optional(Type.String({ minLength: 1, errorMessage: '"initialContactId" must be a contact id' })),
});

const StatusTimeQuery = Type.Object({ from: nonNegative('from'), to: nonNegative('to') });

export const controlRoutes: FastifyPluginAsyncTypebox<ControlRoutesOptions> = async (app, { engine, records }) => {
  const queueId = (idOrName: string): string => {
    const q = engine.instance.queues.find((x) => x.id === idOrName || x.name === idOrName);
    if (!q) throw new HttpError(404, `queue ${idOrName} does not exist`, 'ResourceNotFoundException');
    return q.id;
  };

  app.post('/api/v1/inbound-calls', { schema: { body: InboundCall } }, async (request, reply) => {
    const { from, queue, attributes } = request.body;
    const queueIdOrNone = queue === undefined ? undefined : queueId(queue);
    try {
      return reply.code(201).send({ contactId: engine.startInboundCall({ from, queueId: queueIdOrNone, attributes }) });
    } catch (error) {
      return engineToHttp(error);
    }
  });

  app.post('/api/v1/contacts/:contactId/customer-hangup', { schema: { params: ContactParams, body: AnyObject } }, async (request) => {
    const { contactId } = request.params;
    try {
      engine.customerHangUp(contactId);
    } catch (error) {
      engineToHttp(error);
    }
    return { contactId, ok: true };
  });

  app.get('/api/v1/contacts/:contactId', { schema: { params: ContactParams } }, async (request) => {
    const { contactId } = request.params;
    if (engine.hasContact(contactId)) return engine.getContact(contactId);
    const record = records.getRecord(contactId);
    if (!record) throw new HttpError(404, `contact ${contactId} does not exist`, 'ResourceNotFoundException');
    return { contactId, state: record.state, queueId: record.queueId, agentId: record.agentId, participants: [], record };
  });

  app.get('/api/v1/agents', async () => ({ agents: engine.listAgents() }));

  app.get('/api/v1/contact-records', { schema: { querystring: RecordsQuery } }, async (request) => {
    const { since, agent, channel, initialContactId, limit } = request.query;
    return { records: records.listRecords({ since, agentId: agent, channel, initialContactId, limit: Math.min(limit ?? 100, 1000) }) };
  });

  app.get('/api/v1/reports/status-time', { schema: { querystring: StatusTimeQuery } }, async (request) => {
    const to = request.query.to ?? Date.now();
    const from = request.query.from ?? to - 24 * 3600 * 1000;
    if (from > to) throw new HttpError(400, '"from" must not be after "to"');
    return { from, to, totals: records.statusTime({ from, to }) };
  });

  app.get('/api/v1/queues', async () => ({
    queues: engine.instance.queues.map((q) => ({ id: q.id, name: q.name, names: q.names, waiting: engine.queueSize(q.id) })),
  }));
};

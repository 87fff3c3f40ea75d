// The control API (JSON over HTTP on loopback) that demos and tests use to play the customer's side:
// start inbound calls, hang up as the customer, and read contacts, agents and reports.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContactRecord } from '../model';
import type { RoutingEngine } from '../routing/engine';
import { EngineError } from '../routing/errors';
import { HttpError, readJsonObject, sendJson } from './http-kit';

export interface RecordSource {
  getRecord(contactId: string): ContactRecord | null;
  listRecords(query: { since?: number; agentId?: string; limit?: number }): ContactRecord[];
  statusTime(window: { from: number; to: number }): { agentId: string; statusName: string; totalMs: number }[];
}

function engineToHttp(error: unknown): never {
  if (error instanceof EngineError) {
    const status = error.code === 'ResourceNotFoundException' ? 404 : error.code === 'InvalidStateException' ? 409 : 400;
    throw new HttpError(status, error.message, error.code);
  }
  throw error;
}

function optionalNumber(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new HttpError(400, `${name} must be a non-negative number`);
  return n;
}

export class ControlApi {
  constructor(
    private readonly engine: RoutingEngine,
    private readonly records: RecordSource,
  ) {}

  /** Handles /api/v1/…; returns false when the path is not an API route. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const contactMatch = /^\/api\/v1\/contacts\/([^/]+)(\/customer-hangup)?$/.exec(path);

    if (path === '/api/v1/inbound-calls') {
      if (method !== 'POST') throw new HttpError(405, 'use POST', 'MethodNotAllowed');
      const body = await readJsonObject(req);
      if (typeof body.from !== 'string') throw new HttpError(400, '"from" must be the caller number in E.164 format, e.g. "+81312345678"');
      if (body.queue !== undefined && typeof body.queue !== 'string') throw new HttpError(400, '"queue" must be a queue id or name');
      const queueId = body.queue === undefined ? undefined : this.queueId(body.queue as string);
      try {
        const contactId = this.engine.startInboundCall({ from: body.from, queueId, attributes: body.attributes as Record<string, string> | undefined });
        sendJson(res, 201, { contactId });
      } catch (e) {
        engineToHttp(e);
      }
      return true;
    }
    if (contactMatch) {
      const contactId = decodeURIComponent(contactMatch[1]);
      if (contactMatch[2]) {
        if (method !== 'POST') throw new HttpError(405, 'use POST', 'MethodNotAllowed');
        await readJsonObject(req);
        try {
          this.engine.customerHangUp(contactId);
        } catch (e) {
          engineToHttp(e);
        }
        sendJson(res, 200, { contactId, ok: true });
        return true;
      }
      if (method !== 'GET') throw new HttpError(405, 'use GET', 'MethodNotAllowed');
      if (this.engine.hasContact(contactId)) {
        sendJson(res, 200, this.engine.getContact(contactId));
        return true;
      }
      const record = this.records.getRecord(contactId);
      if (!record) throw new HttpError(404, `contact ${contactId} does not exist`, 'ResourceNotFoundException');
      sendJson(res, 200, { contactId, state: record.state, queueId: record.queueId, agentId: record.agentId, participants: [], record });
      return true;
    }
    if (path === '/api/v1/agents' && method === 'GET') {
      sendJson(res, 200, { agents: this.engine.listAgents() });
      return true;
    }
    if (path === '/api/v1/contact-records' && method === 'GET') {
      const limit = optionalNumber(url, 'limit');
      sendJson(res, 200, {
        records: this.records.listRecords({ since: optionalNumber(url, 'since'), agentId: url.searchParams.get('agent') ?? undefined, limit: Math.min(limit ?? 100, 1000) }),
      });
      return true;
    }
    if (path === '/api/v1/reports/status-time' && method === 'GET') {
      const to = optionalNumber(url, 'to') ?? Date.now();
      const from = optionalNumber(url, 'from') ?? to - 24 * 3600 * 1000;
      if (from > to) throw new HttpError(400, '"from" must not be after "to"');
      sendJson(res, 200, { from, to, totals: this.records.statusTime({ from, to }) });
      return true;
    }
    if (path === '/api/v1/queues' && method === 'GET') {
      sendJson(res, 200, { queues: this.engine.instance.queues.map((q) => ({ id: q.id, name: q.name, names: q.names, waiting: this.engine.queueSize(q.id) })) });
      return true;
    }
    if (path.startsWith('/api/')) throw new HttpError(404, `no API route ${method} ${path}`, 'NotFound');
    return false;
  }

  private queueId(idOrName: string): string {
    const q = this.engine.instance.queues.find((x) => x.id === idOrName || x.name === idOrName);
    if (!q) throw new HttpError(404, `queue ${idOrName} does not exist`, 'ResourceNotFoundException');
    return q.id;
  }
}

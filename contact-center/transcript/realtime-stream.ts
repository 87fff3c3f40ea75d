// `GET /contact-lens/realtime-stream?ContactId=<id>`: a contact's transcript pushed live as Server-Sent Events (the
// local contact center's push variant of Contact Lens real-time analysis). First every segment so far (after
// Last-Event-ID, or the `lastEventId` query parameter, when resuming), then each new one, as `event: segment` with
// `id:` its sequence number and `data:` the voice-shaped Transcript with DisplayName and AbsoluteTime; then
// `event: completed` when the contact has ended, and the stream closes. Comments keep idle connections alive.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServerResponse } from 'node:http';
import { Type } from 'typebox';
import { AwsRequestError } from '../server/routes/aws-shaped-scope';
import type { StoredTranscriptSegment } from '../store/transcript-repository';
import { streamTranscript } from './contact-lens-shapes';
import type { TranscriptService } from './transcript-service';

export interface RealtimeStreamOptions {
  transcripts: TranscriptService;
  url: string;
  /** How often an idle stream gets a comment line (default 15 s). */
  heartbeatMs?: number;
}

export const DEFAULT_HEARTBEAT_MS = 15_000;
/** What EventSource waits before reconnecting after a dropped connection. */
const RETRY_MS = 2000;
/** How many stored segments are read at a time when catching up. */
const BACKFILL_PAGE = 500;

const StreamQuery = Type.Object({
  ContactId: Type.String({ minLength: 1, maxLength: 256, errorMessage: 'ContactId must be the contact id' }),
  lastEventId: Type.Optional(Type.String()),
});

/** The sequence a reconnecting client has seen (Last-Event-ID or ?lastEventId=), 0 for a new stream. */
function resumeAfter(header: string | string[] | undefined, query: string | undefined): number {
  const value = (Array.isArray(header) ? header[0] : header) ?? query;
  if (value === undefined || value.trim() === '') return 0;
  if (!/^\d{1,15}$/.test(value.trim())) {
    throw new AwsRequestError(400, 'InvalidRequestException', `Last-Event-ID must be the id of an event this stream sent (a whole number), not ${JSON.stringify(value)}.`);
  }
  return Number(value.trim());
}

/** One open stream: writes events and closes once, whoever closes it first (the contact, the client, the server). */
class SegmentStream {
  private lastSent: number;
  private closed = false;
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly response: ServerResponse,
    private readonly contactId: string,
    after: number,
    heartbeatMs: number,
  ) {
    this.lastSent = after;
    this.heartbeat = setInterval(() => this.write(': heartbeat\n\n'), heartbeatMs);
    this.heartbeat.unref?.();
    response.on('close', () => this.close());
  }

  onClose(cleanup: () => void): void {
    if (this.closed) cleanup();
    else this.cleanups.push(cleanup);
  }

  segment(segment: StoredTranscriptSegment): void {
    if (segment.sequence <= this.lastSent) return;
    this.lastSent = segment.sequence;
    this.write(`id: ${segment.sequence}\nevent: segment\ndata: ${JSON.stringify(streamTranscript(segment))}\n\n`);
  }

  completed(): void {
    this.write(`event: completed\ndata: ${JSON.stringify({ ContactId: this.contactId, Status: 'COMPLETED' })}\n\n`);
    this.close();
  }

  write(chunk: string): void {
    if (!this.closed && !this.response.writableEnded) this.response.write(chunk);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    if (!this.response.writableEnded) this.response.end();
  }
}

export const realtimeStreamRoute: FastifyPluginAsyncTypebox<RealtimeStreamOptions> = async (app, { transcripts, url, heartbeatMs }) => {
  const open = new Set<SegmentStream>();
  // Closing the server ends every stream cleanly first (clients see the end, not a reset).
  app.addHook('preClose', async () => {
    for (const stream of [...open]) stream.close();
  });

  app.get(url, { schema: { querystring: StreamQuery } }, async (request, reply) => {
    const { ContactId } = request.query;
    const after = resumeAfter(request.headers['last-event-id'], request.query.lastEventId);
    const contact = transcripts.contact(ContactId);
    if (!contact) throw new AwsRequestError(404, 'ResourceNotFoundException', `Contact ${ContactId} does not exist.`);
    if (contact.channel === 'task') throw new AwsRequestError(400, 'InvalidRequestException', `Contact ${ContactId} is a TASK contact; tasks have no transcript.`);

    reply.hijack();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = String(value);
    reply.raw.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Accel-Buffering': 'no',
    });
    const stream = new SegmentStream(reply.raw, ContactId, after, heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
    open.add(stream);
    stream.onClose(() => open.delete(stream));
    stream.write(`retry: ${RETRY_MS}\n\n`);
    // Listening before catching up: a segment added meanwhile is sent once (the stream skips what it has sent).
    stream.onClose(transcripts.hub.onContact(ContactId, { segment: (segment) => stream.segment(segment), completed: () => stream.completed() }));
    for (let from = after; ; ) {
      const page = transcripts.segments(ContactId, from, BACKFILL_PAGE);
      for (const segment of page) stream.segment(segment);
      if (page.length < BACKFILL_PAGE) break;
      from = page.at(-1)!.sequence;
    }
    if (contact.ended) stream.completed();
  });
};

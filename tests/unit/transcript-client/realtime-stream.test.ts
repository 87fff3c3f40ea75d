// The live stream client: segments out of Server-Sent Events in as few calls as chunks, a dropped connection
// resumed with Last-Event-ID (the server's retry delay first), completed ends it, an unknown contact ends it
// without retrying, close() stops it, and the request carries the agent's session and asks for an event stream.
import { describe, expect, it, vi } from 'vitest';
import { openRealtimeStream } from '../../../lib/transcript/realtime-stream';
import type { TranscriptSegmentView } from '../../../lib/transcript/transcript-segments';

const segmentEvent = (id: number, segmentId: string, content: string) =>
  `id: ${id}\nevent: segment\ndata: ${JSON.stringify({ Id: segmentId, ParticipantRole: 'CUSTOMER', Content: content, BeginOffsetMillis: id * 1000, EndOffsetMillis: id * 1000 + 500, Sentiment: 'NEUTRAL', AbsoluteTime: '2026-12-04T01:00:00Z' })}\n\n`;

/** A response whose body sends these chunks, then ends. */
function eventStream(chunks: string[], status = 200): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  return new Response(status === 200 ? body : null, { status, headers: { 'Content-Type': 'text/event-stream' } });
}

function scriptedFetch(responses: (() => Response)[]) {
  const requests: { url: string; headers: Record<string, string>; credentials?: RequestCredentials }[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    requests.push({ url: String(url), headers: { ...(init?.headers as Record<string, string>) }, credentials: init?.credentials });
    const next = responses.shift();
    if (!next) return new Promise<Response>(() => {}); // the last connection stays open
    return next();
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests };
}

describe('the live transcript stream client', () => {
  it('delivers segments, resumes after a drop with Last-Event-ID, and stops at completed', async () => {
    const { fetch, requests } = scriptedFetch([
      () => eventStream(['retry: 10\n\n', segmentEvent(1, 'a', 'Hello') + segmentEvent(2, 'b', 'My router'), segmentEvent(3, 'c', 'keeps drop')]),
      () => eventStream([segmentEvent(4, 'd', 'Again'), 'event: completed\ndata: {}\n\n']),
    ]);
    const batches: TranscriptSegmentView[][] = [];
    const problems: [string, number | null][] = [];
    let completed = 0;
    const stream = openRealtimeStream({
      url: 'http://127.0.0.1:8790/contact-lens/realtime-stream?ContactId=c-1',
      fetch,
      onSegments: (segments) => batches.push(segments),
      onCompleted: () => (completed += 1),
      onProblem: (detail, retry) => problems.push([detail, retry]),
      reconnectDelaysMs: [1000],
    });
    await stream.finished;
    expect(batches.map((batch) => batch.map((s) => s.id))).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(requests.map((r) => r.headers['Last-Event-ID'] ?? null)).toEqual([null, '3']);
    expect(requests[0]).toMatchObject({ url: 'http://127.0.0.1:8790/contact-lens/realtime-stream?ContactId=c-1', credentials: 'include', headers: { Accept: 'text/event-stream' } });
    expect(problems).toEqual([['the stream ended', 10]]); // the server's retry, not the client's 1 s
    expect(completed).toBe(1);
    expect(stream.lastEventId).toBe('4');
  });

  it('skips an event whose data is not a Transcript, and keeps going', async () => {
    const { fetch } = scriptedFetch([() => eventStream(['id: 1\nevent: segment\ndata: not json\n\n', 'id: 2\nevent: segment\ndata: {"Id":"x"}\n\n', segmentEvent(3, 'ok', 'Fine'), 'event: completed\ndata: {}\n\n'])]);
    const seen: string[] = [];
    const stream = openRealtimeStream({ url: 'http://h/s', fetch, onSegments: (s) => seen.push(...s.map((x) => x.id)), onCompleted: () => {} });
    await stream.finished;
    expect(seen).toEqual(['ok']);
  });

  it('gives up on an unknown contact and backs off on a server error', async () => {
    const gone = scriptedFetch([() => eventStream([], 404)]);
    const problems: [string, number | null][] = [];
    const stream = openRealtimeStream({ url: 'http://h/s', fetch: gone.fetch, onSegments: () => {}, onCompleted: () => {}, onProblem: (d, r) => problems.push([d, r]) });
    await stream.finished;
    expect(problems).toEqual([['HTTP 404', null]]);

    const flaky = scriptedFetch([() => eventStream([], 503), () => eventStream([], 503), () => eventStream(['event: completed\ndata: {}\n\n'])]);
    const retries: (number | null)[] = [];
    const second = openRealtimeStream({ url: 'http://h/s', fetch: flaky.fetch, onSegments: () => {}, onCompleted: () => {}, onProblem: (_d, r) => retries.push(r), reconnectDelaysMs: [5, 20] });
    await second.finished;
    expect(retries).toEqual([5, 20]);
    expect(flaky.requests).toHaveLength(3);
  });

  it('stops reading and reconnecting when closed', async () => {
    const { fetch, requests } = scriptedFetch([() => eventStream([segmentEvent(1, 'a', 'Hi')])]);
    const seen: string[] = [];
    const stream = openRealtimeStream({ url: 'http://h/s', fetch, onSegments: (s) => seen.push(...s.map((x) => x.id)), onCompleted: () => {}, reconnectDelaysMs: [60_000] });
    await vi.waitFor(() => expect(seen).toEqual(['a']));
    stream.close();
    await stream.finished;
    expect(requests).toHaveLength(1);
  });
});

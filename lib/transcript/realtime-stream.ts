// The local contact center's live transcript push (`GET <lcc>/contact-lens/realtime-stream?ContactId=<id>`,
// Server-Sent Events with the agent's session cookie): every segment so far, then each new one (`event: segment`,
// `data:` one voice-shaped Contact Lens Transcript, `id:` a sequence number), and `event: completed` when the
// contact has ended. Read with fetch rather than EventSource so a reconnection can send Last-Event-ID itself
// (EventSource only does that for its own retries, and gives up on an HTTP error): after a dropped connection
// the stream resumes after the last event it delivered.
import { ServerSentEventParser } from './sse-parser';
import { segmentFromContactLens, type TranscriptSegmentView } from './transcript-segments';

export interface RealtimeStreamOptions {
  /** The stream's URL for one contact. */
  url: string;
  /** Segments that arrived (one call per received chunk, so a backlog arrives in few calls). */
  onSegments(segments: TranscriptSegmentView[]): void;
  /** The contact has ended: the stream closes itself after this. */
  onCompleted(): void;
  /** A connection failed or dropped (for the log); `retryInMs` null when the stream gave up. */
  onProblem?(detail: string, retryInMs: number | null): void;
  fetch?: typeof fetch;
  /** Extra request headers (tests sign in with a cookie; the browser sends its own). */
  headers?: Record<string, string>;
  /** Delays before successive reconnections; the last repeats. The server's `retry:` overrides the first. */
  reconnectDelaysMs?: readonly number[];
}

export interface RealtimeStream {
  /** Stops reading and reconnecting. */
  close(): void;
  /** The id of the last event delivered ('' before the first). */
  readonly lastEventId: string;
  /** Resolves when the stream has stopped for good (completed, closed or gave up). */
  readonly finished: Promise<void>;
}

export const STREAM_RECONNECT_DELAYS_MS: readonly number[] = [250, 1_000, 2_000, 5_000, 10_000];

/** HTTP answers after which reconnecting cannot help: the contact is unknown or the request is wrong. */
const FINAL_STATUSES = new Set([400, 404, 410]);

export function openRealtimeStream(options: RealtimeStreamOptions): RealtimeStream {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const delays = options.reconnectDelaysMs ?? STREAM_RECONNECT_DELAYS_MS;
  const controller = new AbortController();
  let lastEventId = '';
  let serverRetryMs: number | null = null;
  let closed = false;
  /** Whether the current connection delivered an event (then the next reconnection starts the delays over). */
  let delivered = false;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      controller.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });

  /** One connection: reads until the body ends; returns 'completed', 'final' (give up) or 'dropped'. */
  async function connectOnce(): Promise<{ outcome: 'completed' | 'final' | 'dropped'; detail: string }> {
    const response = await doFetch(options.url, {
      method: 'GET',
      credentials: 'include',
      cache: 'no-store',
      headers: { Accept: 'text/event-stream', ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}), ...options.headers },
      signal: controller.signal,
    });
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      return { outcome: FINAL_STATUSES.has(response.status) ? 'final' : 'dropped', detail: `HTTP ${response.status}` };
    }
    const parser = new ServerSentEventParser();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return { outcome: 'dropped', detail: 'the stream ended' };
        const segments: TranscriptSegmentView[] = [];
        let completed = false;
        for (const event of parser.push(value)) {
          if (event.event === 'segment') {
            const segment = parseSegment(event.data);
            if (segment) segments.push(segment);
          } else if (event.event === 'completed') {
            completed = true;
          }
          if (event.lastEventId) lastEventId = event.lastEventId;
          delivered = true;
        }
        serverRetryMs = parser.retryMs ?? serverRetryMs;
        if (segments.length > 0) options.onSegments(segments);
        if (completed) return { outcome: 'completed', detail: '' };
      }
    } finally {
      reader.cancel().catch(() => undefined);
    }
  }

  const finished = (async () => {
    let failures = 0;
    while (!closed) {
      let result: { outcome: 'completed' | 'final' | 'dropped'; detail: string };
      delivered = false;
      try {
        result = await connectOnce();
      } catch (error) {
        if (closed) return;
        result = { outcome: 'dropped', detail: error instanceof Error ? error.message : String(error) };
      }
      if (closed) return;
      if (result.outcome === 'completed') {
        closed = true;
        options.onCompleted();
        return;
      }
      if (result.outcome === 'final') {
        closed = true;
        options.onProblem?.(result.detail, null);
        return;
      }
      if (delivered) failures = 0;
      const delay = failures === 0 && serverRetryMs !== null ? serverRetryMs : (delays[Math.min(failures, delays.length - 1)] ?? 5_000);
      failures += 1;
      options.onProblem?.(result.detail, delay);
      await wait(delay);
    }
  })();

  return {
    close() {
      closed = true;
      controller.abort();
    },
    get lastEventId() {
      return lastEventId;
    },
    finished,
  };
}

function parseSegment(data: string): TranscriptSegmentView | null {
  try {
    return segmentFromContactLens(JSON.parse(data));
  } catch {
    return null;
  }
}

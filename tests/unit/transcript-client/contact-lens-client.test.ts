// The Contact Lens reads as the AWS SDK sends them (route, body, credentials), their answers read into segment
// views (voice and chat Transcript shapes, other segment kinds left out), errors with their type, paging, and
// the poller that follows a live contact on a backend without push (continues from the last NextToken, stops
// when the chat's analysis completes or the service says polling cannot help).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactLensCallError, ContactLensClient, pollSegments, type SegmentPage } from '../../../lib/transcript/contact-lens-client';
import { segmentFromContactLens, sentimentSteps } from '../../../lib/transcript/transcript-segments';

interface Sent {
  url: string;
  body: Record<string, unknown>;
  credentials: RequestCredentials | undefined;
}

function fakeFetch(answers: (sent: Sent) => { status?: number; body: unknown; headers?: Record<string, string> }) {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const request: Sent = { url: String(url), body: JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>, credentials: init?.credentials };
    sent.push(request);
    const answer = answers(request);
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200, headers: { 'Content-Type': 'application/json', ...answer.headers } });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, sent };
}

const VOICE = { Id: 's1', ParticipantId: 'CUSTOMER', ParticipantRole: 'CUSTOMER', Content: 'My router keeps dropping', BeginOffsetMillis: 1200, EndOffsetMillis: 2600, Sentiment: 'NEGATIVE', IssuesDetected: [] };
const CHAT = { Id: 'c1', ParticipantId: 'p-1', ParticipantRole: 'CUSTOMER', DisplayName: 'Hanako', Content: 'Hello', ContentType: 'text/plain', Time: { AbsoluteTime: '2026-12-04T01:00:05.000Z' }, Sentiment: 'POSITIVE' };

describe('the Contact Lens client', () => {
  it('asks for a call’s segments as ListRealtimeContactAnalysisSegments does and reads the Transcript segments', async () => {
    const { fetch, sent } = fakeFetch(() => ({ body: { Segments: [{ Transcript: VOICE }, { Categories: { MatchedCategories: ['x'] } }], NextToken: 'n2' } }));
    const client = new ContactLensClient({ voiceBaseUrl: 'http://127.0.0.1:8790/contact-lens', chatBaseUrl: 'http://127.0.0.1:8790', instanceId: 'inst-1', fetch });
    const page = await client.voicePage('contact-9', 'n1', 50);
    expect(sent).toEqual([
      { url: 'http://127.0.0.1:8790/contact-lens/realtime-contact-analysis/analysis-segments', body: { InstanceId: 'inst-1', ContactId: 'contact-9', MaxResults: 50, NextToken: 'n1' }, credentials: 'include' },
    ]);
    expect(page).toEqual({
      segments: [{ id: 's1', role: 'CUSTOMER', displayName: null, content: 'My router keeps dropping', beginOffsetMillis: 1200, endOffsetMillis: 2600, time: null, sentiment: 'NEGATIVE' }],
      nextToken: 'n2',
      completed: false,
    });
  });

  it('asks for a chat’s segments as ListRealtimeContactAnalysisSegmentsV2 does and sees when it completed', async () => {
    const { fetch, sent } = fakeFetch(() => ({ body: { Channel: 'CHAT', Status: 'COMPLETED', Segments: [{ Transcript: CHAT }, { Event: { EventType: 'x' } }] } }));
    const client = new ContactLensClient({ voiceBaseUrl: 'https://gw.example/cl', chatBaseUrl: 'https://gw.example/cl', instanceId: 'inst/1', fetch });
    const page = await client.chatPage('chat 1', null);
    expect(sent[0]).toEqual({
      url: 'https://gw.example/cl/contact/list-real-time-analysis-segments-v2/inst%2F1/chat%201',
      body: { OutputType: 'Raw', SegmentTypes: ['Transcript'], MaxResults: 100 },
      credentials: 'include',
    });
    expect(page.completed).toBe(true);
    expect(page.nextToken).toBeNull();
    expect(page.segments).toEqual([{ id: 'c1', role: 'CUSTOMER', displayName: 'Hanako', content: 'Hello', beginOffsetMillis: null, endOffsetMillis: null, time: Date.parse('2026-12-04T01:00:05.000Z'), sentiment: 'POSITIVE' }]);
  });

  it('throws the service’s error type and message', async () => {
    const { fetch } = fakeFetch(() => ({ status: 400, body: { message: 'CHAT only' }, headers: { 'x-amzn-errortype': 'InvalidRequestException:http://x' } }));
    const client = new ContactLensClient({ voiceBaseUrl: 'https://gw', chatBaseUrl: 'https://gw', instanceId: 'i', fetch });
    const error = await client.chatPage('c', null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContactLensCallError);
    expect(error).toMatchObject({ operation: 'ListRealtimeContactAnalysisSegmentsV2', status: 400, type: 'InvalidRequestException', message: 'CHAT only' });
  });

  it('reads a past contact page after page until there is no next token', async () => {
    const { fetch, sent } = fakeFetch((request) =>
      request.body.NextToken === undefined
        ? { body: { Segments: [{ Transcript: { ...VOICE, Id: 'a' } }], NextToken: 't2' } }
        : { body: { Segments: [{ Transcript: { ...VOICE, Id: 'b' } }] } },
    );
    const client = new ContactLensClient({ voiceBaseUrl: 'https://gw', chatBaseUrl: 'https://gw', instanceId: 'i', fetch });
    const { segments } = await client.allSegments('voice', 'c');
    expect(segments.map((s) => s.id)).toEqual(['a', 'b']);
    expect(sent.map((s) => s.body.NextToken ?? null)).toEqual([null, 't2']);
  });
});

describe('the segment views', () => {
  it('refuses what is not a Transcript and keeps unknown roles and sentiments harmless', () => {
    expect(segmentFromContactLens(null)).toBeNull();
    expect(segmentFromContactLens({ Id: 'x' })).toBeNull();
    expect(segmentFromContactLens({ Id: 'x', Content: 'hi', ParticipantRole: 'SUPERVISOR', Sentiment: 'MIXED' })).toMatchObject({ role: 'AGENT', sentiment: null });
    expect(segmentFromContactLens({ Id: 'x', Content: 'hi', ParticipantRole: 'BOT', AbsoluteTime: 'not a time' })).toMatchObject({ role: 'SYSTEM', time: null });
  });

  it('folds the sentiment trend and keeps it short', () => {
    expect(sentimentSteps(['NEGATIVE', 'NEGATIVE', 'NEUTRAL', 'NEUTRAL', 'POSITIVE'])).toEqual(['NEGATIVE', 'NEUTRAL', 'POSITIVE']);
    const long = ['NEGATIVE', 'POSITIVE', 'NEGATIVE', 'POSITIVE', 'NEGATIVE', 'POSITIVE', 'NEUTRAL', 'NEGATIVE'] as const;
    expect(sentimentSteps([...long], 4)).toEqual(['NEGATIVE', 'POSITIVE', 'NEUTRAL', 'NEGATIVE']);
  });
});

describe('the poller', () => {
  afterEach(() => vi.useRealTimers());

  it('continues from the last NextToken, fetches a full page’s successor at once, and stops when the chat completes', async () => {
    vi.useFakeTimers();
    const pages: SegmentPage[] = [
      { segments: [segmentFromContactLens(VOICE)!], nextToken: 't1', completed: false },
      { segments: [], nextToken: null, completed: false },
      { segments: [segmentFromContactLens({ ...VOICE, Id: 's2' })!], nextToken: 't2', completed: false },
      { segments: [], nextToken: 't2', completed: true },
    ];
    const asked: (string | null)[] = [];
    const client = { page: vi.fn(async (_channel: string, _contactId: string, token: string | null) => (asked.push(token), pages.shift()!)) };
    const seen: string[] = [];
    let completed = false;
    pollSegments({ client, channel: 'chat', contactId: 'c', intervalMs: 1000, onSegments: (s) => seen.push(...s.map((x) => x.id)), onCompleted: () => (completed = true) });
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toEqual([null, 't1']); // the first page had segments and a new token: asked again at once
    await vi.advanceTimersByTimeAsync(1000);
    expect(asked).toEqual([null, 't1', 't1']); // a page without a token: the same token next time
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual(['s1', 's2']);
    expect(completed).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(client.page).toHaveBeenCalledTimes(4);
  });

  it('stops for good on an error polling cannot cure, and backs off on others', async () => {
    vi.useFakeTimers();
    const problems: [string, boolean][] = [];
    const failing = { page: vi.fn(async () => Promise.reject(new ContactLensCallError('L', 500, 'InternalServiceException', 'boom'))) };
    const stop = pollSegments({ client: failing, channel: 'voice', contactId: 'c', intervalMs: 1000, onSegments: () => {}, onCompleted: () => {}, onProblem: (d, f) => problems.push([d, f]) });
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1999);
    expect(failing.page).toHaveBeenCalledTimes(1); // backed off to 2 s after the first failure
    await vi.advanceTimersByTimeAsync(1);
    expect(failing.page).toHaveBeenCalledTimes(2);
    stop();
    const gone = { page: vi.fn(async () => Promise.reject(new ContactLensCallError('L', 404, 'ResourceNotFoundException', 'no such contact'))) };
    pollSegments({ client: gone, channel: 'voice', contactId: 'c', onSegments: () => {}, onCompleted: () => {}, onProblem: (d, f) => problems.push([d, f]) });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(gone.page).toHaveBeenCalledTimes(1);
    expect(problems.at(-1)).toEqual(['no such contact', true]);
  });
});

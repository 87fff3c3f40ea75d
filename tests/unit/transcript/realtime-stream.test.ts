// The live transcript stream (GET /contact-lens/realtime-stream, Server-Sent Events) read with fetch over a real
// listening server: every segment so far, then each new one (voice shape with DisplayName and AbsoluteTime, id = the
// sequence), `completed` when the contact ends; Last-Event-ID resumes; heartbeats; chats' messages; credentialed CORS
// for the extension; clean closing when the client leaves or the server stops.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startContactCenter } from '../../../contact-center/server/contact-center-server';
import { SseReader } from './sse-reader';
import { EXTENSION_ORIGIN, useTranscriptFixture } from './transcript-fixture';

const f = useTranscriptFixture();

function openStream(contactId: string, headers: Record<string, string> = {}, query = ''): Promise<Response> {
  return fetch(`${f().cc.url}/contact-lens/realtime-stream?ContactId=${encodeURIComponent(contactId)}${query}`, {
    headers: { Accept: 'text/event-stream', Cookie: f().cookie('agent1'), ...headers },
  });
}

async function say(contactId: string, role: 'CUSTOMER' | 'AGENT', text: string) {
  f().clock.advance(2000);
  expect((await f().say(contactId, { role, text })).status).toBe(201);
}

const dataOf = (event: { data: string }) => JSON.parse(event.data) as Record<string, unknown>;

describe('a call’s stream', () => {
  it('sends the segments so far, then each new one, then completed when the call ends, and closes', async () => {
    const contactId = f().connectedCall('agent1');
    await say(contactId, 'CUSTOMER', 'My router keeps dropping the connection');
    await say(contactId, 'AGENT', 'Let me check that for you.');
    const answer = await openStream(contactId, { Origin: EXTENSION_ORIGIN });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(answer.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
    const stream = new SseReader(answer);
    const [first, second] = await stream.take(2);
    expect(first).toMatchObject({ event: 'segment', id: '1' });
    expect(dataOf(first!)).toEqual({
      Id: expect.any(String),
      ParticipantId: 'CUSTOMER',
      ParticipantRole: 'CUSTOMER',
      Content: 'My router keeps dropping the connection',
      BeginOffsetMillis: expect.any(Number),
      EndOffsetMillis: 2000,
      Sentiment: 'NEGATIVE',
      AbsoluteTime: expect.stringMatching(/^2026-05-11T01:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(second).toMatchObject({ event: 'segment', id: '2' });
    expect(dataOf(second!)).toMatchObject({ ParticipantRole: 'AGENT', DisplayName: 'Emily Carter', EndOffsetMillis: 4000 });

    await say(contactId, 'CUSTOMER', 'ルーターの接続が頻繁に切れる');
    const third = await stream.next();
    expect(third).toMatchObject({ event: 'segment', id: '3' });
    expect(dataOf(third!)).toMatchObject({ Content: 'ルーターの接続が頻繁に切れる', Sentiment: 'NEGATIVE' });

    f().cc.engine.customerHangUp(contactId);
    const completed = await stream.next();
    expect(completed).toMatchObject({ event: 'completed' });
    expect(dataOf(completed!)).toEqual({ ContactId: contactId, Status: 'COMPLETED' });
    expect(await stream.next()).toBeNull();
    f().cc.engine.clearContact('agent1', contactId);
    expect(f().cc.transcripts.hub.contactListenerCount(contactId)).toBe(0);
  });

  it('resumes after Last-Event-ID (or ?lastEventId=), and an ended call’s stream sends the rest and completed', async () => {
    const contactId = f().connectedCall('agent1');
    for (const line of ['one', 'two', 'three', 'four']) await say(contactId, 'CUSTOMER', line);
    const resumed = new SseReader(await openStream(contactId, { 'Last-Event-ID': '2' }));
    expect((await resumed.take(2)).map((e) => [e.id, dataOf(e).Content])).toEqual([
      ['3', 'three'],
      ['4', 'four'],
    ]);
    f().endCall(contactId);
    expect(await resumed.next()).toMatchObject({ event: 'completed' });

    const afterTheEnd = new SseReader(await openStream(contactId, {}, '&lastEventId=3'));
    expect(await afterTheEnd.next()).toMatchObject({ event: 'segment', id: '4' });
    expect(await afterTheEnd.next()).toMatchObject({ event: 'completed' });
    expect(await afterTheEnd.next()).toBeNull();
  });

  it('keeps an idle stream alive with comment heartbeats, and forgets a client that leaves', async () => {
    const contactId = f().connectedCall('agent1');
    const stream = new SseReader(await openStream(contactId));
    expect(await stream.waitForComment()).toBe('heartbeat');
    expect(f().cc.transcripts.hub.contactListenerCount(contactId)).toBe(1);
    await stream.cancel();
    await expect.poll(() => f().cc.transcripts.hub.contactListenerCount(contactId)).toBe(0);
    f().endCall(contactId);
  });
});

describe('a chat’s stream', () => {
  it('carries the chat’s messages as segments, with the participants’ names', async () => {
    const { cc } = f();
    const chat = f().acceptedChat('agent1', 'Taro Sato');
    const stream = new SseReader(await openStream(chat.contactId));
    cc.chat.sendMessage(chat.customerToken, { ContentType: 'text/plain', Content: 'I was charged twice this month' });
    cc.chat.sendMessage(chat.agentToken, { ContentType: 'text/plain', Content: 'I will refund the second charge.' });
    const [customer, agent] = await stream.take(2);
    expect(dataOf(customer!)).toMatchObject({ ParticipantRole: 'CUSTOMER', DisplayName: 'Taro Sato', Content: 'I was charged twice this month', Sentiment: 'NEGATIVE' });
    expect(dataOf(agent!)).toMatchObject({ ParticipantRole: 'AGENT', DisplayName: 'Emily Carter' });
    cc.chat.disconnectParticipant(chat.customerToken);
    expect(await stream.next()).toMatchObject({ event: 'completed' });
    cc.engine.clearContact('agent1', chat.contactId);
  });
});

describe('refusals', () => {
  it('an unknown contact, a bad Last-Event-ID, no session, another web page', async () => {
    const contactId = f().connectedCall('agent1');
    const unknown = await openStream('no-such-contact');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    const badId = await openStream(contactId, { 'Last-Event-ID': 'abc' });
    expect(badId.status).toBe(400);
    expect(((await badId.json()) as { message: string }).message).toMatch(/Last-Event-ID/);
    expect((await openStream(contactId, { Cookie: '' })).status).toBe(403);
    const page = await openStream(contactId, { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' });
    expect(page.status).toBe(403);
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(`${f().cc.url}/contact-lens/realtime-stream`, { headers: { Cookie: f().cookie('agent1') } })).status).toBe(400);
    f().endCall(contactId);
  });
});

describe('stopping the server', () => {
  it('ends open streams cleanly, and close() does not wait for them', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-transcript-close-'));
    const cc = await startContactCenter({ dataDir, port: 0, demoPassword: 'pw' });
    try {
      cc.engine.setStatus('agent1', 'available');
      const contactId = cc.engine.startInboundCall({ from: '+819012345678', queueId: 'support' });
      cc.engine.acceptContact('agent1', contactId);
      const answer = await fetch(`${cc.url}/contact-lens/realtime-stream?ContactId=${contactId}`, { headers: { Cookie: `sb_session=${cc.issueSession('agent1')}` } });
      const stream = new SseReader(answer);
      expect(await stream.waitForComment(100).catch(() => 'no comment yet')).toBe('no comment yet');
      const started = Date.now();
      await cc.close();
      expect(Date.now() - started).toBeLessThan(2000);
      // The engine ends the call as the server stops (server_restart): completed, then the end of the stream.
      const rest: string[] = [];
      for (let event = await stream.next(); event !== null; event = await stream.next()) rest.push(event.event);
      expect(rest).toEqual(['completed']);
    } finally {
      await cc.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

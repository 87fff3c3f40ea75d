// The engine's transcript service against a real local contact center (in-process, agent1's session sent as the
// extension sends it): a followed call's segments arrive through the live stream as they are said, the agent's
// typed line is recorded and shown, the call's end completes it; a past call's and chat's transcripts are read
// through the Contact Lens routes (voice and V2); a real instance without a configured service has none.
import { describe, expect, it, vi } from 'vitest';
import { createInstanceDescriptionReader } from '../../../lib/streams/instance-description';
import { createTranscriptEngine, type TranscriptEngine } from '../../../lib/transcript/transcript-engine';
import type { TranscriptReport } from '../../../lib/transcript/transcript-requests';
import { FROM_EXTENSION, useTranscriptFixture } from '../transcript/transcript-fixture';

const f = useTranscriptFixture();

/** The engine as the offscreen document runs it, its requests carrying agent1's session. */
function engineFor(instanceUrl = f().cc.url) {
  const reports: TranscriptReport[] = [];
  const asAgent: typeof fetch = (url, init) =>
    fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), ...FROM_EXTENSION, Cookie: f().cookie('agent1') } });
  const engine: TranscriptEngine = createTranscriptEngine({
    instanceUrl,
    agentArn: () => `arn:aws:connect:ap-northeast-1:123456789012:instance/${f().instanceId}/agent/agent1`,
    instanceDescription: createInstanceDescriptionReader({ instanceUrl, fetch: asAgent }),
    report: (report) => reports.push(report),
    log: () => {},
    fetch: asAgent,
    reconnectDelaysMs: [50],
  });
  const said = () => reports.flatMap((r) => r.segments);
  return { engine, reports, said };
}

async function say(contactId: string, role: 'CUSTOMER' | 'AGENT', text: string) {
  f().clock.advance(1500);
  expect((await f().say(contactId, { role, text })).status).toBe(201);
}

describe('the engine following a call on the local contact center', () => {
  it('reports what was said before and after, the agent’s line at once, and the end', async () => {
    const contactId = f().connectedCall('agent1');
    await say(contactId, 'CUSTOMER', 'Hello, my internet is down.');
    const { engine, reports, said } = engineFor();
    expect(await engine.execute({ op: 'follow', contactId, channel: 'voice' })).toEqual({ ok: true });
    expect(await engine.execute({ op: 'follow', contactId, channel: 'voice' })).toEqual({ ok: true }); // twice is once
    expect(reports[0]).toEqual({ contactId, segments: [], source: 'stream' });
    await vi.waitFor(() => expect(said().map((s) => s.content)).toEqual(['Hello, my internet is down.']));
    await say(contactId, 'CUSTOMER', 'My router keeps dropping the connection and I am really annoyed');
    await vi.waitFor(() => expect(said()).toHaveLength(2));
    expect(said()[1]).toMatchObject({ role: 'CUSTOMER', sentiment: 'NEGATIVE', content: 'My router keeps dropping the connection and I am really annoyed' });
    expect(said()[1]!.endOffsetMillis).toBeGreaterThan(said()[0]!.endOffsetMillis!);

    f().clock.advance(1000);
    const answer = await engine.execute({ op: 'say', contactId, text: '  Let me restart your line.  ' });
    expect(answer.ok).toBe(true);
    const recorded = answer.ok ? answer.value?.transcript?.segment : undefined;
    expect(recorded).toMatchObject({ role: 'AGENT', content: 'Let me restart your line.' });
    // Reported at once from the answer, and again by the stream: the same id, so one line.
    await vi.waitFor(() => expect(said().filter((s) => s.id === recorded!.id)).toHaveLength(2));
    expect(new Set(said().map((s) => s.id)).size).toBe(3);

    f().endCall(contactId);
    await vi.waitFor(() => expect(reports.at(-1)).toEqual({ contactId, segments: [], completed: true }));
    expect(engine.following()).toEqual([]);
    engine.close();
  });

  it('refuses an empty or too long line without asking, and a line on an ended call in words', async () => {
    const contactId = f().connectedCall('agent1');
    const { engine } = engineFor();
    expect(await engine.execute({ op: 'say', contactId, text: '   ' })).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(await engine.execute({ op: 'say', contactId, text: 'x'.repeat(2001) })).toMatchObject({ ok: false, error: { code: 'rejected' } });
    f().endCall(contactId);
    expect(await engine.execute({ op: 'say', contactId, text: 'Hello?' })).toMatchObject({ ok: false, error: { code: 'contact-not-found' } });
  });
});

describe('a past contact’s transcript read through Contact Lens', () => {
  it('reads a call with ListRealtimeContactAnalysisSegments', async () => {
    const contactId = f().connectedCall('agent1');
    await say(contactId, 'CUSTOMER', 'I was charged twice this month.');
    await say(contactId, 'AGENT', 'I will refund the second charge.');
    f().endCall(contactId);
    const { engine } = engineFor();
    const answer = await engine.execute({ op: 'segments', contactId, channel: 'voice' });
    expect(answer.ok && answer.value?.transcript?.available).toBe(true);
    expect(answer.ok && answer.value?.transcript?.segments?.map((s) => [s.role, s.content])).toEqual([
      ['CUSTOMER', 'I was charged twice this month.'],
      ['AGENT', 'I will refund the second charge.'],
    ]);
  });

  it('reads a chat with ListRealtimeContactAnalysisSegmentsV2, with its messages’ sentiment', async () => {
    const { contactId, customerToken } = f().acceptedChat('agent1');
    f().cc.chat.sendMessage(customerToken, { Content: 'Thank you, that is great!', ContentType: 'text/plain' });
    const { engine } = engineFor();
    const answer = await engine.execute({ op: 'segments', contactId, channel: 'chat' });
    const segments = answer.ok ? (answer.value?.transcript?.segments ?? []) : [];
    expect(segments.find((s) => s.content === 'Thank you, that is great!')).toMatchObject({ role: 'CUSTOMER', sentiment: 'POSITIVE' });
  });

  it('answers that a real instance without a configured service has no transcript', async () => {
    const { engine, reports } = engineFor('https://example.my.connect.aws');
    expect(await engine.execute({ op: 'segments', contactId: 'c-1', channel: 'voice' })).toEqual({ ok: true, value: { transcript: { available: false, segments: [] } } });
    expect(await engine.execute({ op: 'follow', contactId: 'c-1', channel: 'voice' })).toMatchObject({ ok: true, value: { transcript: { available: false } } });
    expect(reports).toEqual([{ contactId: 'c-1', segments: [], source: 'not-configured' }]);
    expect(await engine.execute({ op: 'say', contactId: 'c-1', text: 'hi' })).toMatchObject({ ok: false, error: { code: 'rejected' } });
  });
});

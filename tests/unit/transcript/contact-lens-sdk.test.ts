// Contact Lens real-time analysis as the AWS SDKs call it: the REAL @aws-sdk/client-connect-contact-lens
// (ListRealtimeContactAnalysisSegments, endpoint `<lcc>/contact-lens`) for calls and the REAL @aws-sdk/client-connect
// (ListRealtimeContactAnalysisSegmentsV2) for chats: shapes, paging with MaxResults/NextToken, status, segment
// types, Connect's refusals (VOICE contacts on V2, Redacted output, unknown contacts) and who may call.
import { ConnectClient, ListRealtimeContactAnalysisSegmentsV2Command, paginateListRealtimeContactAnalysisSegmentsV2 } from '@aws-sdk/client-connect';
import { ConnectContactLensClient, ListRealtimeContactAnalysisSegmentsCommand, paginateListRealtimeContactAnalysisSegments } from '@aws-sdk/client-connect-contact-lens';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTACT_LENS_BASE_PATH } from '../../../contact-center/transcript/contact-lens-routes';
import { EXTENSION_ORIGIN, SDK_CREDENTIALS, useTranscriptFixture } from './transcript-fixture';

const f = useTranscriptFixture();
let lens: ConnectContactLensClient;
let connect: ConnectClient;

beforeAll(() => {
  const { cc } = f();
  const region = cc.engine.instance.region;
  lens = new ConnectContactLensClient({ endpoint: `${cc.url}${CONTACT_LENS_BASE_PATH}`, region, credentials: SDK_CREDENTIALS, maxAttempts: 1 });
  connect = new ConnectClient({ endpoint: cc.url, region, credentials: SDK_CREDENTIALS, maxAttempts: 1 });
});
afterAll(() => {
  lens.destroy();
  connect.destroy();
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as Error & { $metadata?: { httpStatusCode?: number } },
  );

async function callWithLines(lines: [string, 'CUSTOMER' | 'AGENT'][]): Promise<string> {
  const contactId = f().connectedCall('agent1');
  for (const [text, role] of lines) {
    f().clock.advance(3000);
    expect((await f().say(contactId, { role, text })).status).toBe(201);
  }
  return contactId;
}

describe('the instance description', () => {
  it('names the Contact Lens base path', async () => {
    const instance = (await (await fetch(`${f().cc.url}/api/v1/instance`)).json()) as { contactLens: unknown };
    expect(instance.contactLens).toEqual({ basePath: CONTACT_LENS_BASE_PATH });
  });
});

describe('calls: ListRealtimeContactAnalysisSegments (Contact Lens service)', () => {
  it('lists the call’s segments in Contact Lens’s Transcript shape', async () => {
    const contactId = await callWithLines([
      ['My router keeps dropping the connection', 'CUSTOMER'],
      ['I am sorry to hear that, let me check', 'AGENT'],
      ['Thank you so much!', 'CUSTOMER'],
    ]);
    const answer = await lens.send(new ListRealtimeContactAnalysisSegmentsCommand({ InstanceId: f().instanceId, ContactId: contactId }));
    expect(answer.NextToken).toBeUndefined();
    expect(answer.Segments?.map((s) => s.Transcript)).toEqual([
      { Id: expect.any(String), ParticipantId: 'CUSTOMER', ParticipantRole: 'CUSTOMER', Content: 'My router keeps dropping the connection', BeginOffsetMillis: expect.any(Number), EndOffsetMillis: 3000, Sentiment: 'NEGATIVE' },
      { Id: expect.any(String), ParticipantId: 'AGENT', ParticipantRole: 'AGENT', Content: 'I am sorry to hear that, let me check', BeginOffsetMillis: expect.any(Number), EndOffsetMillis: 6000, Sentiment: 'NEUTRAL' },
      { Id: expect.any(String), ParticipantId: 'CUSTOMER', ParticipantRole: 'CUSTOMER', Content: 'Thank you so much!', BeginOffsetMillis: expect.any(Number), EndOffsetMillis: 9000, Sentiment: 'POSITIVE' },
    ]);
    for (const s of answer.Segments!) expect(s.Transcript!.BeginOffsetMillis).toBeLessThan(s.Transcript!.EndOffsetMillis!);
    f().endCall(contactId);
  });

  it('pages with MaxResults and NextToken, and the SDK’s paginator reads every page; the ARN names the instance too', async () => {
    const lines = Array.from({ length: 7 }, (_, i): [string, 'CUSTOMER'] => [`line ${i + 1}`, 'CUSTOMER']);
    const contactId = await callWithLines(lines);
    const first = await lens.send(new ListRealtimeContactAnalysisSegmentsCommand({ InstanceId: f().instanceId, ContactId: contactId, MaxResults: 3 }));
    expect(first.Segments?.map((s) => s.Transcript?.Content)).toEqual(['line 1', 'line 2', 'line 3']);
    expect(first.NextToken).toEqual(expect.any(String));
    const second = await lens.send(new ListRealtimeContactAnalysisSegmentsCommand({ InstanceId: f().instanceId, ContactId: contactId, MaxResults: 3, NextToken: first.NextToken }));
    expect(second.Segments?.map((s) => s.Transcript?.Content)).toEqual(['line 4', 'line 5', 'line 6']);
    const arn = `arn:aws:connect:${f().cc.engine.instance.region}:${f().cc.engine.instance.accountId}:instance/${f().instanceId}`;
    const contents: string[] = [];
    for await (const page of paginateListRealtimeContactAnalysisSegments({ client: lens, pageSize: 2 }, { InstanceId: arn, ContactId: contactId })) {
      expect(page.Segments!.length).toBeLessThanOrEqual(2);
      contents.push(...page.Segments!.map((s) => s.Transcript!.Content!));
    }
    expect(contents).toEqual(lines.map(([text]) => text));
    f().endCall(contactId);
  });

  it('refuses a token of another contact, MaxResults out of range, an unknown contact or instance, and a chat', async () => {
    const one = await callWithLines([['a', 'CUSTOMER'], ['b', 'CUSTOMER']]);
    const page = await lens.send(new ListRealtimeContactAnalysisSegmentsCommand({ InstanceId: f().instanceId, ContactId: one, MaxResults: 1 }));
    f().endCall(one);
    const other = await callWithLines([['c', 'CUSTOMER']]);
    f().endCall(other);
    const send = (input: { InstanceId?: string; ContactId: string; MaxResults?: number; NextToken?: string }) =>
      refusal(lens.send(new ListRealtimeContactAnalysisSegmentsCommand({ InstanceId: f().instanceId, ...input })));
    expect(await send({ ContactId: other, NextToken: page.NextToken })).toMatchObject({ name: 'InvalidRequestException' });
    expect(await send({ ContactId: other, NextToken: 'bm90IGEgdG9rZW4' })).toMatchObject({ name: 'InvalidRequestException' });
    expect(await send({ ContactId: other, MaxResults: 101 })).toMatchObject({ name: 'InvalidRequestException', message: expect.stringMatching(/MaxResults/) });
    expect(await send({ ContactId: 'no-such-contact' })).toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
    expect(await send({ ContactId: other, InstanceId: '00000000-0000-0000-0000-000000000000' })).toMatchObject({ name: 'ResourceNotFoundException' });
    const chat = f().acceptedChat('agent1');
    expect(await send({ ContactId: chat.contactId })).toMatchObject({ name: 'InvalidRequestException', message: expect.stringMatching(/V2/) });
    f().cc.engine.customerDisconnectChat(chat.contactId);
    f().cc.engine.clearContact('agent1', chat.contactId);
  });
});

describe('chats: ListRealtimeContactAnalysisSegmentsV2 (Connect)', () => {
  it('lists each message as it was sent, IN_PROGRESS while the chat lasts and COMPLETED after', async () => {
    const { cc } = f();
    const chat = f().acceptedChat('agent1', 'Hanako Yamada');
    cc.chat.sendMessage(chat.customerToken, { ContentType: 'text/plain', Content: '請求額が間違っていて、とても困っています' });
    cc.chat.sendMessage(chat.agentToken, { ContentType: 'text/markdown', Content: 'ご迷惑をおかけして申し訳ございません。' });
    cc.chat.sendEvent(chat.customerToken, { ContentType: 'application/vnd.amazonaws.connect.event.typing' });
    const input = { InstanceId: f().instanceId, ContactId: chat.contactId, OutputType: 'Raw' as const, SegmentTypes: ['Transcript' as const] };
    const live = await connect.send(new ListRealtimeContactAnalysisSegmentsV2Command(input));
    expect(live.Channel).toBe('CHAT');
    expect(live.Status).toBe('IN_PROGRESS');
    expect(live.Segments?.map((s) => s.Transcript)).toEqual([
      {
        Id: expect.any(String),
        ParticipantId: expect.any(String),
        ParticipantRole: 'CUSTOMER',
        DisplayName: 'Hanako Yamada',
        Content: '請求額が間違っていて、とても困っています',
        ContentType: 'text/plain',
        Time: { AbsoluteTime: new Date(cc.engine.clock.now()) },
        Sentiment: 'NEGATIVE',
      },
      expect.objectContaining({ ParticipantRole: 'AGENT', DisplayName: 'Emily Carter', Content: 'ご迷惑をおかけして申し訳ございません。' }),
    ]);
    cc.chat.disconnectParticipant(chat.customerToken);
    cc.engine.clearContact('agent1', chat.contactId);
    const after = await connect.send(new ListRealtimeContactAnalysisSegmentsV2Command(input));
    expect(after.Status).toBe('COMPLETED');
    expect(after.Segments).toHaveLength(2);
  });

  it('pages with the paginator, honours SegmentTypes, and refuses Redacted, calls and unknown contacts as Connect does', async () => {
    const { cc } = f();
    const chat = f().acceptedChat('agent1');
    for (let i = 1; i <= 5; i++) cc.chat.sendMessage(chat.customerToken, { ContentType: 'text/plain', Content: `message ${i}` });
    const input = { InstanceId: f().instanceId, ContactId: chat.contactId, OutputType: 'Raw' as const, SegmentTypes: ['Transcript' as const] };
    const contents: string[] = [];
    for await (const page of paginateListRealtimeContactAnalysisSegmentsV2({ client: connect, pageSize: 2 }, input)) contents.push(...page.Segments!.map((s) => s.Transcript!.Content!));
    expect(contents).toEqual(['message 1', 'message 2', 'message 3', 'message 4', 'message 5']);
    const categories = await connect.send(new ListRealtimeContactAnalysisSegmentsV2Command({ ...input, SegmentTypes: ['Categories', 'Issues'] }));
    expect(categories).toMatchObject({ Channel: 'CHAT', Status: 'IN_PROGRESS', Segments: [] });
    expect(await refusal(connect.send(new ListRealtimeContactAnalysisSegmentsV2Command({ ...input, OutputType: 'Redacted' })))).toMatchObject({ name: 'OutputTypeNotFoundException' });
    expect(await refusal(connect.send(new ListRealtimeContactAnalysisSegmentsV2Command({ ...input, SegmentTypes: [] })))).toMatchObject({ name: 'InvalidRequestException' });
    expect(await refusal(connect.send(new ListRealtimeContactAnalysisSegmentsV2Command({ ...input, ContactId: 'no-such-contact' })))).toMatchObject({ name: 'ResourceNotFoundException' });
    cc.engine.customerDisconnectChat(chat.contactId);
    cc.engine.clearContact('agent1', chat.contactId);
    const call = await callWithLines([['hello', 'CUSTOMER']]);
    expect(await refusal(connect.send(new ListRealtimeContactAnalysisSegmentsV2Command({ ...input, ContactId: call })))).toMatchObject({
      name: 'InvalidRequestException',
      message: expect.stringMatching(/VOICE/),
    });
    f().endCall(call);
  });
});

describe('who may read transcripts', () => {
  const voiceBody = (contactId: string) => JSON.stringify({ InstanceId: f().instanceId, ContactId: contactId });
  const post = (contactId: string, headers: Record<string, string>) =>
    fetch(`${f().cc.url}${CONTACT_LENS_BASE_PATH}/realtime-contact-analysis/analysis-segments`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: voiceBody(contactId) });

  it('the signed-in agent from the extension, with credentialed CORS, and from the own origin', async () => {
    const contactId = await callWithLines([['hello', 'CUSTOMER']]);
    const fromExtension = await post(contactId, { Origin: EXTENSION_ORIGIN, Cookie: f().cookie('agent1') });
    expect(fromExtension.status).toBe(200);
    expect(fromExtension.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    expect(fromExtension.headers.get('access-control-allow-credentials')).toBe('true');
    expect(((await fromExtension.json()) as { Segments: unknown[] }).Segments).toHaveLength(1);
    expect((await post(contactId, { Origin: f().cc.url, 'Sec-Fetch-Site': 'same-origin', Cookie: f().cookie('agent1') })).status).toBe(200);
    const preflight = await fetch(`${f().cc.url}${CONTACT_LENS_BASE_PATH}/realtime-stream`, {
      method: 'OPTIONS',
      headers: { Origin: EXTENSION_ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'last-event-id' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('last-event-id');
    f().endCall(contactId);
  });

  it('not a web page of another origin, nor a caller with no credentials', async () => {
    const contactId = await callWithLines([['hello', 'CUSTOMER']]);
    const callers: Record<string, string>[] = [
      { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site', Cookie: f().cookie('agent1') },
      { Origin: f().cc.crmUrl, 'Sec-Fetch-Site': 'same-site', Cookie: f().cookie('agent1') },
      {},
      { Origin: EXTENSION_ORIGIN, Cookie: 'sb_session=forged' },
    ];
    for (const headers of callers) {
      const answer = await post(contactId, headers);
      expect(answer.status).toBe(403);
      expect(answer.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
      if (headers.Origin !== EXTENSION_ORIGIN) expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    }
    const preflight = await fetch(`${f().cc.url}${CONTACT_LENS_BASE_PATH}/realtime-stream`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.status).toBe(403);
    f().endCall(contactId);
  });
});

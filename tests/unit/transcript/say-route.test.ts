// POST /api/v1/contacts/{contactId}/transcript: a line said on a live call becomes a segment (201) with offsets from
// when the call was connected to the agent and a sentiment; what is not a live call, an empty or oversized line and a
// bad role are refused with codes the extension translates; the extension must bring the handling agent's session,
// and web pages of other origins are refused.
import { describe, expect, it } from 'vitest';
import { MAX_SEGMENT_TEXT_LENGTH, speechDurationMs } from '../../../contact-center/transcript/transcript-service';
import { apiError, FROM_EXTENSION, useTranscriptFixture } from './transcript-fixture';

const f = useTranscriptFixture();

describe('saying a line on a connected call', () => {
  it('answers 201 with the segment: offsets from the agent connecting, the agent named, sentiment scored, kept in order', async () => {
    const { clock, cc } = f();
    const contactId = f().connectedCall('agent1');
    clock.advance(4000);
    const customer = await f().say(contactId, { role: 'CUSTOMER', text: '  My router keeps dropping the connection  ' });
    expect(customer.status).toBe(201);
    const said = (await customer.json()) as Record<string, unknown>;
    expect(said).toMatchObject({
      contactId,
      channel: 'VOICE',
      participantRole: 'CUSTOMER',
      participantId: 'CUSTOMER',
      displayName: null,
      content: 'My router keeps dropping the connection',
      endOffsetMillis: 4000,
      beginOffsetMillis: 4000 - speechDurationMs('My router keeps dropping the connection'),
      absoluteTime: new Date(clock.now()).toISOString(),
      sentiment: 'NEGATIVE',
      sequence: 1,
    });
    clock.advance(2500);
    const agent = (await (await f().say(contactId, { role: 'AGENT', text: 'I am sorry to hear that. Let me check the line.' })).json()) as Record<string, unknown>;
    expect(agent).toMatchObject({ participantRole: 'AGENT', participantId: 'AGENT', displayName: 'Emily Carter', endOffsetMillis: 6500, sequence: 2 });
    expect(cc.transcripts.segments(contactId).map((s) => s.content)).toEqual(['My router keeps dropping the connection', 'I am sorry to hear that. Let me check the line.']);
    f().endCall(contactId);
  });

  it('a line said right after connecting starts at offset 0, not before', async () => {
    const contactId = f().connectedCall('agent1');
    const said = (await (await f().say(contactId, { role: 'CUSTOMER', text: 'ルーターの接続が頻繁に切れる' })).json()) as Record<string, unknown>;
    expect(said).toMatchObject({ beginOffsetMillis: 0, endOffsetMillis: 0, sentiment: 'NEGATIVE' });
    f().endCall(contactId);
  });

  it('is kept after the call ends, for the contact history', async () => {
    const { cc } = f();
    const contactId = f().connectedCall('agent1');
    expect((await f().say(contactId, { role: 'CUSTOMER', text: 'Thank you so much, that fixed it!' })).status).toBe(201);
    f().endCall(contactId);
    expect(cc.engine.hasContact(contactId)).toBe(false);
    expect(cc.transcripts.segments(contactId)).toHaveLength(1);
    expect(cc.transcripts.contact(contactId)).toMatchObject({ channel: 'voice', ended: true });
  });
});

describe('refusals', () => {
  it('an unknown contact is 404 ResourceNotFoundException', async () => {
    expect(await apiError(await f().say('no-such-contact', { role: 'CUSTOMER', text: 'hello' }))).toMatchObject({ status: 404, code: 'ResourceNotFoundException' });
  });

  it('a call still queued, a call that ended and a chat are not live calls (409 TranscriptNotLiveCall)', async () => {
    const { cc } = f();
    cc.engine.setStatus('agent2', 'offline');
    const queued = cc.engine.startInboundCall({ from: '+819011112222', queueId: 'billing' });
    const refusedQueued = await apiError(await f().say(queued, { role: 'CUSTOMER', text: 'hello?' }));
    expect(refusedQueued).toMatchObject({ status: 409, code: 'TranscriptNotLiveCall' });
    expect(refusedQueued.message).toMatch(/not yet connected to an agent/);
    cc.engine.customerHangUp(queued);

    const ended = f().connectedCall('agent1');
    cc.engine.customerHangUp(ended);
    const refusedEnded = await apiError(await f().say(ended, { role: 'AGENT', text: 'are you there?' }));
    expect(refusedEnded).toMatchObject({ status: 409, code: 'TranscriptNotLiveCall' });
    expect(refusedEnded.message).toMatch(/has ended/);
    cc.engine.clearContact('agent1', ended);

    const chat = f().acceptedChat('agent1');
    const refusedChat = await apiError(await f().say(chat.contactId, { role: 'CUSTOMER', text: 'hi' }));
    expect(refusedChat).toMatchObject({ status: 409, code: 'TranscriptNotLiveCall' });
    expect(refusedChat.message).toMatch(/chat contact, not a call/);
    cc.engine.customerDisconnectChat(chat.contactId);
    cc.engine.clearContact('agent1', chat.contactId);
  });

  it('empty, blank, missing and oversized text, and a bad or missing role, are 400 with their own codes; nothing is kept', async () => {
    const { cc } = f();
    const contactId = f().connectedCall('agent1');
    expect(await apiError(await f().say(contactId, { role: 'CUSTOMER', text: '' }))).toMatchObject({ status: 400, code: 'TranscriptTextEmpty' });
    expect(await apiError(await f().say(contactId, { role: 'CUSTOMER', text: ' \n\t ' }))).toMatchObject({ status: 400, code: 'TranscriptTextEmpty' });
    expect(await apiError(await f().say(contactId, { role: 'CUSTOMER' }))).toMatchObject({ status: 400, code: 'TranscriptTextEmpty' });
    expect(await apiError(await f().say(contactId, { role: 'CUSTOMER', text: 42 }))).toMatchObject({ status: 400, code: 'TranscriptTextEmpty' });
    const tooLong = await apiError(await f().say(contactId, { role: 'CUSTOMER', text: 'あ'.repeat(MAX_SEGMENT_TEXT_LENGTH + 1) }));
    expect(tooLong).toMatchObject({ status: 400, code: 'TranscriptTextTooLong' });
    expect(tooLong.message).toContain(String(MAX_SEGMENT_TEXT_LENGTH));
    expect((await f().say(contactId, { role: 'CUSTOMER', text: 'あ'.repeat(MAX_SEGMENT_TEXT_LENGTH) })).status).toBe(201);
    expect(await apiError(await f().say(contactId, { role: 'SUPERVISOR', text: 'hi' }))).toMatchObject({ status: 400, code: 'TranscriptRoleInvalid' });
    expect(await apiError(await f().say(contactId, { role: 'customer', text: 'hi' }))).toMatchObject({ status: 400, code: 'TranscriptRoleInvalid' });
    expect(await apiError(await f().say(contactId, { text: 'hi' }))).toMatchObject({ status: 400, code: 'TranscriptRoleInvalid' });
    expect(cc.transcripts.segments(contactId)).toHaveLength(1);
    f().endCall(contactId);
  });

  it('a body that is not JSON is refused (415)', async () => {
    const contactId = f().connectedCall('agent1');
    const answer = await fetch(`${f().cc.url}/api/v1/contacts/${contactId}/transcript`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    expect(answer.status).toBe(415);
    f().endCall(contactId);
  });
});

describe('who may say a line', () => {
  it('the demo page (same origin) and scripts (no Origin) may', async () => {
    const { cc } = f();
    const contactId = f().connectedCall('agent1');
    expect((await f().say(contactId, { role: 'CUSTOMER', text: 'from a script' })).status).toBe(201);
    expect((await f().say(contactId, { role: 'CUSTOMER', text: 'from the demo page' }, { Origin: cc.url, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(201);
    f().endCall(contactId);
  });

  it('a web page of another origin may not, even with the agent’s cookie', async () => {
    const { cc } = f();
    const contactId = f().connectedCall('agent1');
    const cookie = f().cookie('agent1');
    expect((await f().say(contactId, { role: 'AGENT', text: 'x' }, { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site', Cookie: cookie })).status).toBe(403);
    expect((await f().say(contactId, { role: 'AGENT', text: 'x' }, { Origin: cc.crmUrl, 'Sec-Fetch-Site': 'same-site', Cookie: cookie })).status).toBe(403);
    // A page cannot pass for the extension: the browser marks its requests cross-site.
    expect((await f().say(contactId, { role: 'AGENT', text: 'x' }, { ...FROM_EXTENSION, 'Sec-Fetch-Site': 'cross-site', Cookie: cookie })).status).toBe(403);
    expect(cc.transcripts.segments(contactId)).toHaveLength(0);
    f().endCall(contactId);
  });

  it('the extension must bring the session of the agent handling the call', async () => {
    const { cc } = f();
    const contactId = f().connectedCall('agent1');
    expect(await apiError(await f().say(contactId, { role: 'AGENT', text: 'hello' }, FROM_EXTENSION))).toMatchObject({ status: 401, code: 'NotSignedIn' });
    expect(await apiError(await f().say(contactId, { role: 'AGENT', text: 'hello' }, { ...FROM_EXTENSION, Cookie: f().cookie('agent2') }))).toMatchObject({
      status: 403,
      code: 'TranscriptNotYourContact',
    });
    const said = await f().say(contactId, { role: 'AGENT', text: 'How can I help you today?' }, { ...FROM_EXTENSION, Cookie: f().cookie('agent1') });
    expect(said.status).toBe(201);
    expect(cc.transcripts.segments(contactId).map((s) => s.content)).toEqual(['How can I help you today?']);
    f().endCall(contactId);
  });
});

describe('reading a contact’s transcript (GET, for the demo page and scripts)', () => {
  it('lists the segments so far, or only those after a sequence; 404 for an unknown contact', async () => {
    const { cc } = f();
    const contactId = f().connectedCall('agent1');
    for (const text of ['first', 'second', 'third']) expect((await f().say(contactId, { role: 'CUSTOMER', text })).status).toBe(201);
    const all = (await (await fetch(`${cc.url}/api/v1/contacts/${contactId}/transcript`)).json()) as { channel: string; ended: boolean; segments: { content: string }[] };
    expect(all).toMatchObject({ channel: 'voice', ended: false });
    expect(all.segments.map((s) => s.content)).toEqual(['first', 'second', 'third']);
    const newer = (await (await fetch(`${cc.url}/api/v1/contacts/${contactId}/transcript?after=2`)).json()) as { segments: { content: string; sequence: number }[] };
    expect(newer.segments.map((s) => [s.sequence, s.content])).toEqual([[3, 'third']]);
    expect((await fetch(`${cc.url}/api/v1/contacts/${contactId}/transcript?after=x`)).status).toBe(400);
    f().endCall(contactId);
    expect(((await (await fetch(`${cc.url}/api/v1/contacts/${contactId}/transcript`)).json()) as { ended: boolean }).ended).toBe(true);
    expect((await fetch(`${cc.url}/api/v1/contacts/nope/transcript`)).status).toBe(404);
  });
});

describe('after a transfer', () => {
  it('a line said on the first contact’s id lands on the transfer’s contact, where the customer now talks', async () => {
    const { cc } = f();
    const contactId = f().connectedCall('agent1');
    cc.engine.setStatus('agent2', 'available');
    cc.engine.addConnection('agent1', contactId, { quickConnectId: 'qc-agent2' });
    const transferId = cc.engine.getAgentView('agent2').contacts[0]!.contactId;
    expect(await apiError(await f().say(transferId, { role: 'CUSTOMER', text: 'hello?' }))).toMatchObject({ code: 'TranscriptNotLiveCall' });
    cc.engine.acceptContact('agent2', transferId);
    const agent1Leg = cc.engine.getAgentView('agent1').contacts.find((c) => c.contactId === contactId)!.connections[0]!.connectionId;
    cc.engine.destroyConnection('agent1', contactId, agent1Leg);
    const said = (await (await f().say(contactId, { role: 'CUSTOMER', text: 'Is this billing?' })).json()) as { contactId: string };
    expect(said.contactId).toBe(transferId);
    const agent = (await (await f().say(contactId, { role: 'AGENT', text: 'Yes, how can I help?' })).json()) as { displayName: string };
    expect(agent.displayName).toBe('Yuki Tanaka');
    expect(cc.transcripts.segments(contactId)).toEqual([]);
    expect(cc.transcripts.segments(transferId).map((s) => s.content)).toEqual(['Is this billing?', 'Yes, how can I help?']);
    cc.engine.customerHangUp(transferId);
    cc.engine.clearContact('agent2', transferId);
    cc.engine.clearContact('agent1', contactId);
  });
});

// The customer's WebSocket (the URL CreateParticipantConnection hands out) with a real `ws` client: the framing
// ChatJS speaks, and which items reach it: only after aws/subscribe, only its own chat's, never another
// participant's receipts; a wrong token is refused, and the URL works again within its life for ChatJS's retries.

import { SendEventCommand, SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { agentAccepts, customerConnection, type ParticipantFixture, startChat, startParticipantFixture } from './participant-fixture';

type Frame = { topic?: string; content?: unknown; contentType?: string; statusCode?: number; message?: string };

let f: ParticipantFixture;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  f = await startParticipantFixture();
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await f.close();
});

/** Opens `url` and collects every frame it receives. */
async function openSocket(url: string) {
  const socket = new WebSocket(url);
  sockets.push(socket);
  const frames: Frame[] = [];
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  socket.on('message', (data) => frames.push(JSON.parse(String(data)) as Frame));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const waitFor = async (test: (frame: Frame) => boolean) => {
    for (let i = 0; i < 100 && !frames.some(test); i++) await new Promise((r) => setTimeout(r, 20));
    return frames.find(test);
  };
  const chatItems = () => frames.filter((frame) => frame.topic === 'aws/chat').map((frame) => JSON.parse(String(frame.content)) as { Type: string; ContentType: string; Content?: string; ContactId: string });
  return { socket, frames, closed, waitFor, chatItems };
}

async function subscribed(url: string) {
  const opened = await openSocket(url);
  opened.socket.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } }));
  expect(await opened.waitFor((frame) => frame.topic === 'aws/subscribe')).toEqual({ topic: 'aws/subscribe', content: { status: 'success', topics: ['aws/chat'] } });
  return opened;
}

describe("the customer's WebSocket", () => {
  it('refuses a URL whose token it never issued and closes the socket', async () => {
    const started = await startChat(f);
    const { websocketUrl } = await customerConnection(f, started.ParticipantToken!);
    const forged = new URL(websocketUrl);
    forged.searchParams.set('token', 'not-a-token-we-issued');
    const opened = await openSocket(forged.toString());
    expect(await opened.closed).toBe(4003);
    expect(opened.frames[0]?.message).toMatch(/not valid|expired/);
  });

  it('pushes nothing before aws/subscribe, then the agent messages as aws/chat JSON items', async () => {
    const started = await startChat(f);
    const customer = await customerConnection(f, started.ParticipantToken!);
    const opened = await openSocket(customer.websocketUrl);
    const agentToken = agentAccepts(f, started.ContactId!);
    await f.participant.send(new SendMessageCommand({ ConnectionToken: agentToken, ContentType: 'text/plain', Content: 'before subscribing' }));
    await new Promise((r) => setTimeout(r, 100));
    expect(opened.chatItems()).toEqual([]);

    opened.socket.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } }));
    await opened.waitFor((frame) => frame.topic === 'aws/subscribe');
    await f.participant.send(new SendMessageCommand({ ConnectionToken: agentToken, ContentType: 'text/markdown', Content: '**after** subscribing' }));
    const pushed = await opened.waitFor((frame) => frame.topic === 'aws/chat');
    expect(pushed?.contentType).toBe('application/json');
    expect(opened.chatItems().map((item) => [item.Type, item.ContentType, item.Content])).toEqual([['MESSAGE', 'text/markdown', '**after** subscribing']]);
  });

  it("carries only its own chat's items, and a read receipt only to the message's sender", async () => {
    const first = await startChat(f);
    const second = await startChat(f, { ParticipantDetails: { DisplayName: 'Taro Suzuki' } });
    const customer = await customerConnection(f, first.ParticipantToken!);
    const other = await customerConnection(f, second.ParticipantToken!);
    const mine = await subscribed(customer.websocketUrl);
    const theirs = await subscribed(other.websocketUrl);

    const agentToken = agentAccepts(f, first.ContactId!);
    const message = await f.participant.send(new SendMessageCommand({ ConnectionToken: agentToken, ContentType: 'text/plain', Content: 'Let me look at your router.' }));
    await mine.waitFor((frame) => String(frame.content).includes('Let me look'));
    // The customer reads the agent's message: the receipt is for the agent, not pushed back to the customer.
    const deliveries: { type: string; to: string[] }[] = [];
    f.cc.chat.subscribe(first.ContactId!, ({ item, recipients }) => deliveries.push({ type: item.Type, to: recipients.map((r) => r.role) }));
    await f.participant.send(new SendEventCommand({ ConnectionToken: customer.token, ContentType: 'application/vnd.amazonaws.connect.event.message.read', Content: JSON.stringify({ messageId: message.Id }) }));
    await f.participant.send(new SendEventCommand({ ConnectionToken: agentToken, ContentType: 'application/vnd.amazonaws.connect.event.typing' }));
    await mine.waitFor((frame) => String(frame.content).includes('event.typing'));

    expect(deliveries.filter((d) => d.type === 'MESSAGEMETADATA')).toEqual([{ type: 'MESSAGEMETADATA', to: ['AGENT'] }]);
    const types = mine.chatItems().map((item) => item.ContentType);
    expect(types).toContain('application/vnd.amazonaws.connect.event.participant.joined');
    expect(types).toContain('application/vnd.amazonaws.connect.event.typing');
    expect(types).not.toContain('application/vnd.amazonaws.connect.event.message.metadata');
    expect(mine.chatItems().every((item) => item.ContactId === first.ContactId)).toBe(true);
    expect(theirs.chatItems()).toEqual([]);
  });

  it('answers heartbeats and pings, ignores unreadable frames, and lets ChatJS reopen the same URL within its life', async () => {
    const started = await startChat(f);
    const customer = await customerConnection(f, started.ParticipantToken!);
    const first = await openSocket(customer.websocketUrl);
    first.socket.send('not json');
    first.socket.send(JSON.stringify({ topic: 'aws/heartbeat' }));
    first.socket.send(JSON.stringify({ topic: 'aws/ping' }));
    expect(await first.waitFor((frame) => frame.topic === 'aws/heartbeat')).toEqual({ topic: 'aws/heartbeat' });
    expect(await first.waitFor((frame) => frame.topic === 'aws/ping')).toEqual({ topic: 'aws/ping', statusCode: 200 });
    expect(first.frames).toHaveLength(2);
    first.socket.close();
    await first.closed;
    // ChatJS retries a dropped socket with the same URL for 85 s before it asks for a new one.
    const again = await subscribed(customer.websocketUrl);
    const agentToken = agentAccepts(f, started.ContactId!);
    await f.participant.send(new SendMessageCommand({ ConnectionToken: agentToken, ContentType: 'text/plain', Content: 'still here' }));
    expect(await again.waitFor((frame) => String(frame.content).includes('still here'))).toBeTruthy();
  });
});

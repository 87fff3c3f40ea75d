// Contract suite, chat with the real ChatJS on BOTH sides: amazon-connect-streams + amazon-connect-chatjs 5.0.0 as
// the agent (chat.html) and amazon-connect-chatjs as the CUSTOMER (customer-chat.html, a real WebSocket to
// ws://127.0.0.1), with the backend's StartChatContact from @aws-sdk/client-connect. One chat, step by step: offer
// and accept, messages both ways (plain and Markdown), typing both ways, delivered and read receipts both ways,
// attachments up and down, GetTranscript against what both sides heard, then the customer leaving → ACW → clear.

import type { StartChatContactResponse } from '@aws-sdk/client-connect';
import { expect, test } from '@playwright/test';
import { TINY_PNG } from '../support/sdk-chat-customer';
import { AgentPage, type ChatContractWorld, CustomerPage, type HeardItem, startChatContact, startChatContractWorld, transcriptIds } from '../support/streams-harness/chat-contract-pages';

test.describe.configure({ mode: 'serial' });

const EVENT = 'application/vnd.amazonaws.connect.event.';
const INITIAL_MESSAGE = 'Hello, my parcel has not arrived.';

let world: ChatContractWorld;
let cc: ChatContractWorld['cc'];
let agent: AgentPage;
let customer: CustomerPage;
let started: StartChatContactResponse;
let contactId: string;
let agentParticipantId: string;
/** Message ids, by who sent them, for the receipts. */
const sent = { customer: [] as string[], agent: [] as string[] };

const heardByAgent = async () => (await agent.heard(contactId)).filter((h) => h.kind === 'message').map((h) => h.item!);
const heardByCustomer = async () => (await customer.log(contactId)).filter((h) => h.kind === 'message').map((h) => h.item!);
const contents = (items: HeardItem[]) => items.filter((i) => i.Type === 'MESSAGE').map((i) => [i.ParticipantRole, i.ContentType, i.Content]);

test.beforeAll(async () => {
  world = await startChatContractWorld('chatjs-customer');
  cc = world.cc;
  agent = await AgentPage.open(world, 'agent1');
  await agent.setState('Available');
  customer = await CustomerPage.open(world, { receiptThrottle: 1000 });
});

test.afterAll(async () => {
  await world?.close();
});

test('StartChatContact, the ChatJS customer connects over its WebSocket, streams offers the chat and the agent accepts', async () => {
  started = await startChatContact(world, 'Hanako Yamada', 'basic', INITIAL_MESSAGE);
  contactId = started.ContactId!;
  await customer.connect(started);
  await expect.poll(async () => (await customer.log(contactId)).map((h) => h.kind)).toContain('established');

  const details = await agent.acceptChat(contactId);
  expect(details.initialContactId).toBe(contactId);
  agentParticipantId = details.participantId;
  // The customer's socket carries the agent's participant.joined, stamped with both contact ids.
  await expect.poll(async () => (await heardByCustomer()).find((i) => i.ContentType === `${EVENT}participant.joined` && i.ParticipantRole === 'AGENT')).toMatchObject({
    ParticipantId: agentParticipantId,
    ContactId: contactId,
    InitialContactId: contactId,
  });
  expect(cc.engine.getContact(contactId)).toMatchObject({ state: 'connected', agentId: 'agent1' });
});

test('messages both ways, plain and Markdown, reach the other ChatJS with their ids', async () => {
  const plain = await customer.call<{ Id: string }>('sendMessage', contactId, 'Order 4411, please.');
  const markdown = await customer.call<{ Id: string }>('sendMessage', contactId, 'It was **urgent** — 急ぎです', 'text/markdown', 'retry-token-1');
  // A retry with the same ClientToken is the same message: same id, and nobody hears it twice.
  const retried = await customer.call<{ Id: string }>('sendMessage', contactId, 'It was **urgent** — 急ぎです', 'text/markdown', 'retry-token-1');
  expect(retried.Id).toBe(markdown.Id);
  sent.customer.push(plain.Id, markdown.Id);
  const reply = await agent.call<{ id: string }>('chatHarness', 'send', contactId, 'Thanks, *checking* now.', 'text/markdown');
  const reply2 = await agent.call<{ id: string }>('chatHarness', 'send', contactId, 'It left the depot today.');
  sent.agent.push(reply.id, reply2.id);

  await expect.poll(async () => (await heardByAgent()).filter((i) => i.ParticipantRole === 'CUSTOMER' && i.Type === 'MESSAGE').map((i) => i.Id)).toEqual(sent.customer);
  await expect.poll(async () => (await heardByCustomer()).filter((i) => i.ParticipantRole === 'AGENT' && i.Type === 'MESSAGE').map((i) => i.Id)).toEqual(sent.agent);
  const expected = [
    ['CUSTOMER', 'text/plain', 'Order 4411, please.'],
    ['CUSTOMER', 'text/markdown', 'It was **urgent** — 急ぎです'],
    ['AGENT', 'text/markdown', 'Thanks, *checking* now.'],
    ['AGENT', 'text/plain', 'It left the depot today.'],
  ];
  // Both sides hear every message, their own included (Connect sends each item to all participants).
  await expect.poll(async () => contents(await heardByAgent())).toEqual(expected);
  await expect.poll(async () => contents(await heardByCustomer())).toEqual(expected);
  for (const item of [...(await heardByAgent()), ...(await heardByCustomer())]) expect(item).toMatchObject({ ContactId: contactId, InitialContactId: contactId });
});

test('typing both ways reaches the other side as onTyping, from the right participant', async () => {
  await customer.call('sendTyping', contactId);
  await expect.poll(async () => (await agent.heard(contactId)).filter((h) => h.kind === 'typing').map((h) => h.item?.ParticipantRole)).toContain('CUSTOMER');
  await agent.call('chatHarness', 'typing', contactId);
  await expect
    .poll(async () => (await customer.log(contactId)).filter((h) => h.kind === 'typing').map((h) => [h.item?.ParticipantRole, h.item?.ParticipantId]))
    .toContainEqual(['AGENT', agentParticipantId]);
});

test('delivered and read receipts both ways are shown to the message sender only', async () => {
  const [agentMessage] = sent.agent;
  const [customerMessage] = sent.customer;
  // Customer → agent: delivered, then read, for the agent's first message.
  await customer.call('sendReceipt', contactId, agentMessage, 'delivered');
  await expect.poll(async () => (await agent.call<{ kind: string; item: HeardItem }[]>('agentChat', 'receiptsHeard', contactId)).map((r) => [r.kind, r.item.MessageMetadata?.MessageId])).toContainEqual(['delivered', agentMessage]);
  await customer.call('sendReceipt', contactId, agentMessage, 'read');
  await expect.poll(async () => (await agent.call<{ kind: string; item: HeardItem }[]>('agentChat', 'receiptsHeard', contactId)).map((r) => [r.kind, r.item.MessageMetadata?.MessageId])).toContainEqual(['read', agentMessage]);

  // Agent → customer (streams' ChatJS throttles receipts 5 s): delivered, then read, for the customer's first message.
  await agent.call('agentChat', 'sendReceipt', contactId, customerMessage, 'delivered');
  await expect.poll(async () => (await customer.log(contactId)).filter((h) => h.kind === 'delivered').map((h) => h.item?.MessageMetadata?.MessageId), { timeout: 10_000 }).toContain(customerMessage);
  await agent.call('agentChat', 'sendReceipt', contactId, customerMessage, 'read');
  await expect.poll(async () => (await customer.log(contactId)).filter((h) => h.kind === 'read').map((h) => h.item?.MessageMetadata?.MessageId), { timeout: 10_000 }).toContain(customerMessage);
  const receipt = (await customer.log(contactId)).find((h) => h.kind === 'read')!.item!;
  expect(receipt).toMatchObject({ Type: 'MESSAGEMETADATA', ContactId: contactId, InitialContactId: contactId });
  expect(receipt.MessageMetadata!.Receipts![0]).toMatchObject({ RecipientParticipantId: agentParticipantId });
  // Neither side is shown the receipts it sent itself.
  expect((await agent.call<{ item: HeardItem }[]>('agentChat', 'receiptsHeard', contactId)).map((r) => r.item.MessageMetadata?.MessageId)).not.toContain(customerMessage);
  expect((await customer.log(contactId)).filter((h) => h.kind === 'read' || h.kind === 'delivered').map((h) => h.item?.MessageMetadata?.MessageId)).not.toContain(agentMessage);
});

test('attachments up (customer → agent) and down (agent → customer) arrive byte for byte', async () => {
  await customer.call('sendAttachment', contactId, 'receipt.png', 'image/png', [...TINY_PNG]);
  const attachmentOf = (items: HeardItem[], role: string) => items.find((i) => i.Type === 'ATTACHMENT' && i.ParticipantRole === role)?.Attachments?.[0];
  await expect.poll(async () => attachmentOf(await heardByAgent(), 'CUSTOMER')).toMatchObject({ AttachmentName: 'receipt.png', ContentType: 'image/png', Status: 'APPROVED' });
  const up = attachmentOf(await heardByAgent(), 'CUSTOMER')!;
  const agentGot = await agent.call<number[]>('agentChat', 'downloadAttachment', contactId, up.AttachmentId);
  expect(Buffer.from(agentGot).equals(TINY_PNG)).toBe(true);

  const notes = Buffer.from('Tracking: JP-4411-778\n追跡番号をご確認ください。\n', 'utf8');
  await agent.call('agentChat', 'sendAttachment', contactId, 'tracking.txt', 'text/plain', [...notes]);
  await expect.poll(async () => attachmentOf(await heardByCustomer(), 'AGENT')).toMatchObject({ AttachmentName: 'tracking.txt', ContentType: 'text/plain', Status: 'APPROVED' });
  const down = attachmentOf(await heardByCustomer(), 'AGENT')!;
  const customerGot = await customer.call<number[]>('downloadAttachment', contactId, down.AttachmentId);
  expect(Buffer.from(customerGot).equals(notes)).toBe(true);
  // Each side heard both attachment items, the same ids.
  const attachmentIds = async (items: Promise<HeardItem[]>) => (await items).filter((i) => i.Type === 'ATTACHMENT').map((i) => i.Id);
  expect(await attachmentIds(heardByAgent())).toEqual(await attachmentIds(heardByCustomer()));
});

test("GetTranscript through both ChatJS sessions equals what each side heard, item for item, with the receipts on the messages", async () => {
  const customerTranscript = (await customer.call<{ Transcript: HeardItem[]; InitialContactId: string }>('getTranscript', contactId));
  expect(customerTranscript.InitialContactId).toBe(contactId);
  const agentTranscript = await agent.call<HeardItem[]>('agentChat', 'transcript', contactId);
  const ids = transcriptIds(customerTranscript.Transcript);
  expect(transcriptIds(agentTranscript)).toEqual(ids);
  // Before anyone was listening: the customer's participant.joined and the initial message; everything after is
  // exactly what each ChatJS heard live, in the same order.
  expect(contents(customerTranscript.Transcript.slice(0, 2))).toEqual([['CUSTOMER', 'text/plain', INITIAL_MESSAGE]]);
  for (const heard of [transcriptIds(await heardByAgent()), transcriptIds(await heardByCustomer())]) {
    expect(ids.slice(ids.indexOf(heard[0]!))).toEqual(heard);
  }
  // Receipts are not items of the transcript but MessageMetadata on the message they are about.
  const agentMessage = customerTranscript.Transcript.find((i) => i.Id === sent.agent[0])!;
  expect(agentMessage.MessageMetadata?.Receipts?.map((r) => [r.RecipientParticipantId, Boolean(r.ReadTimestamp)])).toContainEqual([started.ParticipantId, true]);
});

test('the customer leaves with disconnectParticipant: both sessions get chat.ended, the contact goes to ACW, then clear', async () => {
  await customer.call('disconnect', contactId);
  await agent.waitFor('contact::acw', contactId);
  await expect.poll(async () => (await customer.log(contactId)).map((h) => h.kind)).toContain('ended');
  await expect.poll(async () => (await agent.heard(contactId)).map((h) => h.kind)).toContain('ended');
  const lastTwo = (await heardByAgent()).slice(-2).map((i) => [i.ContentType, i.ParticipantRole]);
  expect(lastTwo).toEqual([
    [`${EVENT}participant.left`, 'CUSTOMER'],
    [`${EVENT}chat.ended`, 'SYSTEM'],
  ]);
  expect(cc.engine.getContact(contactId)).toMatchObject({ state: 'acw' });
  await agent.call('harness', 'clear', contactId);
  await agent.waitFor('contact::destroyed', contactId);
  expect(cc.engine.getAgentView('agent1').contacts.map((c) => c.contactId)).not.toContain(contactId);
});

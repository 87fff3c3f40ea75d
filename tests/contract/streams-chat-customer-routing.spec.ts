// Contract suite, chat routing with the real ChatJS on both sides (streams + ChatJS agents in chat.html, ChatJS
// customers in customer-chat.html, StartChatContact from @aws-sdk/client-connect): a transfer through a queue quick
// connect and one through an agent quick connect (streams' contact.transfer), each to another signed-in agent, with
// the customer keeping one conversation; then ten concurrent chats for one Support Tier 1 agent, the eleventh
// waiting in its queue until one of the ten is cleared.
//
// Seed (contact-center/seed/demo-instance.ts): agent1 (Emily Carter) and agent2 (Yuki Tanaka) have the Basic
// profile (BasicQueue, Support; 3 chats); agent3 (Kenji Sato) has Support Tier 1 (Support, then Billing; 10 chats).

import type { StartChatContactResponse } from '@aws-sdk/client-connect';
import { expect, test } from '@playwright/test';
import { AgentPage, type ChatContractWorld, CustomerPage, type HeardItem, startChatContact, startChatContractWorld, transcriptIds } from '../support/streams-harness/chat-contract-pages';

test.describe.configure({ mode: 'serial' });

const EVENT = 'application/vnd.amazonaws.connect.event.';

let world: ChatContractWorld;
let cc: ChatContractWorld['cc'];
let agent1: AgentPage;
let agent2: AgentPage;
let customer: CustomerPage;
/** The transferred chat: its first contact (the InitialContactId) and the contacts it moved to. */
let chat: StartChatContactResponse;
const contacts: string[] = [];

const heardByCustomer = async () => (await customer.log(chat.ContactId!)).filter((h) => h.kind === 'message').map((h) => h.item!);

test.beforeAll(async () => {
  world = await startChatContractWorld('chatjs-routing');
  cc = world.cc;
  agent1 = await AgentPage.open(world, 'agent1');
  agent2 = await AgentPage.open(world, 'agent2');
  customer = await CustomerPage.open(world);
});

test.afterAll(async () => {
  await world?.close();
});

/** The contact of the transferred chain that `agentId` holds, once the engine has offered it. */
async function offeredTo(agentId: string, initialContactId: string, except: string[]): Promise<string> {
  let found = '';
  await expect
    .poll(() => {
      found = cc.engine.getAgentView(agentId).contacts.find((c) => c.initialContactId === initialContactId && !except.includes(c.contactId))?.contactId ?? '';
      return found;
    })
    .not.toBe('');
  return found;
}

/** The agent's contact `from` moved on: ACW, its ChatJS session heard transfer.succeeded, then the agent clears it. */
async function transferredAway(agent: AgentPage, from: string): Promise<void> {
  await agent.waitFor('contact::acw', from);
  await expect.poll(async () => (await agent.heard(from)).map((h) => h.item?.ContentType)).toContain(`${EVENT}transfer.succeeded`);
  await agent.call('harness', 'clear', from);
  await agent.waitFor('contact::destroyed', from);
}

/** The customer and the new agent talk on the new contact: each hears the other, stamped with it. */
async function converseAfterTransfer(agent: AgentPage, contactId: string, fromCustomer: string, fromAgent: string): Promise<void> {
  const initialContactId = chat.ContactId!;
  await customer.call('sendMessage', initialContactId, fromCustomer);
  await expect.poll(async () => (await agent.heard(contactId)).map((h) => [h.item?.Content, h.item?.ContactId, h.item?.InitialContactId])).toContainEqual([fromCustomer, contactId, initialContactId]);
  await agent.call('chatHarness', 'send', contactId, fromAgent);
  await expect.poll(async () => (await heardByCustomer()).map((i) => [i.Content, i.ContactId, i.InitialContactId])).toContainEqual([fromAgent, contactId, initialContactId]);
}

test('transfer to a queue (quick connect "Support queue"): agent2 gets a new contact of the same chat and the ChatJS customer keeps talking', async () => {
  await agent1.setState('Available');
  chat = await startChatContact(world, 'Taro Suzuki', 'basic', 'My invoice is wrong.');
  contacts.push(chat.ContactId!);
  await customer.connect(chat);
  await agent1.acceptChat(chat.ContactId!);
  await agent1.call('chatHarness', 'send', chat.ContactId!, 'I will pass you to our support team.');

  // Both agents serve Support; agent1 takes a break so that the queue's chat can only go to agent2.
  await agent2.setState('Available');
  await agent1.setState('Break');
  await agent1.call('chatHarness', 'transfer', chat.ContactId!, 'Support queue');
  await transferredAway(agent1, chat.ContactId!);

  const second = await offeredTo('agent2', chat.ContactId!, contacts);
  contacts.push(second);
  expect(cc.engine.getContact(second)).toMatchObject({ initialContactId: chat.ContactId, queueId: 'support', record: { previousContactId: chat.ContactId, initiationMethod: 'transfer' } });
  const details = await agent2.acceptChat(second);
  expect(details.initialContactId).toBe(chat.ContactId);
  await expect
    .poll(async () => (await heardByCustomer()).filter((i) => i.ContentType === `${EVENT}participant.joined` && i.ParticipantRole === 'AGENT').map((i) => [i.ParticipantId, i.ContactId]))
    .toContainEqual([details.participantId, second]);
  await converseAfterTransfer(agent2, second, 'Is it the support team now?', 'Yes, Support here.');
});

test('transfer to an agent (quick connect "Emily Carter"): agent1 gets the chat back as a third contact, the whole conversation in its transcript', async () => {
  const [, second] = contacts;
  await agent1.setState('Available');
  await agent2.call('chatHarness', 'transfer', second, 'Emily Carter');
  await transferredAway(agent2, second!);

  const third = await offeredTo('agent1', chat.ContactId!, contacts);
  contacts.push(third);
  expect(cc.engine.getContact(third)).toMatchObject({ initialContactId: chat.ContactId, record: { previousContactId: second, initiationMethod: 'transfer' } });
  await agent1.acceptChat(third);
  await converseAfterTransfer(agent1, third, 'Hello again, Emily.', 'Welcome back, your invoice is fixed.');

  // One conversation for everyone: the new agent's and the customer's GetTranscript (both ChatJS) are the same
  // items, and they end with what the customer heard live on its one WebSocket across the three contacts.
  const agentTranscript = await agent1.call<HeardItem[]>('agentChat', 'transcript', third);
  const customerTranscript = (await customer.call<{ Transcript: HeardItem[] }>('getTranscript', chat.ContactId)).Transcript;
  expect(transcriptIds(agentTranscript)).toEqual(transcriptIds(customerTranscript));
  const ids = transcriptIds(customerTranscript);
  const heard = transcriptIds(await heardByCustomer());
  expect(ids.slice(ids.indexOf(heard[0]!))).toEqual(heard);
  expect(customerTranscript.filter((i) => i.Type === 'MESSAGE').map((i) => i.Content)).toEqual([
    'My invoice is wrong.',
    'I will pass you to our support team.',
    'Is it the support team now?',
    'Yes, Support here.',
    'Hello again, Emily.',
    'Welcome back, your invoice is fixed.',
  ]);
  expect([...new Set(customerTranscript.map((i) => i.ContactId))]).toEqual(contacts);
  expect(customerTranscript.filter((i) => i.ContentType === `${EVENT}transfer.succeeded`).map((i) => i.ContactId)).toEqual([chat.ContactId, second]);

  await customer.call('disconnect', chat.ContactId);
  await agent1.waitFor('contact::acw', third);
  await agent1.call('harness', 'clear', third);
  await agent1.waitFor('contact::destroyed', third);
});

test('ten concurrent chats for one Support Tier 1 agent; the eleventh waits in its queue until one is cleared, then is offered', async () => {
  test.setTimeout(120_000);
  // Only agent3 may take Support chats now (agent1 and agent2 serve Support too).
  await agent1.setState('Offline');
  await agent2.setState('Offline');
  const agent3 = await AgentPage.open(world, 'agent3');
  await agent3.setState('Available');
  const ten: string[] = [];
  for (let i = 1; i <= 10; i++) {
    const started = await startChatContact(world, `Customer ${i}`, 'support', `Question number ${i}`);
    await customer.connect(started);
    await agent3.acceptChat(started.ContactId!);
    ten.push(started.ContactId!);
  }
  expect(cc.engine.getAgentView('agent3').contacts.filter((c) => c.state === 'connected')).toHaveLength(10);

  const eleventh = await startChatContact(world, 'Customer 11', 'support', 'Is anyone there?');
  await customer.connect(eleventh);
  await expect.poll(() => cc.engine.queueSize('support', 'chat')).toBe(1);
  expect(cc.engine.getContact(eleventh.ContactId!)).toMatchObject({ state: 'queued', agentId: null });

  // Every one of the ten sessions still works: each customer and the agent exchange a message on their own chat.
  for (const [i, contactId] of ten.entries()) await customer.call('sendMessage', contactId, `Still here, ${i + 1}`);
  for (const [i, contactId] of ten.entries()) {
    await expect.poll(async () => (await agent3.heard(contactId)).map((h) => h.item?.Content)).toContain(`Still here, ${i + 1}`);
    expect((await agent3.heard(contactId)).filter((h) => h.kind === 'message').every((h) => h.item?.InitialContactId === contactId)).toBe(true);
  }

  // The first customer leaves: that chat is in After Contact Work and still holds its slot; the eleventh waits.
  await customer.call('disconnect', ten[0]);
  await agent3.waitFor('contact::acw', ten[0]!);
  expect(cc.engine.queueSize('support', 'chat')).toBe(1);
  expect(cc.engine.getContact(eleventh.ContactId!).state).toBe('queued');
  await agent3.call('harness', 'clear', ten[0]);
  await agent3.acceptChat(eleventh.ContactId!);
  expect(cc.engine.queueSize('support', 'chat')).toBe(0);
  await customer.call('sendMessage', eleventh.ContactId, 'Thank you for taking my chat.');
  await expect.poll(async () => (await agent3.heard(eleventh.ContactId!)).map((h) => h.item?.Content)).toContain('Thank you for taking my chat.');
});

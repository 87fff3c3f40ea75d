// Contract suite, chat: the real, pinned amazon-connect-streams with amazon-connect-chatjs 5.0.0 as the AGENT (in
// the harness page, against the local /ccp-v2/), and the real AWS SDK clients as the backend that starts the chat
// (StartChatContact) and as the customer (ConnectParticipant). Messages both ways, typing, the agent ending the
// chat into After Contact Work, and the transcript both sides read.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectClient, StartChatContactCommand } from '@aws-sdk/client-connect';
import { ConnectParticipantClient, CreateParticipantConnectionCommand, GetTranscriptCommand, SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { chromium } from 'playwright-core';
import { type RunningContactCenter, startContactCenter } from '../../contact-center/server/contact-center-server';
import { flowIdOfQueue } from '../../contact-center/server/routes/start-chat-contact';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { serveStreamsHarness, type StreamsHarnessServer } from '../support/streams-harness/serve';

test.describe.configure({ mode: 'serial' });

const PASSWORD = 'contract-pw';
const credentials = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };

let dataDir: string;
let cc: RunningContactCenter;
let harness: StreamsHarnessServer;
let browser: Browser;
let page: Page;
let connect: ConnectClient;
let participant: ConnectParticipantClient;

type Harness = Record<string, (...args: unknown[]) => unknown>;
const call = <T>(object: 'harness' | 'chatHarness', fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(
    async ({ object, fn, args }) => {
      const target = (window as unknown as Record<string, Harness>)[object]!;
      return (await target[fn]!(...args)) as never;
    },
    { object, fn, args },
  );

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sb-contract-chat-'));
  cc = await startContactCenter({ dataDir, port: 0, demoPassword: PASSWORD });
  connect = new ConnectClient({ endpoint: cc.url, region: cc.engine.instance.region, credentials });
  participant = new ConnectParticipantClient({ endpoint: cc.url, region: cc.engine.instance.region, credentials });
  harness = await serveStreamsHarness();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
  const context = await browser.newContext();
  const login = await context.newPage();
  await login.goto(`${cc.url}/connect/login`);
  await login.getByLabel(/User name/).fill('agent1');
  await login.getByLabel(/Password/).fill(PASSWORD);
  await login.getByRole('button', { name: /Sign in/ }).click();
  await expect(login.getByRole('heading', { name: /Signed in as/ })).toBeVisible();
  await login.close();
  page = await context.newPage();
  await page.goto(harness.chatPageUrl(`${cc.url}/ccp-v2/`));
  await page.evaluate(() => (window as unknown as { harness: { ready: Promise<unknown> } }).harness.ready);
  await call('harness', 'setState', 'Available');
});

test.afterAll(async () => {
  connect?.destroy();
  participant?.destroy();
  await browser?.close();
  await harness?.close();
  await cc?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function startChat(displayName: string) {
  const instance = cc.engine.instance;
  const started = await connect.send(
    new StartChatContactCommand({
      InstanceId: instance.instanceId,
      ContactFlowId: flowIdOfQueue(instance, 'basic'),
      ParticipantDetails: { DisplayName: displayName },
      InitialMessage: { ContentType: 'text/plain', Content: 'Hello, my order has not arrived.' },
    }),
  );
  const connection = await participant.send(new CreateParticipantConnectionCommand({ ParticipantToken: started.ParticipantToken!, Type: ['CONNECTION_CREDENTIALS'], ConnectParticipant: true }));
  return { contactId: started.ContactId!, customerToken: connection.ConnectionCredentials!.ConnectionToken! };
}

test('a chat started with StartChatContact is offered to streams, and ChatJS converses both ways', async () => {
  const { contactId, customerToken } = await startChat('Hanako Yamada');
  await call('harness', 'waitFor', 'contact::connecting', { contactId });
  const contact = (await call<{ id: string; state: string }[]>('harness', 'contacts')).find((c) => c.id === contactId);
  expect(contact).toBeTruthy();

  // streams made the agent's ChatJS session from the snapshot's connectionData while the chat rang.
  const details = await call<{ participantId: string; initialContactId: string }>('chatHarness', 'session', contactId);
  expect(details.initialContactId).toBe(contactId);
  await call('harness', 'accept', contactId);
  await call('harness', 'waitFor', 'contact::connected', { contactId });

  await participant.send(new SendMessageCommand({ ConnectionToken: customerToken, ContentType: 'text/plain', Content: 'Order 4411, please.' }));
  await expect
    .poll(async () => (await call<{ Content?: string; ContactId: string; InitialContactId: string }[]>('chatHarness', 'messagesHeard', contactId)).map((m) => m.Content))
    .toContain('Order 4411, please.');
  const heard = (await call<{ Content?: string; ContactId: string; InitialContactId: string; ParticipantRole: string }[]>('chatHarness', 'messagesHeard', contactId)).find((m) => m.Content === 'Order 4411, please.');
  expect(heard).toMatchObject({ ContactId: contactId, InitialContactId: contactId, ParticipantRole: 'CUSTOMER' });

  await call('chatHarness', 'send', contactId, 'Thanks, **checking** now.', 'text/markdown');
  await call('chatHarness', 'typing', contactId);
  const customerSees = await participant.send(new GetTranscriptCommand({ ConnectionToken: customerToken, SortOrder: 'ASCENDING', MaxResults: 100 }));
  const messages = customerSees.Transcript!.filter((i) => i.Type === 'MESSAGE').map((i) => [i.ParticipantRole, i.Content]);
  expect(messages).toEqual([
    ['CUSTOMER', 'Hello, my order has not arrived.'],
    ['CUSTOMER', 'Order 4411, please.'],
    ['AGENT', 'Thanks, **checking** now.'],
  ]);
  // The agent's own GetTranscript (through ChatJS) equals what the customer read.
  const agentSees = await call<{ Type: string; Content?: string }[]>('chatHarness', 'transcript', contactId);
  expect(agentSees.filter((i) => i.Type === 'MESSAGE').map((i) => i.Content)).toEqual(messages.map((m) => m[1]));

  // The agent ends the chat: After Contact Work, the customer is told chat.ended, then the agent closes it.
  await call('harness', 'hangUpAgent', contactId);
  await call('harness', 'waitFor', 'contact::acw', { contactId });
  const after = await participant.send(new GetTranscriptCommand({ ConnectionToken: customerToken, SortOrder: 'ASCENDING', MaxResults: 100 }));
  expect(after.Transcript!.at(-1)?.ContentType).toBe('application/vnd.amazonaws.connect.event.chat.ended');
  await call('harness', 'clear', contactId);
  await call('harness', 'waitFor', 'contact::destroyed', { contactId });
});

test('a chat transferred to a queue with streams is a new contact of the same chat: the customer keeps the conversation', async () => {
  const { contactId, customerToken } = await startChat('Taro Suzuki');
  await call('harness', 'waitFor', 'contact::connecting', { contactId });
  await call('chatHarness', 'session', contactId);
  await call('harness', 'accept', contactId);
  await call('harness', 'waitFor', 'contact::connected', { contactId });
  await call('chatHarness', 'send', contactId, 'I will pass you to our support team.');

  await call('chatHarness', 'transfer', contactId, 'Support queue');
  await call('harness', 'waitFor', 'contact::acw', { contactId });
  // The transferring agent's ChatJS session is told, and leaves the chat.
  await expect.poll(() => call<string[]>('chatHarness', 'eventsHeard', contactId)).toContain('application/vnd.amazonaws.connect.event.transfer.succeeded');
  await call('harness', 'clear', contactId);

  // The same agent is the only one available, so the transferred contact is offered back: a new contact id,
  // the same initial contact id, initiated by transfer.
  let transferred = '';
  await expect
    .poll(() => {
      transferred = cc.engine.getAgentView('agent1').contacts.find((c) => c.contactId !== contactId && c.initialContactId === contactId)?.contactId ?? '';
      return transferred;
    })
    .not.toBe('');
  await call('harness', 'waitFor', 'contact::connecting', { contactId: transferred });
  await call('chatHarness', 'session', transferred);
  await call('harness', 'accept', transferred);
  await call('harness', 'waitFor', 'contact::connected', { contactId: transferred });

  await participant.send(new SendMessageCommand({ ConnectionToken: customerToken, ContentType: 'text/plain', Content: 'Still here.' }));
  await expect.poll(async () => (await call<{ Content?: string; ContactId: string }[]>('chatHarness', 'messagesHeard', transferred)).map((m) => [m.Content, m.ContactId])).toContainEqual(['Still here.', transferred]);
  // The new agent session reads the whole conversation, from before the transfer too.
  const history = await call<{ Type: string; Content?: string }[]>('chatHarness', 'transcript', transferred);
  expect(history.filter((i) => i.Type === 'MESSAGE').map((i) => i.Content)).toEqual(['Hello, my order has not arrived.', 'I will pass you to our support team.', 'Still here.']);
  expect(cc.engine.getContact(transferred).record.previousContactId).toBe(contactId);
  await call('harness', 'hangUpAgent', transferred);
  await call('harness', 'waitFor', 'contact::acw', { contactId: transferred });
  await call('harness', 'clear', transferred);
});

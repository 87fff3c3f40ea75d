// Contract suite, the customer chat page: /chat/ in real Chromium runs the pinned amazon-connect-chatjs 5.0.0 as
// the CUSTOMER against the local contact center, and the agent is played with the real
// @aws-sdk/client-connectparticipant on the participant the chat bridge gives the agent who accepts the chat
// (plus the agent's own participant WebSocket, to hear the customer typing). Messages both ways with safe
// Markdown, typing, attachments both ways, receipts, the Japanese UI, and ending the chat.

import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CompleteAttachmentUploadCommand,
  ConnectParticipantClient,
  CreateParticipantConnectionCommand,
  GetAttachmentCommand,
  GetTranscriptCommand,
  SendEventCommand,
  SendMessageCommand,
  StartAttachmentUploadCommand,
  type Item,
} from '@aws-sdk/client-connectparticipant';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';
import { type RunningContactCenter, startContactCenter } from '../../contact-center/server/contact-center-server';
import { chromiumArgs, chromiumPath } from '../support/chromium';

test.describe.configure({ mode: 'serial' });

const credentials = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };
const EVENT = 'application/vnd.amazonaws.connect.event.';
/** A 1×1 PNG: the contact center checks an upload's bytes against its declared type. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e10000000049454e44ae426082', 'hex');

let dataDir: string;
let cc: RunningContactCenter;
let browser: Browser;
let participant: ConnectParticipantClient;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sb-customer-chat-'));
  cc = await startContactCenter({ dataDir, port: 0, demoPassword: 'contract-pw' });
  participant = new ConnectParticipantClient({ endpoint: cc.url, region: cc.engine.instance.region, credentials });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs(), '--headless=new'] });
});

test.afterAll(async () => {
  participant?.destroy();
  await browser?.close();
  await cc?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface Agent {
  contactId: string;
  token: string;
  heard: Item[];
  socket: WebSocket;
}

/** agent1 becomes Available, is offered the page's chat and accepts it, and listens on its own WebSocket. */
async function agentAcceptsTheChat(): Promise<Agent> {
  cc.engine.setStatus('agent1', 'available');
  const offered = cc.engine.getAgentView('agent1').contacts.find((c) => c.chat);
  expect(offered?.chat).toBeTruthy();
  const agent = cc.chatBridge.agentParticipantFor(offered!.contactId, offered!.chat!.agentConnectionId, 'Emily Carter');
  cc.engine.acceptContact('agent1', offered!.contactId);
  const connection = await participant.send(new CreateParticipantConnectionCommand({ ParticipantToken: agent.participantToken, Type: ['WEBSOCKET'] }));
  const heard: Item[] = [];
  const socket = new WebSocket(connection.Websocket!.Url!);
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { topic?: string; content?: string };
    if (frame.topic === 'aws/chat' && frame.content) heard.push(JSON.parse(frame.content) as Item);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } }));
  return { contactId: offered!.contactId, token: agent.connectionToken!, heard, socket };
}

async function agentTranscript(agent: Agent): Promise<Item[]> {
  const answer = await participant.send(new GetTranscriptCommand({ ConnectionToken: agent.token, SortOrder: 'ASCENDING', MaxResults: 100 }));
  return answer.Transcript!;
}

async function startChatFromPage(page: Page, name: string, firstMessage: string): Promise<void> {
  await page.goto(`${cc.url}/chat/`);
  await page.getByLabel('Language').selectOption('en');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('What is it about?').selectOption('basic');
  await page.getByLabel(/Your first message/).fill(firstMessage);
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.locator('#transcript')).toContainText(firstMessage);
}

test('a customer chats from /chat/ with an agent on the AWS SDK: messages, Markdown, typing, files, receipts, Japanese, end', async () => {
  const page = await browser.newPage({ locale: 'en-US' });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await startChatFromPage(page, 'Hanako Yamada', 'My router keeps rebooting.');
  const agent = await agentAcceptsTheChat();
  await expect(page.locator('#transcript')).toContainText('Emily Carter joined the chat.');
  const record = cc.engine.getContact(agent.contactId).record;
  expect(record).toMatchObject({ queueId: 'basic', attributes: { customerLocale: 'en' } });

  // The customer types (the agent hears typing) and sends with Enter; Enter while an IME composes sends nothing.
  const composer = page.getByLabel('Message', { exact: true });
  await composer.pressSequentially('Order 4411');
  await expect.poll(() => agent.heard.filter((i) => i.ContentType === `${EVENT}typing` && i.ParticipantRole === 'CUSTOMER').length).toBeGreaterThan(0);
  // Chromium's Enter that confirms a composition, then Safari's (just after compositionend, not marked composing).
  await composer.evaluate((box: HTMLTextAreaElement) => {
    box.dispatchEvent(new CompositionEvent('compositionstart'));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true }));
    box.dispatchEvent(new CompositionEvent('compositionend', { data: '注文' }));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  });
  await expect(composer).toHaveValue('Order 4411');
  await composer.press('Enter');
  await expect.poll(async () => (await agentTranscript(agent)).filter((i) => i.Type === 'MESSAGE').map((i) => [i.ParticipantRole, i.Content])).toEqual([
    ['CUSTOMER', 'My router keeps rebooting.'],
    ['CUSTOMER', 'Order 4411'],
  ]);
  await expect(composer).toHaveValue('');

  // The emoji picker works from the keyboard and inserts at the caret.
  await page.getByRole('button', { name: 'Emoji' }).press('Enter');
  await expect(page.getByRole('gridcell', { name: 'grinning face' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(composer).toHaveValue('🙂');
  await expect(page.locator('#emoji-panel')).toBeHidden();
  await composer.fill('');

  // The agent types, then answers in Markdown with a link and an attempt at script injection.
  await participant.send(new SendEventCommand({ ConnectionToken: agent.token, ContentType: `${EVENT}typing` }));
  await expect(page.locator('#typing')).toHaveText('Emily Carter is typing…');
  const markdown = 'Please see [the guide](https://example.com/help) and **restart** it.\n\n<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">';
  await participant.send(new SendMessageCommand({ ConnectionToken: agent.token, ContentType: 'text/markdown', Content: markdown }));
  const answer = page.locator('#transcript li.message.agent').last();
  await expect(answer.getByRole('link', { name: 'the guide' })).toHaveAttribute('href', 'https://example.com/help');
  await expect(answer.getByRole('link', { name: 'the guide' })).toHaveAttribute('rel', /noopener/);
  await expect(answer.locator('strong')).toHaveText('restart');
  await expect(answer).toContainText('<script>window.__pwned = 1</script>');
  await expect(page.locator('#transcript script, #transcript img, #transcript [onerror]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('#typing')).toHaveText('');
  await expect(page.locator('#agent-announcer')).toContainText('Emily Carter says: Please see the guide and restart it.');

  // The page marks the agent's message read; the agent marks the customer's last message read.
  await expect
    .poll(async () => (await agentTranscript(agent)).find((i) => i.ContentType === 'text/markdown')?.MessageMetadata?.Receipts?.[0]?.ReadTimestamp, { timeout: 8000 })
    .toBeTruthy();
  const customerMessage = (await agentTranscript(agent)).find((i) => i.Content === 'Order 4411')!;
  await participant.send(new SendEventCommand({ ConnectionToken: agent.token, ContentType: `${EVENT}message.read`, Content: JSON.stringify({ messageId: customerMessage.Id }) }));
  await expect(page.locator(`#transcript li[data-id="${customerMessage.Id}"] .receipt`)).toHaveText('Read');

  // A file from the page reaches the agent intact; a file type Connect refuses is never uploaded.
  await page.getByLabel('Attach a file').setInputFiles({ name: 'router-lights.png', mimeType: 'image/png', buffer: PNG });
  await expect.poll(async () => (await agentTranscript(agent)).filter((i) => i.Type === 'ATTACHMENT').length).toBe(1);
  const uploaded = (await agentTranscript(agent)).find((i) => i.Type === 'ATTACHMENT')!;
  expect(uploaded).toMatchObject({ ParticipantRole: 'CUSTOMER', Attachments: [{ AttachmentName: 'router-lights.png', ContentType: 'image/png', Status: 'APPROVED' }] });
  const link = await participant.send(new GetAttachmentCommand({ ConnectionToken: agent.token, AttachmentId: uploaded.Attachments![0]!.AttachmentId! }));
  expect(Buffer.from(await (await fetch(link.Url!)).arrayBuffer()).equals(PNG)).toBe(true);
  await page.getByLabel('Attach a file').setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
  await expect(page.getByRole('alert').filter({ hasText: 'setup.exe' })).toContainText('cannot be sent: only csv, doc');
  const tooLarge = join(dataDir, 'scan.pdf');
  writeFileSync(tooLarge, '');
  truncateSync(tooLarge, 20 * 1024 * 1024 + 1);
  await page.getByLabel('Attach a file').setInputFiles(tooLarge);
  await expect(page.getByRole('alert')).toHaveText('“scan.pdf” is larger than 20 MB and cannot be sent.');
  expect((await agentTranscript(agent)).filter((i) => i.Type === 'ATTACHMENT')).toHaveLength(1);
  await page.getByLabel('Attach a file').setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });

  // A file from the agent is downloadable on the page, with the agent's bytes.
  const notes = Buffer.from('Steps: unplug the router for 30 seconds.\n');
  const upload = await participant.send(new StartAttachmentUploadCommand({ ConnectionToken: agent.token, ContentType: 'text/plain', AttachmentName: 'steps.txt', AttachmentSizeInBytes: notes.length, ClientToken: 'agent-upload-1' }));
  await fetch(upload.UploadMetadata!.Url!, { method: 'PUT', headers: upload.UploadMetadata!.HeadersToInclude, body: notes });
  await participant.send(new CompleteAttachmentUploadCommand({ ConnectionToken: agent.token, AttachmentIds: [upload.AttachmentId!], ClientToken: 'agent-upload-done-1' }));
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download steps.txt' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('steps.txt');
  expect(readFileSync((await download.path())!).equals(notes)).toBe(true);

  // Japanese: every string switches, the shown error and the receipt included.
  await page.getByLabel('Language').selectOption('ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('チャットでお問い合わせ');
  await expect(page.getByRole('button', { name: '送信' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'setup.exe' })).toContainText('は送信できません');
  await expect(page.locator(`#transcript li[data-id="${customerMessage.Id}"] .receipt`)).toHaveText('既読');
  await expect(page.locator('#transcript')).toContainText('Emily Carter がチャットに参加しました。');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');

  // Ending the chat: the page shows it ended, and the agent sees the customer leave.
  await page.getByRole('button', { name: 'チャットを終了' }).click();
  await expect(page.getByText('チャットは終了しました。お問い合わせありがとうございました。')).toBeVisible();
  await expect(page.getByLabel('メッセージ', { exact: true })).toBeHidden();
  await expect
    .poll(async () => (await agentTranscript(agent)).filter((i) => i.Type === 'EVENT').map((i) => [i.ContentType!.slice(EVENT.length), i.ParticipantRole]))
    .toEqual(expect.arrayContaining([['participant.left', 'CUSTOMER'], ['chat.ended', 'SYSTEM']]));
  expect(cc.engine.getAgentView('agent1').contacts.find((c) => c.contactId === agent.contactId)?.state).toBe('ended');
  cc.engine.clearContact('agent1', agent.contactId);
  agent.socket.close();
  expect(pageErrors).toEqual([]);
  await page.close();
});

test('a reload keeps the chat: the page reconnects, shows the conversation so far and goes on; once ended, a reload starts afresh', async () => {
  const page = await browser.newPage({ locale: 'en-US' });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await startChatFromPage(page, 'Kenta Mori', 'Is my parcel lost?');
  const agent = await agentAcceptsTheChat();
  await participant.send(new SendMessageCommand({ ConnectionToken: agent.token, ContentType: 'text/plain', Content: 'Let me check the tracking number.' }));
  await expect(page.locator('#transcript')).toContainText('Let me check the tracking number.');

  await page.reload();
  await expect(page.locator('#transcript')).toContainText('Is my parcel lost?');
  await expect(page.locator('#transcript')).toContainText('Let me check the tracking number.');
  await expect(page.locator('#connection-status')).toContainText('Connected');
  // The reconnected page sends and receives on the same conversation.
  await page.getByLabel('Message', { exact: true }).fill('It is 4411-2');
  await page.getByLabel('Message', { exact: true }).press('Enter');
  await expect
    .poll(async () => (await agentTranscript(agent)).filter((i) => i.Type === 'MESSAGE' && i.ParticipantRole === 'CUSTOMER').map((i) => i.Content))
    .toEqual(['Is my parcel lost?', 'It is 4411-2']);
  await participant.send(new SendMessageCommand({ ConnectionToken: agent.token, ContentType: 'text/plain', Content: 'Found it: it arrives tomorrow.' }));
  await expect(page.locator('#transcript')).toContainText('Found it: it arrives tomorrow.');

  await page.getByRole('button', { name: 'End chat' }).click();
  await expect(page.getByRole('button', { name: 'Start a new chat' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Start chat' })).toBeVisible();
  await expect(page.locator('#transcript')).toBeEmpty();
  cc.engine.clearContact('agent1', agent.contactId);
  agent.socket.close();
  expect(pageErrors).toEqual([]);
  await page.close();
});

test('coming back after the chat ended meanwhile: the page says it cannot be resumed and offers the start form', async () => {
  const page = await browser.newPage({ locale: 'en-US' });
  await startChatFromPage(page, 'Aiko Ueda', 'Hello?');
  const agent = await agentAcceptsTheChat();
  await page.goto('about:blank'); // the tab keeps its sessionStorage for the page's origin
  const agentLeg = cc.engine.getAgentView('agent1').contacts.find((c) => c.contactId === agent.contactId)!.connections.find((c) => c.type === 'agent')!;
  cc.engine.destroyConnection('agent1', agent.contactId, agentLeg.connectionId);
  await page.goto(`${cc.url}/chat/`);
  await expect(page.locator('#start-error')).toContainText('Your earlier chat could not be resumed');
  await expect(page.getByRole('button', { name: 'Start chat' })).toBeVisible();
  await expect(page.locator('#transcript')).toBeEmpty();
  // It is forgotten: the next visit is a plain start form.
  await page.reload();
  await expect(page.locator('#start-error')).toHaveText('');
  cc.engine.clearContact('agent1', agent.contactId);
  agent.socket.close();
  await page.close();
});

test('the index and demo pages link to it; it starts in Japanese for a Japanese browser and refuses a chat without a name, in Japanese', async () => {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(`${cc.url}/`);
  await page.getByRole('link', { name: 'Chat as a customer' }).click();
  await expect(page).toHaveURL(`${cc.url}/chat/`);
  await page.goto(`${cc.url}/demo/`);
  await page.getByRole('link', { name: /Chat as a customer/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('チャットでお問い合わせ');
  await expect(page.getByLabel('お問い合わせの種類')).toContainText('一般窓口');
  await page.getByRole('button', { name: 'チャットを開始' }).click();
  await expect(page.getByRole('alert')).toHaveText('お名前を入力してください。');
  await expect(page.getByLabel('お名前')).toBeFocused();
  expect(cc.engine.queueSize('basic', 'chat')).toBe(0);
  await context.close();
});

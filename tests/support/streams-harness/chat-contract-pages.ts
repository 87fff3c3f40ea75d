// Set-up for the chat contract specs where the real ChatJS plays the customer: the contact center, harness server,
// Chromium and SDK client one spec file shares; agent pages (streams + ChatJS in chat.html, plus
// agent-chat-extras.js) signed in as a seeded agent; ChatJS customer pages (customer-chat.html); and a typed way to
// call the `window` harness objects they expose with page.evaluate.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectClient, StartChatContactCommand, type StartChatContactResponse } from '@aws-sdk/client-connect';
import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';
import { chromium } from 'playwright-core';
import { type RunningContactCenter, startContactCenter } from '../../../contact-center/server/contact-center-server';
import { flowIdOfQueue } from '../../../contact-center/server/routes/start-chat-contact';
import { chromiumArgs, chromiumPath } from '../chromium';
import { serveStreamsHarness, type StreamsHarnessServer } from './serve';

const CONTRACT_PASSWORD = 'contract-pw';
const SDK_CREDENTIALS = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };

/** What one spec file shares: a contact center on an ephemeral port (fresh data folder), the harness server,
 *  Chromium, and the backend's Connect client. */
export interface ChatContractWorld {
  cc: RunningContactCenter;
  harness: StreamsHarnessServer;
  browser: Browser;
  connect: ConnectClient;
  close(): Promise<void>;
}

export async function startChatContractWorld(name: string): Promise<ChatContractWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), `sb-contract-${name}-`));
  const cc = await startContactCenter({ dataDir, port: 0, demoPassword: CONTRACT_PASSWORD });
  const connect = new ConnectClient({ endpoint: cc.url, region: cc.engine.instance.region, credentials: SDK_CREDENTIALS });
  const harness = await serveStreamsHarness();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs() });
  return {
    cc,
    harness,
    browser,
    connect,
    async close() {
      connect.destroy();
      await browser.close();
      await harness.close();
      await cc.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type HarnessObject = 'harness' | 'chatHarness' | 'agentChat' | 'customerHarness';

/** Calls window[object][fn](...args) in the page and returns its (awaited, JSON-safe) result. */
export function callIn<T>(page: Page, object: HarnessObject, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    async ({ object, fn, args }) => {
      const target = (window as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[object];
      if (!target || typeof target[fn] !== 'function') throw new Error(`window.${object}.${fn} is not a function`);
      return (await target[fn](...args)) as never;
    },
    { object, fn, args },
  );
}

/** A chat item as ChatJS hands it over (the fields the specs read). */
export interface HeardItem {
  Id: string;
  Type: string;
  ContentType: string;
  Content?: string;
  ParticipantId?: string;
  ParticipantRole?: string;
  ContactId: string;
  InitialContactId: string;
  Attachments?: { AttachmentId: string; AttachmentName: string; ContentType: string; Status: string }[];
  MessageMetadata?: { MessageId: string; Receipts?: { DeliveredTimestamp?: string; ReadTimestamp?: string; RecipientParticipantId: string }[] };
}

export interface Heard {
  kind: string;
  item: HeardItem | null;
}

/** One agent's streams page: `harness` (streams), `chatHarness` and `agentChat` (its ChatJS sessions). */
export class AgentPage {
  private constructor(
    readonly username: string,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  /** Signs `username` in on the contact center's login page, then opens the chat harness and waits for streams. */
  static async open({ browser, cc, harness }: ChatContractWorld, username: string): Promise<AgentPage> {
    const context = await browser.newContext();
    const login = await context.newPage();
    await login.goto(`${cc.url}/connect/login`);
    await login.getByLabel(/User name/).fill(username);
    await login.getByLabel(/Password/).fill(CONTRACT_PASSWORD);
    await login.getByRole('button', { name: /Sign in/ }).click();
    await expect(login.getByRole('heading', { name: /Signed in as/ })).toBeVisible();
    await login.close();
    const page = await context.newPage();
    await page.goto(harness.chatPageUrl(`${cc.url}/ccp-v2/`));
    await page.evaluate(() => (window as unknown as { harness: { ready: Promise<unknown> } }).harness.ready);
    await page.addScriptTag({ url: `${harness.url}agent-chat-extras.js` });
    return new AgentPage(username, context, page);
  }

  call<T>(object: 'harness' | 'chatHarness' | 'agentChat', fn: string, ...args: unknown[]): Promise<T> {
    return callIn<T>(this.page, object, fn, ...args);
  }

  setState(name: string): Promise<unknown> {
    return this.call('harness', 'setState', name);
  }

  waitFor(event: string, contactId: string, timeout = 10_000): Promise<unknown> {
    return this.call('harness', 'waitFor', event, { contactId, timeout });
  }

  /** Waits for the offer, makes the agent's ChatJS session listen (as it rings), accepts, waits for connected. */
  async acceptChat(contactId: string): Promise<{ participantId: string; initialContactId: string }> {
    await this.waitFor('contact::connecting', contactId);
    const details = await this.call<{ participantId: string; initialContactId: string }>('agentChat', 'watch', contactId);
    await this.call('harness', 'accept', contactId);
    await this.waitFor('contact::connected', contactId);
    return details;
  }

  heard(contactId: string): Promise<Heard[]> {
    return this.call<Heard[]>('agentChat', 'heard', contactId);
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/** A page of ChatJS customers (any number of sessions, each keyed by its contact id). */
export class CustomerPage {
  private constructor(readonly page: Page) {}

  static async open({ browser, cc, harness }: ChatContractWorld, options: Record<string, string | number> = {}): Promise<CustomerPage> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(harness.customerPageUrl(cc.url, options));
    await page.waitForFunction(() => 'customerHarness' in window);
    return new CustomerPage(page);
  }

  call<T>(fn: string, ...args: unknown[]): Promise<T> {
    return callIn<T>(this.page, 'customerHarness', fn, ...args);
  }

  /** ChatJS ChatSession.create(CUSTOMER) + connect() for what StartChatContact answered. */
  async connect(started: StartChatContactResponse): Promise<void> {
    const result = await this.call<{ connected: boolean }>('connect', { ContactId: started.ContactId, ParticipantId: started.ParticipantId, ParticipantToken: started.ParticipantToken });
    expect(result.connected).toBe(true);
  }

  log(contactId: string): Promise<Heard[]> {
    return this.call<Heard[]>('log', contactId);
  }

  close(): Promise<void> {
    return this.page.context().close();
  }
}

/** The backend's StartChatContact (the real @aws-sdk/client-connect) into `queueId`'s flow. */
export function startChatContact({ connect, cc }: ChatContractWorld, displayName: string, queueId: string, initialMessage?: string): Promise<StartChatContactResponse> {
  const instance = cc.engine.instance;
  return connect.send(
    new StartChatContactCommand({
      InstanceId: instance.instanceId,
      ContactFlowId: flowIdOfQueue(instance, queueId),
      ParticipantDetails: { DisplayName: displayName },
      ...(initialMessage ? { InitialMessage: { ContentType: 'text/plain', Content: initialMessage } } : {}),
    }),
  );
}

/** Ids of the items that belong in a transcript (messages, attachments and events, not typing), in order. */
export function transcriptIds(items: (HeardItem | null)[]): string[] {
  return items
    .filter((i): i is HeardItem => i !== null && i.Type !== 'MESSAGEMETADATA' && i.ContentType !== 'application/vnd.amazonaws.connect.event.typing')
    .map((i) => i.Id);
}

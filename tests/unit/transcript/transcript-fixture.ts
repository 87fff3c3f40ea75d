// What the transcript tests share: a contact center started in-process on an ephemeral port (demo seed, a fresh data
// folder per file, a virtual clock so offsets are exact, a short stream heartbeat), calls connected to an agent,
// chats accepted by one, and raw requests to the say route with the headers a page, a script or the extension sends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { VirtualClock } from '../../../contact-center/clock';
import { type RunningContactCenter, startContactCenter } from '../../../contact-center/server/contact-center-server';

export const SDK_CREDENTIALS = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };
export const EXTENSION_ORIGIN = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}`;
/** What Chrome sends with a request from the extension's worker or pages. */
export const FROM_EXTENSION = { Origin: EXTENSION_ORIGIN, 'Sec-Fetch-Site': 'none' };
export const HEARTBEAT_MS = 100;

export interface TranscriptFixture {
  cc: RunningContactCenter;
  clock: VirtualClock;
  instanceId: string;
  /** Session cookies of the demo agents. */
  cookie(agentId: string): string;
  /** An inbound call into `queueId`, accepted by `agentId` (made Available first): connected. */
  connectedCall(agentId?: string, queueId?: string): string;
  /** The customer hangs up and the agent clears the contact (the agent is free again). */
  endCall(contactId: string, agentId?: string): void;
  /** A chat accepted by `agentId`, with the customer's and the agent's connection tokens. */
  acceptedChat(agentId?: string, customerName?: string): { contactId: string; customerToken: string; agentToken: string };
  /** POST /api/v1/contacts/{id}/transcript with a JSON body and extra headers. */
  say(contactId: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
}

export function useTranscriptFixture(): () => TranscriptFixture {
  let fixture: TranscriptFixture | null = null;
  let dataDir = '';
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sb-transcript-'));
    const clock = new VirtualClock(Date.UTC(2026, 4, 11, 1, 0, 0));
    const cc = await startContactCenter({ dataDir, port: 0, demoPassword: 'pw-test', clock, transcriptHeartbeatMs: HEARTBEAT_MS });
    const cookies = new Map<string, string>();
    const makeAvailable = (agentId: string) => {
      if (cc.engine.getAgentView(agentId).state.type !== 'routable') cc.engine.setStatus(agentId, 'available');
    };
    fixture = {
      cc,
      clock,
      instanceId: cc.engine.instance.instanceId,
      cookie(agentId) {
        if (!cookies.has(agentId)) cookies.set(agentId, `sb_session=${cc.issueSession(agentId)}`);
        return cookies.get(agentId)!;
      },
      connectedCall(agentId = 'agent1', queueId = 'support') {
        makeAvailable(agentId);
        const contactId = cc.engine.startInboundCall({ from: '+819012345678', queueId });
        cc.engine.acceptContact(agentId, contactId);
        return contactId;
      },
      endCall(contactId, agentId = 'agent1') {
        cc.engine.customerHangUp(contactId);
        cc.engine.clearContact(agentId, contactId);
      },
      acceptedChat(agentId = 'agent1', customerName = 'Hanako Yamada') {
        makeAvailable(agentId);
        const started = cc.chatBridge.startChatContact({ queueId: 'basic', displayName: customerName });
        const customer = cc.chat.createParticipantConnection(started.participantToken, { Type: ['CONNECTION_CREDENTIALS'] });
        const view = cc.engine.getAgentView(agentId).contacts.find((c) => c.contactId === started.contactId);
        if (!view?.chat) throw new Error(`${started.contactId} is not offered to ${agentId}`);
        const agent = cc.chatBridge.agentParticipantFor(started.contactId, view.chat.agentConnectionId, 'Emily Carter');
        cc.engine.acceptContact(agentId, started.contactId);
        return { contactId: started.contactId, customerToken: customer.ConnectionCredentials!.ConnectionToken!, agentToken: agent.connectionToken! };
      },
      say: (contactId, body, headers = {}) =>
        fetch(`${cc.url}/api/v1/contacts/${encodeURIComponent(contactId)}/transcript`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify(body),
        }),
    };
  });
  afterAll(async () => {
    await fixture?.cc.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!fixture) throw new Error('the transcript fixture is used outside a test');
    return fixture;
  };
}

/** The API's error answer. */
export async function apiError(answer: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await answer.json()) as { error: { code: string; message: string } };
  return { status: answer.status, ...body.error };
}

// What the Amazon Q in Connect tests share: a contact center started in-process on an ephemeral port (its demo seed,
// knowledge articles included, a fresh data folder per file) with the REAL @aws-sdk/client-qconnect pointed at
// `<url>/qconnect`, the instance's assistant and knowledge base ids, agent1's session cookie, and a live call in a
// queue whose customer says lines through the transcript.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QConnectClient } from '@aws-sdk/client-qconnect';
import { afterAll, beforeAll } from 'vitest';
import { QCONNECT_BASE_PATH } from '../../../contact-center/qconnect/qconnect-model';
import { type RunningContactCenter, startContactCenter } from '../../../contact-center/server/contact-center-server';

export const SDK_CREDENTIALS = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };
export const EXTENSION_ORIGIN = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}`;

export interface QConnectFixture {
  cc: RunningContactCenter;
  qconnect: QConnectClient;
  assistantId: string;
  knowledgeBaseIds: { en: string; ja: string };
  /** The session cookie of agent1 (Emily Carter). */
  cookie: string;
  /** A raw request below the Q in Connect base path. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** A call in `queueId` (with `attributes`), accepted by an available agent; its contact and session ids. */
  startCall(options?: { queueId?: string; attributes?: Record<string, string>; agentId?: string }): { contactId: string; sessionId: string };
  /** The customer of a call says a line (a transcript segment, which the recommender hears). */
  customerSays(contactId: string, text: string): void;
}

/** Starts one contact center for the test file (closed after it). */
export function useQConnectFixture(): () => QConnectFixture {
  let fixture: QConnectFixture | null = null;
  let dataDir = '';
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sb-qconnect-'));
    const cc = await startContactCenter({ dataDir, port: 0, demoPassword: 'pw-test' });
    const ids = cc.qconnect.ids;
    const qconnect = new QConnectClient({ endpoint: `${cc.url}${QCONNECT_BASE_PATH}`, region: cc.engine.instance.region, credentials: SDK_CREDENTIALS, maxAttempts: 1 });
    fixture = {
      cc,
      qconnect,
      assistantId: ids.assistantId,
      knowledgeBaseIds: { en: ids.knowledgeBaseId('en'), ja: ids.knowledgeBaseId('ja') },
      cookie: `sb_session=${cc.issueSession('agent1')}`,
      request: (path, init) => fetch(`${cc.url}${QCONNECT_BASE_PATH}${path}`, init),
      startCall({ queueId = 'support', attributes, agentId = 'agent1' } = {}) {
        // One call at a time per agent: end the agent's earlier contacts first.
        for (const contact of cc.engine.getAgentView(agentId).contacts) {
          if (contact.state === 'connecting') cc.engine.rejectContact(agentId, contact.contactId);
          else cc.engine.clearContact(agentId, contact.contactId);
        }
        cc.engine.setStatus(agentId, 'available');
        const contactId = cc.engine.startInboundCall({ from: '+819055502020', queueId, attributes });
        cc.engine.acceptContact(agentId, contactId);
        return { contactId, sessionId: ids.sessionId(contactId) };
      },
      customerSays(contactId, text) {
        cc.transcripts.sayOnCall(contactId, { role: 'CUSTOMER', text });
      },
    };
  });
  afterAll(async () => {
    fixture?.qconnect.destroy();
    await fixture?.cc.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!fixture) throw new Error('the Q in Connect fixture is used outside a test');
    return fixture;
  };
}

/** The refusal of a call that must be refused (its SDK exception), or null when it was not refused. */
export const refusal = (promise: Promise<unknown>): Promise<(Error & { $metadata?: { httpStatusCode?: number } }) | null> =>
  promise.then(
    () => null,
    (error: unknown) => error as Error,
  );

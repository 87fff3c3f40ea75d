// A contact center in-process on an ephemeral port with the REAL AWS SDK clients pointed at it (the backend's
// @aws-sdk/client-connect and the customer's @aws-sdk/client-connectparticipant), and the steps every chat test
// takes: start a chat with StartChatContact, connect the customer, let agent1 accept.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectClient, StartChatContactCommand, type StartChatContactCommandInput } from '@aws-sdk/client-connect';
import { ConnectParticipantClient, CreateParticipantConnectionCommand } from '@aws-sdk/client-connectparticipant';
import { expect } from 'vitest';
import { type RunningContactCenter, startContactCenter } from '../../../contact-center/server/contact-center-server';
import { flowIdOfQueue } from '../../../contact-center/server/routes/start-chat-contact';

export const SDK_CREDENTIALS = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };

export interface ParticipantFixture {
  cc: RunningContactCenter;
  connect: ConnectClient;
  participant: ConnectParticipantClient;
  close(): Promise<void>;
}

export async function startParticipantFixture(): Promise<ParticipantFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-chat-sdk-'));
  const cc = await startContactCenter({ dataDir, port: 0, demoPassword: 'pw-test' });
  const region = cc.engine.instance.region;
  const connect = new ConnectClient({ endpoint: cc.url, region, credentials: SDK_CREDENTIALS });
  const participant = new ConnectParticipantClient({ endpoint: cc.url, region, credentials: SDK_CREDENTIALS });
  return {
    cc,
    connect,
    participant,
    async close() {
      connect.destroy();
      participant.destroy();
      await cc.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** StartChatContact into `queueId`'s flow, with an account attribute and the customer's first message. */
export async function startChat(f: ParticipantFixture, overrides: Partial<StartChatContactCommandInput> & { queueId?: string } = {}) {
  const { queueId = 'basic', ...input } = overrides;
  const instance = f.cc.engine.instance;
  return f.connect.send(
    new StartChatContactCommand({
      InstanceId: instance.instanceId,
      ContactFlowId: flowIdOfQueue(instance, queueId),
      ParticipantDetails: { DisplayName: 'Hanako Yamada' },
      Attributes: { accountNumber: 'AC-1001' },
      InitialMessage: { ContentType: 'text/plain', Content: 'My router keeps rebooting.' },
      ...input,
    }),
  );
}

/** The customer's CreateParticipantConnection: its connection token and WebSocket URL. */
export async function customerConnection(f: ParticipantFixture, participantToken: string) {
  const created = await f.participant.send(new CreateParticipantConnectionCommand({ ParticipantToken: participantToken, Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'], ConnectParticipant: true }));
  return { token: created.ConnectionCredentials!.ConnectionToken!, websocketUrl: created.Websocket!.Url! };
}

/** agent1 becomes available, is offered the chat and accepts it; returns the agent's connection token. */
export function agentAccepts(f: ParticipantFixture, contactId: string): string {
  f.cc.engine.setStatus('agent1', 'available');
  const view = f.cc.engine.getAgentView('agent1').contacts.find((c) => c.contactId === contactId);
  expect(view?.chat).toBeTruthy();
  const agent = f.cc.chatBridge.agentParticipantFor(contactId, view!.chat!.agentConnectionId, 'Emily Carter');
  f.cc.engine.acceptContact('agent1', contactId);
  return agent.connectionToken!;
}

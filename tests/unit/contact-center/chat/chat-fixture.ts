// A chat service on a real SQLite database in a temporary folder, on a virtual clock, recording what it pushes.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock } from '../../../../contact-center/clock';
import type { ChatDelivery } from '../../../../contact-center/chat/chat-fanout';
import { ChatService } from '../../../../contact-center/chat/chat-service';
import { openDatabase, type Database } from '../../../../contact-center/store/database';

export interface ChatFixture {
  db: Database;
  clock: VirtualClock;
  chat: ChatService;
  deliveries: ChatDelivery[];
  customerDisconnects: string[];
  agentMessages: string[];
  folder: string;
  close(): void;
}

export function openChatFixture(): ChatFixture {
  const folder = mkdtempSync(join(tmpdir(), 'switchboard-chat-'));
  const db = openDatabase(folder);
  const clock = new VirtualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
  const deliveries: ChatDelivery[] = [];
  const customerDisconnects: string[] = [];
  const agentMessages: string[] = [];
  const chat = new ChatService({
    db,
    clock,
    attachmentFolder: join(folder, 'chat-attachments'),
    urls: {
      websocket: (token) => `ws://127.0.0.1:8123/participant/socket/${token}`,
      upload: (token) => `http://127.0.0.1:8123/participant/attachments/upload/${token}`,
      download: (token) => `http://127.0.0.1:8123/participant/attachments/download/${token}`,
    },
    onCustomerDisconnected: (contactId) => customerDisconnects.push(contactId),
    onAgentMessage: (contactId) => agentMessages.push(contactId),
  });
  chat.subscribeAll((delivery) => deliveries.push(delivery));
  return {
    db,
    clock,
    chat,
    deliveries,
    customerDisconnects,
    agentMessages,
    folder,
    close() {
      db.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A started chat with a connected customer and an agent who has joined. */
export function startedChat(fixture: ChatFixture, contactId = 'contact-1') {
  const customer = fixture.chat.startChat({ contactId, customerDisplayName: 'Sato Hanako' });
  const connection = fixture.chat.createParticipantConnection(customer.participantToken, { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] });
  const customerToken = connection.ConnectionCredentials?.ConnectionToken ?? '';
  const agent = fixture.chat.addAgent({ contactId, displayName: 'Agent Suzuki' });
  fixture.chat.onAgentJoined(agent.participantId);
  return { customer, customerToken, agent, agentToken: agent.connectionToken ?? '' };
}

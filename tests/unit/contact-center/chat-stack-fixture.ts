// The contact center's chat stack in-process without HTTP, wired as the server wires it: the routing engine, the
// chat service and the bridge on a real SQLite database in a temporary folder, on a virtual clock, with contact
// records saved as the server saves them, and every pushed chat item recorded.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatDelivery } from '../../../contact-center/chat/chat-fanout';
import { ChatRoutingBridge } from '../../../contact-center/chat/chat-routing-bridge';
import { ChatService } from '../../../contact-center/chat/chat-service';
import { VirtualClock } from '../../../contact-center/clock';
import type { ChatParticipantTimers, InstanceConfig } from '../../../contact-center/model';
import { RoutingEngine } from '../../../contact-center/routing/engine';
import { DEMO_INSTANCE } from '../../../contact-center/seed/demo-instance';
import { saveContactRecord } from '../../../contact-center/store/contact-record-repository';
import { type Database, openDatabase } from '../../../contact-center/store/database';

export interface ChatStack {
  db: Database;
  clock: VirtualClock;
  engine: RoutingEngine;
  chat: ChatService;
  bridge: ChatRoutingBridge;
  deliveries: ChatDelivery[];
  /** StartChatContact into `queueId`; returns the contact id and the customer's connection token. */
  startChat(displayName?: string, queueId?: string): { contactId: string; customerParticipantId: string; customerToken: string };
  /** The agent is offered the contact (made available if need be) and accepts; returns the agent's connection token. */
  accept(agentId: string, contactId: string, displayName?: string): { agentToken: string; agentParticipantId: string };
  say(token: string, text: string): void;
  close(): void;
}

export function instanceWithTimers(timers: ChatParticipantTimers): InstanceConfig {
  return { ...structuredClone(DEMO_INSTANCE), chatParticipantTimers: timers };
}

export function openChatStack(config: InstanceConfig = structuredClone(DEMO_INSTANCE)): ChatStack {
  const folder = mkdtempSync(join(tmpdir(), 'switchboard-chat-stack-'));
  const db = openDatabase(folder);
  const clock = new VirtualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
  let n = 0;
  const engine = new RoutingEngine(config, { clock, newId: () => `id${++n}` });
  engine.observe({ recordChanged: (record) => saveContactRecord(db, record) });
  const chat = new ChatService({
    db,
    clock,
    attachmentFolder: join(folder, 'chat-attachments'),
    urls: {
      websocket: (token) => `ws://127.0.0.1:8123/participant/socket?token=${token}`,
      upload: (token) => `http://127.0.0.1:8123/attachments/upload/${token}`,
      download: (token) => `http://127.0.0.1:8123/attachments/download/${token}`,
    },
    onCustomerDisconnected: (contactId) => {
      if (engine.hasContact(contactId)) engine.customerDisconnectChat(contactId);
    },
    onAgentDisconnected: (contactId, participantId) => bridge.agentDisconnected(contactId, participantId),
    onAgentMessage: (contactId, at) => {
      if (engine.hasContact(contactId)) engine.noteAgentMessage(contactId, at);
    },
  });
  const bridge = new ChatRoutingBridge(engine, chat);
  const deliveries: ChatDelivery[] = [];
  chat.subscribeAll((delivery) => deliveries.push(delivery));

  return {
    db,
    clock,
    engine,
    chat,
    bridge,
    deliveries,
    startChat(displayName = 'Hanako Yamada', queueId = 'basic') {
      const started = bridge.startChatContact({ queueId, displayName });
      const connection = chat.createParticipantConnection(started.participantToken, { Type: ['CONNECTION_CREDENTIALS'] });
      return { contactId: started.contactId, customerParticipantId: started.participantId, customerToken: connection.ConnectionCredentials!.ConnectionToken! };
    },
    accept(agentId, contactId, displayName = 'Emily Carter') {
      if (engine.getAgentView(agentId).state.type !== 'routable') engine.setStatus(agentId, 'available');
      const view = engine.getAgentView(agentId).contacts.find((c) => c.contactId === contactId);
      if (!view?.chat) throw new Error(`${contactId} is not offered to ${agentId}`);
      const agent = bridge.agentParticipantFor(contactId, view.chat.agentConnectionId, displayName);
      engine.acceptContact(agentId, contactId);
      return { agentToken: agent.connectionToken!, agentParticipantId: agent.participantId };
    },
    say(token, text) {
      chat.sendMessage(token, { ContentType: 'text/plain', Content: text });
    },
    close() {
      engine.shutdown();
      db.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

// The server end of the CCP page's WebSocket (/ccp-v2/socket, server/routes/ccp.ts): says whether the browser is signed in,
// pushes a full `agent::update` after every change to that agent, answers every `api_request`, and sends
// `terminated` when the agent signs out. See ccp-page.js for the page end.

import type { IncomingMessage } from 'node:http';
import { WebSocket, type RawData } from 'ws';
import type { ChatRoutingBridge } from '../chat/chat-routing-bridge';
import type { ChatService } from '../chat/chat-service';
import type { RoutingEngine } from '../routing/engine';
import type { SessionStore } from '../server/sessions';
import { type CcpTaskApi, taskEventItem } from './ccp-task-api';
import type { TaskEngineEvent } from '../routing/task-types';
import { CcpApi } from './ccp-api';
import { agentUpdate, type Arns, type ChatTokenLookup } from './snapshot';

/** The chat layer, when the contact center serves chat: agents' tokens and the items pushed to their CCP pages. */
export interface CcpChat {
  service: ChatService;
  bridge: ChatRoutingBridge;
}

interface PageSocket {
  ws: WebSocket;
  agentId: string | null;
  ready: boolean; // the parent (streams) is listening: agent updates may flow
}

export interface CcpSocketEvents {
  /** An api_request was answered (for the session log and tests). */
  apiCalled?(agentId: string, method: string, ok: boolean): void;
}

export class CcpSockets {
  private readonly pages = new Set<PageSocket>();
  private readonly pendingAgents = new Set<string>();
  private flushScheduled = false;
  private readonly api: CcpApi;

  constructor(
    private readonly engine: RoutingEngine,
    private readonly arns: Arns,
    private readonly sessions: SessionStore,
    private readonly events: CcpSocketEvents = {},
    private readonly chat?: CcpChat,
    tasks?: CcpTaskApi,
  ) {
    this.api = new CcpApi(engine, arns, chat?.bridge, tasks);
    engine.observe({ agentChanged: (agentId) => this.agentChanged(agentId), taskEvent: (event) => this.taskEvent(event) });
    // Chat items reach an agent's streams as webSocket::all_message on aws/chat (what the real CCP's socket relays).
    chat?.service.subscribeAll(({ item, recipients }) => {
      const content = JSON.stringify(item);
      for (const recipient of recipients) {
        if (recipient.role !== 'AGENT') continue;
        const agentId = this.agentOfParticipant(recipient.contactId, recipient.participantId);
        if (!agentId) continue;
        for (const page of this.pages) {
          if (page.ready && page.agentId === agentId) this.send(page, { type: 'conduit', event: 'webSocket::all_message', data: { topic: 'aws/chat', content } });
        }
      }
    });
  }

  /** TaskJS's aws/task items (transfer initiated and succeeded, expiry warning and expiry) to the task's agent. */
  private taskEvent(event: TaskEngineEvent): void {
    if (event.type === 'stored' || !event.agentId) return;
    const item = taskEventItem(event, this.engine.clock.now());
    for (const page of this.pages) {
      if (page.ready && page.agentId === event.agentId) this.send(page, { type: 'conduit', event: 'webSocket::all_message', data: { topic: 'aws/task', content: JSON.stringify(item) } });
    }
  }

  private agentOfParticipant(contactId: string, participantId: string): string | null {
    if (!this.engine.hasContact(contactId)) return null;
    return this.engine.getContact(contactId).participants.find((p) => p.connectionId === participantId)?.agentId ?? null;
  }

  /** The agent's participant token of a chat contact, made at its first snapshot (while it rings). */
  private readonly chatToken: ChatTokenLookup = (contact, agentName) => {
    if (!this.chat || !contact.chat) return null;
    return this.chat.bridge.agentParticipantFor(contact.contactId, contact.chat.agentConnectionId, agentName).participantToken;
  };

  /** Number of open CCP pages per agent. */
  connectedAgents(): Map<string, number> {
    const out = new Map<string, number>();
    for (const p of this.pages) if (p.agentId) out.set(p.agentId, (out.get(p.agentId) ?? 0) + 1);
    return out;
  }

  /** Takes a CCP page's socket once it is open (server/routes/ccp.ts upgrades it after the Host and Origin checks). */
  accept(ws: WebSocket, req: IncomingMessage): void {
    const ticket = new URL(req.url ?? '/', 'http://localhost').searchParams.get('ticket');
    const agentId = ticket ? this.sessions.redeemTicket(ticket) : this.sessions.agentFor(req);
    const page: PageSocket = { ws, agentId, ready: false };
    this.pages.add(page);
    ws.on('close', () => this.pages.delete(page));
    ws.on('error', () => ws.terminate());
    ws.on('message', (data) => this.onMessage(page, data));
    this.send(page, { type: 'hello', signedIn: page.agentId !== null, agentId: page.agentId });
  }

  private onMessage(page: PageSocket, data: RawData): void {
    let msg: { type?: unknown; requestId?: unknown; method?: unknown; params?: unknown; muted?: unknown };
    try {
      msg = JSON.parse(data.toString());
    } catch {
      return; // not our page: ignore
    }
    const agentId = page.agentId;
    switch (msg.type) {
      case 'parent_ready':
      case 'reload_agent_configuration':
        page.ready = true;
        if (agentId) this.sendUpdate(page, agentId);
        return;
      case 'mute':
        if (agentId && typeof msg.muted === 'boolean') this.engine.setMuted(agentId, msg.muted);
        return;
      case 'api_request': {
        const requestId = typeof msg.requestId === 'string' ? msg.requestId : null;
        if (requestId === null) return;
        const method = typeof msg.method === 'string' ? msg.method : '';
        if (!agentId) {
          const err = { type: 'UnauthorizedException', message: 'sign in to the contact center first', stack: [], retryStatus: 'NONE', statusCode: 401 };
          this.send(page, { type: 'api_response', requestId, data: null, err: JSON.stringify(err) });
          return;
        }
        const result = this.api.call(agentId, method, msg.params);
        // As in the real service, the answer travels before the agent update that reflects it.
        this.send(page, { type: 'api_response', requestId, data: result.ok ? result.data : null, err: result.ok ? null : JSON.stringify(result.err) });
        this.events.apiCalled?.(agentId, method, result.ok);
        return;
      }
      default:
        return;
    }
  }

  /** Sign-out: every CCP page of the agent is told `terminated`, then closed. */
  terminate(agentId: string): void {
    for (const page of this.pages) {
      if (page.agentId !== agentId) continue;
      this.send(page, { type: 'terminated' });
      page.agentId = null;
      page.ws.close(1000, 'signed out');
    }
  }

  closeAll(): void {
    for (const page of this.pages) page.ws.terminate();
    this.pages.clear();
  }

  private agentChanged(agentId: string): void {
    this.pendingAgents.add(agentId);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // Deferred so that an api_response goes out first and several changes make one update.
    setImmediate(() => {
      this.flushScheduled = false;
      const agents = [...this.pendingAgents];
      this.pendingAgents.clear();
      for (const page of this.pages) if (page.ready && page.agentId && agents.includes(page.agentId)) this.sendUpdate(page, page.agentId);
    });
  }

  private sendUpdate(page: PageSocket, agentId: string): void {
    if (!this.engine.hasAgent(agentId)) return;
    const data = agentUpdate(this.engine.instance, this.arns, this.engine.getAgentView(agentId), Date.now(), this.chatToken);
    this.send(page, { type: 'conduit', event: 'agent::update', data });
  }

  private send(page: PageSocket, message: unknown): void {
    if (page.ws.readyState === WebSocket.OPEN) page.ws.send(JSON.stringify(message));
  }
}

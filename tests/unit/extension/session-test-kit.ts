// Builders and fakes for the worker's unit tests: snapshots, agents and contacts as the engine would report
// them, an in-memory offscreen document, a scripted engine channel, and a log that keeps its lines.
import type { EngineChannel } from '@/lib/session/engine-channel';
import type { EngineDocument, EngineDocumentInfo } from '@/lib/session/engine-document';
import type { CommandEnvelope, CommandResult } from '@/lib/session/commands';
import type { ChatItemView } from '@/lib/session/chat-transcript';
import type { AgentView, ConnectionView, ContactView, SessionSnapshot } from '@/lib/session/snapshot';
import { emptySnapshot } from '@/lib/session/snapshot';
import type { SessionLogWriter } from '@/lib/session-log/session-log';

export const INSTANCE = 'http://127.0.0.1:8443';

export const STATUSES: AgentView['statuses'] = [
  { arn: 'arn:status/available', name: 'Available', type: 'routable' },
  { arn: 'arn:status/offline', name: 'Offline', type: 'offline' },
  { arn: 'arn:status/break', name: 'Break', type: 'not_routable' },
  { arn: 'arn:status/meeting', name: 'Meeting', type: 'not_routable' },
];

export function agentView(overrides: Partial<AgentView> = {}): AgentView {
  return {
    name: 'Agent One',
    username: 'agent1',
    state: { name: 'Available', type: 'routable', since: 1000 },
    availability: { name: 'Available', since: 1000 },
    nextStatus: null,
    statuses: STATUSES,
    softphoneEnabled: true,
    deskPhoneNumber: '',
    autoAccept: false,
    language: 'en_US',
    muted: false,
    dialableCountries: ['jp', 'us'],
    ...overrides,
  };
}

export function connectionView(overrides: Partial<ConnectionView> = {}): ConnectionView {
  return {
    id: 'conn-customer',
    role: 'customer',
    state: 'connecting',
    since: 1000,
    phoneNumber: '+819012345678',
    name: null,
    endpointType: 'phone_number',
    quickConnectName: null,
    ...overrides,
  };
}

/** An inbound voice call ringing at the agent (streams: 'connecting' with the agent's leg connecting). */
export function ringingCall(id = 'contact-1', overrides: Partial<ContactView> = {}): ContactView {
  return {
    id,
    initialContactId: null,
    channel: 'voice',
    state: 'connecting',
    since: 1000,
    initiationMethod: 'inbound',
    queueName: 'Support',
    attributes: {},
    connections: [connectionView({ id: `${id}-agent`, role: 'agent', phoneNumber: null, endpointType: 'agent' }), connectionView({ id: `${id}-customer` })],
    transferredBy: null,
    deskPhone: false,
    ...overrides,
  };
}

export function connectedCall(id = 'contact-1', overrides: Partial<ContactView> = {}): ContactView {
  const call = ringingCall(id, overrides);
  return { ...call, state: 'connected', connections: call.connections.map((c) => ({ ...c, state: 'connected' })), ...overrides };
}

/** A chat offered to the agent, started through StartChatContact (streams: 'connecting', the agent's leg
 *  connecting). */
export function offeredChat(id = 'chat-1', overrides: Partial<ContactView> = {}): ContactView {
  return ringingCall(id, {
    channel: 'chat',
    state: 'connecting',
    initiationMethod: 'api',
    customerName: 'Hana',
    connections: [
      connectionView({ id: `${id}-agent`, role: 'agent', phoneNumber: null, endpointType: 'agent' }),
      connectionView({ id: `${id}-customer`, state: 'connected', phoneNumber: null, endpointType: null }),
    ],
    ...overrides,
  });
}

/** A chat the agent accepted. */
export function connectedChat(id = 'chat-1', overrides: Partial<ContactView> = {}): ContactView {
  const chat = offeredChat(id, overrides);
  return { ...chat, state: 'connected', connections: chat.connections.map((c) => ({ ...c, state: 'connected' })), ...overrides };
}

export function readySnapshot(overrides: Partial<SessionSnapshot> = {}): SessionSnapshot {
  return {
    ...emptySnapshot(1000),
    sequence: 5,
    instanceUrl: INSTANCE,
    connection: { status: 'ready', since: 1000, reason: null },
    agent: agentView(),
    ...overrides,
  };
}

/** A log that keeps what is appended. */
export class RecordingLog implements SessionLogWriter {
  readonly entries: { event: string; data: Record<string, unknown> }[] = [];
  append(event: string, data: Record<string, unknown> = {}): void {
    this.entries.push({ event, data });
  }
  events(): string[] {
    return this.entries.map((entry) => entry.event);
  }
}

/** The offscreen document as a flag; `destroy()` is the engine dying behind the worker's back. */
export class FakeEngineDocument implements EngineDocument {
  current: EngineDocumentInfo | null = null;
  created: string[] = [];
  closed = 0;
  failNextCreate: Error | null = null;

  async create(instanceUrl: string): Promise<void> {
    if (this.failNextCreate) {
      const error = this.failNextCreate;
      this.failNextCreate = null;
      throw error;
    }
    if (this.current) throw new Error('Only a single offscreen document may be created.');
    this.current = { instanceUrl };
    this.created.push(instanceUrl);
  }
  async find(): Promise<EngineDocumentInfo | null> {
    return this.current;
  }
  async close(): Promise<void> {
    if (!this.current) return;
    this.current = null;
    this.closed += 1;
  }
  destroy(): void {
    this.current = null;
  }
}

/** An engine channel whose answers the test scripts; it records every command it was given. */
export class FakeEngineChannel implements EngineChannel {
  readonly commands: CommandEnvelope[] = [];
  alive = true;
  resyncs = 0;
  answer: (envelope: CommandEnvelope) => Promise<CommandResult> = async () => ({ ok: true });

  async sendCommand(envelope: CommandEnvelope): Promise<CommandResult> {
    this.commands.push(envelope);
    return this.answer(envelope);
  }
  async ping(): Promise<boolean> {
    return this.alive;
  }
  async resync(): Promise<void> {
    this.resyncs += 1;
  }
}

/** In-memory storage for one value (the shape of a WXT storage item). */
export class MemoryItem<T> {
  constructor(public value: T) {}
  async getValue(): Promise<T> {
    return structuredClone(this.value);
  }
  async setValue(value: T): Promise<void> {
    this.value = structuredClone(value);
  }
}

/** A customer's chat message as views receive it. */
export function chatItemView(id: string, time: number, overrides: Partial<ChatItemView> = {}): ChatItemView {
  return {
    id,
    kind: 'message',
    role: 'CUSTOMER',
    own: false,
    displayName: 'Hana',
    time,
    contentType: 'text/plain',
    content: `text ${id}`,
    ...overrides,
  };
}

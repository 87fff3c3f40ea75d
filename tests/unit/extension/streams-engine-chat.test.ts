// The engine with chat, over a fake `connect` global (streams and ChatJS themselves are not loaded in Node): the
// participant-service endpoint is pointed at the local contact center before initCCP and never for a real
// instance; a chat contact's ChatJS session is taken from its agent connection and its transcript reported; chat
// commands reach the session, and a command id sent twice runs once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '@/lib/messaging/protocol';
import { startEngine } from '@/lib/streams/engine';
import { chatItem, FakeChatSession } from './chatjs-fakes';
import { at, chatContact, fakeStreams, rawAgent, type FakeStreams } from './streams-fakes';

vi.mock('amazon-connect-streams', () => ({}));
vi.mock('amazon-connect-chatjs', () => ({}));
vi.mock('amazon-connect-taskjs', () => ({}));

const flush = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
};

interface FakeConnect {
  order: string[];
  setGlobalConfig: ReturnType<typeof vi.fn>;
  refresh: () => void;
}

function installConnect(streams: FakeStreams): FakeConnect {
  const order: string[] = [];
  let refresh: () => void = () => undefined;
  const setGlobalConfig = vi.fn(() => order.push('setGlobalConfig'));
  const agentEvents = {
    ...streams.agent,
    onRefresh: (fn: () => void) => (refresh = fn),
    onStateChange: () => undefined,
    onEnqueuedNextState: () => undefined,
    onClearedNextState: () => undefined,
    onMuteToggle: () => undefined,
  };
  (globalThis as unknown as { connect: unknown }).connect = {
    ChatSession: { setGlobalConfig },
    core: {
      initCCP: vi.fn(() => order.push('initCCP')),
      getEventBus: () => ({ subscribe: () => undefined }),
      terminate: () => undefined,
    },
    Agent: function Agent() {
      return streams.agent;
    },
    Endpoint: { byPhoneNumber: (n: string) => ({ phoneNumber: n }) },
    agent: (callback: (agent: unknown) => void) => callback(agentEvents),
    contact: () => undefined,
  };
  return { order, setGlobalConfig, refresh: () => refresh() };
}

const container = { replaceChildren: () => undefined } as unknown as HTMLElement;

describe('engine: chat', () => {
  let streams: FakeStreams;
  let events: EngineEvent[];

  beforeEach(() => {
    streams = fakeStreams(rawAgent({ contacts: [chatContact({ state: { type: 'connected', timestamp: at(5) } })] }));
    events = [];
  });
  afterEach(() => {
    delete (globalThis as { connect?: unknown }).connect;
  });

  it('points ChatJS at the local contact center before initCCP', () => {
    const fake = installConnect(streams);
    const engine = startEngine({ instanceUrl: 'http://127.0.0.1:8790', region: 'ap-northeast-1', container, report: (e) => events.push(e) });
    expect(fake.order).toEqual(['setGlobalConfig', 'initCCP']);
    expect(fake.setGlobalConfig).toHaveBeenCalledWith({ endpoint: 'http://127.0.0.1:8790', region: 'ap-northeast-1' });
    expect(engine.status().chatEndpoint).toBe('http://127.0.0.1:8790');
  });

  it('leaves ChatJS on its AWS endpoint for a real instance', () => {
    const fake = installConnect(streams);
    const engine = startEngine({ instanceUrl: 'https://example.my.connect.aws', container, report: (e) => events.push(e) });
    expect(fake.setGlobalConfig).not.toHaveBeenCalled();
    expect(engine.status().chatEndpoint).toBeNull();
  });

  it("takes a chat's session from its agent connection, reports its transcript, and runs a resent command once", async () => {
    const session = new FakeChatSession();
    session.transcript = [chatItem('m1', 1)];
    streams.mediaControllers.set('chat-1', Promise.resolve(session));
    const fake = installConnect(streams);
    const engine = startEngine({ instanceUrl: 'http://127.0.0.1:8790', container, report: (e) => events.push(e) });
    fake.refresh();
    await flush();

    const state = events.find((e): e is Extract<EngineEvent, { type: 'state' }> => e.type === 'state');
    expect(state?.patch.contacts[0]).toMatchObject({ channel: 'chat', customerName: 'Hana Sato', chatFeatures: { attachments: true, markdown: true } });
    expect(events).toContainEqual({ type: 'chat-items', contactId: 'chat-1', items: [expect.objectContaining({ id: 'm1' })], full: true });

    const envelope = { id: 'send-1', command: { type: 'chat-send' as const, contactId: 'chat-1', text: 'Hello', contentType: 'text/plain' as const } };
    const [first, again] = await Promise.all([engine.execute(envelope), engine.execute(envelope)]);
    expect(first).toEqual({ ok: true });
    expect(again).toEqual({ ok: true });
    expect(session.sentMessages).toEqual([{ message: 'Hello', contentType: 'text/plain', clientToken: 'send-1' }]);

    events.length = 0;
    engine.resync();
    expect(events.filter((e) => e.type === 'chat-items')).toEqual([expect.objectContaining({ contactId: 'chat-1', full: true })]);
  });
});

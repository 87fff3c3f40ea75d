// Unit tests of the command executor: each softphone command makes the right streams call with the right
// arguments, and every failure (bad arguments, unknown ids, streams refusing or never answering) is a typed error.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionCommand } from '@/lib/session/commands';
import { createCommandExecutor, type CommandEnvironment } from '@/lib/streams/command-executor';
import type { StreamsEndpoint } from '@/lib/streams/streams-api';
import {
  agentConnection,
  answerSuccess,
  at,
  customerConnection,
  fakeStreams,
  INSTANCE,
  rawAgent,
  STATUS,
  voiceContact,
  type FakeStreams,
  type RawContact,
} from './streams-fakes';

const QUICK_CONNECT: StreamsEndpoint = {
  endpointARN: `${INSTANCE}/transfer-destination/agent2`,
  type: 'agent',
  name: 'Kenji (agent2)',
  phoneNumber: null,
  agentLogin: 'agent2',
  queue: null,
};

const connectedCall = (): RawContact =>
  voiceContact({
    state: { type: 'connected', timestamp: at(10) },
    connections: [agentConnection('connected', at(10)), customerConnection('connected', at(9))],
  });

interface Harness {
  streams: FakeStreams;
  env: CommandEnvironment & { muteListeners: Set<(muted: boolean) => void>; knownQuickConnects: StreamsEndpoint[] };
  execute(command: SessionCommand): ReturnType<ReturnType<typeof createCommandExecutor>['execute']>;
}

function harness(contacts: RawContact[] = [], config = {}): Harness {
  const streams = fakeStreams(rawAgent({ contacts }, config));
  const muteListeners = new Set<(muted: boolean) => void>();
  const knownQuickConnects: StreamsEndpoint[] = [QUICK_CONNECT];
  const env: Harness['env'] = {
    muteListeners,
    knownQuickConnects,
    agent: () => streams.agent,
    phoneEndpoint: (e164) => ({ type: 'phone_number', name: null, phoneNumber: e164, endpointARN: null }),
    quickConnect: (arn) => knownQuickConnects.find((e) => e.endpointARN === arn),
    refreshQuickConnects: vi.fn(async () => undefined),
    onMuteToggle(listener) {
      muteListeners.add(listener);
      return () => muteListeners.delete(listener);
    },
  };
  const executor = createCommandExecutor(env);
  return { streams, env, execute: (command) => executor.execute(command) };
}

describe('command executor: streams calls', () => {
  it('sets a status by its ARN, applied at once when the agent has no contact', async () => {
    const h = harness();

    await expect(h.execute({ type: 'set-status', statusArn: STATUS.break.agentStateARN })).resolves.toEqual({ ok: true });

    expect(h.streams.calls).toEqual([
      { method: 'agent.setState', target: null, args: [expect.objectContaining({ agentStateARN: STATUS.break.agentStateARN, name: 'Break' }), { enqueueNextState: false }] },
    ]);
  });

  it('queues a status chosen on a call or in after call work as the next status', async () => {
    for (const contact of [connectedCall(), { ...connectedCall(), state: { type: 'ended', timestamp: at(60) } }]) {
      const h = harness([contact]);

      await h.execute({ type: 'set-status', statusArn: STATUS.offline.agentStateARN });

      expect(h.streams.calls[0].args[1]).toEqual({ enqueueNextState: true });
    }
  });

  it('applies a status at once after a missed call', async () => {
    const h = harness([{ ...connectedCall(), state: { type: 'missed', timestamp: at(30) } }]);

    await h.execute({ type: 'set-status', statusArn: STATUS.available.agentStateARN });

    expect(h.streams.calls[0].args[1]).toEqual({ enqueueNextState: false });
  });

  it.each([
    [{ type: 'accept', contactId: 'contact-1' }, 'contact.accept', 'contact-1'],
    [{ type: 'reject', contactId: 'contact-1' }, 'contact.reject', 'contact-1'],
    [{ type: 'clear', contactId: 'contact-1' }, 'contact.clear', 'contact-1'],
    [{ type: 'hang-up', contactId: 'contact-1' }, 'connection.destroy', 'conn-agent'],
    [{ type: 'hold', contactId: 'contact-1', connectionId: 'conn-customer' }, 'connection.hold', 'conn-customer'],
    [{ type: 'resume', contactId: 'contact-1', connectionId: 'conn-customer' }, 'connection.resume', 'conn-customer'],
    [{ type: 'end-connection', contactId: 'contact-1', connectionId: 'conn-customer' }, 'connection.destroy', 'conn-customer'],
    [{ type: 'conference', contactId: 'contact-1' }, 'contact.conferenceConnections', 'contact-1'],
    [{ type: 'swap', contactId: 'contact-1' }, 'contact.toggleActiveConnections', 'contact-1'],
  ] as [SessionCommand, string, string][])('%o calls %s on %s', async (command, method, target) => {
    const h = harness([connectedCall()]);

    await expect(h.execute(command)).resolves.toEqual({ ok: true });

    expect(h.streams.calls).toEqual([{ method, target, args: [] }]);
  });

  it('sends DTMF digits on the agent connection', async () => {
    const h = harness([connectedCall()]);

    await expect(h.execute({ type: 'send-digits', contactId: 'contact-1', digits: '12#*' })).resolves.toEqual({ ok: true });

    expect(h.streams.calls).toEqual([{ method: 'connection.sendDigits', target: 'conn-agent', args: ['12#*'] }]);
  });

  it('dials a valid number as a phone-number endpoint in E.164', async () => {
    const h = harness();

    await expect(h.execute({ type: 'dial', target: { phoneNumber: '+81 3-1234-5678' } })).resolves.toEqual({ ok: true });

    expect(h.streams.calls).toEqual([
      { method: 'agent.connect', target: null, args: [{ type: 'phone_number', name: null, phoneNumber: '+81312345678', endpointARN: null }, {}] },
    ]);
  });

  it('dials a quick connect with its endpoint', async () => {
    const h = harness();

    await h.execute({ type: 'dial', target: { quickConnectArn: QUICK_CONNECT.endpointARN as string } });

    expect(h.streams.calls[0]).toEqual({ method: 'agent.connect', target: null, args: [QUICK_CONNECT, {}] });
  });

  it('consults a quick connect the engine did not have yet after fetching the list again', async () => {
    const h = harness([connectedCall()]);
    const late: StreamsEndpoint = { ...QUICK_CONNECT, endpointARN: `${INSTANCE}/transfer-destination/new`, name: 'New' };
    vi.mocked(h.env.refreshQuickConnects).mockImplementation(async () => {
      h.env.knownQuickConnects.push(late);
    });

    await expect(h.execute({ type: 'add-connection', contactId: 'contact-1', target: { quickConnectArn: late.endpointARN as string } })).resolves.toEqual({ ok: true });

    expect(h.env.refreshQuickConnects).toHaveBeenCalledOnce();
    expect(h.streams.calls).toEqual([{ method: 'contact.addConnection', target: 'contact-1', args: [late] }]);
  });

  it('consults a number on a call', async () => {
    const h = harness([connectedCall()]);

    await h.execute({ type: 'add-connection', contactId: 'contact-1', target: { phoneNumber: '+12125550188' } });

    expect(h.streams.calls).toEqual([
      { method: 'contact.addConnection', target: 'contact-1', args: [expect.objectContaining({ type: 'phone_number', phoneNumber: '+12125550188' })] },
    ]);
  });

  it('writes desk phone settings into the whole agent configuration', async () => {
    const h = harness();

    await expect(h.execute({ type: 'update-agent-config', softphoneEnabled: false, deskPhoneNumber: '+81355559999', autoAccept: true })).resolves.toEqual({ ok: true });

    const [sent] = h.streams.calls[0].args as [Record<string, unknown>];
    expect(sent).toMatchObject({ username: 'agent1', routingProfile: expect.any(Object), softphoneEnabled: false, extension: '+81355559999', softphoneAutoAccept: true });
    expect(h.streams.data.configuration.softphoneEnabled).toBe(true); // streams' own snapshot is left alone
  });

  it('keeps the parts of the configuration a command does not name', async () => {
    const h = harness([], { softphoneEnabled: false, extension: '+81355559999' });

    await h.execute({ type: 'update-agent-config', autoAccept: true });

    expect(h.streams.calls[0].args[0]).toMatchObject({ softphoneEnabled: false, extension: '+81355559999', softphoneAutoAccept: true });
  });

  it('fetches the quick connects again on request', async () => {
    const h = harness();

    await expect(h.execute({ type: 'refresh-quick-connects' })).resolves.toEqual({ ok: true });

    expect(h.env.refreshQuickConnects).toHaveBeenCalledOnce();
  });
});

describe('command executor: mute', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('answers ok once the softphone confirms the mute', async () => {
    const h = harness([connectedCall()]);

    const result = h.execute({ type: 'mute' });
    expect(h.streams.calls).toEqual([{ method: 'agent.mute', target: null, args: [] }]);
    for (const listener of [...h.env.muteListeners]) listener(true);

    await expect(result).resolves.toEqual({ ok: true });
    expect(h.env.muteListeners.size).toBe(0);
  });

  it('ignores a report of the other state and times out after 3 s without confirmation', async () => {
    const h = harness([connectedCall()]);

    const result = h.execute({ type: 'unmute' });
    for (const listener of [...h.env.muteListeners]) listener(true);
    await vi.advanceTimersByTimeAsync(3_000);

    await expect(result).resolves.toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(h.streams.calls).toEqual([{ method: 'agent.unmute', target: null, args: [] }]);
    expect(h.env.muteListeners.size).toBe(0);
  });
});

describe('command executor: errors', () => {
  it('refuses an invalid number without calling streams', async () => {
    const h = harness([connectedCall()]);

    for (const phoneNumber of ['+8112', '0312345678', 'call me', '']) {
      await expect(h.execute({ type: 'dial', target: { phoneNumber } })).resolves.toEqual({
        ok: false,
        error: { code: 'invalid-number', params: { number: phoneNumber } },
      });
    }
    await expect(h.execute({ type: 'add-connection', contactId: 'contact-1', target: { phoneNumber: '+1555' } })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-number' },
    });
    expect(h.streams.calls).toEqual([]);
  });

  it('refuses desk phone mode without a valid desk phone number', async () => {
    const h = harness();

    await expect(h.execute({ type: 'update-agent-config', softphoneEnabled: false })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-number' } });
    await expect(h.execute({ type: 'update-agent-config', deskPhoneNumber: '12345' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-number', params: { number: '12345' } },
    });
    expect(h.streams.calls).toEqual([]);
  });

  it('names what it cannot find: contact, connection, status', async () => {
    const h = harness([connectedCall()]);

    await expect(h.execute({ type: 'accept', contactId: 'nope' })).resolves.toMatchObject({ ok: false, error: { code: 'contact-not-found' } });
    await expect(h.execute({ type: 'hold', contactId: 'contact-1', connectionId: 'nope' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'connection-not-found' },
    });
    await expect(h.execute({ type: 'set-status', statusArn: `${INSTANCE}/agent-state/nope` })).resolves.toMatchObject({
      ok: false,
      error: { code: 'status-not-found' },
    });
    expect(h.streams.calls).toEqual([]);
  });

  it('answers not-signed-in before the CCP has reported the agent', async () => {
    const h = harness();
    h.env.agent = () => null;

    await expect(h.execute({ type: 'set-status', statusArn: STATUS.available.agentStateARN })).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    });
    await expect(h.execute({ type: 'mute' })).resolves.toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
  });

  it('answers bad-command for worker-level commands and malformed digits', async () => {
    const h = harness([connectedCall()]);

    await expect(h.execute({ type: 'sign-out' })).resolves.toMatchObject({ ok: false, error: { code: 'bad-command' } });
    await expect(h.execute({ type: 'send-digits', contactId: 'contact-1', digits: '12a' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-command' },
    });
    await expect(h.execute(null as unknown as SessionCommand)).resolves.toMatchObject({ ok: false, error: { code: 'bad-command' } });
    expect(h.streams.calls).toEqual([]);
  });

  it("turns a streams failure into 'rejected' with the CCP's error", async () => {
    const h = harness([connectedCall()]);
    const ccpError = JSON.stringify({ type: 'InvalidStateException', message: 'The contact is not on hold', stack: [] });
    h.streams.setResponder((_method, callbacks) => queueMicrotask(() => callbacks?.failure?.(ccpError)));

    await expect(h.execute({ type: 'resume', contactId: 'contact-1', connectionId: 'conn-customer' })).resolves.toEqual({
      ok: false,
      error: { code: 'rejected', params: { detail: 'The contact is not on hold' }, detail: `resume: ${ccpError}` },
    });
  });

  it("reports contact.accept's bare 'error' failure as rejected", async () => {
    const h = harness([connectedCall()]);
    h.streams.setResponder((_method, callbacks) => callbacks?.failure?.('error'));

    await expect(h.execute({ type: 'accept', contactId: 'contact-1' })).resolves.toEqual({
      ok: false,
      error: { code: 'rejected', params: { detail: 'error' }, detail: 'accept: error' },
    });
  });

  it('reports a streams call that throws as rejected instead of throwing', async () => {
    const h = harness([connectedCall()]);
    h.streams.setResponder(() => {
      throw new Error('connect.core.getClient() not initialized');
    });

    await expect(h.execute({ type: 'conference', contactId: 'contact-1' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'rejected', params: { detail: 'connect.core.getClient() not initialized' } },
    });
  });

  it('answers rejected when the quick connect is unknown even after fetching the list again', async () => {
    const h = harness();

    await expect(h.execute({ type: 'dial', target: { quickConnectArn: `${INSTANCE}/transfer-destination/gone` } })).resolves.toMatchObject({
      ok: false,
      error: { code: 'rejected' },
    });
    expect(h.env.refreshQuickConnects).toHaveBeenCalledOnce();
    expect(h.streams.calls).toEqual([]);
  });

  describe('with a CCP that never answers', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('times out after 10 s', async () => {
      const h = harness([connectedCall()]);
      h.streams.setResponder(() => undefined);

      const result = h.execute({ type: 'hold', contactId: 'contact-1', connectionId: 'conn-customer' });
      await vi.advanceTimersByTimeAsync(9_999);
      let settled = false;
      void result.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);

      await expect(result).resolves.toMatchObject({ ok: false, error: { code: 'timeout' } });
    });

    it('ignores an answer that comes after the timeout', async () => {
      const h = harness([connectedCall()]);
      let late: (() => void) | undefined;
      h.streams.setResponder((_method, callbacks) => {
        late = () => callbacks?.success?.({});
      });

      const result = h.execute({ type: 'swap', contactId: 'contact-1' });
      await vi.advanceTimersByTimeAsync(10_000);
      late?.();

      await expect(result).resolves.toMatchObject({ ok: false, error: { code: 'timeout' } });
    });
  });

  it('succeeds with the default responder (sanity check of the fake)', async () => {
    const h = harness([connectedCall()]);
    h.streams.setResponder(answerSuccess);

    await expect(h.execute({ type: 'reject', contactId: 'contact-1' })).resolves.toEqual({ ok: true });
  });
});

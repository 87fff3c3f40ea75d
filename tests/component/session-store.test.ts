// Tests of the session store: it mirrors the worker's snapshot (and nothing else), reads the voice contacts'
// phases and legs from it, and tracks each command's pending and error state.
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CommandResult } from '@/lib/session/commands';
import { commandKey, useSessionStore } from '@/stores/session';
import { connection, FakeSessionClient, readySnapshot, voiceContact } from './softphone-fixture';

describe('session store', () => {
  let client: FakeSessionClient;
  let session: ReturnType<typeof useSessionStore>;

  beforeEach(() => {
    setActivePinia(createPinia());
    client = new FakeSessionClient();
    session = useSessionStore();
    session.attach(client);
  });

  it('starts the client and shows nothing until the first snapshot', () => {
    expect(client.start).toHaveBeenCalledOnce();
    expect(session.received).toBe(false);
    expect(session.connection.status).toBe('signed-out');
    client.emit(readySnapshot());
    expect(session.received).toBe(true);
    expect(session.ready).toBe(true);
    expect(session.agent?.name).toBe('Emily Carter');
  });

  it('finds the ringing call, the active call with its legs, and contacts in after call work', () => {
    const onCall = voiceContact({
      id: 'on-call',
      state: 'connected',
      connections: [
        connection({ id: 'me', role: 'agent' }),
        connection({ id: 'customer', role: 'customer', state: 'hold' }),
        connection({ id: 'consulted', role: 'third-party' }),
        connection({ id: 'gone', role: 'third-party', state: 'disconnected' }),
      ],
    });
    client.emit(readySnapshot({ contacts: [voiceContact({ id: 'ringing' }), onCall, voiceContact({ id: 'acw', state: 'ended' })] }));
    expect(session.ringingContact?.id).toBe('ringing');
    expect(session.activeVoiceContact?.id).toBe('on-call');
    expect(session.agentConnection?.id).toBe('me');
    expect(session.customerConnection?.id).toBe('customer');
    expect(session.thirdParties.map((c) => c.id)).toEqual(['consulted']);
    expect(session.afterCallWorkContacts.map((c) => c.id)).toEqual(['acw']);
  });

  it('treats an outbound call being placed as the active call, not a ringing one', () => {
    client.emit(readySnapshot({ contacts: [voiceContact({ initiationMethod: 'outbound', state: 'connecting' })] }));
    expect(session.ringingContact).toBeNull();
    expect(session.activeVoiceContact?.id).toBe('contact-1');
  });

  it('marks a command pending until answered, and keeps its error under its key', async () => {
    let answer: (result: CommandResult) => void = () => undefined;
    client.answer = () => new Promise((resolve) => (answer = resolve));
    const held = session.hold('contact-1', 'customer');
    const key = commandKey('hold', 'contact-1', 'customer');
    expect(session.isPending(key)).toBe(true);
    answer({ ok: false, error: { code: 'rejected', params: { detail: 'no' } } });
    await held;
    expect(session.isPending(key)).toBe(false);
    expect(session.errorFor(key)).toEqual({ code: 'rejected', params: { detail: 'no' } });
    expect(session.notice?.key).toBe(key);
  });

  it('leaves the snapshot alone when a command succeeds: only the worker changes it', async () => {
    client.emit(readySnapshot());
    const before = session.snapshot;
    await session.mute();
    expect(session.snapshot).toBe(before);
    expect(client.commands).toEqual([{ type: 'mute' }]);
  });

  it('keeps inline errors out of the panel notice', async () => {
    client.answer = () => ({ ok: false, error: { code: 'invalid-number', params: { number: '1' } } });
    await session.dial({ phoneNumber: '+1' }, { inline: true });
    expect(session.errorFor('dial')?.code).toBe('invalid-number');
    expect(session.notice).toBeNull();
  });
});

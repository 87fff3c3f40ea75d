// Unit tests of the engine's side of the worker <-> engine protocol: which runtime messages it answers, and how.
import { describe, expect, it, vi } from 'vitest';
import { answerWorkerMessage } from '@/lib/streams/engine-messages';

function fakeEngine() {
  return {
    instanceUrl: 'http://127.0.0.1:8790',
    execute: vi.fn(async () => ({ ok: true as const })),
    resync: vi.fn(),
  };
}

describe('engine messages', () => {
  it('leaves messages for other contexts unanswered', () => {
    const engine = fakeEngine();

    for (const message of [undefined, 'hello', { type: 'engine-ping' }, { target: 'worker', type: 'engine-event', event: {} }]) {
      expect(answerWorkerMessage(engine, message)).toBeUndefined();
    }
    expect(answerWorkerMessage(engine, { target: 'engine', type: 'something-new' })).toBeUndefined();
  });

  it('answers a ping with the instance it runs for', async () => {
    await expect(answerWorkerMessage(fakeEngine(), { target: 'engine', type: 'engine-ping' })).resolves.toEqual({
      alive: true,
      instanceUrl: 'http://127.0.0.1:8790',
    });
  });

  it('reports its state again on resync', async () => {
    const engine = fakeEngine();

    await answerWorkerMessage(engine, { target: 'engine', type: 'engine-resync' });

    expect(engine.resync).toHaveBeenCalledOnce();
  });

  it("executes a command and answers with the engine's result", async () => {
    const engine = fakeEngine();
    const envelope = { id: 'c1', command: { type: 'accept', contactId: 'x' } };

    await expect(answerWorkerMessage(engine, { target: 'engine', type: 'engine-command', envelope })).resolves.toEqual({ ok: true });

    expect(engine.execute).toHaveBeenCalledWith(envelope);
  });

  it('answers bad-command for a malformed envelope without executing it', async () => {
    const engine = fakeEngine();

    await expect(answerWorkerMessage(engine, { target: 'engine', type: 'engine-command', envelope: { command: { type: 'mute' } } })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-command' },
    });
    expect(engine.execute).not.toHaveBeenCalled();
  });
});

// The worker's line to the offscreen engine: commands, pings and resync requests over runtime.sendMessage
// (see lib/messaging/protocol.ts), each answer checked, no answer or a missing engine turned into a typed error.
import { browser } from 'wxt/browser';
import type { WorkerToEngine } from '../messaging/protocol';
import type { CommandEnvelope, CommandResult } from './commands';

export interface EngineChannel {
  /** Forwards a command; resolves with the engine's result or a typed error (never rejects). */
  sendCommand(envelope: CommandEnvelope, timeoutMs: number): Promise<CommandResult>;
  /** True when the engine answers a ping within `timeoutMs`. */
  ping(timeoutMs: number): Promise<boolean>;
  /** Asks the engine to report its full state again (after the worker restarted). */
  resync(): Promise<void>;
}

export function isCommandResult(value: unknown): value is CommandResult {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as { ok?: unknown; error?: unknown };
  if (result.ok === true) return true;
  return (
    result.ok === false &&
    typeof result.error === 'object' &&
    result.error !== null &&
    typeof (result.error as { code?: unknown }).code === 'string'
  );
}

const engineUnavailable = (detail: string): CommandResult => ({ ok: false, error: { code: 'engine-unavailable', detail } });

/** Resolves with `value` after `ms`, unless `promise` settles first; clears its timer either way. */
export function withTimeout<T>(promise: Promise<T>, ms: number, value: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(value), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export type SendToEngine = (message: WorkerToEngine) => Promise<unknown>;

/** runtime.sendMessage reaches every extension page; only the engine answers messages with target 'engine'. */
export const sendToEngineByRuntime: SendToEngine = (message) => browser.runtime.sendMessage(message);

export function createEngineChannel(send: SendToEngine = sendToEngineByRuntime): EngineChannel {
  return {
    async sendCommand(envelope, timeoutMs) {
      const TIMED_OUT = Symbol('timed out');
      let answer: unknown;
      try {
        answer = await withTimeout<unknown>(send({ target: 'engine', type: 'engine-command', envelope }), timeoutMs, TIMED_OUT);
      } catch (error) {
        // "Could not establish connection. Receiving end does not exist.": no engine document.
        return engineUnavailable(error instanceof Error ? error.message : String(error));
      }
      if (answer === TIMED_OUT) return { ok: false, error: { code: 'timeout', detail: `no answer from the engine in ${timeoutMs} ms` } };
      if (answer === undefined) return engineUnavailable('no engine answered');
      if (!isCommandResult(answer)) return engineUnavailable(`unexpected answer from the engine: ${JSON.stringify(answer)?.slice(0, 200)}`);
      return answer;
    },
    async ping(timeoutMs) {
      try {
        const answer = await withTimeout<unknown>(send({ target: 'engine', type: 'engine-ping' }), timeoutMs, null);
        return typeof answer === 'object' && answer !== null && (answer as { alive?: unknown }).alive === true;
      } catch {
        return false;
      }
    },
    async resync() {
      try {
        await send({ target: 'engine', type: 'engine-resync' });
      } catch {
        // No engine: the supervisor notices and recreates it, and a new engine reports its state anyway.
      }
    },
  };
}

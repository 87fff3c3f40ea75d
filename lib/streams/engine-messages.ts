// The engine's side of the worker <-> engine protocol (lib/messaging/protocol.ts): answers messages whose target
// is 'engine' (commands, resync, ping) and sends engine events to the worker. runtime.sendMessage reaches every
// extension page, so anything not addressed to the engine is left for others.
import { browser } from 'wxt/browser';
import type { EngineEvent, EngineMessage, WorkerToEngine } from '../messaging/protocol';
import type { CommandResult } from '../session/commands';
import type { Engine } from './engine';

/** What an engine page answers a ping with. */
export interface EnginePong {
  alive: true;
  instanceUrl: string;
}

function isWorkerToEngine(message: unknown): message is WorkerToEngine {
  return typeof message === 'object' && message !== null && (message as { target?: unknown }).target === 'engine';
}

const badCommand = (detail: string): CommandResult => ({ ok: false, error: { code: 'bad-command', detail } });

/** The answer to one message, or undefined when the message is not the engine's to answer. */
export function answerWorkerMessage(engine: Pick<Engine, 'execute' | 'resync' | 'instanceUrl'>, message: unknown): Promise<unknown> | undefined {
  if (!isWorkerToEngine(message)) return undefined;
  switch (message.type) {
    case 'engine-command': {
      const envelope = message.envelope;
      if (typeof envelope !== 'object' || envelope === null || typeof envelope.id !== 'string' || typeof envelope.command !== 'object') {
        return Promise.resolve(badCommand('malformed command envelope'));
      }
      return engine.execute(envelope);
    }
    case 'engine-resync':
      engine.resync();
      return Promise.resolve({ ok: true });
    case 'engine-ping':
      return Promise.resolve({ alive: true, instanceUrl: engine.instanceUrl } satisfies EnginePong);
    default:
      return undefined;
  }
}

/** Answers the worker's messages for as long as the page lives; returns the function that stops it. */
export function listenForWorker(engine: Engine): () => void {
  const listener = (message: unknown) => answerWorkerMessage(engine, message);
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Sends an engine event to the worker; a worker that is not listening (yet) is not an error here. */
export function reportToWorker(event: EngineEvent): void {
  const message: EngineMessage = { target: 'worker', type: 'engine-event', event };
  browser.runtime.sendMessage(message).catch(() => {
    // "Receiving end does not exist": the worker is restarting. It asks for a resync when it is back.
  });
}

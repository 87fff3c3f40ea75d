// One streams operation as a promise: streams reports through {success, failure} callbacks and has no timeout of
// its own (an api_request the CCP never answers hangs forever), so every call here gets a deadline.
import type { StreamsCallbacks } from './streams-api';

export type StreamsCallProblem =
  | 'failure' // streams called `failure`: the contact center refused, or the CCP lost its connection
  | 'timeout' // neither callback came in time
  | 'threw'; // streams threw before sending anything (not initialized, bad argument)

export class StreamsCallError extends Error {
  constructor(
    readonly operation: string,
    readonly problem: StreamsCallProblem,
    /** What streams gave `failure` (or threw): a JSON string from the CCP, a bare string, an Error… */
    readonly streamsError: unknown,
    /** For a timeout: how long it waited. */
    readonly waitedMs?: number,
  ) {
    super(`${operation}: ${problem === 'timeout' ? `no answer from the CCP in ${waitedMs ?? '?'} ms` : describeStreamsError(streamsError)}`);
    this.name = 'StreamsCallError';
  }
}

/** The error as streams gave it, as text for a log: JSON strings stay as they are, objects become JSON. */
export function streamsErrorDetail(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return JSON.stringify({ name: error.name, message: error.message });
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** The human part of a streams error: the `message` (or `type`) of the CCP's JSON error, or the text itself. */
export function describeStreamsError(error: unknown): string {
  let value: unknown = error;
  if (typeof error === 'string') {
    try {
      value = JSON.parse(error);
    } catch {
      return error;
    }
  }
  if (typeof value === 'object' && value !== null) {
    const { message, type } = value as { message?: unknown; type?: unknown };
    if (typeof message === 'string' && message !== '') return message;
    if (typeof type === 'string' && type !== '') return type;
  }
  return typeof value === 'string' ? value : streamsErrorDetail(value);
}

/**
 * Runs `invoke` with callbacks and settles with the first of success, failure or the deadline. Late callbacks are
 * ignored. A synchronous throw from streams rejects too, so callers only ever see a promise.
 */
export function callStreams<T = unknown>(
  operation: string,
  invoke: (callbacks: Required<StreamsCallbacks>) => void,
  timeoutMs: number,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
    };
    const timer = setTimeout(() => settle(() => reject(new StreamsCallError(operation, 'timeout', null, timeoutMs))), timeoutMs);
    try {
      invoke({
        success: (data) => settle(() => resolve(data as T)),
        failure: (error) => settle(() => reject(new StreamsCallError(operation, 'failure', error))),
      });
    } catch (error) {
      settle(() => reject(new StreamsCallError(operation, 'threw', error)));
    }
  });
}

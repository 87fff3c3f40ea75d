// What the engine's hidden agent-app frames share (the Customer Profiles page, the Q in Connect page): the frame
// itself, a wait bounded in time, and one call posted to the frame's page with a MessagePort for its answer.

/** A hidden, screen-reader-silent iframe (the caller sets its src and places it). */
export function hiddenFrame(doc: Document, id: string, title: string): HTMLIFrameElement {
  const frame = doc.createElement('iframe');
  frame.id = id;
  frame.title = title;
  frame.hidden = true;
  frame.setAttribute('aria-hidden', 'true');
  return frame;
}

/** `promise`, or the error `timedOut` makes when it has not settled within `timeoutMs`. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, timedOut: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(timedOut()), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Posts `message` to `target` (only if it is at `origin`: what it carries goes nowhere else) with a MessagePort,
 *  and resolves with the first data the page answers on it, or `timedOut()` after `timeoutMs`; the port is closed
 *  after. */
export async function askThroughPort(
  target: Window,
  origin: string,
  message: unknown,
  timeoutMs: number,
  timedOut: () => Error,
): Promise<unknown> {
  const channel = new MessageChannel();
  const answer = new Promise<unknown>((resolve) => {
    channel.port1.onmessage = (event: MessageEvent) => resolve(event.data);
  });
  target.postMessage(message, origin, [channel.port2]);
  try {
    return await withTimeout(answer, timeoutMs, timedOut);
  } finally {
    channel.port1.close();
  }
}

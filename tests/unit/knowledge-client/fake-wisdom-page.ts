// A stand-in for the instance's /wisdom-v2 page and the frame it lives in, for the knowledge client's tests in
// Node: a container whose document makes a fake iframe, a page that announces CHANNEL_READY (or not) and answers
// each `wisdom-js` request on its MessagePort the way amazon-q-connectjs' page does, with what `answer` decides
// for the x-amz-target and body the request carried. It records every message it got.

export const INSTANCE = 'http://127.0.0.1:8090';

export interface PageRequest {
  message: { source: string; data: { url: string; options: { method: string; headers: Record<string, string>; body: string } } };
  targetOrigin: string;
  target: string;
  body: Record<string, unknown>;
}

export type PageAnswer = { status: number; statusText?: string; body?: unknown } | 'silent';

export interface FakeWisdomPage {
  container: HTMLElement;
  /** The frame the client made (null before). */
  frame(): FakeFrame | null;
  requests: PageRequest[];
  /** Messages that were not requests (CHANNEL_READY_REQUEST probes). */
  probes: unknown[];
  /** Makes the frame "load" and, unless told otherwise, the page announce CHANNEL_READY (from `origin`). */
  load(options?: { announce?: boolean; origin?: string }): void;
  /** Sends a message to the engine's window as if from `source` (default the frame). */
  post(data: unknown, origin?: string, fromFrame?: boolean): void;
}

export interface FakeFrame extends EventTarget {
  id: string;
  title: string;
  hidden: boolean;
  src: string;
  attributes: Record<string, string>;
  removed: boolean;
  contentWindow: { postMessage(message: unknown, targetOrigin: string, transfer?: MessagePort[]): void } | null;
  setAttribute(name: string, value: string): void;
  remove(): void;
}

/** A page answering with `answer(target, body)` (synchronously, or after a delay the test controls). */
export function fakeWisdomPage(answer: (target: string, body: Record<string, unknown>) => PageAnswer | Promise<PageAnswer>): FakeWisdomPage {
  const view = new EventTarget();
  const requests: PageRequest[] = [];
  const probes: unknown[] = [];
  let made: FakeFrame | null = null;

  const contentWindow = {
    postMessage(message: unknown, targetOrigin: string, transfer: MessagePort[] = []) {
      const port = transfer[0];
      if (!port) {
        probes.push(message);
        return;
      }
      const request = message as PageRequest['message'];
      const target = request.data.options.headers['x-amz-target'] ?? '';
      const body = JSON.parse(request.data.options.body) as Record<string, unknown>;
      requests.push({ message: request, targetOrigin, target, body });
      void Promise.resolve(answer(target, body)).then((reply) => {
        if (reply === 'silent') return;
        port.postMessage({ source: 'wisdom-ui', data: { ok: reply.status < 300, headers: {}, ...reply } });
      });
    },
  };

  const document = {
    defaultView: view,
    createElement(tag: string) {
      if (tag !== 'iframe') throw new Error(`unexpected element ${tag}`);
      const frame = Object.assign(new EventTarget(), {
        id: '',
        title: '',
        hidden: false,
        src: '',
        attributes: {} as Record<string, string>,
        removed: false,
        contentWindow: contentWindow as FakeFrame['contentWindow'],
        setAttribute(name: string, value: string) {
          frame.attributes[name] = value;
        },
        remove() {
          frame.removed = true;
          frame.contentWindow = null;
        },
      });
      made = frame;
      return frame;
    },
  };
  const container = { ownerDocument: document, append() {} } as unknown as HTMLElement;

  function post(data: unknown, origin = INSTANCE, fromFrame = true) {
    view.dispatchEvent(Object.assign(new Event('message'), { data, origin, source: fromFrame ? contentWindow : {} }));
  }

  return {
    container,
    frame: () => made,
    requests,
    probes,
    load(options = {}) {
      made?.dispatchEvent(new Event('load'));
      if (options.announce !== false) post({ source: 'wisdom-js', type: 'CHANNEL_READY' }, options.origin ?? INSTANCE);
    },
    post,
  };
}

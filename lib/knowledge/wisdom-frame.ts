// The engine's road to Amazon Q in Connect, the one Amazon Connect gives browser agent apps (the protocol of the
// official amazon-q-connectjs client): a hidden frame of the instance's `/wisdom-v2` page, which announces itself
// with `{source: 'wisdom-js', type: 'CHANNEL_READY'}`, then takes each call as `{source: 'wisdom-js', data: {url,
// options}}` with a MessagePort, makes it to `<instance>/agent-app/api` with the agent's own session, and answers on
// the port `{source: 'wisdom-ui', data: <HTTP response>}`. Created on first use, never at engine start.
import { askThroughPort, hiddenFrame, withTimeout } from '../workspace/frame-calls';

export const QCONNECT_CLIENT_SOURCE = 'wisdom-js';
export const QCONNECT_PAGE_SOURCE = 'wisdom-ui';
export const CHANNEL_READY = 'CHANNEL_READY';
export const CHANNEL_READY_REQUEST = 'CHANNEL_READY_REQUEST';
/** The frame's id, as the official client's (its ServiceIds.AmazonQConnect). */
export const QCONNECT_FRAME_ID = 'AmazonQConnect';

/** The agent-app services the client calls: Q in Connect itself, and Connect's contact service. */
export type AgentAppService = 'WisdomV2' | 'Acs';

/** What the page answers for one call: the agent-app API's HTTP response, its JSON body parsed. */
export interface WisdomHttpResponse {
  status: number;
  statusText?: string;
  ok?: boolean;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A refused or failed call: the status the API answered (0 when the page never answered) and its reason. */
export class KnowledgeCallError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly reason: string,
  ) {
    super(`${operation}: ${status === 0 ? reason : `${status} ${reason}`}`);
    this.name = 'KnowledgeCallError';
  }
}

/** The access section amazon-q-connectjs names for each operation (x-access-section, x-amz-access-section). */
const ACCESS_SECTIONS: Record<string, string> = {
  describeContact: 'DESCRIBE_CONTACT',
  listIntegrationAssociations: 'LIST_INTEGRATION_ASSOCIATIONS',
  queryAssistant: 'WISDOM_QUERY_ASSISTANT',
  getRecommendations: 'WISDOM_GET_RECOMMENDATIONS',
  notifyRecommendationsReceived: 'WISDOM_NOTIFIY_RECOMMENDATIONS_RECEIVED', // sic: the service's spelling
  getContent: 'WISDOM_GET_CONTENT',
  putFeedback: 'WISDOM_PUT_FEEDBACK',
  getSession: 'WISDOM_GET_SESSION',
};

/** The request one call sends through the frame: the URL and fetch options the page makes it with. */
export function agentAppRequest(apiUrl: string, service: AgentAppService, operation: string, input: Record<string, unknown>) {
  const access = ACCESS_SECTIONS[operation] ?? (service === 'Acs' ? operation.toUpperCase() : 'WISDOM');
  return {
    url: apiUrl,
    options: {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'x-access-section': access,
        'x-amazon-call-source': 'agent-app',
        'x-amz-access-section': access,
        'x-amz-target': `AgentAppService.${service}.${operation}`,
        'x-amz-vendor': service === 'Acs' ? 'connect' : 'wisdom',
      },
      body: JSON.stringify(input),
    },
  };
}

export interface WisdomTransport {
  /** Calls one operation with its API input; resolves with the answer's body when it succeeded (2xx). */
  call(service: AgentAppService, operation: string, input: Record<string, unknown>): Promise<unknown>;
  /** Removes the frame. */
  close(): void;
}

export interface WisdomFrameOptions {
  /** The instance's base URL (the local contact center's origin, or a real instance's base). */
  instanceBase: string;
  /** Where the hidden frame goes. */
  container: HTMLElement;
  /** How long a call, or the frame's handshake, may take (default 10 s). */
  timeoutMs?: number;
  /** After the frame loaded, how long to wait for CHANNEL_READY before calling anyway, as the official client
   *  does for pages older than the handshake (default 3 s). */
  handshakeGraceMs?: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The reason an error answer gives: the service's message, else the status text. */
function reasonOf(response: WisdomHttpResponse): string {
  const body = response.body;
  if (isRecord(body)) {
    const message = body.message ?? body.Message;
    if (typeof message === 'string' && message !== '') return message;
  }
  return typeof response.statusText === 'string' && response.statusText !== '' ? response.statusText : 'no reason given';
}

/** Frames the instance's `/wisdom-v2` page once; calls wait for its CHANNEL_READY. */
export function wisdomFrame(options: WisdomFrameOptions): WisdomTransport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const graceMs = options.handshakeGraceMs ?? 3_000;
  const pageUrl = `${options.instanceBase}/wisdom-v2/?theme=hidden_page`;
  const apiUrl = `${options.instanceBase}/agent-app/api`;
  const origin = new URL(pageUrl).origin;
  const view = options.container.ownerDocument.defaultView;
  if (!view) throw new KnowledgeCallError('frame', 0, 'no window to frame the Q in Connect page in');
  const frame = hiddenFrame(options.container.ownerDocument, QCONNECT_FRAME_ID, 'Amazon Q in Connect');

  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  const onMessage = (event: MessageEvent) => {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    const data = event.data as { source?: unknown; type?: unknown } | null;
    if (data?.source !== QCONNECT_CLIENT_SOURCE || data.type !== CHANNEL_READY) return;
    clearTimeout(graceTimer);
    markReady();
  };
  view.addEventListener('message', onMessage);
  frame.addEventListener(
    'load',
    () => {
      // The page may have announced itself before we listened (it never does here, but a reloaded frame might):
      // ask again, and call anyway after a grace period.
      frame.contentWindow?.postMessage({ source: QCONNECT_CLIENT_SOURCE, type: CHANNEL_READY_REQUEST }, origin);
      graceTimer = setTimeout(markReady, graceMs);
    },
    { once: true },
  );
  frame.src = pageUrl;
  options.container.append(frame);

  return {
    async call(service, operation, input) {
      const timedOut = (what: string) => () => new KnowledgeCallError(operation, 0, `${what} in ${timeoutMs} ms`);
      await withTimeout(ready, timeoutMs, timedOut('the Q in Connect page did not get ready'));
      const target = frame.contentWindow;
      if (!target) throw new KnowledgeCallError(operation, 0, 'the Q in Connect frame is gone');
      // The target origin is the instance's: the request (and the customer's words it may carry) goes nowhere else.
      const message = { source: QCONNECT_CLIENT_SOURCE, data: agentAppRequest(apiUrl, service, operation, input) };
      const reply = (await askThroughPort(target, origin, message, timeoutMs, timedOut('no answer'))) as { data?: unknown } | null;
      const answered = isRecord(reply?.data) ? (reply.data as unknown as WisdomHttpResponse) : null;
      const response = answered && typeof answered.status === 'number' ? answered : { status: 0, statusText: 'malformed answer' };
      if (response.status >= 200 && response.status < 300) return response.body ?? null;
      throw new KnowledgeCallError(operation, response.status, reasonOf(response));
    },
    close() {
      clearTimeout(graceTimer);
      view.removeEventListener('message', onMessage);
      frame.remove();
    },
  };
}

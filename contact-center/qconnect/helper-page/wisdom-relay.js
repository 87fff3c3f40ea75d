// The relay of the /wisdom-v2 helper page, in the postMessage protocol of amazon-q-connectjs: once listening, the page
// tells its parent (and the top window) {source: 'wisdom-js', type: 'CHANNEL_READY'}, and again whenever the parent
// asks with {source: 'wisdom-js', type: 'CHANNEL_READY_REQUEST'}. A request is {source: 'wisdom-js', data: {url,
// options: {method, headers, body}}} with a MessagePort; the page calls this contact center's /agent-app/api with the
// agent's session cookie and the request's x-amz-target, and answers on the port {source: 'wisdom-ui', data:
// {status, statusText, ok, headers, body}} with the JSON answer as body (an AWS error body on refusals). Only this
// origin and browser extensions may ask, and only this origin's /agent-app/api (or /api-proxy, which the client
// names with its public-api-proxy call source) is called. A plain module with no page globals, so it can run (and be
// tested) anywhere with fetch and MessagePorts; wisdom-page.js starts it in the page.

export const CLIENT_SOURCE = 'wisdom-js';
export const PAGE_SOURCE = 'wisdom-ui';
export const CHANNEL_READY = 'CHANNEL_READY';
export const CHANNEL_READY_REQUEST = 'CHANNEL_READY_REQUEST';
export const AGENT_APP_API_PATH = '/agent-app/api';

const PROXY_PATHS = [AGENT_APP_API_PATH, '/api-proxy'];
const EXTENSION_ORIGIN = /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36})$/;
const TARGET = /^AgentAppService\.(WisdomV2|Acs)\.[a-zA-Z]{1,64}$/;
/** The request headers passed on (others, such as cookies or credentials, are the browser's business). */
const FORWARDED_HEADERS = ['x-amz-target', 'x-access-section', 'x-amz-access-section', 'x-amz-vendor'];
const ANSWER_HEADERS = ['content-type', 'x-amzn-requestid', 'x-amzn-errortype'];

/** Whether a window of `origin` may use the agent's knowledge through this page: the page's own origin or an extension. */
export function isTrustedParent(origin, ownOrigin) {
  return origin === ownOrigin || EXTENSION_ORIGIN.test(origin);
}

function isOwnProxyUrl(url, ownOrigin) {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url, ownOrigin);
    return parsed.origin === ownOrigin && PROXY_PATHS.includes(parsed.pathname.replace(/\/+$/, ''));
  } catch {
    return false;
  }
}

function headerOf(headers, name) {
  if (!headers || typeof headers !== 'object') return undefined;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name && typeof value === 'string') return value;
  return undefined;
}

function answer(port, status, statusText, body, headers = {}) {
  port.postMessage({ source: PAGE_SOURCE, data: { status, statusText, ok: status >= 200 && status < 300, headers, body } });
}

const refusal = (type, message) => ({ __type: type, message });

/**
 * Answers one message event. Resolves true once a request has been answered on its port (or the handshake was
 * repeated), false for a message that is not one (other frames' traffic is left alone).
 */
export async function relayMessage(event, { ownOrigin, fetch, announce }) {
  const message = event.data;
  if (!message || typeof message !== 'object' || message.source !== CLIENT_SOURCE) return false;
  if (message.type === CHANNEL_READY) return false;
  if (message.type === CHANNEL_READY_REQUEST) {
    if (!isTrustedParent(event.origin, ownOrigin)) return false;
    announce();
    return true;
  }
  const port = event.ports && event.ports[0];
  if (!port) return false;
  if (!isTrustedParent(event.origin, ownOrigin)) {
    answer(port, 403, 'Forbidden', refusal('AccessDeniedException', `A page of ${event.origin} may not use Amazon Q in Connect through this contact center.`));
    return true;
  }
  const { url, options } = message.data || {};
  if (!isOwnProxyUrl(url, ownOrigin)) {
    answer(port, 400, 'Bad Request', refusal('ValidationException', `data.url must be this contact center's ${AGENT_APP_API_PATH}.`));
    return true;
  }
  const target = headerOf(options && options.headers, 'x-amz-target');
  if (target === undefined || !TARGET.test(target)) {
    answer(port, 400, 'Bad Request', refusal('UnknownOperationException', 'data.options.headers must carry x-amz-target: AgentAppService.WisdomV2.<operation> or AgentAppService.Acs.<operation>.'));
    return true;
  }
  const body = options.body === undefined || options.body === null ? '{}' : options.body;
  if (typeof body !== 'string') {
    answer(port, 400, 'Bad Request', refusal('ValidationException', 'data.options.body must be the request as a JSON string.'));
    return true;
  }
  const headers = { Accept: 'application/json', 'Content-Type': 'application/json', 'x-amazon-call-source': 'agent-app' };
  for (const name of FORWARDED_HEADERS) {
    const value = headerOf(options.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  let response;
  try {
    response = await fetch(ownOrigin + AGENT_APP_API_PATH, { method: 'POST', credentials: 'include', headers, body });
  } catch (error) {
    answer(port, 0, `The contact center did not answer: ${error instanceof Error ? error.message : String(error)}`, {});
    return true;
  }
  const data = await response.json().catch(() => ({}));
  const answerHeaders = {};
  for (const name of ANSWER_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) answerHeaders[name] = value;
  }
  answer(port, response.status, response.statusText || (response.ok ? 'OK' : `HTTP ${response.status}`), data, answerHeaders);
  return true;
}

/** Listens for the client's requests on `page` (the helper page's window) and tells the parent it is ready. */
export function startRelay(page) {
  const announce = () => {
    const ready = { source: CLIENT_SOURCE, type: CHANNEL_READY };
    // The parent's origin is not known yet (the ready signal carries nothing), as in amazon-q-connectjs.
    page.parent.postMessage(ready, '*');
    if (page.top && page.top !== page.parent) page.top.postMessage(ready, '*');
  };
  page.addEventListener('message', (event) => {
    // Only the windows that framed this page may ask (a sibling frame may not).
    if (event.source !== page.parent && event.source !== page.top) return;
    void relayMessage(event, { ownOrigin: page.location.origin, fetch: page.fetch.bind(page), announce });
  });
  if (page.parent !== page) announce();
}

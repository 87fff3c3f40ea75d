// The relay of the /customerprofiles-v2 helper page, in the protocol of Amazon Connect's Customer Profiles client:
// a parent window posts {source: 'AmazonConnectCustomerProfilesClient', event_type: 'CustomerProfilesApiCall',
// api_data: {url, method, params}} with a MessagePort; the page calls this contact center's /agent-app/api with the
// agent's session cookie and answers on the port {source, event_type, api_response: {status, statusText, data}}
// (status 200 and the operation's answer, or the refusal's status and its AWS error body). Only this origin and
// browser extensions may ask, and only this origin's /agent-app/api is called. A plain module with no page globals,
// so that it can run (and be tested) anywhere with fetch and MessagePorts; profiles-page.js starts it in the page.

export const CLIENT_NAME = 'AmazonConnectCustomerProfilesClient';
export const API_EVENT_TYPE = 'CustomerProfilesApiCall';
export const AGENT_APP_API_PATH = '/agent-app/api';
export const TARGET_PREFIX = 'AgentAppService.CustomerProfiles.';

const EXTENSION_ORIGIN = /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36})$/;
const OPERATION_NAME = /^[a-zA-Z]{1,64}$/;

/** Whether a window of `origin` may use the agent's profiles through this page: the page's own origin or an extension. */
export function isTrustedParent(origin, ownOrigin) {
  return origin === ownOrigin || EXTENSION_ORIGIN.test(origin);
}

function isOwnApiUrl(url, ownOrigin) {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url, ownOrigin);
    return parsed.origin === ownOrigin && parsed.pathname.replace(/\/+$/, '') === AGENT_APP_API_PATH;
  } catch {
    return false;
  }
}

function answer(port, status, statusText, data) {
  port.postMessage({ source: CLIENT_NAME, event_type: API_EVENT_TYPE, api_response: { status, statusText, data } });
}

/**
 * Answers one message event. Resolves true once a Customer Profiles call has been answered on its port, false
 * for a message that is not one (other frames' traffic is left alone).
 */
export async function relayMessage(event, { ownOrigin, fetch }) {
  const message = event.data;
  if (!message || message.source !== CLIENT_NAME || message.event_type !== API_EVENT_TYPE) return false;
  const port = event.ports && event.ports[0];
  if (!port) return false;
  if (!isTrustedParent(event.origin, ownOrigin)) {
    answer(port, 403, 'Forbidden', { __type: 'AccessDeniedException', message: `A page of ${event.origin} may not read or change customer profiles.` });
    return true;
  }
  const { url, method, params } = message.api_data || {};
  if (typeof method !== 'string' || !OPERATION_NAME.test(method)) {
    answer(port, 400, 'Bad Request', { __type: 'BadRequestException', message: 'api_data.method must name a Customer Profiles operation, such as searchProfiles.' });
    return true;
  }
  if (!isOwnApiUrl(url, ownOrigin)) {
    answer(port, 400, 'Bad Request', { __type: 'BadRequestException', message: `api_data.url must be this contact center's ${AGENT_APP_API_PATH}.` });
    return true;
  }
  let response;
  try {
    response = await fetch(ownOrigin + AGENT_APP_API_PATH, {
      method: 'POST',
      credentials: 'include',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'x-amazon-call-source': 'agent-app', 'x-amz-target': TARGET_PREFIX + method },
      body: JSON.stringify(params ?? {}),
    });
  } catch (error) {
    answer(port, 0, `The contact center did not answer: ${error instanceof Error ? error.message : String(error)}`, {});
    return true;
  }
  const data = await response.json().catch(() => ({}));
  if (response.ok) answer(port, 200, 'OK', data);
  else answer(port, response.status, response.statusText || `HTTP ${response.status}`, data);
  return true;
}

/** Listens for the client's calls on `page` (the helper page's window). */
export function startRelay(page) {
  page.addEventListener('message', (event) => {
    void relayMessage(event, { ownOrigin: page.location.origin, fetch: page.fetch.bind(page) });
  });
}

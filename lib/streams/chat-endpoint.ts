// Where the engine's ChatJS sends participant-service calls. For the local contact center (a loopback origin) it
// is the instance's own origin, which serves ConnectParticipant's routes under /participant/…; for a real Amazon
// Connect instance ChatJS's default (participant.connect.<region>.amazonaws.com) is right and nothing is set.
// ChatJS's endpoint override can never be unset and its clients are cached per region, so it must be set before
// the first chat (before initCCP), and switching instances recreates the engine document instead.
import type { ChatJsGlobal } from './chat-api';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The participant-service endpoint for an instance: its origin when it is on loopback, else null. */
export function chatEndpointFor(instanceUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(instanceUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return LOOPBACK_HOSTS.has(url.hostname) ? url.origin : null;
}

/** Points ChatJS at the local contact center when `instanceUrl` is one; returns the endpoint set, or null. */
export function configureChatEndpoint(chatSession: ChatJsGlobal, instanceUrl: string, region?: string): string | null {
  const endpoint = chatEndpointFor(instanceUrl);
  if (endpoint === null) return null;
  chatSession.setGlobalConfig({ endpoint, ...(region ? { region } : {}) });
  return endpoint;
}

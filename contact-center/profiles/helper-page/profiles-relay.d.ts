// Types of profiles-relay.js (a browser module served as it is), for the TypeScript that imports it: its tests.

export const CLIENT_NAME: 'AmazonConnectCustomerProfilesClient';
export const API_EVENT_TYPE: 'CustomerProfilesApiCall';
export const AGENT_APP_API_PATH: '/agent-app/api';
export const TARGET_PREFIX: 'AgentAppService.CustomerProfiles.';

/** The parts of a MessageEvent the relay reads. */
export interface RelayEvent {
  data: unknown;
  origin: string;
  ports: readonly { postMessage(message: unknown): void }[];
}

export function isTrustedParent(origin: string, ownOrigin: string): boolean;

export function relayMessage(event: RelayEvent, options: { ownOrigin: string; fetch: typeof fetch }): Promise<boolean>;

export function startRelay(page: {
  addEventListener(type: 'message', listener: (event: RelayEvent) => void): void;
  location: { origin: string };
  fetch: typeof fetch;
}): void;

// Types of wisdom-relay.js (a browser module served as it is), for the TypeScript that imports it: its tests.

export const CLIENT_SOURCE: 'wisdom-js';
export const PAGE_SOURCE: 'wisdom-ui';
export const CHANNEL_READY: 'CHANNEL_READY';
export const CHANNEL_READY_REQUEST: 'CHANNEL_READY_REQUEST';
export const AGENT_APP_API_PATH: '/agent-app/api';

/** The parts of a MessageEvent the relay reads. */
export interface RelayEvent {
  data: unknown;
  origin: string;
  source?: unknown;
  ports: readonly { postMessage(message: unknown): void }[];
}

export function isTrustedParent(origin: string, ownOrigin: string): boolean;

export function relayMessage(event: RelayEvent, options: { ownOrigin: string; fetch: typeof fetch; announce: () => void }): Promise<boolean>;

export interface RelayWindow {
  postMessage(message: unknown, targetOrigin: string): void;
}

export function startRelay(page: {
  addEventListener(type: 'message', listener: (event: RelayEvent) => void): void;
  location: { origin: string };
  fetch: typeof fetch;
  parent: RelayWindow;
  top: RelayWindow | null;
}): void;

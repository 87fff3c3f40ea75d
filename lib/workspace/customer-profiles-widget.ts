// The engine's road to Customer Profiles, the one Amazon Connect gives its browser agent apps: a hidden frame of
// the instance's `/customerprofiles-v2` page, which calls `<instance>/agent-app/api` with the agent's own session
// (`x-amz-target: AgentAppService.CustomerProfiles.<operation>`). We post it each call with a MessagePort, in the
// official client's message shape, and it answers on the port `{api_response: {status, statusText, data}}`. The
// same code runs against a real instance and the local contact center, which serves the same page and route.
import { askThroughPort, hiddenFrame, withTimeout } from './frame-calls';

export const PROFILES_CLIENT_NAME = 'AmazonConnectCustomerProfilesClient';
export const PROFILES_API_EVENT = 'CustomerProfilesApiCall';

/** A refused or failed call: the status the page reported (0 when it never answered). */
export class CustomerProfilesCallError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly statusText: string,
  ) {
    super(`${operation}: ${status === 0 ? statusText : `${status} ${statusText}`}`);
    this.name = 'CustomerProfilesCallError';
  }
}

export interface CustomerProfilesTransport {
  /** Calls one AgentAppService.CustomerProfiles operation with its Customer Profiles API body; resolves with the data. */
  call(operation: string, params: Record<string, unknown>): Promise<unknown>;
  /** Removes the frame. */
  close(): void;
}

export interface WidgetOptions {
  /** The instance's base URL (the local contact center's origin, or a real instance's `…/connect`). */
  instanceBase: string;
  /** Where the hidden frame goes. */
  container: HTMLElement;
  /** How long a call, or the frame's first load, may take (default 10 s). */
  timeoutMs?: number;
}

/** Frames the instance's Customer Profiles page once; calls wait for its load. */
export function customerProfilesWidget(options: WidgetOptions): CustomerProfilesTransport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pageUrl = `${options.instanceBase}/customerprofiles-v2`;
  const apiUrl = `${options.instanceBase}/agent-app/api`;
  const origin = new URL(pageUrl).origin;
  const frame = hiddenFrame(options.container.ownerDocument, PROFILES_CLIENT_NAME, 'Customer Profiles');
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.src = pageUrl;
  options.container.append(frame);

  return {
    async call(operation, params) {
      const timedOut = () => new CustomerProfilesCallError(operation, 0, `no answer in ${timeoutMs} ms`);
      await withTimeout(loaded, timeoutMs, timedOut);
      const target = frame.contentWindow;
      if (!target) throw new CustomerProfilesCallError(operation, 0, 'the Customer Profiles frame is gone');
      // The target origin is the instance's: the message (with the customer's data it asks for) goes nowhere else.
      const message = { source: PROFILES_CLIENT_NAME, event_type: PROFILES_API_EVENT, api_data: { url: apiUrl, method: operation, params } };
      const reply = (await askThroughPort(target, origin, message, timeoutMs, timedOut)) as { api_response?: { status?: unknown; statusText?: unknown; data?: unknown } } | null;
      const response = reply?.api_response;
      const status = typeof response?.status === 'number' ? response.status : 0;
      if (status === 200) return response?.data ?? null;
      // The local contact center also gives the service's error body; Connect itself only the status text.
      const data = response?.data as { message?: unknown } | undefined;
      const reason = typeof data?.message === 'string' ? data.message : typeof response?.statusText === 'string' ? response.statusText : 'malformed answer';
      throw new CustomerProfilesCallError(operation, status, reason);
    },
    close() {
      frame.remove();
    },
  };
}

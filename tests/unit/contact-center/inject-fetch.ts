// Drives a Fastify app with `inject()` (no socket) behind fetch's interface, so the contact center's HTTP tests
// read like the browser calls they stand for: `request('/api/v1/agents', { headers })` answers a Response.

import type { LoopbackApp } from '../../../contact-center/server/loopback-app';

export type InjectedFetch = (path: string, init?: RequestInit) => Promise<Response>;

/** `app` is read on every call, so a test may restart the contact center between requests. */
export function injectFetch(app: () => LoopbackApp): InjectedFetch {
  return async (path, init = {}) => {
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const answer = await app().inject({
      method: (init.method ?? 'GET') as 'GET',
      url: path,
      headers,
      payload: init.body === undefined || init.body === null ? undefined : String(init.body),
    });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      for (const one of [value].flat()) if (one !== undefined) responseHeaders.append(name, String(one));
    }
    const bodyless = answer.statusCode === 204 || answer.statusCode === 304;
    return new Response(bodyless ? null : new Uint8Array(answer.rawPayload), { status: answer.statusCode, headers: responseHeaders });
  };
}

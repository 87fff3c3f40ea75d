// The engine's one reader of the local contact center's instance description: one request for callers that ask at
// the same time and later, a failed read forgotten so the next use asks again, a real Amazon Connect instance (or a
// loopback server without the route) answered "not the local contact center" and remembered, and a reader per
// instance (the engine, and so its reader, is made again for another instance).
import { describe, expect, it } from 'vitest';
import { createInstanceDescriptionReader, InstanceDescriptionError } from '../../../lib/streams/instance-description';

const LOCAL = 'http://127.0.0.1:8090/';
const DESCRIPTION = { cases: { domainId: 'dom-1', basePath: '/cases' }, qconnect: { assistantId: 'asst-1' }, contactLens: { basePath: '/contact-lens' } };

/** A fetch that answers each request with the next of `answers` (a Response, or an Error to throw), and notes the URLs. */
function scriptedFetch(...answers: (Response | Error | (() => Promise<Response>))[]) {
  const asked: { url: string; credentials: RequestCredentials | undefined }[] = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    asked.push({ url, credentials: init?.credentials });
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`unexpected request ${url}`);
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer() : answer;
  }) as typeof globalThis.fetch;
  return { fetch, asked };
}

describe('the instance description reader', () => {
  it('asks once for callers that come together and later, with the agent’s cookie', async () => {
    let answer!: (response: Response) => void;
    const { fetch, asked } = scriptedFetch(() => new Promise((resolve) => (answer = resolve)));
    const reader = createInstanceDescriptionReader({ instanceUrl: LOCAL, fetch });
    const together = [reader.read(), reader.read(), reader.read()];
    answer(Response.json(DESCRIPTION));
    expect(await Promise.all(together)).toEqual([DESCRIPTION, DESCRIPTION, DESCRIPTION]);
    expect(await reader.read()).toEqual(DESCRIPTION);
    expect(asked).toEqual([{ url: 'http://127.0.0.1:8090/api/v1/instance', credentials: 'include' }]);
  });

  it.each([
    ['no answer', new TypeError('fetch failed'), 'fetch failed'],
    ['a server error', new Response('{}', { status: 503 }), 'HTTP 503'],
    ['an answer that is not a JSON object', new Response('<html>', { status: 200 }), 'not a JSON object'],
  ])('fails every caller waiting on %s, and asks again on the next use', async (_case, failure, says) => {
    const { fetch, asked } = scriptedFetch(failure, Response.json(DESCRIPTION));
    const reader = createInstanceDescriptionReader({ instanceUrl: LOCAL, fetch });
    const waiting = [reader.read(), reader.read()];
    for (const read of waiting) {
      const error = await read.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InstanceDescriptionError);
      expect((error as Error).message).toContain(says);
    }
    expect(await reader.read()).toEqual(DESCRIPTION);
    expect(await reader.read()).toEqual(DESCRIPTION);
    expect(asked).toHaveLength(2);
  });

  it('answers a real Amazon Connect instance "not the local contact center" without asking it', async () => {
    const { fetch, asked } = scriptedFetch();
    const reader = createInstanceDescriptionReader({ instanceUrl: 'https://example.my.connect.aws/', fetch });
    expect(await reader.read()).toBeNull();
    expect(await reader.read()).toBeNull();
    expect(asked).toEqual([]);
  });

  it('remembers a loopback server without the route as not the local contact center', async () => {
    const { fetch, asked } = scriptedFetch(new Response('not found', { status: 404 }));
    const reader = createInstanceDescriptionReader({ instanceUrl: 'http://localhost:9000', fetch });
    expect(await reader.read()).toBeNull();
    expect(await reader.read()).toBeNull();
    expect(asked.map((a) => a.url)).toEqual(['http://localhost:9000/api/v1/instance']);
  });

  it('gives up on a contact center that does not answer in time, and asks again next time', async () => {
    const hanging = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error)));
    let calls = 0;
    const fetch = ((url: string, init?: RequestInit) => (++calls === 1 ? hanging(url, init) : Promise.resolve(Response.json(DESCRIPTION)))) as typeof globalThis.fetch;
    const reader = createInstanceDescriptionReader({ instanceUrl: LOCAL, fetch, timeoutMs: 20 });
    await expect(reader.read()).rejects.toBeInstanceOf(InstanceDescriptionError);
    expect(await reader.read()).toEqual(DESCRIPTION);
    expect(calls).toBe(2);
  });

  it('belongs to one instance: the engine made for another instance reads that one afresh', async () => {
    const { fetch, asked } = scriptedFetch(Response.json(DESCRIPTION), Response.json({ qconnect: { assistantId: 'asst-2' } }));
    expect(await createInstanceDescriptionReader({ instanceUrl: LOCAL, fetch }).read()).toEqual(DESCRIPTION);
    expect(await createInstanceDescriptionReader({ instanceUrl: 'http://127.0.0.1:8091', fetch }).read()).toEqual({ qconnect: { assistantId: 'asst-2' } });
    expect(asked.map((a) => a.url)).toEqual(['http://127.0.0.1:8090/api/v1/instance', 'http://127.0.0.1:8091/api/v1/instance']);
  });
});

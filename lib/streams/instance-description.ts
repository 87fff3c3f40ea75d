// The local contact center's description of itself (GET /api/v1/instance), read by one memoized reader that the
// engine creates with its services and hands to each (Cases, Amazon Q in Connect, Contact Lens find their ids and
// base paths in it). One engine serves one instance (the offscreen document is recreated for another), so the
// reader never outlives its instance. A real Amazon Connect instance has no such route: it is answered "not the
// local contact center" at once, without a request. A failed read is not kept: the next use asks again.
import { instanceBase, isLocalContactCenter } from './instance-urls';

/** The parts of the description the extension reads (each service checks its own fields' types). */
export interface InstanceDescription {
  cases?: { domainId?: unknown; basePath?: unknown };
  qconnect?: { assistantId?: unknown };
  contactLens?: { basePath?: unknown };
}

export interface InstanceDescriptionReader {
  /** The description; null when the instance is not the local contact center (a real Amazon Connect instance, or
   *  a loopback server without the route). Rejects when it could not be read (no answer, a server error, not a
   *  JSON object); that is not remembered. */
  read(): Promise<InstanceDescription | null>;
}

export interface InstanceDescriptionReaderOptions {
  instanceUrl: string;
  fetch?: typeof fetch;
  /** How long one read may take (default 10 s). */
  timeoutMs?: number;
}

/** The description could not be read; `detail` says why. */
export class InstanceDescriptionError extends Error {
  constructor(detail: string) {
    super(`the contact center's instance description (GET /api/v1/instance) could not be read: ${detail}`);
    this.name = 'InstanceDescriptionError';
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function createInstanceDescriptionReader(options: InstanceDescriptionReaderOptions): InstanceDescriptionReader {
  if (!isLocalContactCenter(options.instanceUrl)) return { read: () => Promise.resolve(null) };
  // Looked up on each call, so a fetch replaced after the reader was made (tests, polyfills) is the one used.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const url = `${instanceBase(options.instanceUrl)}/api/v1/instance`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  let kept: Promise<InstanceDescription | null> | null = null;

  async function fetchDescription(): Promise<InstanceDescription | null> {
    let response: Response;
    try {
      response = await doFetch(url, { credentials: 'include', signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new InstanceDescriptionError(error instanceof Error ? error.message : String(error));
    }
    if (response.status === 404) return null;
    if (!response.ok) throw new InstanceDescriptionError(`it answered HTTP ${response.status}`);
    const body: unknown = await response.json().catch(() => undefined);
    if (!isObject(body)) throw new InstanceDescriptionError('its answer is not a JSON object');
    return body as InstanceDescription;
  }

  return {
    read() {
      if (kept) return kept;
      const attempt = fetchDescription();
      kept = attempt;
      // A failure is handed to the callers waiting now, then forgotten (unless a newer read has replaced it).
      attempt.catch(() => {
        if (kept === attempt) kept = null;
      });
      return attempt;
    },
  };
}

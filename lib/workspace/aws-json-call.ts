// One JSON call to an AWS-shaped REST service with the agent's session (the browser's cookies), as the Cases and
// Contact Lens clients make them: a refusal is read the way the AWS SDKs read it (the error type from the
// x-amzn-errortype header or the body's __type, the message from message or Message).

export interface AwsJsonRequest {
  method: 'POST' | 'PUT';
  url: string;
  body: unknown;
  /** Extra request headers (tests sign in with a cookie; the browser sends its own). */
  headers?: Record<string, string>;
}

/** What a refusal says, for the caller's own error class. */
export interface AwsRefusal {
  status: number;
  /** The error type, e.g. ResourceNotFoundException (`HTTP <status>` when the service named none). */
  type: string;
  message: string;
}

/** A refusal from an AWS-shaped service: the operation, the HTTP status (0: no answer), the error type
 *  (ValidationException, ResourceNotFoundException, …) and the service's message. Each client names its own. */
export class AwsServiceCallError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'AwsServiceCallError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sends `request`; resolves with the answer's JSON object ({} when it is none), or throws what `refused` makes of
 *  a refusal. */
export async function awsJsonCall(
  fetchFn: typeof fetch,
  request: AwsJsonRequest,
  refused: (refusal: AwsRefusal) => Error,
): Promise<Record<string, unknown>> {
  const response = await fetchFn(request.url, {
    method: request.method,
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...request.headers },
    body: JSON.stringify(request.body),
  });
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = isRecord(data) ? data : {};
    const header = response.headers.get('x-amzn-errortype')?.split(':')[0];
    const type = header || (typeof error.__type === 'string' ? error.__type.split('#').pop()! : `HTTP ${response.status}`);
    const message = typeof error.message === 'string' ? error.message : typeof error.Message === 'string' ? error.Message : response.statusText;
    throw refused({ status: response.status, type, message });
  }
  return isRecord(data) ? data : {};
}

// The engine's transcript service (F14): follows the live contacts the worker names and reports their segments
// as they come (engine event 'transcript'), reads a past contact's transcript for the History tab, and sends the
// agent's typed line. On the local contact center (no backend configured) a contact is followed through its
// Server-Sent Events push and reads use its Contact Lens routes; with workspace.contactLensUrl set (a real
// instance's backend) both go to that backend, followed by polling. A real instance without one has no
// transcript, and every answer says so (available: false).
import type { CommandError, CommandResult } from '../session/commands';
import type { InstanceDescriptionReader } from '../streams/instance-description';
import { instanceBase, isLocalContactCenter } from '../streams/instance-urls';
import { ContactLensCallError, ContactLensClient, pollSegments, type TranscriptChannel } from './contact-lens-client';
import { openRealtimeStream } from './realtime-stream';
import { AGENT_LINE_MAX, isTranscriptRequest, type TranscriptReport, type TranscriptRequest, type TranscriptSource } from './transcript-requests';
import { segmentFromContactLens, type TranscriptSegmentView } from './transcript-segments';

export interface TranscriptEngineOptions {
  instanceUrl: string;
  /** The signed-in agent's ARN (its instance part names the instance), or null before the CCP is ready. */
  agentArn(): string | null;
  /** The engine's one reader of the local contact center's instance description (it names the Contact Lens path). */
  instanceDescription: InstanceDescriptionReader;
  /** Sends a followed contact's segments to the worker. */
  report(report: TranscriptReport): void;
  log(event: string, data?: Record<string, unknown>): void;
  fetch?: typeof fetch;
  /** Between polls of a configured backend (default 1 s). */
  pollIntervalMs?: number;
  reconnectDelaysMs?: readonly number[];
}

export interface TranscriptEngine {
  /** Answers one request; `contactLensUrl` is the admin's backend (settings), or null for the instance's own. */
  execute(request: TranscriptRequest, contactLensUrl?: string | null): Promise<CommandResult>;
  /** The contacts followed now (diagnostics, tests). */
  following(): string[];
  close(): void;
}

/** The Contact Lens roads of one configuration. */
interface Roads {
  client: ContactLensClient;
  /** The live push's URL for a contact (local contact center only), else null: poll. */
  streamUrl: ((contactId: string) => string) | null;
}

const sourceFailed = (detail: string): CommandResult => ({
  ok: false,
  error: { code: 'workspace-source-failed', params: { source: 'contactLens' }, detail } satisfies CommandError,
});
const rejected = (detail: string): CommandResult => ({ ok: false, error: { code: 'rejected', params: { detail }, detail } });
const notAvailable: CommandResult = { ok: true, value: { transcript: { available: false, segments: [] } } };

/** The instance id in an agent's ARN (`…:instance/<id>/agent/<id>`), or '' when there is none. */
export const instanceIdOf = (agentArn: string | null) => /:instance\/([^/]+)/.exec(agentArn ?? '')?.[1] ?? '';

/** The local contact center's answer to the agent's line: the recorded segment (Contact Lens' shape or the
 *  contact center's own camelCase one). */
function recordedSegment(data: unknown): TranscriptSegmentView | null {
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  const inner = (record.Transcript ?? record.segment ?? record) as Record<string, unknown>;
  if (typeof inner.Id === 'string') return segmentFromContactLens(inner);
  return segmentFromContactLens({
    Id: inner.id,
    ParticipantRole: inner.participantRole,
    DisplayName: inner.displayName,
    Content: inner.content,
    BeginOffsetMillis: inner.beginOffsetMillis,
    EndOffsetMillis: inner.endOffsetMillis,
    AbsoluteTime: inner.absoluteTime,
    Sentiment: inner.sentiment,
  });
}

export function createTranscriptEngine(options: TranscriptEngineOptions): TranscriptEngine {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = instanceBase(options.instanceUrl);
  const local = isLocalContactCenter(options.instanceUrl);
  const followed = new Map<string, { stop: () => void; key: string }>();

  /** The local contact center's Contact Lens base path, from its instance description ('/contact-lens' when it
   *  names none, or cannot be read now: the reader asks again next time). */
  async function localBasePath(): Promise<string> {
    const described = await options.instanceDescription.read().catch(() => null);
    const path = described?.contactLens?.basePath;
    return typeof path === 'string' && path.startsWith('/') ? path.replace(/\/+$/, '') : '/contact-lens';
  }

  /** The roads for this request, or null when the instance has no Contact Lens service for the extension. */
  async function roads(contactLensUrl: string | null): Promise<Roads | null> {
    const instanceId = instanceIdOf(options.agentArn());
    if (contactLensUrl) {
      const url = contactLensUrl.replace(/\/+$/, '');
      return { client: new ContactLensClient({ voiceBaseUrl: url, chatBaseUrl: url, instanceId, fetch: doFetch }), streamUrl: null };
    }
    if (!local) return null;
    const path = await localBasePath();
    return {
      client: new ContactLensClient({ voiceBaseUrl: `${base}${path}`, chatBaseUrl: base, instanceId, fetch: doFetch }),
      streamUrl: (contactId) => `${base}${path}/realtime-stream?ContactId=${encodeURIComponent(contactId)}`,
    };
  }

  function report(contactId: string, segments: TranscriptSegmentView[], extra: { completed?: boolean; source?: TranscriptSource } = {}): void {
    options.report({ contactId, segments, ...extra });
  }

  function unfollow(contactId: string): void {
    followed.get(contactId)?.stop();
    followed.delete(contactId);
  }

  async function follow(contactId: string, channel: TranscriptChannel, contactLensUrl: string | null): Promise<CommandResult> {
    const key = `${channel} ${contactLensUrl ?? ''}`;
    if (followed.get(contactId)?.key === key) return { ok: true };
    unfollow(contactId);
    const found = await roads(contactLensUrl);
    if (!found) {
      report(contactId, [], { source: 'not-configured' });
      return notAvailable;
    }
    if (followed.has(contactId)) return { ok: true }; // a second follow raced this one
    const finish = () => {
      followed.delete(contactId);
      report(contactId, [], { completed: true });
    };
    if (found.streamUrl) {
      const stream = openRealtimeStream({
        url: found.streamUrl(contactId),
        fetch: doFetch,
        reconnectDelaysMs: options.reconnectDelaysMs,
        onSegments: (segments) => report(contactId, segments),
        onCompleted: finish,
        onProblem(detail, retryInMs) {
          options.log('transcript-stream-problem', { contactId, detail, retryInMs });
          if (retryInMs === null) {
            followed.delete(contactId);
            report(contactId, [], { source: 'failed' });
          }
        },
      });
      followed.set(contactId, { stop: () => stream.close(), key });
      report(contactId, [], { source: 'stream' });
    } else {
      const stop = pollSegments({
        client: found.client,
        channel,
        contactId,
        intervalMs: options.pollIntervalMs,
        onSegments: (segments) => report(contactId, segments),
        onCompleted: finish,
        onProblem(detail, final) {
          options.log('transcript-poll-problem', { contactId, detail, final });
          if (final) {
            followed.delete(contactId);
            report(contactId, [], { source: 'failed' });
          }
        },
      });
      followed.set(contactId, { stop, key });
      report(contactId, [], { source: 'polling' });
    }
    options.log('transcript-follow', { contactId, channel, road: found.streamUrl ? 'stream' : 'polling' });
    return { ok: true };
  }

  async function readPast(contactId: string, channel: TranscriptChannel, contactLensUrl: string | null): Promise<CommandResult> {
    const found = await roads(contactLensUrl);
    if (!found) return notAvailable;
    try {
      const { segments, completed } = await found.client.allSegments(channel, contactId);
      return { ok: true, value: { transcript: { available: true, segments, completed } } };
    } catch (error) {
      // A contact the service has no analysis for has an empty transcript, not a failure.
      if (error instanceof ContactLensCallError && error.type === 'ResourceNotFoundException') {
        return { ok: true, value: { transcript: { available: true, segments: [], completed: true } } };
      }
      return sourceFailed(error instanceof Error ? error.message : String(error));
    }
  }

  async function say(contactId: string, text: string): Promise<CommandResult> {
    const line = text.trim();
    if (line === '') return rejected('the line is empty');
    if (line.length > AGENT_LINE_MAX) return rejected(`a line has at most ${AGENT_LINE_MAX} characters`);
    if (!local) return rejected('typed lines are for calls on the local contact center');
    let response: Response;
    try {
      response = await doFetch(`${base}/api/v1/contacts/${encodeURIComponent(contactId)}/transcript`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ role: 'AGENT', text: line }),
      });
    } catch (error) {
      return sourceFailed(error instanceof Error ? error.message : String(error));
    }
    const data: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      // The local contact center's refusal: { error: { code, message } }.
      const refusal = (data as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      const code = typeof refusal?.code === 'string' ? refusal.code : '';
      const message = typeof refusal?.message === 'string' ? refusal.message : `HTTP ${response.status}`;
      // The call is gone or no longer connected: what the agent reads is that the contact has ended.
      if (code === 'ResourceNotFoundException' || code === 'TranscriptNotLiveCall') return { ok: false, error: { code: 'contact-not-found', detail: `${code}: ${message}` } };
      if (response.status >= 400 && response.status < 500) return rejected(message);
      return sourceFailed(`POST transcript: ${message}`);
    }
    const segment = recordedSegment(data);
    // Shown at once; the push brings the same segment (same id) again, which changes nothing.
    if (segment && followed.has(contactId)) report(contactId, [segment]);
    return { ok: true, value: { transcript: segment ? { segment } : {} } };
  }

  return {
    async execute(request, contactLensUrl = null) {
      if (!isTranscriptRequest(request)) return { ok: false, error: { code: 'bad-command', detail: 'malformed transcript request' } };
      switch (request.op) {
        case 'follow':
          return follow(request.contactId, request.channel, contactLensUrl);
        case 'unfollow':
          unfollow(request.contactId);
          return { ok: true };
        case 'segments':
          return readPast(request.contactId, request.channel, contactLensUrl);
        case 'say':
          return say(request.contactId, request.text);
      }
    },
    following: () => [...followed.keys()],
    close() {
      for (const contactId of [...followed.keys()]) unfollow(contactId);
    },
  };
}

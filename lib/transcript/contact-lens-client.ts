// Contact Lens' real-time analysis reads, in the shapes the AWS SDK sends, with the agent's session: calls with
// ListRealtimeContactAnalysisSegments (service connect-contact-lens, `POST <base>/realtime-contact-analysis/
// analysis-segments`), chats with Connect's ListRealtimeContactAnalysisSegmentsV2 (`POST <base>/contact/
// list-real-time-analysis-segments-v2/{InstanceId}/{ContactId}`, CHAT only). The local contact center serves the
// first under `/contact-lens` and the second on its root; for a real instance both are on the admin's backend
// (setting workspace.contactLensUrl), as Contact Lens has no browser road. Also the poller that follows a live
// contact on such a backend (no push there).
import { AwsServiceCallError, awsJsonCall } from '../workspace/aws-json-call';
import { segmentFromContactLens, type TranscriptSegmentView } from './transcript-segments';

export type TranscriptChannel = 'voice' | 'chat';

/** A refusal or failure of the Contact Lens service: its error type (ResourceNotFoundException, …) and message. */
export class ContactLensCallError extends AwsServiceCallError {
  override name = 'ContactLensCallError';
}

export interface ContactLensClientOptions {
  /** Where ListRealtimeContactAnalysisSegments is (no trailing slash): the LCC's `<lcc>/contact-lens`. */
  voiceBaseUrl: string;
  /** Where ListRealtimeContactAnalysisSegmentsV2 is (no trailing slash): the LCC's root. */
  chatBaseUrl: string;
  /** The instance id (the last part of its ARN). */
  instanceId: string;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
}

export interface SegmentPage {
  segments: TranscriptSegmentView[];
  nextToken: string | null;
  /** V2 only: the analysis ended (Status COMPLETED or FAILED). */
  completed: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The Transcript objects of a Segments list (other segment kinds, Categories and the like, are left out). */
function transcriptsOf(segments: unknown): TranscriptSegmentView[] {
  if (!Array.isArray(segments)) return [];
  return segments.flatMap((segment) => {
    const view = isRecord(segment) ? segmentFromContactLens(segment.Transcript) : null;
    return view ? [view] : [];
  });
}

export class ContactLensClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: ContactLensClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  private send(operation: string, url: string, body: unknown): Promise<Record<string, unknown>> {
    return awsJsonCall(this.fetch, { method: 'POST', url, body, headers: this.options.headers }, ({ status, type, message }) => {
      return new ContactLensCallError(operation, status, type, message);
    });
  }

  /** One page of a call's segments (ListRealtimeContactAnalysisSegments). */
  async voicePage(contactId: string, nextToken: string | null, maxResults = 100): Promise<SegmentPage> {
    const data = await this.send('ListRealtimeContactAnalysisSegments', `${this.options.voiceBaseUrl}/realtime-contact-analysis/analysis-segments`, {
      InstanceId: this.options.instanceId,
      ContactId: contactId,
      MaxResults: maxResults,
      ...(nextToken ? { NextToken: nextToken } : {}),
    });
    return { segments: transcriptsOf(data.Segments), nextToken: typeof data.NextToken === 'string' && data.NextToken ? data.NextToken : null, completed: false };
  }

  /** One page of a chat's segments (ListRealtimeContactAnalysisSegmentsV2, transcript only). */
  async chatPage(contactId: string, nextToken: string | null, maxResults = 100): Promise<SegmentPage> {
    const path = `/contact/list-real-time-analysis-segments-v2/${encodeURIComponent(this.options.instanceId)}/${encodeURIComponent(contactId)}`;
    const data = await this.send('ListRealtimeContactAnalysisSegmentsV2', `${this.options.chatBaseUrl}${path}`, {
      OutputType: 'Raw',
      SegmentTypes: ['Transcript'],
      MaxResults: maxResults,
      ...(nextToken ? { NextToken: nextToken } : {}),
    });
    return {
      segments: transcriptsOf(data.Segments),
      nextToken: typeof data.NextToken === 'string' && data.NextToken ? data.NextToken : null,
      completed: data.Status === 'COMPLETED' || data.Status === 'FAILED',
    };
  }

  page(channel: TranscriptChannel, contactId: string, nextToken: string | null, maxResults?: number): Promise<SegmentPage> {
    return channel === 'chat' ? this.chatPage(contactId, nextToken, maxResults) : this.voicePage(contactId, nextToken, maxResults);
  }

  /** Every segment of a contact, page after page (at most `maxPages`): a past contact's transcript. */
  async allSegments(channel: TranscriptChannel, contactId: string, maxPages = 20): Promise<{ segments: TranscriptSegmentView[]; completed: boolean }> {
    const segments: TranscriptSegmentView[] = [];
    let token: string | null = null;
    let completed = false;
    for (let page = 0; page < maxPages; page += 1) {
      const result: SegmentPage = await this.page(channel, contactId, token);
      segments.push(...result.segments);
      completed = result.completed;
      if (!result.nextToken || result.nextToken === token) break;
      token = result.nextToken;
    }
    return { segments, completed };
  }
}

export interface SegmentPollerOptions {
  client: Pick<ContactLensClient, 'page'>;
  channel: TranscriptChannel;
  contactId: string;
  onSegments(segments: TranscriptSegmentView[]): void;
  onCompleted(): void;
  /** A failed poll (for the log); `final` when polling stopped because of it. */
  onProblem?(detail: string, final: boolean): void;
  /** Between polls when nothing more is waiting (default 1 s). */
  intervalMs?: number;
}

/** Errors after which polling again cannot help. */
const FINAL_ERRORS = new Set(['ResourceNotFoundException', 'InvalidRequestException', 'AccessDeniedException']);

/** Follows a live contact by polling: each poll continues from the last NextToken the service gave (a page with
 *  none is asked again next time, and segments seen before are dropped by id further on); a full page is followed
 *  at once by the next. Returns the function that stops it. */
export function pollSegments(options: SegmentPollerOptions): () => void {
  const intervalMs = options.intervalMs ?? 1_000;
  let stopped = false;
  let token: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;

  async function poll(): Promise<void> {
    timer = null;
    if (stopped) return;
    let next = intervalMs;
    try {
      const page = await options.client.page(options.channel, options.contactId, token);
      if (stopped) return;
      failures = 0;
      if (page.segments.length > 0) options.onSegments(page.segments);
      if (page.completed) {
        stopped = true;
        options.onCompleted();
        return;
      }
      if (page.nextToken && page.nextToken !== token) {
        token = page.nextToken;
        next = page.segments.length > 0 ? 0 : intervalMs;
      }
    } catch (error) {
      if (stopped) return;
      const final = error instanceof ContactLensCallError && FINAL_ERRORS.has(error.type);
      options.onProblem?.(error instanceof Error ? error.message : String(error), final);
      if (final) {
        stopped = true;
        return;
      }
      failures += 1;
      next = Math.min(intervalMs * 2 ** failures, 30_000);
    }
    timer = setTimeout(() => void poll(), next);
  }

  void poll();
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
  };
}

// Contact Lens real-time analysis on the local contact center, on Amazon Connect's routes and shapes: calls'
// segments at `POST /contact-lens/realtime-contact-analysis/analysis-segments` (the Contact Lens service's
// ListRealtimeContactAnalysisSegments; its SDK's endpoint is `<lcc>/contact-lens`), chats' at Connect's
// `POST /contact/list-real-time-analysis-segments-v2/{InstanceId}/{ContactId}`, and the live push
// `GET /contact-lens/realtime-stream` (realtime-stream.ts). Callers as for Cases; refusals in AWS's error shape.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { InstanceConfig } from '../model';
import { AwsRequestError, asAwsError, sendAwsError } from '../server/routes/aws-shaped-scope';
import type { SessionStore } from '../server/sessions';
import { answerContactLensPreflight, contactLensGuard } from './contact-lens-access';
import { chatTranscript, pageToken, sequenceAfter, voiceTranscript } from './contact-lens-shapes';
import { realtimeStreamRoute, type RealtimeStreamOptions } from './realtime-stream';
import type { TranscriptContact, TranscriptService } from './transcript-service';

/** Where the Contact Lens service's routes are (the SDK's endpoint is `<lcc>` + this). */
export const CONTACT_LENS_BASE_PATH = '/contact-lens';

export const CONTACT_LENS_ROUTES = {
  voiceSegments: `${CONTACT_LENS_BASE_PATH}/realtime-contact-analysis/analysis-segments`,
  chatSegments: '/contact/list-real-time-analysis-segments-v2/:InstanceId/:ContactId',
  stream: `${CONTACT_LENS_BASE_PATH}/realtime-stream`,
} as const;

/** What GET /api/v1/instance says about Contact Lens. */
export function contactLensDescription() {
  return { basePath: CONTACT_LENS_BASE_PATH };
}

export interface ContactLensRoutesOptions {
  config: InstanceConfig;
  sessions: SessionStore;
  transcripts: TranscriptService;
  log: (line: string) => void;
  stream?: Pick<RealtimeStreamOptions, 'heartbeatMs'>;
}

/** Both services allow 1 to 100 results a page; without MaxResults a page has 100. */
const MAX_RESULTS = 100;
const maxResults = Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_RESULTS, errorMessage: `MaxResults must be a whole number from 1 to ${MAX_RESULTS}` }));
const nextToken = Type.Optional(Type.String({ minLength: 1, maxLength: 131070, errorMessage: 'NextToken must be the token the previous page returned' }));

const VoiceSegmentsBody = Type.Object({
  InstanceId: Type.String({ minLength: 1, maxLength: 256, errorMessage: 'InstanceId must be the instance id' }),
  ContactId: Type.String({ minLength: 1, maxLength: 256, errorMessage: 'ContactId must be the contact id' }),
  MaxResults: maxResults,
  NextToken: nextToken,
});

const SEGMENT_TYPES = ['Transcript', 'Categories', 'Issues', 'Event', 'Attachments', 'PostContactSummary'] as const;

const ChatSegmentsBody = Type.Object({
  OutputType: Type.Union([Type.Literal('Raw'), Type.Literal('Redacted')], { errorMessage: 'OutputType must be Raw or Redacted' }),
  SegmentTypes: Type.Array(Type.Union([Type.Literal('Transcript'), Type.Literal('Categories'), Type.Literal('Issues'), Type.Literal('Event'), Type.Literal('Attachments'), Type.Literal('PostContactSummary')]), {
    minItems: 1,
    maxItems: SEGMENT_TYPES.length,
    errorMessage: `SegmentTypes must list 1 to ${SEGMENT_TYPES.length} of ${SEGMENT_TYPES.join(', ')}`,
  }),
  MaxResults: maxResults,
  NextToken: nextToken,
});

const ChatSegmentsParams = Type.Object({ InstanceId: Type.String(), ContactId: Type.String() });

export const contactLensRoutes: FastifyPluginAsyncTypebox<ContactLensRoutesOptions> = async (app, options) => {
  const { config, transcripts, log } = options;
  const instanceArn = `arn:aws:connect:${config.region}:${config.accountId}:instance/${config.instanceId}`;
  app.addHook('onRequest', contactLensGuard(options.sessions));
  app.setErrorHandler((error, request, reply) => {
    const known = asAwsError(error, 'InvalidRequestException');
    if (known === null) log(`internal error on ${request.method} ${request.url}: ${(error as Error).message}`);
    sendAwsError(reply, known ?? { status: 500, type: 'InternalServiceException', message: 'internal error in the local contact center' });
  });
  for (const url of Object.values(CONTACT_LENS_ROUTES)) app.options(url, answerContactLensPreflight);

  const contactOf = (instanceId: string, contactId: string): TranscriptContact => {
    if (instanceId !== config.instanceId && instanceId !== instanceArn) {
      throw new AwsRequestError(404, 'ResourceNotFoundException', `Instance ${instanceId} does not exist.`);
    }
    const contact = transcripts.contact(contactId);
    if (!contact) throw new AwsRequestError(404, 'ResourceNotFoundException', `Contact ${contactId} does not exist.`);
    return contact;
  };

  app.post(CONTACT_LENS_ROUTES.voiceSegments, { schema: { body: VoiceSegmentsBody } }, async (request) => {
    const { InstanceId, ContactId, MaxResults, NextToken } = request.body;
    const contact = contactOf(InstanceId, ContactId);
    if (contact.channel !== 'voice') {
      const use = contact.channel === 'chat' ? ' Use ListRealtimeContactAnalysisSegmentsV2 for chats.' : '';
      throw new AwsRequestError(400, 'InvalidRequestException', `Contact ${ContactId} is a ${contact.channel.toUpperCase()} contact; this operation lists the segments of calls.${use}`);
    }
    const limit = MaxResults ?? MAX_RESULTS;
    const page = transcripts.segments(ContactId, sequenceAfter('voice', ContactId, NextToken), limit + 1);
    const shown = page.slice(0, limit);
    const last = shown.at(-1);
    return {
      Segments: shown.map((segment) => ({ Transcript: voiceTranscript(segment) })),
      ...(page.length > limit && last ? { NextToken: pageToken('voice', ContactId, last.sequence) } : {}),
    };
  });

  app.post(CONTACT_LENS_ROUTES.chatSegments, { schema: { params: ChatSegmentsParams, body: ChatSegmentsBody } }, async (request) => {
    const { InstanceId, ContactId } = request.params;
    const { OutputType, SegmentTypes, MaxResults, NextToken } = request.body;
    const contact = contactOf(InstanceId, ContactId);
    if (contact.channel !== 'chat') {
      throw new AwsRequestError(400, 'InvalidRequestException', `Contact ${ContactId} is a ${contact.channel.toUpperCase()} contact; ListRealtimeContactAnalysisSegmentsV2 serves chats only.`);
    }
    if (OutputType === 'Redacted') {
      throw new AwsRequestError(404, 'OutputTypeNotFoundException', 'Redacted output is not available: the local contact center does not redact transcripts. Ask for Raw.');
    }
    const status = contact.ended ? 'COMPLETED' : 'IN_PROGRESS';
    // Only Transcript segments are kept: the other types are empty lists, as on an instance without those rules.
    if (!SegmentTypes.includes('Transcript')) return { Channel: 'CHAT', Status: status, Segments: [] };
    const limit = MaxResults ?? MAX_RESULTS;
    const page = transcripts.segments(ContactId, sequenceAfter('chat', ContactId, NextToken), limit + 1);
    const shown = page.slice(0, limit);
    const last = shown.at(-1);
    return {
      Channel: 'CHAT',
      Status: status,
      Segments: shown.map((segment) => ({ Transcript: chatTranscript(segment) })),
      ...(page.length > limit && last ? { NextToken: pageToken('chat', ContactId, last.sequence) } : {}),
    };
  });

  app.register(realtimeStreamRoute, { transcripts, url: CONTACT_LENS_ROUTES.stream, heartbeatMs: options.stream?.heartbeatMs });
};

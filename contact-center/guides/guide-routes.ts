// The guides served as Amazon Connect serves flows: ListContactFlows (`GET /contact-flows-summary/{InstanceId}`)
// lists them and DescribeContactFlow (`GET /contact-flows/{InstanceId}/{ContactFlowId}`) gives one, its flow JSON
// as Content (a string, as Connect sends it). What Connect's flow has no field for travels in Tags:
// `switchboard:language`, `switchboard:topic`, `switchboard:appliesTo` (JSON). Callers as for Cases
// (cases-access.ts): the signed-in agent's session from the extension or the instance's own pages, or a SigV4 backend.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { GuideDocument } from '../../lib/guides/guide-format';
import { GUIDE_TAGS } from '../../lib/guides/guides-client';
import { casesGuard } from '../cases/cases-access';
import type { InstanceConfig } from '../model';
import { AwsRequestError, useAwsShape } from '../server/routes/aws-shaped-scope';
import type { LoopbackApp } from '../server/loopback-app';
import type { SessionStore } from '../server/sessions';
import type { GuideLibrary } from './guide-library';

export interface GuideRoutesOptions {
  config: InstanceConfig;
  sessions: SessionStore;
  guides: GuideLibrary;
  log: (line: string) => void;
}


const instanceArn = (config: InstanceConfig) => `arn:aws:connect:${config.region}:${config.accountId}:instance/${config.instanceId}`;
export const guideArn = (config: InstanceConfig, id: string) => `${instanceArn(config)}/contact-flow/${id}`;

/** DescribeContactFlow's ContactFlow for a guide. */
export function contactFlowOf(config: InstanceConfig, guide: GuideDocument) {
  return {
    Arn: guideArn(config, guide.Id),
    Id: guide.Id,
    Name: guide.Name,
    Type: 'CONTACT_FLOW',
    State: 'ACTIVE',
    Status: 'PUBLISHED',
    Description: guide.Description ?? '',
    Content: JSON.stringify(guide.Content),
    Tags: {
      [GUIDE_TAGS.language]: guide.Language,
      [GUIDE_TAGS.topic]: guide.Topic ?? guide.Id,
      ...(guide.AppliesTo ? { [GUIDE_TAGS.appliesTo]: JSON.stringify(guide.AppliesTo) } : {}),
    },
  };
}

const PAGE_SIZE_MAX = 1000;

export const guideRoutes: FastifyPluginAsyncTypebox<GuideRoutesOptions> = async (app, { config, sessions, guides, log }) => {
  useAwsShape(app as unknown as LoopbackApp, { validationType: 'InvalidRequestException', log, cors: false });
  app.addHook('onRequest', casesGuard(sessions));
  const assertInstance = (id: string) => {
    if (id !== config.instanceId && id !== instanceArn(config)) throw new AwsRequestError(404, 'ResourceNotFoundException', `Instance ${id} does not exist.`);
  };

  app.get(
    '/contact-flows-summary/:InstanceId',
    {
      schema: {
        params: Type.Object({ InstanceId: Type.String() }),
        querystring: Type.Object({
          contactFlowTypes: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
          maxResults: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, errorMessage: `maxResults must be 1 to ${PAGE_SIZE_MAX}` })),
          nextToken: Type.Optional(Type.String({ pattern: '^[0-9]+$', errorMessage: 'nextToken must be a token this API gave' })),
        }),
      },
    },
    async (request) => {
      assertInstance(request.params.InstanceId);
      const types = ([] as string[]).concat(request.query.contactFlowTypes ?? []);
      const all = types.length && !types.includes('CONTACT_FLOW') ? [] : guides.list();
      const start = Number(request.query.nextToken ?? 0);
      const size = request.query.maxResults ?? PAGE_SIZE_MAX;
      const page = all.slice(start, start + size);
      return {
        ContactFlowSummaryList: page.map((g) => ({ Id: g.Id, Arn: guideArn(config, g.Id), Name: g.Name, ContactFlowType: 'CONTACT_FLOW', ContactFlowState: 'ACTIVE', ContactFlowStatus: 'PUBLISHED' })),
        ...(start + size < all.length ? { NextToken: String(start + size) } : {}),
      };
    },
  );

  app.get('/contact-flows/:InstanceId/:ContactFlowId', { schema: { params: Type.Object({ InstanceId: Type.String(), ContactFlowId: Type.String() }) } }, async (request) => {
    assertInstance(request.params.InstanceId);
    const id = request.params.ContactFlowId.replace(/^arn:.*\/contact-flow\//, '');
    const guide = guides.get(id);
    if (!guide) throw new AwsRequestError(404, 'ResourceNotFoundException', `Contact flow ${request.params.ContactFlowId} does not exist in this instance.`);
    return { ContactFlow: contactFlowOf(config, guide) };
  });
};

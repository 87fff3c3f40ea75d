// Contract test of the Amazon Q in Connect targets on POST /agent-app/api with the exact requests amazon-q-connectjs
// makes from the /wisdom-v2 page (its FetchHttpHandler: POST, the default headers Accept, Content-Type,
// x-access-section, x-amazon-call-source agent-app, x-amz-access-section, then x-amz-target
// AgentAppService.<WisdomV2|Acs>.<method> and x-amz-vendor; the body is JSON.stringify of the SDK command's input;
// same origin, so the session cookie goes along): describeContact's WisdomInfo.SessionArn, a long poll that a
// customer's sentence ends, acknowledgement, feedback kept with the contact and the agent, content, search, the
// instance's integrations; refusals of other origins, no session, unknown or unserved operations and bad bodies.
import { describe, expect, it } from 'vitest';
import { useQConnectFixture } from './qconnect-fixture';

const f = useQConnectFixture();
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** amazon-q-connectjs' access sections (AccessSections), by method. */
const ACCESS_SECTIONS: Record<string, string> = {
  describeContact: 'DESCRIBE_CONTACT',
  listIntegrationAssociations: 'LIST_INTEGRATION_ASSOCIATIONS',
  queryAssistant: 'WISDOM_QUERY_ASSISTANT',
  getRecommendations: 'WISDOM_GET_RECOMMENDATIONS',
  notifyRecommendationsReceived: 'WISDOM_NOTIFIY_RECOMMENDATIONS_RECEIVED',
  getContent: 'WISDOM_GET_CONTENT',
  putFeedback: 'WISDOM_PUT_FEEDBACK',
  getSession: 'WISDOM_GET_SESSION',
};

/** What the client's fetch sends from the helper page. */
function clientRequest(service: 'WisdomV2' | 'Acs', method: string, input: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const access = ACCESS_SECTIONS[method] ?? 'WISDOM';
  return fetch(`${f().cc.url}/agent-app/api`, {
    method: 'POST',
    body: JSON.stringify(input),
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'x-access-section': access,
      'x-amazon-call-source': 'agent-app',
      'x-amz-access-section': access,
      'x-amz-target': `AgentAppService.${service}.${method}`,
      'x-amz-vendor': service === 'Acs' ? 'connect' : 'wisdom',
      Origin: f().cc.url,
      'Sec-Fetch-Site': 'same-origin',
      Cookie: f().cookie,
      ...headers,
    },
  });
}

async function ok(service: 'WisdomV2' | 'Acs', method: string, input: unknown): Promise<Loose> {
  const response = await clientRequest(service, method, input);
  expect(response.status, `${method}: ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as Loose;
}

describe('describeContact and the contact’s session', () => {
  it('gives the contact with its WisdomInfo.SessionArn, whose session GetSession knows', async () => {
    const { contactId, sessionId } = f().startCall({ attributes: { accountNumber: 'AC-1001' } });
    const instance = f().cc.engine.instance;
    const { Contact } = await ok('Acs', 'describeContact', { InstanceId: instance.instanceId, ContactId: contactId });
    expect(Contact).toMatchObject({
      Id: contactId,
      Arn: `arn:aws:connect:${instance.region}:${instance.accountId}:instance/${instance.instanceId}/contact/${contactId}`,
      Channel: 'VOICE',
      InitiationMethod: 'INBOUND',
      QueueInfo: { Id: 'support' },
      AgentInfo: { Id: 'agent1' },
      Attributes: { accountNumber: 'AC-1001' },
      WisdomInfo: { SessionArn: `arn:aws:wisdom:${instance.region}:${instance.accountId}:session/${f().assistantId}/${sessionId}` },
    });
    expect(Contact.InitiationTimestamp).toBeCloseTo(Date.now() / 1000, -2);
    const { session } = await ok('WisdomV2', 'getSession', { assistantId: f().assistantId, sessionId });
    expect(session).toMatchObject({ sessionId, name: contactId });
  });

  it('lists the instance’s assistant and knowledge bases as its Q in Connect integrations', async () => {
    const instanceId = f().cc.engine.instance.instanceId;
    const assistants = await ok('Acs', 'listIntegrationAssociations', { InstanceId: instanceId, IntegrationType: 'WISDOM_ASSISTANT' });
    expect(assistants.IntegrationAssociationSummaryList).toEqual([expect.objectContaining({ IntegrationType: 'WISDOM_ASSISTANT', IntegrationArn: f().cc.qconnect.ids.assistantArn, InstanceId: instanceId })]);
    const all = await ok('Acs', 'listIntegrationAssociations', { InstanceId: instanceId });
    expect(all.IntegrationAssociationSummaryList.map((i: Loose) => i.IntegrationType)).toEqual(['WISDOM_ASSISTANT', 'WISDOM_KNOWLEDGE_BASE', 'WISDOM_KNOWLEDGE_BASE']);
  });

  it('refuses an unknown contact or another instance in Connect’s exception names', async () => {
    const instanceId = f().cc.engine.instance.instanceId;
    const unknown = await clientRequest('Acs', 'describeContact', { InstanceId: instanceId, ContactId: 'no-such-contact' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ __type: 'ResourceNotFoundException', message: expect.stringContaining('no-such-contact') });
    const elsewhere = await clientRequest('Acs', 'describeContact', { InstanceId: 'another', ContactId: 'x' });
    expect(elsewhere.status).toBe(404);
    const missing = await clientRequest('Acs', 'describeContact', { InstanceId: instanceId });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ __type: 'InvalidParameterException', message: expect.stringContaining('ContactId') });
  });
});

describe('recommendations through the agent app', () => {
  it('ends a long poll with the customer’s recommendation, then acknowledges it and keeps the agent’s feedback', async () => {
    const { contactId, sessionId } = f().startCall();
    const session = { assistantId: f().assistantId, sessionId };
    const polled = ok('WisdomV2', 'getRecommendations', { ...session, maxResults: 10, waitTimeSeconds: 5 });
    setTimeout(() => f().customerSays(contactId, 'My Wi-Fi is really slow in the evenings'), 100);
    const answer = await polled;
    expect(answer.recommendations.length).toBeGreaterThan(0);
    const first = answer.recommendations[0];
    expect(first).toMatchObject({ type: 'KNOWLEDGE_CONTENT', relevanceLevel: expect.stringMatching(/^(HIGH|MEDIUM|LOW)$/), document: { title: { text: expect.stringMatching(/Wi-Fi/) } } });
    const trigger = answer.triggers.find((t: Loose) => t.recommendationIds.includes(first.recommendationId));
    expect(trigger.data.query.text.toLowerCase()).toContain('slow');

    const ids = answer.recommendations.map((r: Loose) => r.recommendationId);
    expect(await ok('WisdomV2', 'notifyRecommendationsReceived', { ...session, recommendationIds: ids })).toEqual({ recommendationIds: ids, errors: [] });
    expect((await ok('WisdomV2', 'getRecommendations', { ...session, maxResults: 10, waitTimeSeconds: 0 })).recommendations).toEqual([]);

    const feedback = { assistantId: f().assistantId, targetId: first.recommendationId, targetType: 'RECOMMENDATION', contentFeedback: { generativeContentFeedbackData: { relevance: 'NOT_HELPFUL' } } };
    expect(await ok('WisdomV2', 'putFeedback', feedback)).toMatchObject({ targetId: first.recommendationId, contentFeedback: { generativeContentFeedbackData: { relevance: 'NOT_HELPFUL' } } });
    expect(f().cc.qconnect.repository.feedbackOfContact(contactId)).toEqual([expect.objectContaining({ relevance: 'NOT_HELPFUL', agentId: 'agent1', contactId })]);
  });

  it('searches with queryAssistant and opens an article with getContent', async () => {
    const { results } = await ok('WisdomV2', 'queryAssistant', { assistantId: f().assistantId, queryInputData: { queryTextInputData: { text: 'reset my password' } }, maxResults: 5 });
    expect(results[0].document.title.text).toMatch(/password/i);
    const { knowledgeBaseId, contentId } = results[0].document.contentReference;
    const { content } = await ok('WisdomV2', 'getContent', { knowledgeBaseId, contentId });
    expect(content).toMatchObject({ contentId, knowledgeBaseId, title: results[0].document.title.text, linkOutUri: null });
    expect(content.urlExpiry).toBeGreaterThan(Date.now() / 1000);
    expect((await fetch(content.url)).status).toBe(200);
  });
});

describe('refusals', () => {
  const input = () => ({ assistantId: f().assistantId, queryText: 'router' });

  it('refuses web pages of other origins and names the helper pages that may call', async () => {
    for (const headers of [
      { Origin: f().cc.crmUrl, 'Sec-Fetch-Site': 'same-site' },
      { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    ]) {
      const response = await clientRequest('WisdomV2', 'queryAssistant', input(), headers);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ __type: 'AccessDeniedException', message: expect.stringContaining('/wisdom-v2') });
    }
  });

  it('refuses a caller with no session with 401', async () => {
    const response = await clientRequest('WisdomV2', 'queryAssistant', input(), { Cookie: '' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ __type: 'UnauthorizedException', message: expect.stringContaining('/connect/login') });
  });

  it('refuses operations it does not serve and bodies that lack a member, saying which', async () => {
    const unserved = await clientRequest('WisdomV2', 'sendMessage', { assistantId: f().assistantId });
    expect(unserved.status).toBe(400);
    expect(await unserved.json()).toMatchObject({ __type: 'UnknownOperationException', message: expect.stringContaining('sendMessage is not served') });
    const unknown = await clientRequest('WisdomV2', 'deleteEverything', {});
    expect(await unknown.json()).toMatchObject({ __type: 'UnknownOperationException', message: expect.stringContaining('queryAssistant') });
    const noSession = await clientRequest('WisdomV2', 'getRecommendations', { assistantId: f().assistantId, maxResults: 10 });
    expect(noSession.status).toBe(400);
    expect(await noSession.json()).toMatchObject({ __type: 'ValidationException', message: expect.stringContaining('sessionId') });
    const badRelevance = await clientRequest('WisdomV2', 'putFeedback', { assistantId: f().assistantId, targetId: 'x', targetType: 'RECOMMENDATION', contentFeedback: { generativeContentFeedbackData: { relevance: 'GREAT' } } });
    expect(await badRelevance.json()).toMatchObject({ __type: 'ValidationException', message: expect.stringContaining('HELPFUL, NOT_HELPFUL') });
    const notJson = await clientRequest('WisdomV2', 'queryAssistant', input(), { 'Content-Type': 'text/plain' });
    expect(notJson.status).toBe(415);
  });
});

// Amazon Q in Connect's public routes called with the real @aws-sdk/client-qconnect as a backend would (SigV4, any
// credentials): QueryAssistant in both request forms with highlighted titles and excerpts and paging, SearchContent
// and GetContent with a body URL that serves the Markdown, GetSession of a contact's session, GetRecommendations'
// long poll woken by what the customer says, NotifyRecommendationsReceived, PutFeedback kept with the contact; and
// refusals in the SDK's exception classes.
import {
  GetContentCommand,
  GetRecommendationsCommand,
  GetSessionCommand,
  NotifyRecommendationsReceivedCommand,
  PutFeedbackCommand,
  QueryAssistantCommand,
  ResourceNotFoundException,
  SearchContentCommand,
  ValidationException,
} from '@aws-sdk/client-qconnect';
import { describe, expect, it } from 'vitest';
import { refusal, useQConnectFixture } from './qconnect-fixture';

const f = useQConnectFixture();

describe('GET /api/v1/instance', () => {
  it('lists the assistant, the knowledge bases of each language and the base path', async () => {
    const described = (await (await fetch(`${f().cc.url}/api/v1/instance`)).json()) as { qconnect: Record<string, unknown> };
    expect(described.qconnect).toMatchObject({
      assistantId: f().assistantId,
      assistantArn: `arn:aws:wisdom:ap-northeast-1:123456789012:assistant/${f().assistantId}`,
      knowledgeBaseIds: [f().knowledgeBaseIds.en, f().knowledgeBaseIds.ja],
      basePath: '/qconnect',
    });
    expect(f().assistantId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('QueryAssistant', () => {
  it('finds the right English article with the query words highlighted in its title', async () => {
    const { results } = await f().qconnect.send(
      new QueryAssistantCommand({ assistantId: f().assistantId, queryInputData: { queryTextInputData: { text: 'router keeps dropping the connection' } }, maxResults: 3 }),
    );
    const first = results?.[0];
    expect(first?.type).toBe('KNOWLEDGE_CONTENT');
    expect(first?.document?.title?.text).toBe('Router keeps dropping the connection');
    expect(first?.document?.contentReference?.knowledgeBaseId).toBe(f().knowledgeBaseIds.en);
    const title = first!.document!.title!;
    const highlighted = title.highlights!.map((h) => title.text!.slice(h.beginOffsetInclusive, h.endOffsetExclusive).toLowerCase());
    expect(highlighted).toEqual(expect.arrayContaining(['router', 'dropping']));
    expect(first?.document?.excerpt?.text?.length).toBeGreaterThan(20);
    expect(first?.data?.details?.contentData?.textData?.title?.text).toBe(title.text);
  });

  it('takes the older queryText, searches Japanese in the Japanese knowledge base and pages with nextToken', async () => {
    const first = await f().qconnect.send(new QueryAssistantCommand({ assistantId: f().assistantId, queryText: 'ルーターの接続が頻繁に切れる', maxResults: 2 }));
    expect(first.results).toHaveLength(2);
    for (const result of first.results!) expect(result.document?.contentReference?.knowledgeBaseId).toBe(f().knowledgeBaseIds.ja);
    expect(first.nextToken).toBeTruthy();
    const second = await f().qconnect.send(new QueryAssistantCommand({ assistantId: f().assistantId, queryText: 'ルーターの接続が頻繁に切れる', maxResults: 2, nextToken: first.nextToken }));
    const firstIds = first.results!.map((r) => r.document?.contentReference?.contentId);
    for (const result of second.results!) expect(firstIds).not.toContain(result.document?.contentReference?.contentId);
    const mismatched = await refusal(f().qconnect.send(new QueryAssistantCommand({ assistantId: f().assistantId, queryText: 'billing', nextToken: first.nextToken })));
    expect(mismatched).toBeInstanceOf(ValidationException);
  });

  it('answers no results for a result type other than knowledge content', async () => {
    const { results } = await f().qconnect.send(
      new QueryAssistantCommand({ assistantId: f().assistantId, queryText: 'router', queryCondition: [{ single: { field: 'RESULT_TYPE', comparator: 'EQUALS', value: 'GENERATIVE_ANSWER' } }] }),
    );
    expect(results).toEqual([]);
  });

  it('refuses another assistant, no query text and a bad maxResults, naming what is wrong', async () => {
    const other = await refusal(f().qconnect.send(new QueryAssistantCommand({ assistantId: '00000000-0000-4000-8000-000000000000', queryText: 'router' })));
    expect(other).toBeInstanceOf(ResourceNotFoundException);
    expect(other?.message).toContain(f().assistantId);
    const empty = await refusal(f().qconnect.send(new QueryAssistantCommand({ assistantId: f().assistantId })));
    expect(empty).toBeInstanceOf(ValidationException);
    expect(empty?.message).toContain('queryInputData.queryTextInputData.text');
    const many = await refusal(f().qconnect.send(new QueryAssistantCommand({ assistantId: f().assistantId, queryText: 'router', maxResults: 500 })));
    expect(many?.message).toContain('maxResults');
  });
});

describe('SearchContent and GetContent', () => {
  it('finds an article by name and serves its Markdown at the URL GetContent gives, until it expires', async () => {
    const { contentSummaries } = await f().qconnect.send(
      new SearchContentCommand({ knowledgeBaseId: f().knowledgeBaseIds.en, searchExpression: { filters: [{ field: 'NAME', operator: 'EQUALS', value: 'router-keeps-dropping' }] } }),
    );
    expect(contentSummaries).toHaveLength(1);
    const summary = contentSummaries![0]!;
    expect(summary).toMatchObject({ name: 'router-keeps-dropping', title: 'Router keeps dropping the connection', status: 'ACTIVE', knowledgeBaseId: f().knowledgeBaseIds.en });
    expect(summary.metadata).toMatchObject({ language: 'en' });

    const { content } = await f().qconnect.send(new GetContentCommand({ knowledgeBaseId: f().knowledgeBaseIds.en, contentId: summary.contentId! }));
    expect(content).toMatchObject({ contentId: summary.contentId, title: summary.title, contentType: 'text/markdown', revisionId: summary.revisionId });
    expect(content?.linkOutUri).toBeUndefined();
    expect(content?.urlExpiry?.getTime()).toBeGreaterThan(Date.now());
    const body = await fetch(content!.url!);
    expect(body.status).toBe(200);
    expect(body.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await body.text()).toBe(f().cc.knowledge.get('router-keeps-dropping')!.body);

    const forged = await fetch(content!.url!.replace(/signature=[0-9a-f]{4}/, 'signature=0000'));
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { message: string }).message).toContain('signature');
  });

  it('lists a knowledge base without filters and refuses contents of another knowledge base', async () => {
    const { contentSummaries } = await f().qconnect.send(new SearchContentCommand({ knowledgeBaseId: f().knowledgeBaseIds.ja, searchExpression: { filters: [] }, maxResults: 100 }));
    expect(contentSummaries!.length).toBe(f().cc.knowledge.list('ja').length);
    const japanese = contentSummaries![0]!;
    const wrongBase = await refusal(f().qconnect.send(new GetContentCommand({ knowledgeBaseId: f().knowledgeBaseIds.en, contentId: japanese.contentId! })));
    expect(wrongBase).toBeInstanceOf(ResourceNotFoundException);
    const unknownBase = await refusal(f().qconnect.send(new GetContentCommand({ knowledgeBaseId: 'kb-unknown', contentId: japanese.contentId! })));
    expect(unknownBase).toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('a call’s session: recommendations, acknowledgement and feedback', () => {
  it('long-polls GetRecommendations until the customer says something that matches, with the matched words', async () => {
    const { contactId, sessionId } = f().startCall();
    const session = await f().qconnect.send(new GetSessionCommand({ assistantId: f().assistantId, sessionId }));
    expect(session.session).toMatchObject({ sessionId, name: contactId, sessionArn: expect.stringContaining(`session/${f().assistantId}/${sessionId}`) });

    const started = Date.now();
    const polled = f().qconnect.send(new GetRecommendationsCommand({ assistantId: f().assistantId, sessionId, waitTimeSeconds: 5 }));
    setTimeout(() => f().customerSays(contactId, 'Hi, my router keeps dropping the connection every evening.'), 100);
    const { recommendations, triggers } = await polled;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(recommendations?.[0]?.document?.title?.text).toBe('Router keeps dropping the connection');
    expect(recommendations?.[0]?.relevanceLevel).toBe('HIGH');
    const trigger = triggers?.find((t) => t.recommendationIds?.includes(recommendations![0]!.recommendationId!));
    expect(trigger).toMatchObject({ type: 'QUERY', source: 'ISSUE_DETECTION' });
    expect(trigger?.data?.query?.text?.split(', ')).toEqual(expect.arrayContaining(['router', 'dropping', 'connection']));

    // Until acknowledged the same recommendations come back; afterwards a short poll has none.
    const again = await f().qconnect.send(new GetRecommendationsCommand({ assistantId: f().assistantId, sessionId }));
    expect(again.recommendations?.map((r) => r.recommendationId)).toEqual(recommendations?.map((r) => r.recommendationId));
    const ids = recommendations!.map((r) => r.recommendationId!);
    const notified = await f().qconnect.send(new NotifyRecommendationsReceivedCommand({ assistantId: f().assistantId, sessionId, recommendationIds: [...ids, 'not-one-of-them'] }));
    expect(notified.recommendationIds).toEqual(ids);
    expect(notified.errors).toEqual([{ recommendationId: 'not-one-of-them', message: expect.stringContaining('not one of session') }]);
    const after = await f().qconnect.send(new GetRecommendationsCommand({ assistantId: f().assistantId, sessionId }));
    expect(after.recommendations).toEqual([]);

    const feedback = await f().qconnect.send(
      new PutFeedbackCommand({ assistantId: f().assistantId, targetId: ids[0]!, targetType: 'RECOMMENDATION', contentFeedback: { generativeContentFeedbackData: { relevance: 'HELPFUL' } } }),
    );
    expect(feedback).toMatchObject({ assistantId: f().assistantId, targetId: ids[0], targetType: 'RECOMMENDATION', contentFeedback: { generativeContentFeedbackData: { relevance: 'HELPFUL' } } });
    expect(f().cc.qconnect.repository.feedbackOfContact(contactId)).toEqual([
      expect.objectContaining({ targetId: ids[0], relevance: 'HELPFUL', contactId, sessionId, agentId: null, contentId: recommendations![0]!.document!.contentReference!.contentId }),
    ]);
  });

  it('returns an empty answer when the wait runs out, and keeps feedback on a query result with its contact', async () => {
    const { contactId, sessionId } = f().startCall();
    const started = Date.now();
    const { recommendations, triggers } = await f().qconnect.send(new GetRecommendationsCommand({ assistantId: f().assistantId, sessionId, waitTimeSeconds: 1 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(recommendations).toEqual([]);
    expect(triggers).toEqual([]);

    const { results } = await f().qconnect.send(new QueryAssistantCommand({ assistantId: f().assistantId, queryText: 'refund', sessionId }));
    const resultId = results![0]!.resultId!;
    await f().qconnect.send(new PutFeedbackCommand({ assistantId: f().assistantId, targetId: resultId, targetType: 'RESULT', contentFeedback: { generativeContentFeedbackData: { relevance: 'NOT_HELPFUL' } } }));
    expect(f().cc.qconnect.repository.feedbackOfContact(contactId)).toEqual([expect.objectContaining({ targetId: resultId, targetType: 'RESULT', relevance: 'NOT_HELPFUL', contactId })]);
  });

  it('refuses sessions that do not exist and feedback on unknown targets', async () => {
    const noSession = await refusal(f().qconnect.send(new GetRecommendationsCommand({ assistantId: f().assistantId, sessionId: '11111111-1111-4111-8111-111111111111' })));
    expect(noSession).toBeInstanceOf(ResourceNotFoundException);
    expect(noSession?.message).toContain('describeContact');
    const noTarget = await refusal(
      f().qconnect.send(new PutFeedbackCommand({ assistantId: f().assistantId, targetId: 'nothing', targetType: 'RECOMMENDATION', contentFeedback: { generativeContentFeedbackData: { relevance: 'HELPFUL' } } })),
    );
    expect(noTarget).toBeInstanceOf(ResourceNotFoundException);
    const { sessionId } = f().startCall();
    const tooMany = await refusal(f().qconnect.send(new GetRecommendationsCommand({ assistantId: f().assistantId, sessionId, waitTimeSeconds: 60 })));
    expect(tooMany).toBeInstanceOf(ValidationException);
    expect(tooMany?.message).toContain('waitTimeSeconds');
  });
});

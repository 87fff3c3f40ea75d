// What the knowledge component tests share: a fake engine answering the panel's knowledge requests from a small
// knowledge base (search results, articles, the suggestions queued per contact), contacts of each channel, and a
// mount over a ready session with a fake transcript client (played by the test) installed.
import type { Component } from 'vue';
import type { KnowledgeRequest } from '@/lib/knowledge/knowledge-requests';
import type { KnowledgeArticleView, KnowledgeResult, KnowledgeSuggestion } from '@/lib/knowledge/knowledge-views';
import type { CommandResult, SessionCommand } from '@/lib/session/commands';
import type { ContactView } from '@/lib/session/snapshot';
import { FakeSessionClient, mountSoftphone, readySnapshot, voiceContact } from '../softphone-fixture';
import { FakeTranscriptClient } from '../transcript/transcript-test-kit';
import { setTranscriptClientFactory } from '@/stores/transcripts';

export const ROUTER_RESULT: KnowledgeResult = {
  resultId: 'r-router',
  knowledgeBaseId: 'kb-en',
  contentId: 'router-drops',
  title: 'Router keeps dropping the connection',
  titleHighlights: [{ begin: 0, end: 6 }, { begin: 13, end: 21 }],
  excerpt: 'When the router drops the connection every few minutes, check the cable first.',
  excerptHighlights: [{ begin: 9, end: 15 }],
  score: 3.2,
};
export const BILLING_RESULT: KnowledgeResult = {
  resultId: 'r-billing',
  knowledgeBaseId: 'kb-en',
  contentId: 'billing-dispute',
  title: 'Disputing a charge <img src=x onerror="window.__pwned=1">',
  titleHighlights: [],
  excerpt: 'A customer may dispute a charge within 60 days.',
  excerptHighlights: [{ begin: 15, end: 22 }],
  score: 1.1,
};

export const ROUTER_ARTICLE: KnowledgeArticleView = {
  knowledgeBaseId: 'kb-en',
  contentId: 'router-drops',
  title: 'Router keeps dropping the connection',
  contentType: 'text/markdown',
  body: '## Steps\n\n1. Check the **cable**.\n2. Restart the router.\n\nSee [the guide](https://example.com/router).',
  linkOutUri: null,
};

export function suggestion(overrides: Partial<KnowledgeSuggestion> = {}): KnowledgeSuggestion {
  return {
    recommendationId: 'rec-router',
    knowledgeBaseId: 'kb-en',
    contentId: 'router-drops',
    title: 'Router keeps dropping the connection',
    titleHighlights: [],
    excerpt: '',
    excerptHighlights: [],
    relevanceLevel: 'HIGH',
    matched: 'router, dropping',
    receivedAt: 1,
    feedback: null,
    ...overrides,
  };
}

export const chatContact = (overrides: Partial<ContactView> = {}): ContactView =>
  voiceContact({ id: 'chat-1', channel: 'chat', state: 'connected', customerName: 'Mary Major', chatFeatures: { attachments: true, markdown: true }, ...overrides });

/** The engine's side: what each knowledge request gets (an answer's `workspace`, or a whole failed result). */
export interface FakeKnowledge {
  results: KnowledgeResult[];
  articles: KnowledgeArticleView[];
  /** Each contact's suggestions as the engine answers them (replaced by the test as new ones "arrive"). */
  suggestions: Record<string, KnowledgeSuggestion[]>;
  fail?: (request: KnowledgeRequest) => CommandResult | null;
}

function answerKnowledge(fake: FakeKnowledge, request: KnowledgeRequest): CommandResult {
  const failed = fake.fail?.(request);
  if (failed) return failed;
  switch (request.op) {
    case 'knowledge-search':
      return { ok: true, value: { workspace: { knowledgeResults: fake.results } } };
    case 'knowledge-article': {
      const article = fake.articles.find((a) => a.contentId === request.contentId);
      return article
        ? { ok: true, value: { workspace: { article } } }
        : { ok: false, error: { code: 'workspace-source-failed', params: { source: 'knowledge' }, detail: 'not found' } };
    }
    case 'knowledge-recommendations':
      return { ok: true, value: { workspace: { suggestions: fake.suggestions[request.contactId] ?? [] } } };
    case 'knowledge-feedback': {
      const list = (fake.suggestions[request.contactId] ?? []).map((s) =>
        s.recommendationId === request.recommendationId ? { ...s, feedback: request.helpful ? ('HELPFUL' as const) : ('NOT_HELPFUL' as const) } : s,
      );
      fake.suggestions[request.contactId] = list;
      return { ok: true, value: { workspace: { suggestions: list } } };
    }
  }
}

export const knowledgeRequests = (client: FakeSessionClient): KnowledgeRequest[] =>
  client.commands.flatMap((c) => (c.type === 'workspace' && c.request.op.startsWith('knowledge-') ? [c.request as KnowledgeRequest] : []));

/** Mounts `component` over a ready session with `contact`, knowledge answered from `fake`. */
export async function mountKnowledge(
  component: Component,
  options: { contact?: ContactView; fake?: Partial<FakeKnowledge>; language?: 'en' | 'ja'; props?: Record<string, unknown>; contacts?: ContactView[] } = {},
) {
  const contact = options.contact ?? voiceContact({ state: 'connected' });
  const fake: FakeKnowledge = { results: [ROUTER_RESULT, BILLING_RESULT], articles: [ROUTER_ARTICLE], suggestions: {}, ...options.fake };
  const transcripts = new FakeTranscriptClient();
  setTranscriptClientFactory(() => transcripts);
  const client = new FakeSessionClient();
  client.answer = (command: SessionCommand) =>
    command.type === 'workspace' && command.request.op.startsWith('knowledge-') ? answerKnowledge(fake, command.request as KnowledgeRequest) : { ok: true };
  const mounted = await mountSoftphone(component, readySnapshot({ contacts: options.contacts ?? [contact] }), {
    client,
    language: options.language,
    props: options.props ?? { contact, closed: false },
  });
  return { ...mounted, contact, fake, transcripts };
}

// Knowledge for the panel (F23), per contact: the agent's search and its results, the article opened, and the
// suggested articles Amazon Q in Connect recommended from what the customer said, with the agent's feedback. All
// through the engine's workspace road (lib/knowledge); the engine keeps the suggestions, so a panel opened again
// finds them. Asking for suggestions is coalesced: one request per contact at a time, and one more if asked again.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CommandError } from '@/lib/session/commands';
import type { ArticleRef, KnowledgeArticleView, KnowledgeResult, KnowledgeSuggestion } from '@/lib/knowledge/knowledge-views';
import { MAX_SEARCH_TEXT } from '@/lib/knowledge/knowledge-requests';
import type { WorkspaceAnswer, WorkspaceRequest } from '@/lib/workspace/workspace-requests';
import { useSessionStore } from './session';
import type { Loadable } from './workspace';

/** The search of one contact's Knowledge tab (or of the panel without a contact, key ''). */
export interface KnowledgeSearchState {
  text: string;
  results: Loadable<KnowledgeResult[]> | { status: 'invalid'; reason: 'empty' | 'too-long' };
}

export interface OpenArticle {
  ref: ArticleRef;
  article: Loadable<KnowledgeArticleView>;
}

export interface SuggestionsState {
  list: KnowledgeSuggestion[];
  /** The last request's failure, shown until one succeeds (the list already shown stays). */
  error: CommandError | null;
  loaded: boolean;
}

/** How long a request for suggestions waits for new ones when a customer line has just arrived. */
export const SUGGESTION_WAIT_SECONDS = 2;

const MISSING_ARTICLE: CommandError = { code: 'workspace-source-failed', params: { source: 'knowledge' }, detail: 'no article in the answer' };

const keyOf = (contactId: string | null) => contactId ?? '';

export const useKnowledgeStore = defineStore('knowledge', () => {
  const session = useSessionStore();
  const searches = ref<Record<string, KnowledgeSearchState>>({});
  const articles = ref<Record<string, OpenArticle | null>>({});
  const suggestions = ref<Record<string, SuggestionsState>>({});
  /** Feedback being sent, by recommendation id, and the last failure of each. */
  const rating = ref<Record<string, true>>({});
  const ratingErrors = ref<Record<string, CommandError>>({});
  const searchSequence = new Map<string, number>();
  const asking = new Map<string, { again: boolean; waitSeconds: number }>();

  async function ask(request: WorkspaceRequest): Promise<{ ok: true; answer: WorkspaceAnswer } | { ok: false; error: CommandError }> {
    const result = await session.run({ type: 'workspace', request }, { inline: true });
    return result.ok ? { ok: true, answer: result.value?.workspace ?? {} } : { ok: false, error: result.error };
  }

  /** Searches the knowledge base in natural language (any language), in the contact's session when given. */
  async function search(contactId: string | null, text: string): Promise<void> {
    const key = keyOf(contactId);
    const query = text.trim();
    if (query === '' || query.length > MAX_SEARCH_TEXT) {
      searches.value[key] = { text, results: { status: 'invalid', reason: query === '' ? 'empty' : 'too-long' } };
      return;
    }
    const sequence = (searchSequence.get(key) ?? 0) + 1;
    searchSequence.set(key, sequence);
    searches.value[key] = { text: query, results: { status: 'loading' } };
    articles.value[key] = null;
    const result = await ask({ op: 'knowledge-search', contactId, text: query });
    if (searchSequence.get(key) !== sequence) return; // a newer search replaced it
    searches.value[key] = {
      text: query,
      results: result.ok ? { status: 'ready', value: result.answer.knowledgeResults ?? [] } : { status: 'failed', error: result.error },
    };
  }

  /** Opens an article in the contact's Knowledge tab (it replaces the results until Back). */
  async function open(contactId: string | null, ref: ArticleRef): Promise<void> {
    const key = keyOf(contactId);
    articles.value[key] = { ref, article: { status: 'loading' } };
    const result = await ask({ op: 'knowledge-article', knowledgeBaseId: ref.knowledgeBaseId, contentId: ref.contentId });
    const current = articles.value[key];
    if (current?.ref.contentId !== ref.contentId || current.ref.knowledgeBaseId !== ref.knowledgeBaseId) return;
    if (result.ok && result.answer.article) current.article = { status: 'ready', value: result.answer.article };
    else current.article = { status: 'failed', error: result.ok ? MISSING_ARTICLE : result.error };
  }

  function back(contactId: string | null): void {
    articles.value[keyOf(contactId)] = null;
  }

  function suggestionsEntry(contactId: string): SuggestionsState {
    suggestions.value[contactId] ??= { list: [], error: null, loaded: false };
    return suggestions.value[contactId];
  }

  /** Asks the engine for the contact's suggestions (all so far, and any new one within `waitSeconds`). */
  async function refreshSuggestions(contactId: string, waitSeconds = 0): Promise<void> {
    const running = asking.get(contactId);
    if (running) {
      running.again = true;
      running.waitSeconds = Math.max(running.waitSeconds, waitSeconds);
      return;
    }
    const state = { again: false, waitSeconds };
    asking.set(contactId, state);
    try {
      for (;;) {
        const wait = state.waitSeconds;
        state.again = false;
        const result = await ask({ op: 'knowledge-recommendations', contactId, waitSeconds: wait });
        const entry = suggestionsEntry(contactId);
        if (result.ok) {
          entry.list = result.answer.suggestions ?? [];
          entry.error = null;
        } else {
          entry.error = result.error;
        }
        entry.loaded = true;
        if (!state.again) break;
      }
    } finally {
      asking.delete(contactId);
    }
  }

  /** The agent's feedback on a suggestion (Useful / Not useful), kept with the contact. */
  async function rate(contactId: string, recommendationId: string, helpful: boolean): Promise<void> {
    rating.value = { ...rating.value, [recommendationId]: true };
    const { [recommendationId]: _old, ...otherErrors } = ratingErrors.value;
    ratingErrors.value = otherErrors;
    try {
      const result = await ask({ op: 'knowledge-feedback', contactId, recommendationId, helpful });
      if (result.ok) suggestionsEntry(contactId).list = result.answer.suggestions ?? suggestionsEntry(contactId).list;
      else ratingErrors.value = { ...ratingErrors.value, [recommendationId]: result.error };
    } finally {
      const { [recommendationId]: _done, ...rest } = rating.value;
      rating.value = rest;
    }
  }

  /** Forgets what the panel shows for contacts that left it (the engine still has their suggestions). */
  function retain(contactIds: readonly string[]): void {
    for (const map of [searches, articles, suggestions]) {
      for (const key of Object.keys(map.value)) if (key !== '' && !contactIds.includes(key)) delete map.value[key];
    }
  }

  return {
    searches,
    articles,
    suggestions,
    rating,
    ratingErrors,
    search,
    open,
    back,
    refreshSuggestions,
    rate,
    retain,
    searchOf: (contactId: string | null): KnowledgeSearchState | null => searches.value[keyOf(contactId)] ?? null,
    articleOf: (contactId: string | null): OpenArticle | null => articles.value[keyOf(contactId)] ?? null,
    suggestionsOf: (contactId: string): SuggestionsState | null => suggestions.value[contactId] ?? null,
  };
});

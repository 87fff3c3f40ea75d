// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true, "disableJavaScriptFileLoading": true, "disableCSSFileLoading": true, "disableIframePageLoading": true, "handleDisabledFileLoadingAsSuccess": true}}
// A knowledge article is the contact center's (or an admin's import's) text, rendered in the panel: every body of
// the chat's hostile corpus, as Markdown, plain text and HTML, opened as an article is inert. happy-dom runs script
// here; every payload tries to set window.__pwned; the body is checked against the allow-list and every element
// is clicked, hovered and focused the way a person and a browser would.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import KnowledgeArticle from '@/components/workspace/knowledge/KnowledgeArticle.vue';
import type { KnowledgeArticleView } from '@/lib/knowledge/knowledge-views';
import { exerciseElements, unsafeFindings } from '../../support/transcript-allow-list';
import { useBrowserNodeName } from '../../unit/chat-rendering/browser-node-name';
import { HOSTILE_CORPUS } from '../../unit/chat-rendering/hostile-corpus';
import { chatContact, mountKnowledge } from './knowledge-test-kit';

useBrowserNodeName();
enableAutoUnmount(afterEach);

type Canary = { __pwned?: unknown };
const canary = () => (window as unknown as Canary).__pwned;

/** The corpus without its deeply nested items (happy-dom's selector engine overflows on them; they are about
 *  termination, which the chat's own test covers for the same renderer). */
const CORPUS = HOSTILE_CORPUS.filter((item) => !item.name.startsWith('deeply nested'));

async function openArticle(article: KnowledgeArticleView) {
  const contact = chatContact();
  const mounted = await mountKnowledge(KnowledgeArticle, {
    contact,
    props: { contact, closed: false, hasResults: true, open: { ref: article, article: { status: 'ready', value: article } } },
  });
  await flushPromises();
  return mounted;
}

describe('a hostile article', () => {
  beforeEach(() => {
    delete (window as unknown as Canary).__pwned;
    document.body.innerHTML = '';
  });

  it.each(['text/markdown', 'text/plain', 'text/html'])('is rendered inert as %s: nothing outside the allow-list, no bad link, no script run', async (contentType) => {
    for (const item of CORPUS) {
      const { wrapper } = await openArticle({
        knowledgeBaseId: 'kb',
        contentId: 'hostile',
        title: `<img src=x onerror="window.__pwned=true">${item.name}`,
        contentType,
        body: item.content,
        linkOutUri: null,
      });
      const body = wrapper.get('[data-testid="knowledge-article-body"]').element;
      // The shared checker applies its body allow-list to elements marked as a message body.
      body.classList.add('chat-body');
      expect(unsafeFindings(wrapper.element), item.name).toEqual([]);
      expect(wrapper.get('h3').text()).toBe(`<img src=x onerror="window.__pwned=true">${item.name}`);
      await exerciseElements(body);
      expect(canary(), item.name).toBeUndefined();
      wrapper.unmount();
    }
  }, 60_000);
});

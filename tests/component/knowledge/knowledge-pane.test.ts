// @vitest-environment happy-dom
// The Knowledge tab: a search refused when empty, sent in the contact's session, its results with their matches
// marked (and the service's text never read as HTML), in English and Japanese; a failed search said so; an article
// opened in place, rendered as Markdown with links opening in a new tab (hostile articles: hostile-article.test.ts);
// Back to the result; Copy to chat for a live chat only, which the chat's composer shows in its draft.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ChatComposer from '@/components/chat/ChatComposer.vue';
import KnowledgePane from '@/components/workspace/knowledge/KnowledgePane.vue';
import { useChatContactsStore } from '@/stores/chat-contacts';
import { createPanelI18n } from '@/locales/bundled-i18n';
import { useBrowserNodeName } from '../../unit/chat-rendering/browser-node-name';
import { accessibleName } from '../softphone-fixture';
import { chatContact, knowledgeRequests, mountKnowledge, ROUTER_ARTICLE } from './knowledge-test-kit';

useBrowserNodeName();
enableAutoUnmount(afterEach);

async function searchFor(wrapper: Awaited<ReturnType<typeof mountKnowledge>>['wrapper'], text: string) {
  await wrapper.get('[data-testid="knowledge-search-text"]').setValue(text);
  await wrapper.get('form').trigger('submit');
  await flushPromises();
}

describe('the Knowledge tab', () => {
  it('refuses an empty search with a translated error and sends nothing', async () => {
    const { wrapper, client } = await mountKnowledge(KnowledgePane);
    await searchFor(wrapper, '   ');
    expect(wrapper.get('[data-testid="knowledge-search-error"]').text()).toBe('Type what you are looking for.');
    expect(wrapper.get('[data-testid="knowledge-search-text"]').attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(wrapper.get('[data-testid="knowledge-search-text"]').element);
    expect(knowledgeRequests(client)).toEqual([]);
  });

  it('searches in the contact\'s session and marks the matches of each result, the service\'s text shown as text', async () => {
    const { wrapper, client, contact } = await mountKnowledge(KnowledgePane);
    expect(accessibleName(wrapper.get('[data-testid="knowledge-search-text"]').element)).toBe('Search knowledge');
    await searchFor(wrapper, '  router keeps dropping ');
    expect(knowledgeRequests(client)).toEqual([{ op: 'knowledge-search', contactId: contact.id, text: 'router keeps dropping' }]);
    expect(wrapper.get('[data-testid="knowledge-search-status"]').text()).toBe('2 articles found for “router keeps dropping”.');
    const [router, billing] = wrapper.findAll('[data-testid="knowledge-result"]');
    expect(router!.findAll('button mark').map((m) => m.text())).toEqual(['Router', 'dropping']);
    expect(router!.get('button').text()).toBe('Router keeps dropping the connection');
    expect(router!.findAll('p mark').map((m) => m.text())).toEqual(['router']);
    expect(billing!.find('img').exists()).toBe(false);
    expect(billing!.get('button').text()).toBe('Disputing a charge <img src=x onerror="window.__pwned=1">');
    expect(billing!.findAll('p mark').map((m) => m.text())).toEqual(['dispute']);
  });

  it('works in Japanese', async () => {
    const { wrapper, client } = await mountKnowledge(KnowledgePane, {
      language: 'ja',
      fake: { results: [{ resultId: 'r-ja', knowledgeBaseId: 'kb-ja', contentId: 'router-ja', title: 'ルーターの接続が切れる', titleHighlights: [{ begin: 0, end: 4 }], excerpt: '', excerptHighlights: [], score: 1 }] },
    });
    expect(accessibleName(wrapper.get('[data-testid="knowledge-search-text"]').element)).toBe('ナレッジを検索');
    await searchFor(wrapper, 'ルーターの接続が頻繁に切れる');
    expect(knowledgeRequests(client)[0]).toMatchObject({ text: 'ルーターの接続が頻繁に切れる' });
    expect(wrapper.get('[data-testid="knowledge-search-status"]').text()).toBe('「ルーターの接続が頻繁に切れる」に一致する記事が1件見つかりました。');
    expect(wrapper.get('[data-testid="knowledge-result"] mark').text()).toBe('ルーター');
  });

  it('says when nothing matched, and when knowledge could not be reached', async () => {
    const empty = await mountKnowledge(KnowledgePane, { fake: { results: [] } });
    await searchFor(empty.wrapper, 'warp drive');
    expect(empty.wrapper.get('[data-testid="knowledge-search-status"]').text()).toBe('No articles match “warp drive”. Try other words.');
    const failing = await mountKnowledge(KnowledgePane, {
      fake: { fail: () => ({ ok: false, error: { code: 'workspace-source-failed', params: { source: 'knowledge' }, detail: 'no answer' } }) },
    });
    await searchFor(failing.wrapper, 'router');
    expect(failing.wrapper.get('[data-testid="knowledge-search-error"]').text()).toBe(
      'Knowledge (Amazon Q in Connect) could not be reached. The rest of the workspace still works; try again in a moment.',
    );
  });

  it('opens an article in place, rendered safely, and goes back to the result it came from', async () => {
    const { wrapper, client } = await mountKnowledge(KnowledgePane);
    await searchFor(wrapper, 'router');
    await wrapper.get('[data-testid="knowledge-result"] button').trigger('click');
    await flushPromises();
    expect(knowledgeRequests(client).at(-1)).toEqual({ op: 'knowledge-article', knowledgeBaseId: 'kb-en', contentId: 'router-drops' });
    const article = wrapper.get('[data-testid="knowledge-article"]');
    expect(article.get('h3').text()).toBe('Router keeps dropping the connection');
    expect(document.activeElement).toBe(article.get('h3').element);
    const body = article.get('[data-testid="knowledge-article-body"]');
    expect(body.get('h2').text()).toBe('Steps');
    expect(body.get('strong').text()).toBe('cable');
    expect(body.get('a').attributes()).toMatchObject({ href: 'https://example.com/router', target: '_blank', rel: 'noopener noreferrer' });
    const back = wrapper.get('[data-testid="knowledge-article-back"]');
    expect(back.text()).toContain('Back to results');
    await back.trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="knowledge-article"]').exists()).toBe(false);
    expect(document.activeElement?.textContent).toBe('Router keeps dropping the connection');
  });

  it('copies the article into a live chat\'s draft, which its composer shows; not for a call', async () => {
    const contact = chatContact();
    const { wrapper, pinia } = await mountKnowledge(KnowledgePane, { contact });
    await searchFor(wrapper, 'router');
    await wrapper.get('[data-testid="knowledge-result"] button').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="knowledge-copy-to-chat"]').trigger('click');
    expect(wrapper.get('[data-testid="knowledge-copied"]').text()).toBe('Added to your message to Mary Major. Check it before you send it.');
    expect(useChatContactsStore(pinia).draftInsertions[contact.id]).toEqual([ROUTER_ARTICLE.body]);
    const composer = mount(ChatComposer, { props: { customerName: 'Mary Major', contactId: contact.id }, global: { plugins: [pinia, createPanelI18n('en')] } });
    await flushPromises();
    expect((composer.get('textarea').element as HTMLTextAreaElement).value).toBe(ROUTER_ARTICLE.body);
    expect(useChatContactsStore(pinia).draftInsertions[contact.id]).toBeUndefined();

    const call = await mountKnowledge(KnowledgePane);
    await searchFor(call.wrapper, 'router');
    await call.wrapper.get('[data-testid="knowledge-result"] button').trigger('click');
    await flushPromises();
    expect(call.wrapper.find('[data-testid="knowledge-copy-to-chat"]').exists()).toBe(false);
  });

  it('warns when the copied article is longer than a chat message may be', async () => {
    const long = { ...ROUTER_ARTICLE, body: 'Restart the router. '.repeat(80) };
    const { wrapper } = await mountKnowledge(KnowledgePane, { contact: chatContact(), fake: { articles: [long] } });
    await searchFor(wrapper, 'router');
    await wrapper.get('[data-testid="knowledge-result"] button').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="knowledge-copy-to-chat"]').trigger('click');
    expect(wrapper.get('[data-testid="knowledge-copied"]').text()).toBe(
      'Added to your message to Mary Major. It is longer than a chat message can be (1024 characters): shorten it before you send it.',
    );
  });
});

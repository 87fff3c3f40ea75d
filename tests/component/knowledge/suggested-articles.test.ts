// @vitest-environment happy-dom
// The Suggested articles strip: asked for when the contact gets focus and again (waiting a moment for the
// recommender) on each new customer transcript segment or chat message, never on the agent's own lines or once the
// contact has left; each suggestion with the words that matched; new ones announced politely; Useful / Not useful
// sent as feedback with aria-pressed and a state; opening one asks for the article and tells the workspace; and in
// the workspace, the Knowledge tab opens on it.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CustomerWorkspace from '@/components/workspace/CustomerWorkspace.vue';
import SuggestedArticles from '@/components/workspace/knowledge/SuggestedArticles.vue';
import type { ChatItemView } from '@/lib/session/chat-transcript';
import { useBrowserNodeName } from '../../unit/chat-rendering/browser-node-name';
import { segment } from '../transcript/transcript-test-kit';
import { chatContact, knowledgeRequests, mountKnowledge, suggestion } from './knowledge-test-kit';

useBrowserNodeName();
enableAutoUnmount(afterEach);

const customerMessage = (id: string, content: string): ChatItemView => ({
  id,
  kind: 'message',
  role: 'CUSTOMER',
  own: false,
  displayName: 'Mary Major',
  time: Date.now(),
  contentType: 'text/plain',
  content,
});

describe('the Suggested articles strip', () => {
  it('shows what the engine suggested for the contact when it gets focus, each with the words that matched', async () => {
    const { wrapper, client, contact } = await mountKnowledge(SuggestedArticles, {
      fake: { suggestions: { 'contact-1': [suggestion(), suggestion({ recommendationId: 'rec-bill', contentId: 'billing', title: 'Billing', matched: null, relevanceLevel: 'LOW' })] } },
    });
    expect(knowledgeRequests(client)).toEqual([{ op: 'knowledge-recommendations', contactId: contact.id, waitSeconds: 0 }]);
    expect(wrapper.get('h3').text()).toBe('Suggested articles');
    const items = wrapper.findAll('[data-testid="suggested-article"]');
    expect(items.map((i) => i.get('[data-testid="suggested-article-open"]').text())).toEqual(['Router keeps dropping the connection', 'Billing']);
    expect(items[0]!.get('[data-testid="suggested-article-matched"]').text()).toBe('Matched: router, dropping');
    expect(items[0]!.text()).toContain('Strong match');
    expect(items[1]!.find('[data-testid="suggested-article-matched"]').exists()).toBe(false);
  });

  it('asks again on each new customer segment of a call, not on the agent\'s, and announces what arrives', async () => {
    const { wrapper, client, contact, fake, transcripts } = await mountKnowledge(SuggestedArticles);
    expect(wrapper.text()).toContain('No suggestions yet.');
    fake.suggestions[contact.id] = [suggestion()];
    transcripts.push(contact.id, { segments: [segment({ role: 'AGENT', content: 'How can I help?' })] });
    await flushPromises();
    expect(knowledgeRequests(client)).toHaveLength(1);
    transcripts.push(contact.id, { segments: [segment({ role: 'CUSTOMER', content: 'my router keeps dropping the connection' })] });
    await flushPromises();
    expect(knowledgeRequests(client).at(-1)).toEqual({ op: 'knowledge-recommendations', contactId: contact.id, waitSeconds: 2 });
    expect(wrapper.findAll('[data-testid="suggested-article"]')).toHaveLength(1);
    const announcement = wrapper.get('[data-testid="suggested-articles-announcement"]');
    expect(announcement.attributes('aria-live')).toBe('polite');
    expect(announcement.text()).toBe('New suggested article: Router keeps dropping the connection');
  });

  it('asks again on each new customer message of a chat, in Japanese too', async () => {
    const contact = chatContact();
    const { wrapper, client, fake } = await mountKnowledge(SuggestedArticles, { contact, language: 'ja' });
    fake.suggestions[contact.id] = [suggestion({ title: 'ルーターの接続が切れる場合', matched: 'ルーター, 切れる' })];
    client.pushChat(contact.id, { type: 'items', full: true, items: [customerMessage('m-1', 'ルーターの接続が頻繁に切れる')] });
    await flushPromises();
    expect(knowledgeRequests(client).at(-1)).toEqual({ op: 'knowledge-recommendations', contactId: contact.id, waitSeconds: 2 });
    expect(wrapper.get('[data-testid="suggested-article-matched"]').text()).toBe('一致した語: ルーター, 切れる');
    expect(wrapper.get('[data-testid="suggested-articles-announcement"]').text()).toBe('おすすめの記事が届きました: ルーターの接続が切れる場合');
  });

  it('asks again when the panel comes back into view', async () => {
    const { client, contact } = await mountKnowledge(SuggestedArticles);
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
    await flushPromises();
    expect(knowledgeRequests(client)).toEqual([
      { op: 'knowledge-recommendations', contactId: contact.id, waitSeconds: 0 },
      { op: 'knowledge-recommendations', contactId: contact.id, waitSeconds: 0 },
    ]);
  });

  it('does not ask on new lines once the contact has left, and shows nothing then when there was nothing', async () => {
    const { wrapper, client, contact, transcripts } = await mountKnowledge(SuggestedArticles, { props: { contact: chatContact({ id: 'contact-1', channel: 'voice' }), closed: true } });
    transcripts.push(contact.id, { segments: [segment({ role: 'CUSTOMER' })] });
    await flushPromises();
    expect(knowledgeRequests(client)).toHaveLength(1);
    expect(wrapper.find('[data-testid="suggested-articles"]').exists()).toBe(false);
  });

  it('sends Useful / Not useful as feedback and shows it with aria-pressed', async () => {
    const { wrapper, client, contact } = await mountKnowledge(SuggestedArticles, { fake: { suggestions: { 'contact-1': [suggestion()] } } });
    const group = wrapper.get('[role="group"]');
    expect(group.attributes('aria-label')).toBe('Was “Router keeps dropping the connection” useful?');
    const useful = wrapper.get('[data-testid="suggested-article-useful"]');
    const notUseful = wrapper.get('[data-testid="suggested-article-not-useful"]');
    expect([useful.attributes('aria-pressed'), notUseful.attributes('aria-pressed')]).toEqual(['false', 'false']);
    await useful.trigger('click');
    await flushPromises();
    expect(knowledgeRequests(client).at(-1)).toEqual({ op: 'knowledge-feedback', contactId: contact.id, recommendationId: 'rec-router', helpful: true });
    expect(wrapper.get('[data-testid="suggested-article-useful"]').attributes('aria-pressed')).toBe('true');
    expect(wrapper.get('[data-testid="suggested-article-feedback"]').text()).toBe('You marked it useful.');
    await wrapper.get('[data-testid="suggested-article-not-useful"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="suggested-article-not-useful"]').attributes('aria-pressed')).toBe('true');
    expect(wrapper.get('[data-testid="suggested-article-useful"]').attributes('aria-pressed')).toBe('false');
    expect(wrapper.get('[data-testid="suggested-article-feedback"]').text()).toBe('You marked it not useful.');
  });

  it('says when feedback could not be sent', async () => {
    const { wrapper } = await mountKnowledge(SuggestedArticles, {
      fake: {
        suggestions: { 'contact-1': [suggestion()] },
        fail: (r) => (r.op === 'knowledge-feedback' ? { ok: false, error: { code: 'workspace-source-failed', params: { source: 'knowledge' } } } : null),
      },
    });
    await wrapper.get('[data-testid="suggested-article-useful"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('Knowledge (Amazon Q in Connect) could not be reached.');
    expect(wrapper.get('[data-testid="suggested-article-useful"]').attributes('aria-pressed')).toBe('false');
  });

  it('shows three at first and the rest on request', async () => {
    const many = Array.from({ length: 5 }, (_, i) => suggestion({ recommendationId: `rec-${i}`, contentId: `c-${i}`, title: `Article ${i}` }));
    const { wrapper } = await mountKnowledge(SuggestedArticles, { fake: { suggestions: { 'contact-1': many } } });
    expect(wrapper.findAll('[data-testid="suggested-article"]')).toHaveLength(3);
    const more = wrapper.get('[data-testid="suggested-articles-more"]');
    expect([more.text(), more.attributes('aria-expanded')]).toEqual(['Show all 5', 'false']);
    await more.trigger('click');
    expect(wrapper.findAll('[data-testid="suggested-article"]')).toHaveLength(5);
    expect(wrapper.get('[data-testid="suggested-articles-more"]').attributes('aria-expanded')).toBe('true');
  });

  it('in the workspace, opens a suggestion in the Knowledge tab', { timeout: 30_000 }, async () => {
    const { wrapper, client } = await mountKnowledge(CustomerWorkspace, { fake: { suggestions: { 'contact-1': [suggestion()] } }, props: {} });
    // The strip and the Knowledge tab load lazily (slower when other test files run beside this one).
    await vi.waitFor(() => expect(wrapper.find('[data-testid="suggested-article-open"]').exists()).toBe(true), { timeout: 10_000 });
    await wrapper.get('[data-testid="suggested-article-open"]').trigger('click');
    await flushPromises();
    expect(knowledgeRequests(client).at(-1)).toEqual({ op: 'knowledge-article', knowledgeBaseId: 'kb-en', contentId: 'router-drops' });
    expect(wrapper.get('[role="tab"][aria-selected="true"]').text()).toBe('Knowledge');
    await vi.waitFor(() => expect(wrapper.get('[data-testid="knowledge-article"] h3').text()).toBe('Router keeps dropping the connection'), { timeout: 10_000 });
  });
});

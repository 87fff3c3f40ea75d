// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true, "disableJavaScriptFileLoading": true, "disableCSSFileLoading": true, "disableIframePageLoading": true, "handleDisabledFileLoadingAsSuccess": true}}
// The transcript against the hostile corpus: every malicious message is rendered inert. happy-dom runs script
// here (event handler attributes, javascript: links when clicked), every payload tries to set window.__pwned, and
// the test pokes every rendered element the way a person and a browser would. A self-check first shows that the
// same corpus rendered without the product's safeguards trips every one of these checks.
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import MarkdownIt from 'markdown-it';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ChatTranscript from '@/components/chat/ChatTranscript.vue';
import type { ChatMessageView } from '@/components/chat/chat-view-model';
import { useBrowserNodeName } from '../../unit/chat-rendering/browser-node-name';
import { HOSTILE_CORPUS } from '../../unit/chat-rendering/hostile-corpus';
import { exerciseElements as exercise, unsafeFindings as findUnsafe } from '../../support/transcript-allow-list';
import { chatMessage, mountChat } from './chat-fixture';

useBrowserNodeName();
enableAutoUnmount(afterEach);

type Canary = { __pwned?: unknown };
const canary = () => (window as unknown as Canary).__pwned;

const corpusMessages = (): ChatMessageView[] =>
  HOSTILE_CORPUS.map((item, index) =>
    chatMessage({
      id: `hostile-${index}`,
      contentType: item.contentType,
      content: item.content,
      // Display names come from the customer too.
      displayName: index % 5 === 0 ? `<img src=x onerror="window.__pwned=true">${index}` : `Customer ${index}`,
    }),
  );

/** The transcript opens on its newest messages: asks for the earlier ones until every message is rendered. */
async function showEveryMessage(wrapper: VueWrapper) {
  for (let button = wrapper.find('[data-testid="show-earlier"]'); button.exists(); button = wrapper.find('[data-testid="show-earlier"]')) {
    await button.trigger('click');
    await flushPromises();
  }
}

describe('the hostile corpus', () => {
  beforeEach(() => {
    delete (window as unknown as Canary).__pwned;
    document.body.innerHTML = '';
  });

  it('has at least 60 messages, and every one that can carry script tries to set the canary', () => {
    expect(HOSTILE_CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(HOSTILE_CORPUS.filter((item) => item.content.includes('__pwned')).length).toBeGreaterThanOrEqual(45);
  });

  it('self-check: rendered without sanitizing, the corpus trips the allow-list, the link check and the canary', async () => {
    const unsafeMarkdown = new MarkdownIt({ html: true, linkify: true });
    const container = document.createElement('div');
    document.body.append(container);
    let flagged = 0;
    // happy-dom's selector engine recurses per level and overflows on the deeply nested items (browsers do
    // not): they are about termination, not script, so the self-check leaves them out.
    for (const item of HOSTILE_CORPUS.filter((candidate) => !candidate.name.startsWith('deeply nested'))) {
      const body = document.createElement('div');
      body.className = 'chat-body';
      body.innerHTML = item.contentType === 'text/markdown' ? unsafeMarkdown.render(item.content) : item.content;
      container.append(body);
      if (findUnsafe(body).length > 0) flagged += 1;
    }
    expect(flagged).toBeGreaterThanOrEqual(45);
    expect(findUnsafe(container).some((finding) => finding.startsWith('href javascript:'))).toBe(true);
    await exercise(container);
    expect(canary()).toBe(true);
  });

  it('renders every message inert in the transcript: nothing outside the allow-list, no bad link, no script run', async () => {
    const wrapper = mountChat(ChatTranscript, {
      props: { messages: corpusMessages(), customerName: '<b onclick="window.__pwned=true">Mallory</b>' },
      attachTo: document.body,
    });
    await flushPromises();
    await showEveryMessage(wrapper);
    const items = wrapper.findAll('[data-testid="chat-message"]');
    expect(items).toHaveLength(HOSTILE_CORPUS.length);
    expect(findUnsafe(wrapper.element)).toEqual([]);
    await exercise(wrapper.element);
    expect(canary()).toBeUndefined();
  });

  it('shows something for every message, cut oversized ones, and finishes deeply nested ones', async () => {
    const started = performance.now();
    const wrapper = mountChat(ChatTranscript, { props: { messages: corpusMessages(), customerName: 'Mallory' } });
    await showEveryMessage(wrapper);
    const elapsed = performance.now() - started;
    const items = wrapper.findAll('[data-testid="chat-message"]');
    HOSTILE_CORPUS.forEach((item, index) => {
      expect(items[index]?.get('.chat-body').text().trim(), item.name).not.toBe('');
    });
    const oversized = HOSTILE_CORPUS.flatMap((item, index) => (item.name.startsWith('oversized') ? [index] : []));
    expect(oversized.length).toBeGreaterThanOrEqual(3);
    for (const index of oversized) {
      expect(items[index]?.text()).toContain('This message is too long to show in full.');
      expect(items[index]?.get('.chat-body').text().length).toBeLessThanOrEqual(20_000);
    }
    // A generous bound that only a runaway parse would break (it takes about a second on this machine).
    expect(elapsed).toBeLessThan(30_000);
  });

  it('shows hostile attachment names as text and previews only blob: URLs', async () => {
    const attachment = chatMessage({
      kind: 'attachment',
      content: '',
      contentType: 'image/png',
      attachments: [
        { id: 'a1', name: '<img src=x onerror="window.__pwned=true">.png', contentType: 'image/png', size: 10, status: 'APPROVED' },
        { id: 'a2', name: 'photo.png', contentType: 'image/png', size: 10, status: 'APPROVED' },
      ],
    });
    const wrapper = mountChat(ChatTranscript, {
      props: { messages: [attachment], customerName: 'Mallory', attachmentUrls: { a1: 'javascript:window.__pwned=true', a2: 'https://tracker.example/p.png' } },
      attachTo: document.body,
    });
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.text()).toContain('<img src=x onerror="window.__pwned=true">.png');
    expect(findUnsafe(wrapper.element)).toEqual([]);
    await exercise(wrapper.element);
    expect(canary()).toBeUndefined();
  });
});

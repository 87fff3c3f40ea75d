// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true, "disableJavaScriptFileLoading": true, "disableCSSFileLoading": true, "disableIframePageLoading": true, "handleDisabledFileLoadingAsSuccess": true}}
// The transcript against the hostile corpus: every malicious message is rendered inert. happy-dom runs script
// here (event handler attributes, javascript: links when clicked), every payload tries to set window.__pwned, and
// the test pokes every rendered element the way a person and a browser would. A self-check first shows that the
// same corpus rendered without the product's safeguards trips every one of these checks.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import MarkdownIt from 'markdown-it';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ChatTranscript from '@/components/chat/ChatTranscript.vue';
import type { ChatMessageView } from '@/components/chat/chat-view-model';
import { useBrowserNodeName } from '../../unit/chat-rendering/browser-node-name';
import { HOSTILE_CORPUS } from '../../unit/chat-rendering/hostile-corpus';
import { chatMessage, mountChat } from './chat-fixture';

useBrowserNodeName();
enableAutoUnmount(afterEach);

type Canary = { __pwned?: unknown };
const canary = () => (window as unknown as Canary).__pwned;

/** What a message body may contain, written out here rather than taken from the product's own list. */
const BODY_TAGS = new Set(['P', 'BR', 'STRONG', 'EM', 'S', 'CODE', 'PRE', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'A', 'HR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD']);
const BODY_ATTRIBUTES: Record<string, readonly string[]> = { A: ['href', 'title', 'target', 'rel'], OL: ['start'] };
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;
/** Elements that must appear nowhere in the transcript (the panel's own line icons are svg.icon, checked apart). */
const NEVER = new Set(['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'STYLE', 'LINK', 'META', 'BASE', 'MATH', 'TEMPLATE', 'NOSCRIPT', 'INPUT', 'VIDEO', 'AUDIO', 'SOURCE', 'MARQUEE', 'DETAILS']);

/** Everything in `root` that breaks the allow-list, one line per finding. */
function findUnsafe(root: Element): string[] {
  const findings: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toUpperCase();
    const inIcon = element.closest('svg.icon') !== null;
    if (NEVER.has(tag) || (tag === 'SVG' && !inIcon) || (tag === 'IMG' && !element.getAttribute('src')?.startsWith('blob:'))) findings.push(`element ${tag}`);
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name) || attribute.name.toLowerCase() === 'style') findings.push(`${tag} ${attribute.name}`);
    }
    if (tag === 'A' && element.hasAttribute('href')) {
      const href = element.getAttribute('href') ?? '';
      if (!SAFE_HREF.test(href)) findings.push(`href ${href.slice(0, 40)}`);
      if (element.getAttribute('target') !== '_blank' || element.getAttribute('rel') !== 'noopener noreferrer') findings.push('link without target/rel');
    }
  }
  for (const body of root.querySelectorAll('.chat-body')) {
    for (const element of body.querySelectorAll('*')) {
      const tag = element.tagName.toUpperCase();
      if (!BODY_TAGS.has(tag)) findings.push(`body element ${tag}`);
      const allowed = BODY_ATTRIBUTES[tag] ?? [];
      for (const attribute of element.attributes) if (!allowed.includes(attribute.name)) findings.push(`body attribute ${tag} ${attribute.name}`);
    }
  }
  return findings;
}

const EVENTS = ['mouseover', 'mouseenter', 'focus', 'focusin', 'error', 'load', 'toggle', 'animationstart', 'pointerdown', 'input', 'submit'];

/** Does to every element what a person and a browser could: click it (but never follow a web link), hover,
 *  focus, and fire the load/error events a browser fires on media. */
async function exercise(root: Element) {
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    const followsWebLink = element.closest('a[href]') !== null && SAFE_HREF.test(element.closest('a')?.getAttribute('href') ?? '');
    if (!followsWebLink && typeof element.click === 'function') element.click();
    for (const type of EVENTS) element.dispatchEvent(new Event(type));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}

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
    const items = wrapper.findAll('[data-testid="chat-message"]');
    expect(items).toHaveLength(HOSTILE_CORPUS.length);
    expect(findUnsafe(wrapper.element)).toEqual([]);
    await exercise(wrapper.element);
    expect(canary()).toBeUndefined();
  });

  it('shows something for every message, cut oversized ones, and finishes deeply nested ones', async () => {
    const started = performance.now();
    const wrapper = mountChat(ChatTranscript, { props: { messages: corpusMessages(), customerName: 'Mallory' } });
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

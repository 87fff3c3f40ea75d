// @vitest-environment happy-dom
// Unit tests of chat message rendering: Markdown with markdown-it (no raw HTML, no network images, only http(s)
// and mailto links, each opening in a new tab without an opener), plain text escaped and linkified, oversized
// bodies cut, and the link-target check itself.
import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  isAllowedLinkTarget,
  MAX_RENDERED_LENGTH,
  renderMessageBody,
  withoutBidiControls,
} from '../../../lib/chat-rendering/render-message';
import { useBrowserNodeName } from './browser-node-name';

useBrowserNodeName();

const markdown = (content: string) => renderMessageBody('text/markdown', content);
const plain = (content: string) => renderMessageBody('text/plain', content);

describe('renderMessageBody with Markdown', () => {
  it('renders emphasis, lists and code', () => {
    expect(markdown('**Order** _shipped_\n\n- one\n- two\n\n`id-7`').html).toBe(
      '<p><strong>Order</strong> <em>shipped</em></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p><code>id-7</code></p>\n',
    );
  });

  it('keeps single line breaks, as a chat does', () => {
    expect(markdown('line one\nline two').html).toBe('<p>line one<br>\nline two</p>\n');
  });

  it('opens every link in a new tab without an opener or referrer', () => {
    expect(markdown('[Track it](https://example.com/track?id=1)').html).toBe(
      '<p><a href="https://example.com/track?id=1" target="_blank" rel="noopener noreferrer">Track it</a></p>\n',
    );
    expect(markdown('write to help@example.com').html).toContain(
      '<a href="mailto:help@example.com" target="_blank" rel="noopener noreferrer">help@example.com</a>',
    );
  });

  it('links bare web addresses', () => {
    expect(markdown('see https://www.example.com/faq').html).toBe(
      '<p>see <a href="https://www.example.com/faq" target="_blank" rel="noopener noreferrer">https://www.example.com/faq</a></p>\n',
    );
  });

  it('shows a link with a javascript: target as text', () => {
    const { html } = markdown('[x](javascript:alert(1))');
    expect(html).not.toContain('<a');
    expect(html).toContain('[x](javascript:alert(1))');
  });

  it('renders an image as a link to it, never loading it', () => {
    const { html } = markdown('![a cat](https://example.com/cat.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://example.com/cat.png" target="_blank" rel="noopener noreferrer">a cat</a>');
  });

  it('shows raw HTML as text', () => {
    expect(markdown('<b>bold?</b>').html).toBe('<p>&lt;b&gt;bold?&lt;/b&gt;</p>\n');
  });
});

describe('renderMessageBody with plain text', () => {
  it('escapes HTML and keeps the text as it was typed', () => {
    const { html, format } = plain('<b>hi</b> & **not bold**\nsecond line');
    expect(format).toBe('plain');
    expect(html).toBe('&lt;b&gt;hi&lt;/b&gt; &amp; **not bold**\nsecond line');
  });

  it('links web and mail addresses only', () => {
    expect(plain('go to https://example.com/a?b=1&c=2 now').html).toBe(
      'go to <a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">https://example.com/a?b=1&amp;c=2</a> now',
    );
    expect(plain('ftp://example.com/file').html).toBe('ftp://example.com/file');
  });

  it('treats any type other than text/markdown as plain text', () => {
    expect(renderMessageBody('application/json', '{"a":"<i>"}').html).toBe('{&quot;a&quot;:&quot;&lt;i&gt;&quot;}');
  });
});

describe('oversized bodies', () => {
  it('cuts them to MAX_RENDERED_LENGTH and shows them as plain text', () => {
    const result = markdown(`**${'x'.repeat(MAX_RENDERED_LENGTH * 2)}**`);
    expect(result.shortened).toBe(true);
    expect(result.format).toBe('plain');
    expect(result.html.length).toBe(MAX_RENDERED_LENGTH);
  });

  it('shows Markdown that nests too deep as plain text, keeping its words', () => {
    const emphasis = markdown(`${'*'.repeat(100)}deep${'*'.repeat(100)}`);
    expect(emphasis.format).toBe('plain');
    expect(emphasis.html).toContain('deep');
    const list = markdown(`${'- '.repeat(500)}deep`);
    expect(list.format).toBe('plain');
    expect(list.html).toContain('deep');
    expect(markdown(`${'> '.repeat(10)}quoted`).format).toBe('markdown');
  });

  it('leaves messages of Connect size whole', () => {
    expect(markdown('y'.repeat(1024)).shortened).toBe(false);
  });
});

describe('isAllowedLinkTarget', () => {
  it.each(['https://example.com', 'http://example.com/x', 'HTTPS://EXAMPLE.COM', 'mailto:a@example.com'])('allows %s', (url) => {
    expect(isAllowedLinkTarget(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    ' java\tscript:alert(1)',
    'vbscript:x',
    'data:text/html,x',
    'file:///etc/passwd',
    '/relative',
    '//example.com',
    'https:/example.com',
    'ftp://example.com',
    'java\u0000script:x',
  ])('refuses %j', (url) => {
    expect(isAllowedLinkTarget(url)).toBe(false);
  });
});

describe('text helpers', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('removes bidirectional overrides from names', () => {
    expect(withoutBidiControls('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
  });
});

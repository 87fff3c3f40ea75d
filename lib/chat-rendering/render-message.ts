// Turns a chat message body into HTML that is safe to insert into the panel: Markdown through markdown-it (no raw
// HTML, no network images, links only http(s) and mailto), plain text escaped and linkified, and every result
// sanitized by DOMPurify against a small allow-list, with links forced to open in a new tab without an opener.

import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import markdownit, { type MarkdownIt, type Token } from 'markdown-it';

/** How a body was rendered: the HTML and whether it was cut to MAX_RENDERED_LENGTH characters. */
export interface RenderedMessage {
  html: string;
  /** 'markdown' bodies are block HTML; 'plain' bodies keep their line breaks (show them with white-space: pre-wrap). */
  format: 'markdown' | 'plain';
  shortened: boolean;
}

/**
 * Longest body rendered. Amazon Connect caps a text message at 1,024 characters (16 KB for other types), so
 * anything longer is not a real message: it is shown as plain text, cut, rather than parsed as Markdown.
 */
export const MAX_RENDERED_LENGTH = 20_000;

/** The only elements a rendered body may contain (what markdown-it produces with images and raw HTML off). */
export const RENDERED_TAGS: readonly string[] = [
  'p', 'br', 'strong', 'em', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
];
/** The only attributes a rendered body may carry (target and rel are set by the sanitizer on every link). */
export const RENDERED_ATTRIBUTES: readonly string[] = ['href', 'title', 'start'];

const ALLOWED_LINK = /^(?:https?:\/\/|mailto:)/i;
/** Characters browsers ignore or strip in a URL scheme ("java\tscript:"), removed before the scheme check. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
const URL_IGNORED_CHARACTERS = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;

/** True when a link target may be rendered as a link: http(s) with a host, or mailto. */
export function isAllowedLinkTarget(url: string): boolean {
  return ALLOWED_LINK.test(url.replace(URL_IGNORED_CHARACTERS, ''));
}

const PURIFY_CONFIG: Config = {
  ALLOWED_TAGS: [...RENDERED_TAGS],
  ALLOWED_ATTR: [...RENDERED_ATTRIBUTES],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  SAFE_FOR_TEMPLATES: false,
  WHOLE_DOCUMENT: false,
  KEEP_CONTENT: true,
};

let markdown: MarkdownIt | null = null;
let purifier: DOMPurify | null = null;

function markdownRenderer(): MarkdownIt {
  if (markdown) return markdown;
  const md = markdownit('default', { html: false, linkify: true, breaks: true, typographer: false, maxNesting: 100 });
  // `![alt](url)` would load the URL from the network (a tracking pixel, the agent's IP): render it as a link.
  md.disable('image');
  md.validateLink = isAllowedLinkTarget;
  markdown = md;
  return md;
}

/**
 * DOMPurify reads the DOM through getters it caches from the window's prototypes; a DOM that defines them
 * elsewhere (happy-dom's nodeName, for one) makes it keep what it should remove. So before trusting an instance,
 * check it on a probe: if it does not sanitize that exactly, bodies are only escaped. The probe has no event
 * handler attribute: parsing one, even in DOMPurify's inert document, makes Chromium file a Content Security
 * Policy report in the panel, and the hostile-input test treats any such report as an attempt to run script.
 */
function sanitizesCorrectly(instance: DOMPurify): boolean {
  return instance.sanitize('<p class="x" data-x="y" title="t">a</p><em>b</em><img src="x">', PURIFY_CONFIG) === '<p title="t">a</p><em>b</em>';
}

/** The panel's own DOMPurify instance (its hooks do not leak to other users of the library), or null without a DOM. */
function sanitizer(): DOMPurify | null {
  if (purifier) return purifier;
  if (typeof window === 'undefined') return null;
  const instance = createDOMPurify(window);
  if (!instance.isSupported || !sanitizesCorrectly(instance)) return null;
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    if (node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  purifier = instance;
  return instance;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/** Plain text as HTML: every character escaped, NUL made visible, and web and mail addresses made links. */
function plainTextHtml(text: string): string {
  // eslint-disable-next-line no-control-regex -- NUL is replaced the way the HTML parser would
  const clean = text.replace(/\u0000/g, '\ufffd');
  const md = markdownRenderer();
  const matches = md.linkify.match(clean) ?? [];
  let html = '';
  let at = 0;
  for (const match of matches) {
    const href = md.normalizeLink(match.url);
    if (!isAllowedLinkTarget(href)) continue;
    html += escapeHtml(clean.slice(at, match.index));
    html += `<a href="${escapeHtml(href)}">${escapeHtml(match.text)}</a>`;
    at = match.lastIndex;
  }
  return html + escapeHtml(clean.slice(at));
}

/**
 * Deepest element nesting a Markdown body may produce; a deeper one is shown as plain text. markdown-it's own
 * maxNesting silently drops what lies deeper (the text of a list nested 5,000 deep vanishes) and does not cover
 * emphasis ("*" x 5,000 nests 2,500 <strong>s, costly for the sanitizer and the layout).
 */
const MAX_MARKUP_DEPTH = 24;

function depthOf(tokens: readonly Token[]): number {
  let depth = 0;
  let deepest = 0;
  for (const token of tokens) {
    depth += token.nesting;
    deepest = Math.max(deepest, depth + (token.children ? depthOf(token.children) : 0));
  }
  return deepest;
}

/** A Markdown body as HTML, or null when it nests deeper than MAX_MARKUP_DEPTH (then it is shown as text). */
function markdownHtml(body: string): string | null {
  const md = markdownRenderer();
  const env = {};
  const tokens = md.parse(body, env);
  return depthOf(tokens) > MAX_MARKUP_DEPTH ? null : md.renderer.render(tokens, md.options, env);
}

/**
 * Renders a message body for the transcript. `text/markdown` is parsed as Markdown; every other content type is
 * shown as plain text, never parsed as HTML. Without a DOM (so without DOMPurify) the body is only escaped.
 */
export function renderMessageBody(contentType: string, content: string): RenderedMessage {
  const shortened = content.length > MAX_RENDERED_LENGTH;
  const body = shortened ? content.slice(0, MAX_RENDERED_LENGTH) : content;
  const purify = sanitizer();
  if (!purify) return { html: escapeHtml(body), format: 'plain', shortened };
  const markdownBody = contentType === 'text/markdown' && !shortened ? markdownHtml(body) : null;
  const format = markdownBody === null ? 'plain' : 'markdown';
  const html = markdownBody ?? plainTextHtml(body);
  return { html: purify.sanitize(html, PURIFY_CONFIG), format, shortened };
}

/** Bidirectional control characters (RLO and friends) that can disguise "invoice\u202Efdp.exe" as "invoiceexe.pdf". */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A name (file, participant) with its bidirectional control characters removed, for display. */
export function withoutBidiControls(name: string): string {
  return name.replace(BIDI_CONTROLS, '');
}

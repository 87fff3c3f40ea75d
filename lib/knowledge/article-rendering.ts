// How an article from the knowledge base is shown and copied in the panel: Markdown and plain text rendered like a
// chat message (markdown-it with raw HTML and images off, links http(s)/mailto only and opening in a new tab,
// DOMPurify's allow-list), HTML reduced to its text (shown escaped); and the text "Copy to chat" puts in the composer.
import { renderMessageBody, type RenderedMessage } from '../chat-rendering/render-message';
import type { KnowledgeArticleView } from './knowledge-views';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** An HTML body's text, without parsing it as a document (nothing in it can load or run): script and style
 *  blocks dropped, block ends kept as line breaks, other tags removed, common entities decoded. The result is
 *  shown as plain text, escaped, so a tag this misses is shown, never obeyed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(br|\/p|\/div|\/li|\/h[1-6]|\/tr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#39|[a-z]+);/gi, (entity, name: string) => ENTITIES[name.toLowerCase()] ?? entity)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const isHtml = (contentType: string) => /^(text\/html|application\/xhtml\+xml)\b/i.test(contentType);

/** The article's body as safe HTML for the panel. Markdown and plain text are both read as Markdown (the
 *  contact center's articles are Markdown whatever type they carry); HTML is shown as its text. */
export function renderArticle(article: Pick<KnowledgeArticleView, 'contentType' | 'body'>): RenderedMessage {
  return isHtml(article.contentType) ? renderMessageBody('text/plain', htmlToText(article.body)) : renderMessageBody('text/markdown', article.body);
}

/** What "Copy to chat" inserts: the agent's selection inside the article when there is one, else its body (as
 *  Markdown, which chats send), either without surrounding blank space. */
export function articleCopyText(article: Pick<KnowledgeArticleView, 'contentType' | 'body'>, selection: string | null): string {
  const chosen = selection?.trim();
  if (chosen) return chosen;
  return (isHtml(article.contentType) ? htmlToText(article.body) : article.body).trim();
}

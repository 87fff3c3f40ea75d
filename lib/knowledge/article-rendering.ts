// How an article from the knowledge base is shown and copied in the panel: Markdown and plain text rendered like a
// chat message (markdown-it with raw HTML and images off, links http(s)/mailto only and opening in a new tab,
// DOMPurify's allow-list), HTML reduced to its text first; and the text "Copy to chat" puts in the composer.
import { renderMessageBody, type RenderedMessage } from '../chat-rendering/render-message';
import type { KnowledgeArticleView } from './knowledge-views';

/** An HTML body's text: parsed in an inert document (nothing loads or runs), block ends kept as line breaks. */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const block of doc.body.querySelectorAll('p, div, li, br, h1, h2, h3, h4, h5, h6, tr')) block.append('\n');
  return (doc.body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
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

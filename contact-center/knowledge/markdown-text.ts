// An article's Markdown as plain text, for indexing and for search excerpts: markdown-it parses it (raw HTML off),
// and the text of its blocks is kept (headings, paragraphs, list items, table cells, code, link text, image alt),
// one block a line; markup, URLs and HTML are dropped.

import markdownit, { type Token } from 'markdown-it';

const markdown = markdownit({ html: false, linkify: false });

function inlineText(children: readonly Token[] | null): string {
  let text = '';
  for (const child of children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
    else if (child.type === 'image') text += inlineText(child.children);
  }
  return text;
}

/** The plain text of a Markdown document: one line per block, whitespace within a line collapsed. */
export function markdownToPlainText(source: string): string {
  const lines: string[] = [];
  for (const token of markdown.parse(source, {})) {
    const text = token.type === 'inline' ? inlineText(token.children) : token.type === 'fence' || token.type === 'code_block' ? token.content : '';
    for (const line of text.split('\n')) {
      const collapsed = line.replace(/\s+/g, ' ').trim();
      if (collapsed !== '') lines.push(collapsed);
    }
  }
  return lines.join('\n');
}

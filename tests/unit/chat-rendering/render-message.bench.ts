// @vitest-environment happy-dom
// What rendering one chat message costs (markdown-it + DOMPurify), for typical bodies and the worst the transcript
// accepts. Run: npx vitest bench --run tests/unit/chat-rendering. happy-dom's DOM is slower than a browser's, so
// these figures are an upper bound for the panel.
import { bench, describe } from 'vitest';
import { MAX_RENDERED_LENGTH, renderMessageBody } from '../../../lib/chat-rendering/render-message';
import { useBrowserNodeName } from './browser-node-name';
import { HOSTILE_CORPUS } from './hostile-corpus';

useBrowserNodeName();

const short = 'Hi, my order #4411 has not arrived yet. Can you check?';
const markdown = [
  '**Your order** has shipped:',
  '',
  '- Tracking: [JP1234567890](https://tracking.example.com/JP1234567890)',
  '- Expected: _Thursday_',
  '',
  'Reply here or write to help@example.com if anything is wrong.',
].join('\n');
const limit = 'word '.repeat(204);

describe('renderMessageBody, one message', () => {
  bench('plain text, 55 characters', () => {
    renderMessageBody('text/plain', short);
  });
  bench('Markdown, 200 characters with a list and links', () => {
    renderMessageBody('text/markdown', markdown);
  });
  bench('Markdown, 1,024 characters (Connect\'s limit)', () => {
    renderMessageBody('text/markdown', limit);
  });
  bench(`oversized 1 MB, cut to ${MAX_RENDERED_LENGTH} characters`, () => {
    renderMessageBody('text/markdown', 'A'.repeat(1024 * 1024));
  });
  bench('the whole hostile corpus (one pass)', () => {
    for (const item of HOSTILE_CORPUS) renderMessageBody(item.contentType, item.content);
  });
});

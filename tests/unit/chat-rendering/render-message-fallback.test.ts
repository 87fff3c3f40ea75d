// @vitest-environment happy-dom
// render-message checks its sanitizer before trusting it. Plain happy-dom (without browser-node-name) is a DOM
// where DOMPurify keeps what it should remove, so here every body must come out only escaped.
import { expect, it } from 'vitest';
import { renderMessageBody } from '../../../lib/chat-rendering/render-message';

it('escapes every body when DOMPurify does not sanitize correctly in this DOM', () => {
  expect(renderMessageBody('text/markdown', '**bold** <p onclick="x">[a](https://example.com)</p>')).toEqual({
    html: '**bold** &lt;p onclick=&quot;x&quot;&gt;[a](https://example.com)&lt;/p&gt;',
    format: 'plain',
    shortened: false,
  });
});

// Malicious chat messages a customer could send, for the transcript's hostile-input tests: every payload that
// could run script tries to set the global canary `window.__pwned`, so a test can tell that none ran.

export interface HostileMessage {
  name: string;
  contentType: 'text/plain' | 'text/markdown';
  content: string;
}

/** What every payload's script does when it runs. */
export const CANARY = 'window.__pwned=true';

const js = `javascript:${CANARY}`;
const both = (name: string, content: string): HostileMessage[] => [
  { name: `${name} (markdown)`, contentType: 'text/markdown', content },
  { name: `${name} (plain)`, contentType: 'text/plain', content },
];

const nested = (depth: number, open: string, close = '') => `${open.repeat(depth)}deep${close.repeat(depth)}`;

export const HOSTILE_CORPUS: readonly HostileMessage[] = [
  // ── script tags and event handlers ──
  ...both('script tag', `<script>${CANARY}</script>`),
  ...both('script tag, mixed case and attributes', `<ScRiPt type="text/javascript">${CANARY}</sCrIpT>`),
  ...both('script split by a null byte', `<scr\u0000ipt>${CANARY}</script>`),
  { name: 'img onerror', contentType: 'text/markdown', content: `<img src=x onerror="${CANARY}">` },
  { name: 'img onerror, no quotes, slash separator', contentType: 'text/markdown', content: `<img/src=x/onerror=${CANARY}>` },
  { name: 'body onload', contentType: 'text/markdown', content: `<body onload="${CANARY}">hi</body>` },
  { name: 'div onclick', contentType: 'text/markdown', content: `<div onclick="${CANARY}">click me</div>` },
  { name: 'a onmouseover', contentType: 'text/markdown', content: `<a href="https://example.com" onmouseover="${CANARY}">hover</a>` },
  { name: 'details ontoggle', contentType: 'text/markdown', content: `<details open ontoggle="${CANARY}"><summary>x</summary></details>` },
  { name: 'input autofocus onfocus', contentType: 'text/markdown', content: `<input autofocus onfocus="${CANARY}">` },
  { name: 'video source onerror', contentType: 'text/markdown', content: `<video><source onerror="${CANARY}"></video>` },
  { name: 'marquee onstart', contentType: 'text/markdown', content: `<marquee onstart="${CANARY}">x</marquee>` },
  { name: 'handler inside Markdown emphasis', contentType: 'text/markdown', content: `**<b onclick="${CANARY}">bold</b>**` },
  { name: 'handler inside a table cell', contentType: 'text/markdown', content: `| a |\n|---|\n| <i onclick="${CANARY}">x</i> |` },
  // ── javascript:, vbscript:, data: links ──
  ...both('Markdown link to javascript:', `[click me](${js})`),
  { name: 'Markdown link to JavaScript: in mixed case', contentType: 'text/markdown', content: `[x](JaVaScRiPt:${CANARY})` },
  { name: 'Markdown link to vbscript:', contentType: 'text/markdown', content: '[x](vbscript:msgbox(1))' },
  { name: 'Markdown link to data: HTML', contentType: 'text/markdown', content: `[x](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD10cnVlPC9zY3JpcHQ+)` },
  { name: 'Markdown link to data: SVG', contentType: 'text/markdown', content: `[x](data:image/svg+xml,<svg onload=${CANARY}>)` },
  { name: 'Markdown link to file:', contentType: 'text/markdown', content: '[x](file:///etc/passwd)' },
  { name: 'Markdown link with a relative target', contentType: 'text/markdown', content: '[settings](/options.html)' },
  { name: 'autolink javascript:', contentType: 'text/markdown', content: `<${js}>` },
  { name: 'autolink vbscript:', contentType: 'text/markdown', content: '<vbscript:msgbox(1)>' },
  { name: 'autolink data:', contentType: 'text/markdown', content: `<data:text/html,<script>${CANARY}</script>>` },
  ...both('bare javascript: text', `look: ${js} and javascript://example.com/%0a${CANARY}`),
  { name: 'raw anchor to javascript:', contentType: 'text/markdown', content: `<a href="${js}">x</a>` },
  // ── obfuscated schemes ──
  { name: 'scheme as decimal entities', contentType: 'text/markdown', content: `[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:${CANARY})` },
  { name: 'scheme as hex entities', contentType: 'text/markdown', content: `[x](&#x6A;avascript&#x3A;${CANARY})` },
  { name: 'scheme with a named colon entity', contentType: 'text/markdown', content: `[x](javascript&colon;${CANARY})` },
  { name: 'scheme with a tab', contentType: 'text/markdown', content: `[x](java\tscript:${CANARY})` },
  { name: 'scheme with an encoded tab', contentType: 'text/markdown', content: `[x](java&#9;script:${CANARY})` },
  { name: 'scheme with an encoded newline', contentType: 'text/markdown', content: `[x](java&#10;script:${CANARY})` },
  { name: 'scheme behind leading spaces and control characters', contentType: 'text/markdown', content: `[x]( \u0001\u0002javascript:${CANARY})` },
  { name: 'scheme percent-encoded', contentType: 'text/markdown', content: `[x](%6Aavascript:${CANARY})` },
  { name: 'scheme in angle brackets with spaces', contentType: 'text/markdown', content: `[x](<javascript :${CANARY}>)` },
  { name: 'scheme with a zero-width space', contentType: 'text/markdown', content: `[x](java\u200bscript:${CANARY})` },
  // ── SVG and MathML ──
  ...both('svg onload', `<svg onload="${CANARY}"></svg>`),
  { name: 'svg script', contentType: 'text/markdown', content: `<svg><script>${CANARY}</script></svg>` },
  { name: 'svg animate href', contentType: 'text/markdown', content: `<svg><a><animate attributeName="href" values="${js}"/><text y="20">x</text></a></svg>` },
  { name: 'svg use data:', contentType: 'text/markdown', content: `<svg><use href="data:image/svg+xml,<svg id=x onload=${CANARY}>#x"/></svg>` },
  { name: 'MathML link', contentType: 'text/markdown', content: `<math><mtext><a href="${js}">x</a></mtext></math>` },
  { name: 'MathML mutation (style in mglyph)', contentType: 'text/markdown', content: `<math><mtext><table><mglyph><style><img src=x onerror="${CANARY}">` },
  // ── CSS ──
  ...both('style tag', `<style>body{background:url("${js}")}</style>styled`),
  { name: 'style attribute with expression()', contentType: 'text/markdown', content: `<p style="width:expression(${CANARY})">x</p>` },
  { name: 'style attribute with url()', contentType: 'text/markdown', content: '<span style="background:url(https://tracker.example/p.png)">x</span>' },
  { name: 'link stylesheet', contentType: 'text/markdown', content: '<link rel="stylesheet" href="https://evil.example/x.css">' },
  // ── frames, objects, forms, meta, base ──
  { name: 'iframe srcdoc', contentType: 'text/markdown', content: `<iframe srcdoc="<script>parent.${CANARY}</script>"></iframe>` },
  { name: 'iframe javascript:', contentType: 'text/markdown', content: `<iframe src="${js}"></iframe>` },
  { name: 'object data', contentType: 'text/markdown', content: `<object data="${js}"></object>` },
  { name: 'embed src', contentType: 'text/markdown', content: `<embed src="${js}">` },
  { name: 'form with a javascript: action', contentType: 'text/markdown', content: `<form action="${js}"><button>Send</button></form>` },
  { name: 'button formaction', contentType: 'text/markdown', content: `<button formaction="${js}">x</button>` },
  { name: 'meta refresh', contentType: 'text/markdown', content: `<meta http-equiv="refresh" content="0;url=${js}">` },
  { name: 'base href', contentType: 'text/markdown', content: '<base href="https://evil.example/">[rel](x)' },
  // ── Markdown link tricks ──
  { name: 'reference link to javascript:', contentType: 'text/markdown', content: `[click][1]\n\n[1]: ${js}` },
  { name: 'reference link with a title', contentType: 'text/markdown', content: `[click][evil]\n\n[evil]: ${js} "Totally safe"` },
  { name: 'nested brackets', contentType: 'text/markdown', content: `[[x](https://ok.example)](${js})` },
  { name: 'link text holding a link', contentType: 'text/markdown', content: `[a [b](${js}) c](https://ok.example)` },
  { name: 'image to javascript:', contentType: 'text/markdown', content: `![x](${js})` },
  { name: 'image from the network (tracking pixel)', contentType: 'text/markdown', content: '![pixel](https://tracker.example/p.gif?agent=1)' },
  { name: 'image inside a link', contentType: 'text/markdown', content: `[![x](https://tracker.example/p.gif)](${js})` },
  { name: 'link title breaking out of the attribute', contentType: 'text/markdown', content: `[x](https://ok.example "a\\" onmouseover=\\"${CANARY}")` },
  { name: 'href breaking out of the attribute', contentType: 'text/markdown', content: `[x](https://ok.example/"onmouseover="${CANARY})` },
  { name: 'HTML inside link text', contentType: 'text/markdown', content: `[<img src=x onerror="${CANARY}">](https://ok.example)` },
  { name: 'HTML block after Markdown', contentType: 'text/markdown', content: `# Title\n\n<div>\n<img src=x onerror="${CANARY}">\n</div>` },
  { name: 'HTML in a code span is shown as code', contentType: 'text/markdown', content: `\`<img src=x onerror="${CANARY}">\`` },
  { name: 'noscript mutation', contentType: 'text/markdown', content: `<noscript><p title="</noscript><img src=x onerror=${CANARY}>">` },
  { name: 'template content', contentType: 'text/markdown', content: `<template><img src=x onerror="${CANARY}"></template>` },
  // ── oversized and malformed ──
  ...both('oversized (1 MB)', `${'A'.repeat(1024 * 1024 - 64)} <script>${CANARY}</script>`),
  { name: 'oversized Markdown of links', contentType: 'text/markdown', content: `[x](${js}) `.repeat(40_000) },
  { name: 'unbalanced tags', contentType: 'text/markdown', content: `<div><span><b>open <i>never closed <a href="${js}">` },
  { name: 'unclosed comment', contentType: 'text/markdown', content: `<!-- <img src=x onerror="${CANARY}">` },
  { name: 'CDATA trick', contentType: 'text/markdown', content: `<![CDATA[<img src=x onerror="${CANARY}">]]>` },
  ...both('null bytes', `a\u0000b <img src=x\u0000 onerror="${CANARY}"> [x](java\u0000script:${CANARY})`),
  ...both('RTL override', 'invoice\u202Efdp.exe \u202Ehttps://evil.example/\u202C'),
  { name: 'deeply nested lists', contentType: 'text/markdown', content: nested(5_000, '- ') },
  { name: 'deeply nested quotes', contentType: 'text/markdown', content: nested(10_000, '> ') },
  { name: 'deeply nested emphasis', contentType: 'text/markdown', content: nested(5_000, '*', '*') },
  { name: 'deeply nested brackets', contentType: 'text/markdown', content: nested(10_000, '[', ']') },
  { name: 'deeply nested HTML', contentType: 'text/markdown', content: nested(5_000, '<div>', '</div>') },
];

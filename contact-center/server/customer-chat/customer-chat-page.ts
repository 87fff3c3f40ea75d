// The HTML of the customer chat page (/chat/): a start form, then the conversation with its composer. Its text
// comes from customer-chat-strings.js (English and Japanese); the instance's queues, region and the attachment
// rules of lib/chat-rendering travel in a JSON block the page's script reads. No inline script, and a CSP that
// allows only this origin's scripts.

import { ALLOWED_ATTACHMENT_EXTENSIONS, ATTACHMENT_ACCEPT, checkAttachment, MAX_ATTACHMENT_BYTES } from '../../../lib/chat-rendering/attachment-rules';
import type { InstanceConfig } from '../../model';
import { escapeHtml } from '../http-kit';

/** Scripts from this origin only; ChatJS talks to this origin and to the loopback socket and attachment URLs. */
export const CUSTOMER_CHAT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' http://127.0.0.1:* ws://127.0.0.1:* http://localhost:* ws://localhost:*",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The extension → content type table, read from lib/chat-rendering's own check so the page cannot drift from it. */
function attachmentContentTypes(): Record<string, string> {
  const table: Record<string, string> = {};
  for (const extension of ALLOWED_ATTACHMENT_EXTENSIONS) {
    const check = checkAttachment({ name: `file.${extension}`, type: '', size: 1 });
    if (check.ok) table[extension] = check.contentType;
  }
  return table;
}

/** JSON that is safe inside a <script type="application/json"> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function pageConfig(config: InstanceConfig) {
  return {
    region: config.region,
    queues: config.queues.map((q) => ({ id: q.id, names: { en: q.names.en ?? q.name, ja: q.names.ja ?? q.name } })),
    attachments: { accept: ATTACHMENT_ACCEPT, maxBytes: MAX_ATTACHMENT_BYTES, contentTypes: attachmentContentTypes() },
  };
}

const STYLE = `
body{font-family:system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d2733}
header{display:flex;justify-content:space-between;align-items:baseline;gap:1rem;flex-wrap:wrap}header label{font-weight:600;margin-right:.4rem}
fieldset{border:1px solid #ccd4dd;border-radius:8px;padding:1rem 1.25rem}form label{display:block;margin:.6rem 0 .2rem;font-weight:600}
input,select,textarea{font:inherit;font-size:1rem;padding:.4rem;width:100%;box-sizing:border-box}header select{width:auto}
button{font-size:1rem;padding:.45rem 1.1rem;border-radius:4px;border:1px solid #0b6bcb;background:#0b6bcb;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b6bcb}button.link{background:none;border:none;color:#0b6bcb;text-decoration:underline;padding:0}
button:focus-visible,input:focus-visible,textarea:focus-visible,select:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.error{color:#b00020;min-height:1.5em}.hint{color:#52606d;font-size:.85rem;margin:.2rem 0}
#transcript{list-style:none;padding:0;margin:0;border:1px solid #ccd4dd;border-radius:8px;height:22rem;overflow-y:auto;background:#f7f9fb}
#transcript li{margin:.5rem .75rem}.message{max-width:80%;padding:.4rem .7rem;border-radius:8px;background:#fff;border:1px solid #e3e8ee}
.message.customer{margin-left:auto !important;background:#e5f1fc;border-color:#b8d7f5}.message .meta{margin:0;font-size:.8rem;color:#52606d}
.message .who{font-weight:600}.message .body.plain{white-space:pre-wrap;overflow-wrap:anywhere}.message .body p{margin:.2rem 0}
.message .receipt{margin:0;font-size:.75rem;color:#52606d;text-align:right}.message .receipt:empty{display:none}
.event{text-align:center;font-size:.85rem;color:#52606d}#typing{min-height:1.5em;font-style:italic;color:#52606d;margin:.3rem 0}
.tools{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;margin-top:.5rem}.tools label{margin:0;font-weight:600}.tools input[type=file]{width:auto}
#emoji-panel{display:grid;gap:.25rem;margin-top:.5rem;padding:.5rem;border:1px solid #ccd4dd;border-radius:8px;width:max-content}
#emoji-panel[hidden]{display:none}#emoji-panel [role=row]{display:flex;gap:.25rem}button.emoji{background:#fff;border:1px solid #e3e8ee;font-size:1.3rem;padding:.2rem .4rem;color:inherit}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

export function customerChatPage(config: InstanceConfig): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="icon" href="data:,"><title>Chat with us · Switchboard local contact center</title>
<style>${STYLE}</style></head><body>
<header><h1 data-i18n="title"></h1><div><label for="language" data-i18n="language"></label><select id="language"><option value="en" lang="en">English</option><option value="ja" lang="ja">日本語</option></select></div></header>
<p data-i18n="intro"></p>
<section id="start-view">
<form id="start-form" novalidate><fieldset><legend data-i18n="newChat"></legend>
<label for="name" data-i18n="nameLabel"></label><input id="name" name="name" autocomplete="name" maxlength="256" required>
<label for="queue" data-i18n="queueLabel"></label><select id="queue" name="queue"></select>
<label for="first-message" data-i18n="firstMessageLabel"></label><textarea id="first-message" name="first-message" rows="2"></textarea>
<button type="submit" id="start" data-i18n="startChat"></button>
<p id="start-status" role="status"></p><p id="start-error" class="error" role="alert"></p>
</fieldset></form>
</section>
<section id="chat-view" hidden aria-labelledby="chat-heading">
<h2 id="chat-heading" data-i18n="conversation"></h2>
<p id="connection-status" role="status"></p>
<ol id="transcript" tabindex="0" data-i18n-label="transcriptLabel"></ol>
<p id="typing"></p>
<div id="agent-announcer" class="visually-hidden" aria-live="polite"></div>
<form id="composer" novalidate>
<label for="message" data-i18n="messageLabel"></label>
<textarea id="message" name="message" rows="2" aria-describedby="composer-hint"></textarea>
<p id="composer-hint" class="hint" data-i18n="composerHint"></p>
<div class="tools">
<button type="submit" id="send" data-i18n="send"></button>
<button type="button" id="emoji-toggle" class="secondary" aria-expanded="false" aria-controls="emoji-panel" data-i18n="emoji"></button>
<label for="attachment" data-i18n="attach"></label><input type="file" id="attachment" name="attachment" accept="${escapeHtml(ATTACHMENT_ACCEPT)}" aria-describedby="attach-hint">
<button type="button" id="end-chat" class="secondary" data-i18n="endChat"></button>
</div>
<p id="attach-hint" class="hint"></p>
<div id="emoji-panel" role="grid" hidden></div>
<p id="composer-status" role="status"></p><p id="composer-error" class="error" role="alert"></p>
</form>
<div id="ended-view" hidden><p id="ended-message" data-i18n="ended"></p><button type="button" id="new-chat" data-i18n="newChatAgain"></button></div>
</section>
<script type="application/json" id="customer-chat-config">${scriptJson(pageConfig(config))}</script>
<script src="/chat/assets/amazon-connect-chat.js"></script>
<script type="module" src="/chat/assets/customer-chat-script.js"></script>
</body></html>`;
}

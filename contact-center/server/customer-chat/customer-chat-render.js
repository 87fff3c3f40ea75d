// Turns ChatJS items into the customer chat page's transcript entries. Agent Markdown goes through markdown-it
// (raw HTML off, images off, links only http(s) and mailto) and then DOMPurify against a small allow-list, which
// returns a DOM fragment (never innerHTML); links open in a new tab with rel="noopener noreferrer". Every other
// body, name and file name is set as text.

import markdownit from '/chat/assets/markdown-it.mjs';
import createDOMPurify from '/chat/assets/purify.mjs';

const EVENT_PREFIX = 'application/vnd.amazonaws.connect.event.';
/** Longer than any real message (Connect caps text at 1,024 characters): shown as text, not parsed. */
const MAX_MARKDOWN_LENGTH = 20000;
const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];
const LINK_TARGET = /^(?:https?:\/\/|mailto:)/i;
/** Characters browsers ignore inside a URL scheme ("java\tscript:"), removed before the scheme is checked. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;
/** Bidirectional controls that can disguise a file name ("invoice\u202Efdp.exe"). */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const markdown = markdownit('default', { html: false, linkify: true, breaks: true, typographer: false, maxNesting: 20 });
markdown.disable('image');
markdown.validateLink = (url) => LINK_TARGET.test(url.replace(IGNORED_IN_SCHEME, ''));

// The page's own DOMPurify instance, so that its hook is not shared with anything else.
const purifier = createDOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});
const PURIFY_CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href', 'title', 'start'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};

/** A name for display: bidirectional controls removed. */
export function displayName(name) {
  return String(name ?? '').replace(BIDI_CONTROLS, '');
}

/** The body of a message: Markdown rendered and sanitized for text/markdown, plain text for the rest. */
export function messageBody(contentType, content) {
  const body = document.createElement('div');
  body.className = 'body';
  const text = String(content ?? '');
  if (contentType === 'text/markdown' && text.length <= MAX_MARKDOWN_LENGTH) {
    body.classList.add('markdown');
    body.append(purifier.sanitize(markdown.render(text), PURIFY_CONFIG));
  } else {
    body.classList.add('plain');
    body.textContent = text;
  }
  return body;
}

/** Who an item is from, as the customer sees it. */
export function senderName(item, t) {
  if (item.ParticipantRole === 'CUSTOMER') return t('you');
  if (item.ParticipantRole === 'SYSTEM') return t('system');
  return displayName(item.DisplayName) || t('agent');
}

/** The sentence for an event item, or null for events the transcript does not show. */
export function eventText(item, t) {
  const kind = String(item.ContentType ?? '').slice(EVENT_PREFIX.length);
  const name = displayName(item.DisplayName) || t('agent');
  const byCustomer = item.ParticipantRole === 'CUSTOMER';
  switch (kind) {
    case 'participant.joined':
      return byCustomer ? null : t('joined', { name });
    case 'participant.left':
      return byCustomer ? t('youLeft') : t('left', { name });
    case 'transfer.succeeded':
      return t('transferred');
    case 'transfer.failed':
      return t('transferFailed');
    case 'chat.ended':
      return t('chatEnded');
    case 'participant.idle':
      return byCustomer ? null : t('idle', { name });
    case 'participant.returned':
      return byCustomer ? null : t('returned', { name });
    case 'participant.autodisconnection':
      return t('autoDisconnected', { name: byCustomer ? t('you') : name });
    default:
      return null;
  }
}

function timeOf(item, language) {
  const at = new Date(item.AbsoluteTime);
  return Number.isNaN(at.getTime()) ? '' : at.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
}

function header(item, ctx) {
  const head = document.createElement('p');
  head.className = 'meta';
  const who = document.createElement('span');
  who.className = 'who';
  who.textContent = senderName(item, ctx.t);
  const when = document.createElement('time');
  when.dateTime = String(item.AbsoluteTime ?? '');
  when.textContent = timeOf(item, ctx.language);
  head.append(who, ' ', when);
  return head;
}

function attachmentBody(item, ctx) {
  const body = document.createElement('div');
  body.className = 'body attachments';
  for (const attachment of item.Attachments ?? []) {
    const name = displayName(attachment.AttachmentName);
    if (attachment.Status === 'APPROVED') {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = ctx.t('download', { name });
      button.addEventListener('click', () => ctx.onDownload(attachment));
      body.append(button);
    } else {
      const note = document.createElement('span');
      note.textContent = ctx.t(attachment.Status === 'REJECTED' ? 'attachmentRejected' : 'attachmentScanning', { name });
      body.append(note);
    }
  }
  return body;
}

/**
 * The transcript entry (an <li>) for a ChatJS item, or null when it is not shown (typing, receipts, own joins).
 * `ctx` = { t, language, onDownload(attachment) }.
 */
export function transcriptEntry(item, ctx) {
  const entry = document.createElement('li');
  entry.dataset.id = String(item.Id ?? '');
  entry.dataset.time = String(item.AbsoluteTime ?? '');
  if (item.Type === 'EVENT') {
    const text = eventText(item, ctx.t);
    if (text === null) return null;
    entry.className = 'event';
    entry.textContent = text;
    return entry;
  }
  const role = item.ParticipantRole === 'CUSTOMER' ? 'customer' : item.ParticipantRole === 'SYSTEM' ? 'system' : 'agent';
  entry.className = `message ${role}`;
  entry.append(header(item, ctx));
  if (item.Type === 'ATTACHMENT') {
    entry.append(attachmentBody(item, ctx));
  } else if (item.Type === 'MESSAGE' && (item.ContentType === 'text/plain' || item.ContentType === 'text/markdown')) {
    entry.append(messageBody(item.ContentType, item.Content));
  } else if (item.Type === 'MESSAGE') {
    entry.append(messageBody('text/plain', ctx.t('unsupportedMessage', { type: item.ContentType })));
  } else {
    return null;
  }
  const receipt = document.createElement('p');
  receipt.className = 'receipt';
  entry.append(receipt);
  return entry;
}

/** What the live region says for an agent's message or file (plain text, never HTML). */
export function announcement(item, entry, t) {
  const name = senderName(item, t);
  if (item.Type === 'ATTACHMENT') return t('agentSentFile', { name, file: (item.Attachments ?? []).map((a) => displayName(a.AttachmentName)).join(', ') });
  return t('agentSays', { name, text: entry.querySelector('.body')?.textContent ?? '' });
}

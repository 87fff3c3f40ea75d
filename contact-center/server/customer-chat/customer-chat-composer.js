// The customer chat page's composer: Enter sends and Shift+Enter starts a line, but never while (or as) an IME
// composition ends, so Japanese input is safe; a small keyboard-usable emoji picker; and the attachment check
// against Amazon Connect's file types and 20 MB limit (the rules the server passes in from lib/chat-rendering).

/** The emoji the picker offers, with the string key of each one's accessible name. */
export const EMOJI = [
  ['😀', 'emoji.grin'], ['🙂', 'emoji.smile'], ['😂', 'emoji.joy'], ['😉', 'emoji.wink'], ['🤔', 'emoji.thinking'], ['🙁', 'emoji.sad'],
  ['😢', 'emoji.cry'], ['😠', 'emoji.angry'], ['👍', 'emoji.thumbsUp'], ['👎', 'emoji.thumbsDown'], ['👏', 'emoji.clap'], ['🙇', 'emoji.bow'],
  ['🙏', 'emoji.pray'], ['👌', 'emoji.ok'], ['❤️', 'emoji.heart'], ['🎉', 'emoji.tada'], ['✅', 'emoji.check'], ['❓', 'emoji.question'],
];
const EMOJI_COLUMNS = 6;

/**
 * Calls `send()` on Enter in `textarea` unless Shift is held or an IME is composing. Chromium and Firefox mark the
 * Enter that confirms a composition with isComposing (or keyCode 229); Safari sends it just after compositionend,
 * so an Enter in the same task as compositionend is also ignored.
 */
export function sendOnEnter(textarea, send) {
  let composing = false;
  textarea.addEventListener('compositionstart', () => {
    composing = true;
  });
  textarea.addEventListener('compositionend', () => {
    setTimeout(() => {
      composing = false;
    }, 0);
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    if (composing || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    send();
  });
}

/** Inserts `text` at the caret of `textarea` (replacing the selection) and tells listeners it changed. */
export function insertAtCaret(textarea, text) {
  const start = textarea.selectionStart ?? textarea.value.length;
  const end = textarea.selectionEnd ?? start;
  textarea.setRangeText(text, start, end, 'end');
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * The emoji picker: `toggle` opens `panel`, a grid of buttons with one tab stop; arrow keys, Home and End move,
 * Enter or Space inserts into `textarea`, Escape closes and gives focus back to the toggle. `labels()` re-reads
 * the names after a language switch.
 */
export function emojiPicker({ toggle, panel, textarea, t }) {
  const buttons = EMOJI.map(([emoji], index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'emoji';
    button.textContent = emoji;
    button.tabIndex = index === 0 ? 0 : -1;
    button.setAttribute('role', 'gridcell');
    button.addEventListener('click', () => {
      insertAtCaret(textarea, emoji);
      close(false);
      textarea.focus();
    });
    return button;
  });
  panel.replaceChildren();
  for (let row = 0; row < buttons.length; row += EMOJI_COLUMNS) {
    const line = document.createElement('div');
    line.setAttribute('role', 'row');
    line.append(...buttons.slice(row, row + EMOJI_COLUMNS));
    panel.append(line);
  }

  function focusAt(index) {
    const target = Math.max(0, Math.min(buttons.length - 1, index));
    for (const [i, button] of buttons.entries()) button.tabIndex = i === target ? 0 : -1;
    buttons[target].focus();
  }
  function open() {
    panel.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    focusAt(buttons.findIndex((b) => b.tabIndex === 0));
  }
  function close(refocus) {
    panel.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    if (refocus) toggle.focus();
  }
  toggle.addEventListener('click', () => (panel.hidden ? open() : close(false)));
  panel.addEventListener('keydown', (event) => {
    const index = buttons.indexOf(document.activeElement);
    const moves = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: EMOJI_COLUMNS, ArrowUp: -EMOJI_COLUMNS };
    if (event.key === 'Escape') close(true);
    else if (event.key in moves && index >= 0) focusAt(index + moves[event.key]);
    else if (event.key === 'Home') focusAt(0);
    else if (event.key === 'End') focusAt(buttons.length - 1);
    else return;
    event.preventDefault();
  });
  const labels = () => {
    panel.setAttribute('aria-label', t('emojiPanel'));
    for (const [i, button] of buttons.entries()) button.setAttribute('aria-label', t(EMOJI[i][1]));
  };
  labels();
  return { labels, close: () => close(false) };
}

/** The extension of a file name, lower case ('' when it has none). */
function extensionOf(name) {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * Whether `file` may be sent: `rules` = { contentTypes: { extension: MIME type }, maxBytes }. Answers
 * { ok: true, file } with the file re-typed as Connect expects it (browsers report '' for some types), or
 * { ok: false, reason: 'type' | 'empty' | 'size' }.
 */
export function checkFile(file, rules) {
  const contentType = Object.hasOwn(rules.contentTypes, extensionOf(file.name)) ? rules.contentTypes[extensionOf(file.name)] : undefined;
  if (!contentType) return { ok: false, reason: 'type' };
  if (file.size <= 0) return { ok: false, reason: 'empty' };
  if (file.size > rules.maxBytes) return { ok: false, reason: 'size' };
  return { ok: true, file: file.type === contentType ? file : new File([file], file.name, { type: contentType }) };
}

// The customer chat page's script: starts the chat through the same-origin POST /api/v1/chat/start, then plays the
// customer with the pinned amazon-connect-chatjs (a CUSTOMER session pointed at this origin, CSM telemetry off):
// transcript, messages, typing both ways, delivered/read receipts, attachments, end chat, and the page's two
// languages. Everything shown comes from customer-chat-render.js, which never inserts unsanitized HTML.

import { checkFile, emojiPicker, sendOnEnter } from '/chat/assets/customer-chat-composer.js';
import { announcement, displayName, senderName, transcriptEntry } from '/chat/assets/customer-chat-render.js';
import { defaultLanguage, translator } from '/chat/assets/customer-chat-strings.js';

const EVENT = 'application/vnd.amazonaws.connect.event.';
const TYPING = `${EVENT}typing`;
const READ = `${EVENT}message.read`;
const DELIVERED = `${EVENT}message.delivered`;
const CHAT_ENDED = `${EVENT}chat.ended`;
/** How long "… is typing" stays without a new typing event (ChatJS sends one at most every 10 s). */
const TYPING_SHOWN_MS = 12000;
/** Connect's limit for a text message. */
const MAX_MESSAGE_LENGTH = 1024;

const config = JSON.parse(document.getElementById('customer-chat-config').textContent);
const chatjs = window.connect.ChatSession;
const byId = (id) => document.getElementById(id);

let language = defaultLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
let current = translator(language);
const t = (key, params) => current(key, params);

// ChatJS's endpoint override is sticky and its clients are cached per region: set both once, before any chat.
chatjs.setGlobalConfig({
  region: config.region,
  endpoint: window.location.origin,
  loggerConfig: { level: chatjs.LogLevel.WARN },
  features: { messageReceipts: { shouldSendMessageReceipts: true, throttleTime: 1000 } },
});

/** The chat in progress: its ChatJS session and what the page knows of it. */
let chat = null;

function newChatState(session) {
  return { session, items: new Map(), receipts: new Map(), unread: [], ended: false, typingTimer: 0, lastTypingSent: 0 };
}

/** Sets a status line from a string key, remembered so that a language switch re-words it. */
function say(element, key, params = {}) {
  element.dataset.key = key ?? '';
  element.dataset.params = JSON.stringify(params);
  element.textContent = key ? t(key, params) : '';
}

const reasonOf = (error) => String(error?.message ?? error?.errorMessage ?? error?.error?.message ?? error ?? '');
const typeList = () => Object.keys(config.attachments.contentTypes).join(', ');

// ─────────────────────────────── language ───────────────────────────────

function fillQueues() {
  const select = byId('queue');
  const chosen = select.value;
  select.replaceChildren(
    ...config.queues.map((q) => {
      const option = document.createElement('option');
      option.value = q.id;
      option.textContent = q.names[language] ?? q.names.en;
      return option;
    }),
  );
  if (chosen) select.value = chosen;
}

function applyLanguage(next) {
  language = next;
  current = translator(next);
  document.documentElement.lang = next;
  document.title = t('pageTitle');
  byId('language').value = next;
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of document.querySelectorAll('[data-i18n-label]')) element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  for (const element of document.querySelectorAll('[data-key]')) say(element, element.dataset.key, JSON.parse(element.dataset.params || '{}'));
  byId('attach-hint').textContent = t('attachHint', { types: typeList() });
  fillQueues();
  picker.labels();
  if (chat) renderTranscript();
}

// ─────────────────────────────── transcript ───────────────────────────────

const entryContext = () => ({ t, language, onDownload: download });

function insertEntry(entry) {
  const list = byId('transcript');
  const later = [...list.children].find((li) => li.dataset.time > entry.dataset.time);
  list.insertBefore(entry, later ?? null);
  list.scrollTop = list.scrollHeight;
}

function renderTranscript() {
  byId('transcript').replaceChildren();
  for (const item of chat.items.values()) {
    const entry = transcriptEntry(item, entryContext());
    if (entry) insertEntry(entry);
  }
  showReceipts();
}

/** "Read" under the customer's last message the agent read; "Delivered" under a later one that only arrived. */
function showReceipts() {
  const own = [...chat.items.values()].filter((i) => i.ParticipantRole === 'CUSTOMER' && (i.Type === 'MESSAGE' || i.Type === 'ATTACHMENT'));
  own.sort((a, b) => (a.AbsoluteTime < b.AbsoluteTime ? -1 : 1));
  const lastRead = own.findLast((i) => chat.receipts.get(i.Id) === 'read');
  const lastDelivered = own.findLast((i) => chat.receipts.has(i.Id));
  for (const element of byId('transcript').querySelectorAll('.receipt')) element.textContent = '';
  const mark = (item, key) => {
    const receipt = item && byId('transcript').querySelector(`li[data-id="${CSS.escape(item.Id)}"] .receipt`);
    if (receipt) receipt.textContent = t(key);
  };
  mark(lastRead, 'read');
  if (lastDelivered && lastDelivered !== lastRead && (!lastRead || lastDelivered.AbsoluteTime > lastRead.AbsoluteTime)) mark(lastDelivered, 'delivered');
}

function noteReceipt(messageId, kind) {
  if (!messageId || chat.receipts.get(messageId) === 'read') return;
  chat.receipts.set(messageId, kind);
  showReceipts();
}

function announce(text) {
  const region = byId('agent-announcer');
  const line = document.createElement('p');
  line.textContent = text;
  region.append(line);
  while (region.childElementCount > 3) region.firstElementChild.remove();
}

function sendReceipt(item, kind) {
  if (!chat || chat.ended) return;
  Promise.resolve(chat.session.sendEvent({ contentType: kind === 'read' ? READ : DELIVERED, content: JSON.stringify({ messageId: item.Id }) })).catch(() => {});
}

/** Tells the agent its message arrived, and that it was read when the page is in view. */
function acknowledge(item) {
  sendReceipt(item, 'delivered');
  if (document.visibilityState === 'visible') sendReceipt(item, 'read');
  else chat.unread.push(item);
}

function addItem(item, live) {
  if (!chat || !item?.Id || chat.items.has(item.Id) || item.Type === 'MESSAGEMETADATA' || item.ContentType === TYPING) return;
  chat.items.set(item.Id, item);
  for (const receipt of item.MessageMetadata?.Receipts ?? []) {
    if (item.ParticipantRole === 'CUSTOMER') noteReceipt(item.Id, receipt.ReadTimestamp ? 'read' : 'delivered');
  }
  const entry = transcriptEntry(item, entryContext());
  if (entry) insertEntry(entry);
  showReceipts();
  const fromAgent = item.ParticipantRole !== 'CUSTOMER' && (item.Type === 'MESSAGE' || item.Type === 'ATTACHMENT');
  if (fromAgent) {
    hideTyping();
    if (live && entry) announce(announcement(item, entry, t));
    if (item.ParticipantRole !== 'SYSTEM') acknowledge(item);
  } else if (live && entry && item.Type === 'EVENT') {
    announce(entry.textContent);
  }
  if (item.ContentType === CHAT_ENDED) showEnded();
}

// ─────────────────────────────── typing ───────────────────────────────

function hideTyping() {
  if (!chat) return;
  clearTimeout(chat.typingTimer);
  say(byId('typing'), null);
}

function showTyping(data) {
  if (!chat || chat.ended || data.ParticipantRole === 'CUSTOMER') return;
  say(byId('typing'), 'typing', { name: senderName(data, t) });
  clearTimeout(chat.typingTimer);
  chat.typingTimer = setTimeout(hideTyping, TYPING_SHOWN_MS);
}

function customerTyped() {
  if (!chat || chat.ended || byId('message').value.trim() === '') return;
  // ChatJS itself sends at most one typing event every 10 s; this only spares it a call per keystroke.
  if (Date.now() - chat.lastTypingSent < 2000) return;
  chat.lastTypingSent = Date.now();
  Promise.resolve(chat.session.sendEvent({ contentType: TYPING })).catch(() => {});
}

// ─────────────────────────────── starting and ending ───────────────────────────────

function showView(view) {
  byId('start-view').hidden = view !== 'start';
  byId('chat-view').hidden = view === 'start';
  byId('composer').hidden = view !== 'chat';
  byId('ended-view').hidden = view !== 'ended';
}

// A reload keeps the chat: the participant's ids and token stay in this tab's sessionStorage (as Amazon Connect's
// hosted widget keeps them) until the chat ends, and the page reconnects with them (a new connection token, the
// transcript from GetTranscript).
const RESUME_KEY = 'switchboard.customerChat';

function rememberChat(started) {
  try {
    sessionStorage.setItem(RESUME_KEY, JSON.stringify({ ContactId: started.ContactId, ParticipantId: started.ParticipantId, ParticipantToken: started.ParticipantToken }));
  } catch {
    // Storage refused (a private window's quota): the chat still works, a reload just cannot resume it.
  }
}

function forgetChat() {
  try {
    sessionStorage.removeItem(RESUME_KEY);
  } catch {
    // nothing was kept
  }
}

function rememberedChat() {
  try {
    const kept = JSON.parse(sessionStorage.getItem(RESUME_KEY) ?? 'null');
    const valid = kept && ['ContactId', 'ParticipantId', 'ParticipantToken'].every((key) => typeof kept[key] === 'string' && kept[key] !== '');
    return valid ? kept : null;
  } catch {
    return null;
  }
}

function showEnded() {
  if (!chat || chat.ended) return;
  forgetChat();
  chat.ended = true;
  hideTyping();
  picker.close();
  say(byId('connection-status'), null);
  say(byId('composer-status'), null);
  showView('ended');
  byId('new-chat').focus();
}

async function openChat(started) {
  const session = chatjs.create({
    chatDetails: { ContactId: started.ContactId, ParticipantId: started.ParticipantId, ParticipantToken: started.ParticipantToken },
    type: chatjs.SessionTypes.CUSTOMER,
    options: { region: config.region },
    disableCSM: true,
  });
  chat = newChatState(session);
  const mine = chat;
  session.onMessage((event) => mine === chat && addItem(event.data, true));
  session.onTyping((event) => mine === chat && showTyping(event.data));
  session.onReadReceipt((event) => mine === chat && noteReceipt(event.data?.MessageMetadata?.MessageId, 'read'));
  session.onDeliveredReceipt((event) => mine === chat && noteReceipt(event.data?.MessageMetadata?.MessageId, 'delivered'));
  session.onConnectionEstablished(() => mine === chat && !chat.ended && say(byId('connection-status'), 'connected'));
  session.onConnectionBroken(() => mine === chat && !chat.ended && say(byId('connection-status'), 'connectionLost'));
  session.onConnectionLost(() => mine === chat && !chat.ended && say(byId('connection-status'), 'connectionLost'));
  session.onEnded(() => mine === chat && showEnded());
  byId('transcript').replaceChildren();
  showView('chat');
  say(byId('connection-status'), 'connecting');
  await session.connect();
  const transcript = await session.getTranscript({ maxResults: 100, sortOrder: 'ASCENDING', scanDirection: 'BACKWARD' });
  for (const item of transcript?.data?.Transcript ?? []) addItem(item, false);
  byId('message').focus();
}

byId('start-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = byId('name');
  const first = byId('first-message').value.trim();
  const error = byId('start-error');
  say(error, null);
  name.removeAttribute('aria-invalid');
  const problem = name.value.trim() === '' ? ['nameRequired'] : name.value.trim().length > 256 ? ['nameTooLong'] : first.length > MAX_MESSAGE_LENGTH ? ['messageTooLong', { count: first.length }] : null;
  if (problem) {
    say(error, ...problem);
    if (problem[0] !== 'messageTooLong') name.setAttribute('aria-invalid', 'true');
    (problem[0] === 'messageTooLong' ? byId('first-message') : name).focus();
    return;
  }
  const button = byId('start');
  button.disabled = true;
  say(byId('start-status'), 'starting');
  try {
    const response = await fetch('/api/v1/chat/start', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ displayName: name.value.trim(), queueId: byId('queue').value, ...(first ? { initialMessage: first } : {}), locale: language }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(response.status === 404 ? t('queueMissing') : (body.error?.message ?? `HTTP ${response.status}`));
    rememberChat(body);
    await openChat(body);
  } catch (failure) {
    say(error, chat ? 'connectFailed' : 'startFailed', { reason: reasonOf(failure) });
    if (chat) showView('start');
    chat = null;
    forgetChat();
  } finally {
    button.disabled = false;
    say(byId('start-status'), null);
  }
});

byId('end-chat').addEventListener('click', async () => {
  if (!chat || chat.ended) return;
  const button = byId('end-chat');
  button.disabled = true;
  say(byId('composer-status'), 'ending');
  try {
    await chat.session.disconnectParticipant();
    showEnded();
  } catch (failure) {
    say(byId('composer-error'), 'endFailed', { reason: reasonOf(failure) });
    say(byId('composer-status'), null);
  } finally {
    button.disabled = false;
  }
});

byId('new-chat').addEventListener('click', () => {
  forgetChat();
  chat = null;
  byId('transcript').replaceChildren();
  byId('first-message').value = '';
  say(byId('composer-error'), null);
  showView('start');
  byId('name').focus();
});

// ─────────────────────────────── composer ───────────────────────────────

async function sendMessage() {
  const box = byId('message');
  const text = box.value.trim();
  const error = byId('composer-error');
  if (!chat || chat.ended || text === '') return;
  if (text.length > MAX_MESSAGE_LENGTH) {
    say(error, 'messageTooLong', { count: text.length });
    return;
  }
  say(error, null);
  box.value = '';
  try {
    await chat.session.sendMessage({ contentType: 'text/plain', message: text });
  } catch (failure) {
    if (box.value === '') box.value = text;
    say(error, 'sendFailed', { reason: reasonOf(failure) });
  }
}

async function download(attachment) {
  const name = displayName(attachment.AttachmentName);
  try {
    const blob = await chat.session.downloadAttachment({ attachmentId: attachment.AttachmentId });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch (failure) {
    say(byId('composer-error'), 'downloadFailed', { name, reason: reasonOf(failure) });
  }
}

byId('attachment').addEventListener('change', async () => {
  const input = byId('attachment');
  const file = input.files?.[0];
  input.value = '';
  if (!file || !chat || chat.ended) return;
  const error = byId('composer-error');
  const status = byId('composer-status');
  const check = checkFile(file, config.attachments);
  if (!check.ok) {
    say(error, { type: 'badFileType', size: 'fileTooLarge', empty: 'fileEmpty' }[check.reason], { name: displayName(file.name), types: typeList() });
    return;
  }
  say(error, null);
  say(status, 'uploading', { name: displayName(file.name) });
  try {
    await chat.session.sendAttachment({ attachment: check.file });
    say(status, null);
  } catch (failure) {
    say(status, null);
    say(error, 'uploadFailed', { name: displayName(file.name), reason: reasonOf(failure) });
  }
});

byId('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  void sendMessage();
});
sendOnEnter(byId('message'), () => void sendMessage());
byId('message').addEventListener('input', customerTyped);
byId('language').addEventListener('change', (event) => applyLanguage(event.target.value));
document.addEventListener('visibilitychange', () => {
  if (!chat || document.visibilityState !== 'visible') return;
  for (const item of chat.unread.splice(0)) sendReceipt(item, 'read');
});

const picker = emojiPicker({ toggle: byId('emoji-toggle'), panel: byId('emoji-panel'), textarea: byId('message'), t });
/** After a reload: the chat this tab had open, reconnected, or the start form saying why it could not be. */
async function resumeRememberedChat() {
  const remembered = rememberedChat();
  if (!remembered) return;
  say(byId('start-status'), 'resuming');
  try {
    await openChat(remembered);
  } catch (failure) {
    forgetChat();
    chat = null;
    byId('transcript').replaceChildren();
    showView('start');
    say(byId('start-error'), 'resumeFailed', { reason: reasonOf(failure) });
  } finally {
    say(byId('start-status'), null);
  }
}

applyLanguage(language);
showView('start');
void resumeRememberedChat().finally(() => {
  document.body.dataset.ready = 'true';
});

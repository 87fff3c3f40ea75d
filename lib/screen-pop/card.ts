// The screen-pop card on a web page: a closed shadow root (the page cannot read the customer's data nor
// restyle it), fixed bottom-right, at most 360 px wide; closes with its button or Escape, and collapses to a
// small pill after 20 s so it never covers the page's own controls for long. Links open in a new tab.
import type { ScreenPopCard, ScreenPopProfile } from './card-message';
import { SCREEN_POP_Z_INDEX } from '../page-layers';

/** Translated texts the card shows (browser.i18n in the content script; plain strings in tests). */
export interface CardTexts {
  title: string;
  /** The heading for a chat. */
  chatTitle: string;
  close: string;
  expand: string;
  unknownCaller: string;
  queue: string;
  openRecord: string;
  openCases: string;
  noOpenCases: string;
  search: string;
  /** "3 customers have this number", given the count. */
  severalMatches: (count: number) => string;
}

export interface CardTimers {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export const COLLAPSE_AFTER_MS = 20_000;

const STYLE = `
:host{all:initial}
.card{position:fixed;right:16px;bottom:16px;z-index:${SCREEN_POP_Z_INDEX};box-sizing:border-box;width:min(360px,calc(100vw - 32px));max-height:min(70vh,520px);overflow:auto;
 background:#fff;color:#1d2433;border:1px solid #c8d0dc;border-radius:10px;box-shadow:0 8px 28px rgba(0,0,0,.22);font:13px/1.45 system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;padding:12px 14px}
.head{display:flex;align-items:center;gap:8px;margin-bottom:6px}.head h2{font-size:12px;font-weight:600;color:#5a6577;margin:0;flex:1;text-transform:uppercase;letter-spacing:.04em}
button{font:inherit;cursor:pointer;border:0;background:transparent;color:#4a5568;border-radius:6px;padding:2px 6px}button:hover{background:#eef1f5}
.name{font-size:16px;font-weight:600;margin:0}.number{font-size:14px;margin:2px 0 6px}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:6px 0}dt{color:#5a6577}dd{margin:0;word-break:break-word}
ul{margin:4px 0 0;padding-left:18px}a{color:#0b57d0}.muted{color:#6b7588}.profile{border-top:1px solid #e6e9ef;padding-top:6px;margin-top:6px}
.pill{position:fixed;right:16px;bottom:16px;z-index:${SCREEN_POP_Z_INDEX};font:600 12px/1 system-ui,sans-serif;background:#17324d;color:#fff;border-radius:999px;padding:8px 12px;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.pill:hover{background:#24496e}`;

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: { text?: string; className?: string } = {}, children: Node[] = []): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (props.text !== undefined) el.textContent = props.text;
  if (props.className) el.className = props.className;
  for (const child of children) el.append(child);
  return el;
}

/** A link that opens in a new tab, only for http(s) URLs (a card never carries javascript: links). */
function link(doc: Document, href: string | null, text: string): Node {
  if (!href || !/^https?:\/\//i.test(href)) return doc.createTextNode(text);
  const a = element(doc, 'a', { text });
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

function profileSection(doc: Document, profile: ScreenPopProfile, texts: CardTexts, withName: boolean): HTMLElement {
  const section = element(doc, 'div', { className: 'profile' });
  if (withName) section.append(element(doc, 'p', { className: 'name' }, [link(doc, profile.recordUrl, profile.name)]));
  if (profile.cases.length === 0) {
    section.append(element(doc, 'p', { className: 'muted', text: texts.noOpenCases }));
  } else {
    section.append(element(doc, 'div', { text: texts.openCases }));
    const list = element(doc, 'ul');
    for (const c of profile.cases) list.append(element(doc, 'li', {}, [link(doc, c.url, c.reference), doc.createTextNode(` ${c.title}`)]));
    section.append(list);
  }
  if (profile.recordUrl && !withName) section.append(element(doc, 'p', {}, [link(doc, profile.recordUrl, texts.openRecord)]));
  return section;
}

/** Builds the card's content (tests render it in a plain element). */
export function renderCardContent(doc: Document, card: ScreenPopCard, texts: CardTexts): HTMLElement {
  const body = element(doc, 'div', { className: 'body' });
  const [only] = card.profiles;
  const several = card.profiles.length > 1;
  const name = card.profiles.length === 1 && only ? only.name : several ? texts.severalMatches(card.profiles.length) : (card.customerName ?? texts.unknownCaller);
  body.append(element(doc, 'p', { className: 'name', text: name }));
  if (card.phoneNumberDisplay) body.append(element(doc, 'p', { className: 'number', text: card.phoneNumberDisplay }));
  const details = element(doc, 'dl');
  if (card.queueName) details.append(element(doc, 'dt', { text: texts.queue }), element(doc, 'dd', { text: card.queueName }));
  for (const [key, value] of Object.entries(card.attributes)) details.append(element(doc, 'dt', { text: key }), element(doc, 'dd', { text: value }));
  if (details.childElementCount > 0) body.append(details);
  for (const profile of card.profiles) body.append(profileSection(doc, profile, texts, several));
  if (card.profiles.length === 0 && card.searchUrl) body.append(element(doc, 'p', {}, [link(doc, card.searchUrl, texts.search)]));
  return body;
}

export interface ShownCard {
  /** Removes the card from the page. */
  remove(): void;
  readonly collapsed: boolean;
}

/** Shows `card` on the page (replacing a card shown before by the same `host`'s owner). */
export function showCard(doc: Document, card: ScreenPopCard, texts: CardTexts, timers: CardTimers): ShownCard {
  const host = doc.createElement('switchboard-screen-pop');
  const root = host.attachShadow({ mode: 'closed' });
  const style = element(doc, 'style', { text: STYLE });
  const panel = element(doc, 'section', { className: 'card' });
  const title = card.channel === 'chat' ? texts.chatTitle : texts.title;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', title);
  const close = element(doc, 'button', { text: '×' });
  close.setAttribute('aria-label', texts.close);
  panel.append(element(doc, 'div', { className: 'head' }, [element(doc, 'h2', { text: title }), close]), renderCardContent(doc, card, texts));
  const pill = element(doc, 'button', { className: 'pill', text: card.profiles.length === 1 ? (card.profiles[0]?.name ?? texts.expand) : texts.expand });
  pill.title = texts.expand;
  pill.hidden = true;
  root.append(style, panel, pill);
  (doc.body ?? doc.documentElement).append(host);

  let collapsed = false;
  let timer: number | null = null;
  const collapse = () => {
    collapsed = true;
    panel.hidden = true;
    pill.hidden = false;
  };
  const expand = () => {
    collapsed = false;
    panel.hidden = false;
    pill.hidden = true;
    scheduleCollapse();
  };
  function scheduleCollapse() {
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(collapse, COLLAPSE_AFTER_MS);
  }
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !collapsed) remove();
  };
  function remove() {
    if (timer !== null) timers.clearTimeout(timer);
    doc.removeEventListener('keydown', onKey, true);
    host.remove();
  }
  close.addEventListener('click', remove);
  pill.addEventListener('click', expand);
  doc.addEventListener('keydown', onKey, true);
  scheduleCollapse();
  return {
    remove,
    get collapsed() {
      return collapsed;
    },
  };
}

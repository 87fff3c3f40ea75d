// Case links (F30) on a CRM page, drawn without rewriting the page: case references stay the page's own text
// nodes, kept as offsets and drawn with a CSS Custom Highlight (`::highlight(switchboard-case-reference)`);
// everything Switchboard adds is in ONE host element on the document element with a closed shadow root: the
// open-case badges next to the customer's phone numbers and email addresses, and the card (case-card.ts) shown
// under the reference the pointer is on, with "Open <reference>" and "Link current call".
//
// Why an overlay and not links wrapped around the text: React, Angular and Lightning own their text nodes and
// reconcile them; splitting a node or inserting elements between the framework's nodes breaks the next render
// (and a page can read or restyle anything inserted in the open). An absolutely positioned layer in a closed
// shadow root touches none of the page's nodes, cannot be read or clicked by page scripts, and goes away with
// one `remove()`. The price: positions are recomputed after layout changes (resize, mutations), and a badge next
// to an element inside a scrolled inner container does not follow that container's scrolling.
//
// A trusted click on a reference that is not already inside the page's own link opens its case like a link
// (Ctrl/Cmd/Shift or the middle button: a new tab). Changed parts of the page are rescanned once per animation
// frame, only the subtrees that changed.
import type { CrmSiteRule } from '../crm-rules/crm-rule';
import { CaseCard, isWebUrl, type CaseLinksTexts } from './case-card';
import type { CaseLinksLinkAnswer, CaseLinksLookupAnswer, CaseLinksLookupRequest, CaseLinkTarget } from './case-links-message';
import { liveRangeOver, registerHighlight } from '../click-to-dial/text-marks';
import { PAGE_MARKS_Z_INDEX } from '../page-layers';
import { findIdentifiers, scanCaseReferences, type PageCaseReference, type PageIdentifier } from './find-case-references';

export const CASE_LINKS_TAG = 'switchboard-case-links';
export const CASE_REFERENCE_HIGHLIGHT = 'switchboard-case-reference';

const HIGHLIGHT_CSS = `::highlight(${CASE_REFERENCE_HIGHLIGHT}) { text-decoration: underline solid #0b57d0 2px; color: #0b57d0; }`;

const OVERLAY_CSS = `
:host { all: initial; }
.badge { position: absolute; box-sizing: border-box; min-width: 18px; height: 18px; padding: 0 5px; border-radius: 9px;
  font: 700 11px/18px system-ui, sans-serif; text-align: center; color: #fff; background: #b3261e; pointer-events: auto; cursor: default; }
.card { position: absolute; box-sizing: border-box; display: flex; flex-direction: column; gap: 6px; min-width: 180px; max-width: 300px;
  padding: 8px 10px; border: 1px solid #c8d0dc; border-radius: 8px; background: #fff; color: #1d2433; pointer-events: auto;
  box-shadow: 0 6px 20px rgba(0, 0, 0, .2); font: 13px/1.4 system-ui, "Hiragino Sans", "Noto Sans JP", sans-serif; }
.card[hidden] { display: none; }
a { color: #0b57d0; font-weight: 600; } a:not([href]) { color: #5a6577; }
button { all: initial; box-sizing: border-box; cursor: pointer; font: 600 12px/1.2 system-ui, sans-serif; color: #fff; background: #1a73e8;
  border-radius: 12px; padding: 5px 10px; text-align: center; }
button:disabled { background: #8ab4f8; cursor: default; } button:focus-visible { outline: 2px solid #0b3d91; outline-offset: 1px; }
.message { margin: 0; font-size: 12px; } .message:empty { display: none; }
.message[data-state="error"] { color: #b3261e; } .message[data-state="linked"] { color: #188038; }
`;

/** Host styles set inline with !important, so page stylesheets do not hide or move the overlay. */
const HOST_STYLE = ['all:initial', 'position:absolute', 'left:0', 'top:0', 'width:0', 'height:0', 'overflow:visible', `z-index:${PAGE_MARKS_Z_INDEX}`, 'display:block', 'pointer-events:none']
  .map((rule) => `${rule} !important`)
  .join(';');

export interface CaseLinksPageOptions {
  rule: Pick<CrmSiteRule, 'caseReferencePattern' | 'recordSelectors'>;
  texts: CaseLinksTexts;
  lookUp(request: Omit<CaseLinksLookupRequest, 'type'>): Promise<CaseLinksLookupAnswer>;
  linkCurrentCall(reference: string): Promise<CaseLinksLinkAnswer>;
  /** `event.isTrusted` unless replaced (DOM tests cannot make a trusted event). */
  isUserGesture?: (event: Event) => boolean;
  /** Opens a case page (default: this tab, or a new one). */
  navigate?: (url: string, newTab: boolean) => void;
}

export interface CaseLinksPage {
  /** Finishes the scan and lookup in progress (tests and benchmarks wait on it). */
  settled(): Promise<void>;
  stop(): void;
}

type PageWindow = Window & typeof globalThis & { StaticRange?: typeof StaticRange };
type DocumentWithCaret = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

const identifierKey = (kind: string, value: string) => `${kind}\u0000${value}`;

function rectsOf(reference: PageCaseReference): DOMRect[] {
  if (reference.end > reference.node.length) return [];
  return [...liveRangeOver(reference.node, reference.start, reference.end).getClientRects()];
}

const contains = (rect: DOMRect, x: number, y: number, margin = 1) => x >= rect.left - margin && x <= rect.right + margin && y >= rect.top - margin && y <= rect.bottom + margin;

export function startCaseLinks(doc: Document, options: CaseLinksPageOptions): CaseLinksPage {
  const view = (doc.defaultView ?? window) as PageWindow;
  const isUserGesture = options.isUserGesture ?? ((event: Event) => event.isTrusted);
  const navigate =
    options.navigate ??
    ((url: string, newTab: boolean) => {
      if (newTab) view.open(url, '_blank', 'noopener');
      else view.location.assign(url);
    });
  const pattern = options.rule.caseReferencePattern;

  // ── the overlay ─────────────────────────────────────────────────────────────────────────────────────────────
  const host = doc.createElement(CASE_LINKS_TAG);
  host.setAttribute('style', HOST_STYLE);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = OVERLAY_CSS;
  const card = new CaseCard(doc, { texts: options.texts, linkCurrentCall: options.linkCurrentCall, isUserGesture });
  root.append(style, card.element);
  doc.documentElement.append(host);

  // Where the page froze adoptedStyleSheets the references are not drawn, but still open on click and hover.
  const registered = registerHighlight(doc, CASE_REFERENCE_HIGHLIGHT, HIGHLIGHT_CSS);
  const highlight = registered?.highlight ?? null;

  // ── what was found, and what the worker said about it ─────────────────────────────────────────────────────
  const referencesByNode = new Map<Text, PageCaseReference[]>();
  const identifiers = new Map<Element, PageIdentifier>();
  const badges = new Map<Element, HTMLElement>();
  /** Looked-up references: the target, or null when the contact center has no such case. */
  const targets = new Map<string, CaseLinkTarget | null>();
  /** Looked-up identifiers: the open-case count. */
  const openCases = new Map<string, number>();
  let stopped = false;
  let working: Promise<void> = Promise.resolve();

  function linked(reference: PageCaseReference): CaseLinkTarget | null {
    const target = targets.get(reference.reference);
    return target && isWebUrl(target.url) ? target : null;
  }

  function scan(subtree: Node): void {
    for (const reference of scanCaseReferences(subtree, pattern, CASE_LINKS_TAG)) {
      const list = referencesByNode.get(reference.node) ?? [];
      if (!list.some((r) => r.start === reference.start)) list.push(reference);
      referencesByNode.set(reference.node, list);
    }
    if (subtree.nodeType === 1 || subtree.nodeType === 9) {
      for (const identifier of findIdentifiers(subtree as Element | Document, options.rule.recordSelectors, CASE_LINKS_TAG)) identifiers.set(identifier.element, identifier);
    }
  }

  function forget(subtree: Node): void {
    for (const node of referencesByNode.keys()) if (!node.isConnected || subtree.contains(node)) referencesByNode.delete(node);
    for (const element of identifiers.keys()) {
      if (element.isConnected && !subtree.contains(element)) continue;
      identifiers.delete(element);
      badges.get(element)?.remove();
      badges.delete(element);
    }
  }

  async function lookUpUnknown(): Promise<void> {
    const references = new Set<string>();
    for (const list of referencesByNode.values()) for (const r of list) if (!targets.has(r.reference)) references.add(r.reference);
    const phones = new Set<string>();
    const emails = new Set<string>();
    for (const { kind, value } of identifiers.values()) {
      if (openCases.has(identifierKey(kind, value))) continue;
      (kind === 'phone' ? phones : emails).add(value);
    }
    if (references.size === 0 && phones.size === 0 && emails.size === 0) return;
    const answer = await options.lookUp({ references: [...references].slice(0, 50), phones: [...phones].slice(0, 50), emails: [...emails].slice(0, 50) });
    if (!answer.ok) return; // signed out or unreachable: nothing is drawn, and the next change asks again
    for (const reference of references) targets.set(reference, null);
    for (const target of answer.cases) targets.set(target.reference, target);
    for (const { kind, value, openCases: count } of answer.identifiers) openCases.set(identifierKey(kind, value), count);
  }

  function draw(): void {
    if (stopped) return;
    if (highlight) {
      highlight.clear();
      const StaticRangeOfPage = view.StaticRange;
      for (const list of referencesByNode.values()) {
        for (const reference of list) {
          if (!linked(reference) || !StaticRangeOfPage) continue;
          highlight.add(new StaticRangeOfPage({ startContainer: reference.node, startOffset: reference.start, endContainer: reference.node, endOffset: reference.end }));
        }
      }
    }
    for (const [element, identifier] of identifiers) {
      const count = openCases.get(identifierKey(identifier.kind, identifier.value)) ?? 0;
      let badge = badges.get(element);
      if (count < 1) {
        badge?.remove();
        badges.delete(element);
        continue;
      }
      if (!badge) {
        badge = doc.createElement('span');
        badge.className = 'badge';
        badge.dataset.kind = identifier.kind;
        badge.dataset.value = identifier.value;
        root.append(badge);
        badges.set(element, badge);
      }
      badge.textContent = String(count);
      badge.title = options.texts.openCases(count);
      badge.setAttribute('aria-label', options.texts.openCases(count));
      const rect = element.getBoundingClientRect();
      badge.hidden = rect.width === 0 && rect.height === 0;
      badge.style.left = `${Math.round(rect.right + view.scrollX + 4)}px`;
      badge.style.top = `${Math.round(rect.top + view.scrollY + (rect.height - 18) / 2)}px`;
    }
  }

  /** Scans `subtrees` (after forgetting what they held), looks up what is new, and draws. Runs one at a time. */
  function update(subtrees: Node[]): Promise<void> {
    working = working.then(async () => {
      if (stopped) return;
      for (const subtree of subtrees) {
        forget(subtree);
        if (subtree.isConnected) scan(subtree);
      }
      try {
        await lookUpUnknown();
      } finally {
        draw();
      }
    });
    return working;
  }

  // ── pointer: the card under the hovered reference, and clicks on references ──────────────────────────────────
  function referenceAt(x: number, y: number): { reference: PageCaseReference; rect: DOMRect } | null {
    const caretDoc = doc as DocumentWithCaret;
    let node: Node | null = null;
    let offset = 0;
    if (typeof caretDoc.caretPositionFromPoint === 'function') {
      const caret = caretDoc.caretPositionFromPoint(x, y);
      node = caret?.offsetNode ?? null;
      offset = caret?.offset ?? 0;
    } else {
      const range = caretDoc.caretRangeFromPoint?.(x, y);
      node = range?.startContainer ?? null;
      offset = range?.startOffset ?? 0;
    }
    if (!node || node.nodeType !== 3) return null;
    for (const reference of referencesByNode.get(node as Text) ?? []) {
      if (offset < reference.start || offset > reference.end || !linked(reference)) continue;
      const rect = rectsOf(reference).find((r) => contains(r, x, y));
      if (rect) return { reference, rect };
    }
    return null;
  }

  let anchor: DOMRect | null = null;
  let pending: { x: number; y: number } | null = null;
  let frameRequested = false;
  const hover = () => {
    frameRequested = false;
    if (!pending || stopped) return;
    const { x, y } = pending;
    pending = null;
    const hit = referenceAt(x, y);
    const target = hit ? linked(hit.reference) : null;
    if (hit && target) {
      anchor = hit.rect;
      card.show(target, hit.rect.left + view.scrollX, hit.rect.bottom + view.scrollY + 2);
      return;
    }
    if (!card.shown || !anchor) return;
    // Moving from the reference to the card: keep it while the pointer is on either, or between them.
    const cardRect = card.element.getBoundingClientRect();
    const left = Math.min(anchor.left, cardRect.left);
    const right = Math.max(anchor.right, cardRect.right);
    const top = Math.min(anchor.top, cardRect.top);
    const bottom = Math.max(anchor.bottom, cardRect.bottom);
    if (x >= left - 4 && x <= right + 4 && y >= top - 4 && y <= bottom + 4) return;
    card.hide();
    anchor = null;
  };
  const onPointerMove = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    pending = { x: event.clientX, y: event.clientY };
    if (!frameRequested) {
      frameRequested = true;
      view.requestAnimationFrame(hover);
    }
  };
  const onClick = (event: MouseEvent) => {
    if (!isUserGesture(event) || event.target === host || (event.button !== 0 && event.button !== 1)) return;
    const selection = view.getSelection();
    if (selection && !selection.isCollapsed) return; // the agent selected text, not a link
    const hit = referenceAt(event.clientX, event.clientY);
    const target = hit && !hit.reference.inLink ? linked(hit.reference) : null;
    if (!target?.url) return;
    event.preventDefault();
    event.stopPropagation();
    navigate(target.url, event.button === 1 || event.ctrlKey || event.metaKey || event.shiftKey);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && card.shown) card.hide();
  };

  // ── changes to the page ─────────────────────────────────────────────────────────────────────────────────────
  let changed = new Set<Node>();
  let changeFrameRequested = false;
  const flushChanges = () => {
    changeFrameRequested = false;
    const subtrees = [...changed];
    changed = new Set();
    // Only the outermost changed subtrees: a node inside another one is scanned with it.
    const outermost = subtrees.filter((node) => !subtrees.some((other) => other !== node && other.contains(node)));
    if (outermost.length > 0) void update(outermost);
  };
  const observer = new view.MutationObserver((records) => {
    for (const record of records) {
      const target = record.target;
      if (target === host || host.contains(target)) continue;
      // A changed text node or child list: rescan its element (a text node's references move with its text).
      const subtree = target.nodeType === 3 ? target.parentNode : target;
      if (subtree) changed.add(subtree);
    }
    if (changed.size > 0 && !changeFrameRequested) {
      changeFrameRequested = true;
      view.requestAnimationFrame(flushChanges);
    }
  });
  const onResize = () => draw();
  // Badges are placed in page coordinates: a layout change (an image loading, a panel opening) moves them.
  const layoutObserver = view.ResizeObserver ? new view.ResizeObserver(() => draw()) : null;

  doc.addEventListener('pointermove', onPointerMove, { capture: true, passive: true });
  doc.addEventListener('click', onClick, { capture: true });
  doc.addEventListener('auxclick', onClick, { capture: true });
  doc.addEventListener('keydown', onKey, { capture: true });
  view.addEventListener('resize', onResize);
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  if (doc.body) layoutObserver?.observe(doc.body);
  const first = update([doc.body ?? doc.documentElement]);

  return {
    settled: async () => {
      await first;
      await working;
    },
    stop() {
      stopped = true;
      observer.disconnect();
      layoutObserver?.disconnect();
      doc.removeEventListener('pointermove', onPointerMove, { capture: true });
      doc.removeEventListener('click', onClick, { capture: true });
      doc.removeEventListener('auxclick', onClick, { capture: true });
      doc.removeEventListener('keydown', onKey, { capture: true });
      view.removeEventListener('resize', onResize);
      registered?.unregister();
      host.remove();
    },
  };
}

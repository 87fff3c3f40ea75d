// Marking the numbers the scanner found without touching the page's nodes: one CSS Custom Highlight
// (`::highlight(switchboard-phone)`), styled by a constructed stylesheet appended to the document's adopted
// sheets. Only numbers near the viewport are in the highlight (an IntersectionObserver on their parent
// elements): Chrome's cost to paint a highlight grows with its range count, and a page of 12,500 numbers made
// every frame take hundreds of ms. Where the Highlight API is missing nothing is drawn (hovering a number still
// shows the dial button).
import type { PageNumber, PageScannerListener } from './page-scanner';

export const HIGHLIGHT_NAME = 'switchboard-phone';

const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}) { text-decoration: underline dotted #1a73e8 2px; background-color: rgba(26, 115, 232, 0.08); }`;

interface HighlightRegistryLike {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}
interface HighlightLike {
  add(range: AbstractRange): void;
  delete(range: AbstractRange): void;
  readonly size: number;
}
type HighlightConstructor = new () => HighlightLike;

export interface Highlighter extends PageScannerListener {
  /** Whether the page's browser draws highlights. */
  readonly drawing: boolean;
  /** How many ranges are in the highlight now (the numbers near the viewport). */
  readonly highlighted: number;
  stop(): void;
}

export function createHighlighter(document: Document): Highlighter {
  const view = document.defaultView as
    | (Window & { Highlight?: HighlightConstructor; CSS?: { highlights?: HighlightRegistryLike }; IntersectionObserver?: typeof IntersectionObserver })
    | null;
  const registry = view?.CSS?.highlights;
  const HighlightOfPage = view?.Highlight;
  const IntersectionObserverOfPage = view?.IntersectionObserver;
  if (!registry || !HighlightOfPage || !IntersectionObserverOfPage) {
    return { drawing: false, highlighted: 0, added: () => undefined, removed: () => undefined, stop: () => undefined };
  }
  const highlight = new HighlightOfPage();
  registry.set(HIGHLIGHT_NAME, highlight);
  let sheet: CSSStyleSheet | null = null;
  try {
    sheet = new (view as unknown as { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    sheet = null; // a page that froze adoptedStyleSheets: ranges are kept, just not drawn
  }

  const byElement = new Map<Element, Set<PageNumber>>();
  const visible = new Set<Element>();
  const observer = new IntersectionObserverOfPage(
    (entries) => {
      for (const entry of entries) {
        const numbers = byElement.get(entry.target);
        if (!numbers) continue;
        if (entry.isIntersecting) {
          visible.add(entry.target);
          numbers.forEach((n) => highlight.add(n.range));
        } else {
          visible.delete(entry.target);
          numbers.forEach((n) => highlight.delete(n.range));
        }
      }
    },
    { rootMargin: '200px' },
  );

  return {
    drawing: sheet !== null,
    get highlighted() {
      return highlight.size;
    },
    added: (numbers) => {
      for (const number of numbers) {
        const element = number.node.parentElement;
        if (!element) continue;
        let set = byElement.get(element);
        if (!set) {
          set = new Set();
          byElement.set(element, set);
          observer.observe(element);
        }
        set.add(number);
        if (visible.has(element)) highlight.add(number.range);
      }
    },
    removed: (numbers) => {
      for (const number of numbers) {
        highlight.delete(number.range);
        const element = number.node.parentElement;
        const set = element ? byElement.get(element) : undefined;
        if (!element || !set) continue;
        set.delete(number);
        if (!set.size) {
          byElement.delete(element);
          visible.delete(element);
          observer.unobserve(element);
        }
      }
    },
    stop: () => {
      observer.disconnect();
      registry.delete(HIGHLIGHT_NAME);
      if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

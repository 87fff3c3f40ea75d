// What marking text on a page without touching its nodes needs, shared by click-to-dial (numbers) and case links
// (case references): a CSS Custom Highlight registered under a name, with its `::highlight` rule adopted as a
// stylesheet unless the content script's manifest injects it already; and a live Range over part of a text node.
export interface HighlightLike {
  add(range: AbstractRange): void;
  delete(range: AbstractRange): void;
  clear(): void;
  readonly size: number;
}
interface HighlightRegistryLike {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}
type PageWithHighlights = Window & { Highlight?: new () => HighlightLike; CSS?: { highlights?: HighlightRegistryLike }; CSSStyleSheet: typeof CSSStyleSheet };

export interface RegisteredHighlight {
  highlight: HighlightLike;
  /** False when the rule could not be adopted (a page that froze adoptedStyleSheets): ranges are kept, not drawn. */
  styled: boolean;
  /** Takes the highlight and its adopted rule off the page. */
  unregister(): void;
}

/**
 * Registers a highlight called `name`; `css` is its rule to adopt, or null when the manifest injects it (adopting a
 * `::highlight` rule into a built page restyles every element once). Null where the Highlight API is missing.
 */
export function registerHighlight(document: Document, name: string, css: string | null): RegisteredHighlight | null {
  const view = document.defaultView as PageWithHighlights | null;
  const registry = view?.CSS?.highlights;
  if (!view || !registry || !view.Highlight) return null;
  const highlight = new view.Highlight();
  registry.set(name, highlight);
  let sheet: CSSStyleSheet | null = null;
  if (css !== null) {
    try {
      sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    } catch {
      sheet = null;
    }
  }
  return {
    highlight,
    styled: css === null || sheet !== null,
    unregister: () => {
      registry.delete(name);
      if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

/** A live Range over `start`-`end` of the text node's text, cut to the text: unlike a StaticRange, a live one
 *  refuses offsets past the text, which may have changed since it was scanned (its rescan is still queued). */
export function liveRangeOver(node: Text, start: number, end: number): Range {
  const live = node.ownerDocument.createRange();
  live.setStart(node, Math.min(start, node.length));
  live.setEnd(node, Math.min(end, node.length));
  return live;
}

// Marking the numbers the scanner found without touching the page's nodes: one CSS Custom Highlight
// (`::highlight(switchboard-phone)`) holding only the numbers near the viewport, because Chrome's cost to paint
// a highlight grows with its range count (12,500 ranges made every frame take hundreds of ms).
//
// Which numbers are near the viewport is worked out here, not by an IntersectionObserver: observing one element
// per number cost 10-30 ms of every frame during the scan and 100-300 ms of every scrolled frame on a page of
// 12,500 numbers. Instead each number's box is read once, in idle slices, and kept in page coordinates, sorted
// by top; a scroll looks up the numbers in the new viewport by binary search and reads only their boxes (and
// the shown ones'). Boxes go stale when the layout changes: a resize of the document or of the window, or the
// scroll of an inner scroller, starts a sweep that reads every box again in idle slices. A number the scanner
// says replaces a removed one in place (a re-render of the same text in the same element) keeps that one's box:
// it is marked again in the same task, with no read and no blink.
//
// The style is the rule HIGHLIGHT_CSS on `:root` (highlights inherit it). The content script's manifest injects
// it before the page is built (lib/click-to-dial/highlight.css): adding any `::highlight` rule to a page that is
// already built makes Chrome restyle every element, 250-400 ms in one frame on a page of 62,500 text nodes.
// Firefox has no highlight inheritance (a `:root` rule paints nothing below it), so its build gets the same style
// on every element instead (HIGHLIGHT_CSS_FIREFOX, highlight-firefox.css; wxt.config.ts swaps the file).
// Elsewhere (tests, the bench) the highlighter adopts a stylesheet with it. Where the Highlight API is missing the
// same numbers are marked by boxes in an overlay of our own (overlay-marks.ts), redrawn when their boxes move.
import { createOverlayMarks, type ClientRect } from './overlay-marks';
import { idleSliceScheduler, type PageNumber, type PageScannerListener, type SliceScheduler } from './page-scanner';
import { registerHighlight } from './text-marks';

export const HIGHLIGHT_NAME = 'switchboard-phone';

const HIGHLIGHT_STYLE = '{ text-decoration: underline dotted #1a73e8 2px; background-color: rgba(26, 115, 232, 0.08); }';
export const HIGHLIGHT_CSS = `:root::highlight(${HIGHLIGHT_NAME}) ${HIGHLIGHT_STYLE}`;
/** The rule of Firefox's build: on every element, as Firefox does not inherit highlight styles from `:root`. */
export const HIGHLIGHT_CSS_FIREFOX = `::highlight(${HIGHLIGHT_NAME}) ${HIGHLIGHT_STYLE}`;

/** How far outside the viewport a number is still highlighted, in CSS px (scrolling shows it marked). */
const NEAR_VIEWPORT_PX = 200;
/** A batch of found numbers this small is placed at once (a small page or a re-rendered section shows its
 *  numbers marked without waiting for an idle period); bigger ones wait for slices. */
const PLACED_AT_ONCE = 32;
/** Boxes taller than this are checked at every scroll instead of being looked up by their top. */
const TALL_BOX_PX = 1000;

/** A box in CSS px: relative to the viewport (client) or to the page's top left (page). */
export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Where things are on the page; tests give their own. */
export interface PageGeometry {
  /** The viewport in page coordinates. */
  viewport(): Box;
  /** The box of the number in page coordinates, or null when it is not rendered; `viewport` is this slice's
   *  viewport() (its top left is the page's scroll offset, read once a slice). */
  boxOf(number: PageNumber, viewport: Box): Box | null;
}

export interface HighlighterOptions {
  /** False when the content script's manifest already injects HIGHLIGHT_CSS (default true: adopt a sheet). */
  adoptStyle?: boolean;
  scheduler?: SliceScheduler;
  /** The most a slice may work before yielding (default 6 ms). */
  sliceMs?: number;
  geometry?: PageGeometry;
  /** Where the Highlight API is missing: the boxes of a number's text, for the overlay's marks (tests give theirs). */
  clientRectsOf?: (number: PageNumber) => ClientRect[];
}

export interface Highlighter extends PageScannerListener {
  /** Whether the page's browser draws highlights. */
  readonly drawing: boolean;
  /** How many ranges are in the highlight now (the numbers near the viewport). */
  readonly highlighted: number;
  /** True while boxes are waiting to be read. */
  readonly busy: boolean;
  /** Time spent in slices so far, and the longest slice, in ms (figures for the bench). */
  readonly totalSliceMs: number;
  readonly longestSliceMs: number;
  stop(): void;
}

/** The box of the element holding the number (cheaper to read than the number's own and as good for "near"). */
function pageGeometry(view: Window): PageGeometry {
  return {
    viewport: () => ({ top: view.scrollY, bottom: view.scrollY + view.innerHeight, left: view.scrollX, right: view.scrollX + view.innerWidth }),
    boxOf: (number, viewport) => {
      const element = number.node.parentElement;
      if (!element || !number.node.isConnected) return null;
      const { top, bottom, left, right, width, height } = element.getBoundingClientRect();
      if (!width && !height) return null;
      return { top: top + viewport.top, bottom: bottom + viewport.top, left: left + viewport.left, right: right + viewport.left };
    },
  };
}

const nearViewport = (box: Box | null, viewport: Box): boolean =>
  box !== null &&
  box.bottom >= viewport.top - NEAR_VIEWPORT_PX &&
  box.top <= viewport.bottom + NEAR_VIEWPORT_PX &&
  box.right >= viewport.left - NEAR_VIEWPORT_PX &&
  box.left <= viewport.right + NEAR_VIEWPORT_PX;

/** Index of the first entry whose top is at least `top` (entries sorted by top). */
function firstAtOrBelow(sorted: readonly Placed[], top: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle].top < top) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A number whose box has been read; top is +Infinity while it is not rendered. */
interface Placed extends Box {
  number: PageNumber;
}

const notDrawing = (): Highlighter => ({
  drawing: false,
  highlighted: 0,
  busy: false,
  totalSliceMs: 0,
  longestSliceMs: 0,
  added: () => undefined,
  removed: () => undefined,
  stop: () => undefined,
});

export function createHighlighter(document: Document, options: HighlighterOptions = {}): Highlighter {
  const view = document.defaultView;
  if (!view) return notDrawing();
  const painter = highlightPainter(document, options.adoptStyle !== false) ?? createOverlayMarks(document, options.clientRectsOf);
  const geometry = options.geometry ?? pageGeometry(view);
  const scheduler = options.scheduler ?? idleSliceScheduler(view);
  const sliceMs = options.sliceMs ?? 6;

  const placed = new Map<PageNumber, Placed>();
  /** The boxes of removed numbers, for the numbers that replace them in place (see PageScannerListener.added). */
  const boxesOfRemoved = new WeakMap<PageNumber, Box>();
  /** Found numbers whose box has not been read yet, oldest first (removed ones are skipped when reached). */
  let unplaced: PageNumber[] = [];
  const waiting = new Set<PageNumber>();
  /** The placed numbers by top, rebuilt when a box moved or a number came or went. */
  let sorted: Placed[] = [];
  let sortedStale = false;
  const tall = new Set<Placed>();
  const shown = new Set<PageNumber>();
  let viewportMoved = false;
  /** The numbers the sweep has still to read again, and whether it must start over when done. */
  let sweep: Placed[] | null = null;
  let sweepAgain = false;
  let cancelSlice: (() => void) | null = null;
  let stopped = false;
  const figures = { totalSliceMs: 0, longestSliceMs: 0 };

  const show = (number: PageNumber, near: boolean) => {
    if (near && !shown.has(number)) {
      shown.add(number);
      painter.add(number);
    } else if (!near && shown.delete(number)) painter.delete(number);
  };

  /** Files the number's box (null: not rendered) and shows the number when near the viewport. */
  const file = (number: PageNumber, box: Box | null, viewport: Box) => {
    let entry = placed.get(number);
    if (!entry) {
      entry = { number, top: Infinity, bottom: Infinity, left: Infinity, right: Infinity };
      placed.set(number, entry);
      sortedStale = true;
    }
    const { top, bottom, left, right } = box ?? { top: Infinity, bottom: Infinity, left: Infinity, right: Infinity };
    if (entry.top !== top) sortedStale = true;
    const moved = entry.top !== top || entry.bottom !== bottom || entry.left !== left || entry.right !== right;
    Object.assign(entry, { top, bottom, left, right });
    if (bottom - top > TALL_BOX_PX) tall.add(entry);
    else tall.delete(entry);
    const near = nearViewport(box, viewport);
    if (moved && near && shown.has(number)) painter.moved(number);
    show(number, near);
  };
  /** Reads the number's box and files it. */
  const place = (number: PageNumber, viewport: Box) => file(number, geometry.boxOf(number, viewport), viewport);

  /** After a scroll: the numbers whose filed top is in the new viewport, the tall ones and the shown ones. */
  const refreshNearViewport = (viewport: Box) => {
    if (sortedStale) {
      sorted = [...placed.values()].sort((a, b) => a.top - b.top);
      sortedStale = false;
    }
    const candidates = new Set<PageNumber>(shown);
    const from = firstAtOrBelow(sorted, viewport.top - NEAR_VIEWPORT_PX - TALL_BOX_PX);
    for (let i = from; i < sorted.length && sorted[i].top <= viewport.bottom + NEAR_VIEWPORT_PX; i++) candidates.add(sorted[i].number);
    for (const entry of tall) candidates.add(entry.number);
    for (const number of candidates) place(number, viewport);
  };

  const slice = () => {
    if (stopped || document.hidden) return;
    const started = scheduler.now();
    const deadline = started + sliceMs;
    const viewport = geometry.viewport();
    let checked = 0;
    const timeUp = () => ++checked % 16 === 0 && scheduler.now() >= deadline;
    if (viewportMoved) {
      viewportMoved = false;
      refreshNearViewport(viewport);
    }
    let next = 0;
    while (next < unplaced.length && !timeUp()) {
      const number = unplaced[next++];
      if (waiting.delete(number)) place(number, viewport);
    }
    unplaced = next < unplaced.length ? unplaced.slice(next) : [];
    while (sweep && !timeUp()) {
      const entry = sweep.pop();
      if (entry && placed.get(entry.number) === entry) place(entry.number, viewport);
      else if (!entry) {
        sweep = sweepAgain ? [...placed.values()] : null;
        sweepAgain = false;
      }
    }
    const took = scheduler.now() - started;
    figures.totalSliceMs += took;
    figures.longestSliceMs = Math.max(figures.longestSliceMs, took);
    schedule();
  };

  function schedule() {
    if (cancelSlice || stopped || !(viewportMoved || unplaced.length || sweep)) return;
    cancelSlice = scheduler.request(() => {
      cancelSlice = null;
      slice();
    });
  }

  const startSweep = () => {
    if (sweep) sweepAgain = true;
    else if (placed.size) sweep = [...placed.values()];
  };
  const onScroll = (event: Event) => {
    viewportMoved = true;
    // The page's own scroll moves the viewport over boxes that stay put; an inner scroller moves its boxes.
    if (event.target !== document && event.target !== document.scrollingElement) startSweep();
    schedule();
  };
  const onLayoutChange = () => {
    viewportMoved = true;
    startSweep();
    schedule();
  };
  const onVisibilityChange = () => {
    if (!document.hidden) schedule();
  };
  document.addEventListener('scroll', onScroll, { capture: true, passive: true });
  view.addEventListener('resize', onLayoutChange, { passive: true });
  document.addEventListener('visibilitychange', onVisibilityChange);
  const ResizeObserverOfPage = (view as Window & { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
  let pageSizeSeen = false;
  const resizeObserver = ResizeObserverOfPage
    ? new ResizeObserverOfPage(() => {
        // The first report is the size the page already had.
        if (pageSizeSeen) onLayoutChange();
        pageSizeSeen = true;
      })
    : null;
  if (document.documentElement) resizeObserver?.observe(document.documentElement);

  return {
    drawing: painter.drawing,
    get highlighted() {
      return painter.size;
    },
    get busy() {
      return cancelSlice !== null;
    },
    get totalSliceMs() {
      return figures.totalSliceMs;
    },
    get longestSliceMs() {
      return figures.longestSliceMs;
    },
    added: (numbers, inPlaceOf) => {
      if (stopped) return;
      let toRead = numbers;
      if (inPlaceOf?.size) {
        // A number that replaces one in place keeps that one's box: the same element, not moved, the same text.
        // Filed at once, it stays marked through a re-render instead of blinking until its box is read again.
        const viewport = geometry.viewport();
        const notKnown: PageNumber[] = [];
        for (const number of numbers) {
          const replaced = inPlaceOf.get(number);
          const box = replaced && boxesOfRemoved.get(replaced);
          if (box) file(number, Number.isFinite(box.top) ? box : null, viewport);
          else notKnown.push(number);
        }
        toRead = notKnown;
      }
      if (!unplaced.length && toRead.length <= PLACED_AT_ONCE) {
        const viewport = geometry.viewport();
        for (const number of toRead) place(number, viewport);
        return;
      }
      for (const number of toRead) {
        waiting.add(number);
        unplaced.push(number);
      }
      schedule();
    },
    removed: (numbers) => {
      for (const number of numbers) {
        waiting.delete(number);
        show(number, false);
        const entry = placed.get(number);
        if (entry) {
          boxesOfRemoved.set(number, entry);
          placed.delete(number);
          tall.delete(entry);
          sortedStale = true;
        }
      }
    },
    stop: () => {
      stopped = true;
      cancelSlice?.();
      cancelSlice = null;
      document.removeEventListener('scroll', onScroll, { capture: true });
      view.removeEventListener('resize', onLayoutChange);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      resizeObserver?.disconnect();
      shown.clear();
      painter.stop();
    },
  };
}

/** What draws the numbers near the viewport: the CSS highlight, else overlay marks (overlay-marks.ts). */
interface Painter {
  readonly drawing: boolean;
  readonly size: number;
  add(number: PageNumber): void;
  delete(number: PageNumber): void;
  /** A drawn number's box moved. */
  moved(number: PageNumber): void;
  stop(): void;
}

/** The page's one CSS highlight, or null where the Highlight API is missing. */
function highlightPainter(document: Document, adoptStyle: boolean): Painter | null {
  const registered = registerHighlight(document, HIGHLIGHT_NAME, adoptStyle ? HIGHLIGHT_CSS : null);
  if (!registered) return null;
  const { highlight } = registered;
  return {
    drawing: registered.styled,
    get size() {
      return highlight.size;
    },
    add: (number) => highlight.add(number.range),
    delete: (number) => highlight.delete(number.range),
    moved: () => undefined, // the browser draws a range where its text is
    stop: () => registered.unregister(),
  };
}

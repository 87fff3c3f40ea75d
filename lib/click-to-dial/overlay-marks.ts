// Marking numbers where the CSS Custom Highlight API is missing (Firefox before 140, older Safari and Chrome):
// boxes drawn over the numbers in an overlay of our own, a closed shadow root on one element appended to the
// document, instead of wrapping the page's text in elements. The page's nodes are not touched; the overlay takes no
// pointer events, so the page's clicks, selection and the hover of a number work through it. The highlighter says
// which numbers to mark (only those near the viewport, a few dozen) and when one of their boxes moved.
import type { PageNumber } from './page-scanner';
import { liveRangeOver } from './text-marks';
import { PAGE_MARKS_Z_INDEX } from '../page-layers';

export const MARKS_TAG = 'switchboard-marks';

/** Drawn like the highlight's rule (HIGHLIGHT_CSS): a dotted underline on a faint tint. */
const MARKS_CSS = `:host { all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: visible; pointer-events: none; z-index: ${PAGE_MARKS_Z_INDEX}; }
.mark { position: absolute; box-sizing: border-box; pointer-events: none; border-bottom: 2px dotted #1a73e8; background-color: rgba(26, 115, 232, 0.08); }`;

/** A box relative to the viewport, in CSS px. */
export interface ClientRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface OverlayMarks {
  readonly drawing: true;
  /** How many numbers are marked. */
  readonly size: number;
  add(number: PageNumber): void;
  delete(number: PageNumber): void;
  /** The number's box moved (a layout change): its marks are drawn again. */
  moved(number: PageNumber): void;
  stop(): void;
}

/** The boxes of the number's text (one per line it covers): a live Range made for the read, let go after. */
export function clientRectsOfNumber(number: PageNumber): ClientRect[] {
  if (!number.node.isConnected) return [];
  const rects = liveRangeOver(number.node, number.start, number.end).getClientRects();
  return [...rects].filter((rect) => rect.width > 0 && rect.height > 0);
}

export function createOverlayMarks(document: Document, rectsOf: (number: PageNumber) => ClientRect[] = clientRectsOfNumber): OverlayMarks {
  const host = document.createElement(MARKS_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = MARKS_CSS;
  root.append(style);
  const marks = new Map<PageNumber, HTMLElement[]>();

  const draw = (number: PageNumber) => {
    const rects = rectsOf(number);
    if (!host.isConnected) (document.documentElement ?? document.body)?.append(host);
    // The overlay's own corner, wherever the page's styles put it (a positioned or shifted <html>).
    const origin = host.getBoundingClientRect();
    const elements = rects.map((rect) => {
      const mark = document.createElement('div');
      mark.className = 'mark';
      mark.style.cssText = `left:${rect.left - origin.left}px;top:${rect.top - origin.top}px;width:${rect.width}px;height:${rect.height}px`;
      return mark;
    });
    root.append(...elements);
    marks.set(number, elements);
  };
  const erase = (number: PageNumber) => {
    for (const mark of marks.get(number) ?? []) mark.remove();
    marks.delete(number);
  };

  return {
    drawing: true,
    get size() {
      return marks.size;
    },
    add: (number) => {
      if (!marks.has(number)) draw(number);
    },
    delete: erase,
    moved: (number) => {
      if (!marks.has(number)) return;
      erase(number);
      draw(number);
    },
    stop: () => {
      marks.clear();
      host.remove();
    },
  };
}

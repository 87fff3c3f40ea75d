// Which found number is under the pointer: pointer moves are sampled once per animation frame and hit-tested
// with caretPositionFromPoint (caretRangeFromPoint where missing), then checked against the number's own boxes
// (the caret snaps to the nearest character even past the end of a line).
import type { PageNumber, PageScanner } from './page-scanner';

interface CaretPosition {
  offsetNode: Node;
  offset: number;
}
type DocumentWithCaret = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

function caretAt(document: DocumentWithCaret, x: number, y: number, shadowRoots: ShadowRoot[]): CaretPosition | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    return document.caretPositionFromPoint(x, y, shadowRoots.length ? { shadowRoots } : undefined);
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { offsetNode: range.startContainer, offset: range.startOffset } : null;
}

function boxContaining(range: Range, x: number, y: number): DOMRect | null {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return rect;
  }
  return null;
}

/** The number at viewport point (x, y) and the box of it the point is in, or null. */
export function numberAtPoint(document: Document, scanner: PageScanner, x: number, y: number): { number: PageNumber; rect: DOMRect } | null {
  const caret = caretAt(document as DocumentWithCaret, x, y, scanner.shadowRoots());
  if (!caret) return null;
  for (const number of scanner.numbersIn(caret.offsetNode)) {
    if (caret.offset < number.start || caret.offset > number.end || number.end > number.node.length) continue;
    // A live Range only for this test (the found numbers keep static ones, see PageNumber.range).
    const range = document.createRange();
    range.setStart(number.node, number.start);
    range.setEnd(number.node, number.end);
    const rect = boxContaining(range, x, y);
    range.detach();
    if (rect) return { number, rect };
  }
  return null;
}

export interface HoverTrackerOptions {
  onNumber(number: PageNumber, rect: DOMRect): void;
  onNothing(): void;
}

/** Listens to pointer moves on `document` until stopped. */
export function trackHover(document: Document, scanner: PageScanner, options: HoverTrackerOptions): () => void {
  let pending: { x: number; y: number } | null = null;
  let frameRequested = false;
  const view = document.defaultView ?? window;
  const test = () => {
    frameRequested = false;
    if (!pending) return;
    const { x, y } = pending;
    pending = null;
    const hit = numberAtPoint(document, scanner, x, y);
    if (hit) options.onNumber(hit.number, hit.rect);
    else options.onNothing();
  };
  const onMove = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    pending = { x: event.clientX, y: event.clientY };
    if (!frameRequested) {
      frameRequested = true;
      view.requestAnimationFrame(test);
    }
  };
  document.addEventListener('pointermove', onMove, { capture: true, passive: true });
  return () => document.removeEventListener('pointermove', onMove, { capture: true });
}

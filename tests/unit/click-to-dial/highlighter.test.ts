// @vitest-environment happy-dom
// The highlighter keeps only the numbers near the viewport in the page's one highlight, reads each number's box
// once in bounded slices, looks up only the candidates when the page scrolls, reads every box again after a
// layout change, and adopts its stylesheet only when the manifest does not inject it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlighter, HIGHLIGHT_CSS, HIGHLIGHT_CSS_FIREFOX, HIGHLIGHT_NAME, type Box, type Highlighter, type PageGeometry } from '../../../lib/click-to-dial/highlighter';
import { MARKS_TAG } from '../../../lib/click-to-dial/overlay-marks';
import type { PageNumber } from '../../../lib/click-to-dial/page-scanner';
import { manualScheduler } from './manual-scheduler';

/** The browser's highlight registry, as far as the highlighter uses it (happy-dom has none). */
class TestHighlight extends Set<AbstractRange> {}
const registry = new Map<string, TestHighlight>();

/** A page of `count` numbers stacked 20 px apart, a viewport 600 px high, and a count of box reads. */
function stackedPage(count: number) {
  const numbers: PageNumber[] = [];
  const boxes = new Map<PageNumber, Box>();
  for (let i = 0; i < count; i++) {
    const node = document.createTextNode(`03-1234-${String(1000 + i)}`);
    document.body.append(node);
    const range = document.createRange();
    range.selectNodeContents(node);
    const number: PageNumber = { node, start: 0, end: node.length, range, e164: `+8131234${1000 + i}`, national: node.data };
    numbers.push(number);
    boxes.set(number, { top: i * 20, bottom: i * 20 + 16, left: 0, right: 200 });
  }
  const viewport: Box = { top: 0, bottom: 600, left: 0, right: 800 };
  let reads = 0;
  const geometry: PageGeometry = {
    viewport: () => viewport,
    boxOf: (number) => {
      reads++;
      return boxes.get(number) ?? null;
    },
  };
  return {
    numbers,
    boxes,
    viewport,
    geometry,
    get reads() {
      return reads;
    },
  };
}

const highlightedNames = () => [...(registry.get(HIGHLIGHT_NAME) ?? [])].map((range) => (range.startContainer as Text).data);
const scrollTo = (viewport: Box, top: number, target: EventTarget = document) => {
  viewport.top = top;
  viewport.bottom = top + 600;
  target.dispatchEvent(new Event('scroll'));
};

let current: Highlighter | null = null;
beforeEach(() => {
  Object.assign(window, { Highlight: TestHighlight, CSS: { ...(window.CSS ?? {}), highlights: registry } });
});
afterEach(() => {
  current?.stop();
  current = null;
  registry.clear();
  document.body.innerHTML = '';
  document.adoptedStyleSheets = [];
});

describe('createHighlighter', () => {
  it('puts only the numbers near the viewport in the highlight, reading the boxes in bounded slices', () => {
    const page = stackedPage(500);
    const scheduler = manualScheduler(1); // each look at the clock costs 1 ms: a 6 ms slice reads 96 boxes
    current = createHighlighter(document, { geometry: page.geometry, scheduler, adoptStyle: false });
    current.added(page.numbers);
    expect(registry.get(HIGHLIGHT_NAME)?.size).toBe(0); // nothing read yet: the work waits for a slice
    expect(scheduler.run()).toBeGreaterThan(3);
    // 600 px of viewport and 200 px below it: the numbers whose boxes start at 800 px or above.
    expect(current.highlighted).toBe(41);
    expect(highlightedNames()).toContain('03-1234-1040');
    expect(highlightedNames()).not.toContain('03-1234-1041');
    expect(page.reads).toBe(500);
    expect(current.busy).toBe(false);
  });

  it('after a scroll of the page reads only the boxes that may have come near, and the shown ones', () => {
    const page = stackedPage(2000);
    const scheduler = manualScheduler();
    current = createHighlighter(document, { geometry: page.geometry, scheduler, adoptStyle: false });
    current.added(page.numbers);
    scheduler.run();
    const readsBefore = page.reads;
    scrollTo(page.viewport, 20_000); // numbers 1000 to 1029 are on screen
    scheduler.run();
    expect(highlightedNames()).toContain('03-1234-2000');
    expect(highlightedNames()).toContain('03-1234-2029');
    expect(highlightedNames()).not.toContain('03-1234-1000'); // scrolled away
    expect(current.highlighted).toBe(51); // 200 px either side of the viewport: 990 to 1040
    expect(page.reads - readsBefore).toBeLessThan(200);
  });

  it('marks a small batch at once, drops removed numbers at once, and never reads the box of one removed before its turn', () => {
    const page = stackedPage(100);
    const scheduler = manualScheduler();
    current = createHighlighter(document, { geometry: page.geometry, scheduler, adoptStyle: false });
    current.added(page.numbers.slice(0, 5)); // a re-rendered section: shown without waiting for a slice
    expect(current.highlighted).toBe(5);
    expect(scheduler.pending).toBe(0);
    current.removed(page.numbers.slice(0, 2));
    expect(current.highlighted).toBe(3);
    current.added(page.numbers.slice(5));
    current.removed([page.numbers[99], page.numbers[6]]);
    const readsBefore = page.reads;
    scheduler.run();
    expect(page.reads - readsBefore).toBe(93);
    expect(current.highlighted).toBe(38); // 0 to 40 are near the viewport; 0, 1 and 6 are gone
    expect(highlightedNames()).not.toContain('03-1234-1006');
  });

  it('a number that replaces one in place keeps its box and stays marked without a read; others are read', () => {
    const page = stackedPage(60);
    const scheduler = manualScheduler();
    current = createHighlighter(document, { geometry: page.geometry, scheduler, adoptStyle: false });
    current.added(page.numbers);
    scheduler.run();
    expect(current.highlighted).toBe(41);
    // The page re-renders every number (new text nodes, same text, same places): the old ones go, new ones come.
    const again = page.numbers.map((old) => {
      const node = document.createTextNode(old.node.data);
      const range = document.createRange();
      range.selectNodeContents(node);
      return { ...old, node, range };
    });
    again.forEach((number, i) => page.boxes.set(number, page.boxes.get(page.numbers[i]!)!)); // where the page has them
    const readsBefore = page.reads;
    current.removed(page.numbers);
    current.added(again.slice(0, 50), new Map(again.slice(0, 50).map((number, i) => [number, page.numbers[i]!])));
    expect(page.reads).toBe(readsBefore); // 50 boxes kept…
    expect(current.highlighted).toBe(41); // …and marked at once, before any slice
    expect(highlightedNames()).toContain('03-1234-1040');
    // Ten numbers not in place: their boxes are read.
    current.added(again.slice(50), new Map());
    expect(page.reads - readsBefore).toBe(10);
    // A scroll looks the kept ones up by their kept tops.
    scrollTo(page.viewport, 900);
    scheduler.run();
    expect(highlightedNames()).toContain('03-1234-1045');
    expect(highlightedNames()).not.toContain('03-1234-1030');
  });

  it('reads every box again when the layout changes or an inner scroller scrolls', () => {
    const page = stackedPage(100);
    const scheduler = manualScheduler();
    current = createHighlighter(document, { geometry: page.geometry, scheduler, adoptStyle: false });
    current.added(page.numbers);
    scheduler.run();
    expect(highlightedNames()).not.toContain('03-1234-1099');
    // The page moved the last number to the top (say, a re-sorted list): seen after a resize of the window…
    page.boxes.set(page.numbers[99], { top: 100, bottom: 116, left: 0, right: 200 });
    window.dispatchEvent(new Event('resize'));
    scheduler.run();
    expect(highlightedNames()).toContain('03-1234-1099');
    // …and after the scroll of an inner scroller, whose numbers moved while the page did not scroll.
    page.boxes.set(page.numbers[98], { top: 120, bottom: 136, left: 0, right: 200 });
    const scroller = document.createElement('div');
    document.body.append(scroller);
    scroller.dispatchEvent(new Event('scroll'));
    scheduler.run();
    expect(highlightedNames()).toContain('03-1234-1098');
  });

  it('stop() cancels its pending slice and unregisters the highlight', () => {
    const page = stackedPage(100);
    const scheduler = manualScheduler();
    current = createHighlighter(document, { geometry: page.geometry, scheduler, adoptStyle: false });
    current.added(page.numbers);
    expect(scheduler.pending).toBe(1);
    current.stop();
    current = null;
    expect(scheduler.pending).toBe(0);
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
  });

  it('adopts a stylesheet with the highlight rule unless the manifest injects highlight.css, which has the same rule', () => {
    current = createHighlighter(document, { scheduler: manualScheduler() });
    expect(current.drawing).toBe(true);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    current.stop();
    expect(document.adoptedStyleSheets).toHaveLength(0);
    current = createHighlighter(document, { scheduler: manualScheduler(), adoptStyle: false });
    expect(current.drawing).toBe(true);
    expect(document.adoptedStyleSheets).toHaveLength(0);
    const manifestCss = (file: string) => readFileSync(join(__dirname, '../../../lib/click-to-dial', file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').trim();
    expect(manifestCss('highlight.css')).toBe(HIGHLIGHT_CSS);
    // Firefox's build: the same style on every element (no highlight inheritance there).
    expect(manifestCss('highlight-firefox.css')).toBe(HIGHLIGHT_CSS_FIREFOX);
    expect(HIGHLIGHT_CSS_FIREFOX.replace(/^::/, ':root::')).toBe(HIGHLIGHT_CSS);
  });

  it('where the Highlight API is missing, marks the same numbers with boxes in a closed overlay, redrawn when they move', () => {
    Object.assign(window, { Highlight: undefined });
    const page = stackedPage(100);
    const scheduler = manualScheduler();
    // Each number's text box on screen: its page box less the scroll (happy-dom lays nothing out).
    const clientRectsOf = (number: PageNumber) => {
      const box = page.boxes.get(number);
      return box ? [{ left: box.left - page.viewport.left, top: box.top - page.viewport.top, width: 120, height: box.bottom - box.top }] : [];
    };
    const attachShadow = vi.spyOn(HTMLElement.prototype, 'attachShadow');
    current = createHighlighter(document, { geometry: page.geometry, scheduler, clientRectsOf });
    expect(current.drawing).toBe(true);
    expect(document.adoptedStyleSheets).toHaveLength(0); // no ::highlight rule to adopt
    current.added(page.numbers);
    scheduler.run();
    expect(current.highlighted).toBe(41); // the same numbers as the highlight would hold
    const overlay = document.querySelector(MARKS_TAG)!;
    expect(overlay.parentNode).toBe(document.documentElement);
    expect(attachShadow).toHaveBeenCalledWith({ mode: 'closed' });
    expect(overlay.shadowRoot).toBeNull(); // closed to the page
    const root = attachShadow.mock.results[0]!.value as ShadowRoot;
    const marks = () => [...root.querySelectorAll<HTMLElement>('.mark')];
    expect(marks()).toHaveLength(41);
    expect(marks()[3]!.style.top).toBe('60px');
    // A layout change moves number 3 down: its mark is drawn again where it now is.
    page.boxes.set(page.numbers[3]!, { top: 70, bottom: 86, left: 0, right: 200 });
    window.dispatchEvent(new Event('resize'));
    scheduler.run();
    expect(marks().map((mark) => mark.style.top)).toContain('70px');
    expect(marks().map((mark) => mark.style.top)).not.toContain('60px');
    // Removed numbers lose their marks; stop() takes the overlay away.
    current.removed(page.numbers.slice(0, 10));
    expect(marks()).toHaveLength(31);
    current.stop();
    current = null;
    expect(document.querySelector(MARKS_TAG)).toBeNull();
    attachShadow.mockRestore();
  });
});

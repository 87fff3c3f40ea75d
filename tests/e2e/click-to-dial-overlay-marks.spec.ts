// Where a browser lacks the CSS Custom Highlight API, click-to-dial marks the numbers with boxes in an overlay of
// its own. In Chromium with the API taken away from the page, the scanner and highlighter (bundled as in the
// content script) mark the numbers near the viewport: each mark sits on its number's text, the page's nodes are
// unchanged, clicks reach the page through the overlay, and after the page scrolls or its layout changes the
// marks are still on their numbers.
import { type Browser, chromium, expect, type Page, test } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { clickToDialBundle } from '../support/click-to-dial-bundle';

let browser: Browser;
let bundle: string;

test.beforeAll(async () => {
  bundle = await clickToDialBundle();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs(), '--headless=new'] });
});
test.afterAll(async () => {
  await browser?.close();
});

const PAGE = `<!doctype html><html><head><style>body { font: 16px sans-serif; margin: 40px; overflow-anchor: none; } p { margin: 0 0 24px; }</style></head><body>
  <div id="spacer"></div>
  <p>Head office: <span id="office">03-5550-0123</span> (weekdays)</p>
  <p>Mobile <b id="mobile">090-1234-5678</b>, fax 06-6123-4567.</p>
  <p><button id="button" onclick="this.dataset.clicked = 'yes'">Save 03-5550-0199</button></p>
  ${Array.from({ length: 120 }, (_, i) => `<p>Row ${i}: 03-5550-${String(1000 + i)}</p>`).join('\n')}
</body></html>`;

/** The page with Highlight removed, the overlay's closed root caught for the test, and click-to-dial running. */
async function openPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  await page.setContent(PAGE);
  await page.evaluate(() => {
    const global = window as unknown as { Highlight?: unknown; __roots: ShadowRoot[]; __name: (fn: unknown) => unknown };
    delete global.Highlight;
    global.__name = (fn) => fn; // tsx names functions with a helper that only exists in Node
    global.__roots = [];
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      const root = attach.call(this, init);
      global.__roots.push(root);
      return root;
    };
  });
  await page.addScriptTag({ content: bundle });
  await page.evaluate(() => {
    const lib = (window as unknown as { __c2d: { PageScanner: new (d: Document, o: unknown) => { start(): void }; createHighlighter(d: Document): unknown } }).__c2d;
    new lib.PageScanner(document, { defaultCountry: 'JP', listener: lib.createHighlighter(document) }).start();
  });
  return page;
}

/** Each mark, and the box of the number text it should sit on (the marked numbers found by position). */
function marksAndNumbers(page: Page) {
  return page.evaluate(() => {
    const root = (window as unknown as { __roots: ShadowRoot[] }).__roots.find((r) => (r.host as Element).localName === 'switchboard-marks');
    const marks = [...(root?.querySelectorAll('.mark') ?? [])].map((mark) => mark.getBoundingClientRect());
    const numbers: DOMRect[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode as Text;
      for (const match of text.data.matchAll(/0\d{1,3}-\d{3,4}-\d{4}/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        numbers.push(range.getBoundingClientRect());
      }
    }
    const onNumber = marks.map((mark) => numbers.some((n) => Math.abs(n.left - mark.left) < 1 && Math.abs(n.top - mark.top) < 1 && Math.abs(n.width - mark.width) < 1));
    return { marks: marks.length, offNumber: onNumber.filter((on) => !on).length, host: root ? (root.host as Element).parentNode === document.documentElement : false };
  });
}

test('without the Highlight API, numbers near the viewport are marked by overlay boxes on their text; the page is untouched', async () => {
  const page = await openPage();
  const before = await page.evaluate(() => document.body.innerHTML);
  await expect.poll(async () => (await marksAndNumbers(page)).marks).toBeGreaterThan(10);
  const seen = await marksAndNumbers(page);
  expect(seen).toMatchObject({ offNumber: 0, host: true });
  // Not all 124 numbers: only those near the viewport (700 px and 200 px either side).
  expect(seen.marks).toBeLessThan(60);
  expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
  // The overlay takes no clicks: the page's button under a mark gets them.
  await page.locator('#button').click();
  await expect(page.locator('#button')).toHaveAttribute('data-clicked', 'yes');
  await page.close();
});

test('after a scroll and after a layout change the marks are on their numbers again', async () => {
  const page = await openPage();
  await expect.poll(async () => (await marksAndNumbers(page)).marks).toBeGreaterThan(10);
  await page.mouse.wheel(0, 1500);
  await expect.poll(async () => (await marksAndNumbers(page)).offNumber).toBe(0);
  expect((await marksAndNumbers(page)).marks).toBeGreaterThan(10);
  // Everything moves down by 300 px (no scroll anchoring on this page to undo it): the document grows, the boxes
  // are read again and the marks redrawn.
  await page.evaluate(() => {
    (document.getElementById('spacer') as HTMLElement).style.height = '300px';
  });

  await expect.poll(async () => (await marksAndNumbers(page)).offNumber, { timeout: 5_000 }).toBe(0);
  expect((await marksAndNumbers(page)).marks).toBeGreaterThan(10);
  await page.close();
});

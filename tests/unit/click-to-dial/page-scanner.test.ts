// @vitest-environment happy-dom
// The page scanner finds numbers in a live DOM as Ranges, skips fields, code and editable areas, looks into open
// shadow roots, follows mutations in bounded slices and leaves the page's nodes untouched.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { idleSliceScheduler, PageScanner, type PageNumber } from '../../../lib/click-to-dial/page-scanner';
import { manualScheduler } from './manual-scheduler';

function startScanner(scheduler = manualScheduler(), extra: { hugeBatch?: number; fullRescanDelayMs?: number } = {}) {
  const found = new Set<PageNumber>();
  const scanner = new PageScanner(document, {
    defaultCountry: 'JP',
    scheduler,
    ...extra,
    listener: {
      added: (numbers) => numbers.forEach((n) => found.add(n)),
      removed: (numbers) => numbers.forEach((n) => found.delete(n)),
    },
  });
  scanner.start();
  return { scanner, found, scheduler };
}

const numbersOf = (found: Set<PageNumber>) => [...found].map((n) => n.e164).sort();
const flushMutations = () => new Promise((resolve) => setTimeout(resolve, 0));

let current: PageScanner | null = null;
afterEach(() => {
  current?.stop();
  current = null;
  document.body.innerHTML = '';
});

describe('PageScanner', () => {
  it('finds numbers in page text as ranges over the original text nodes, without changing the DOM', () => {
    document.body.innerHTML = '<p id="p">Head office: 03-1234-5678, mobile ０９０－１２３４－５６７８.</p><div>Order 2024-05-01 at 12:30</div>';
    const before = document.body.innerHTML;
    const { scanner, found, scheduler } = startScanner();
    current = scanner;
    scheduler.run();
    expect(numbersOf(found)).toEqual(['+81312345678', '+819012345678']);
    const text = document.getElementById('p')!.firstChild!;
    const office = [...found].find((n) => n.e164 === '+81312345678')!;
    expect(office.range.startContainer).toBe(text);
    expect(office.node).toBe(text);
    expect(text.textContent!.slice(office.start, office.end)).toBe('03-1234-5678');
    expect([office.range.startOffset, office.range.endOffset]).toEqual([office.start, office.end]);
    expect(office.national).toBe('03-1234-5678');
    expect(document.body.innerHTML).toBe(before);
  });

  it('skips inputs, textareas, code, scripts, editable areas and links that are not tel:, but reads tel: links', () => {
    document.body.innerHTML = [
      '<input value="03-1111-2222"><textarea>03-1111-3333</textarea><code>03-1111-4444</code><pre>03-1111-5555</pre>',
      '<script>var n = "03-1111-6666"</script><style>/* 03-1111-7777 */</style>',
      '<div contenteditable="true"><p>03-1111-8888</p></div><a href="https://example.com/03-1111-9999">03-1111-9999</a>',
      '<a href="tel:0312120000">03-1212-0000</a><span>03-3434-0000</span>',
    ].join('');
    const { scanner, found, scheduler } = startScanner();
    current = scanner;
    scheduler.run();
    expect(numbersOf(found)).toEqual(['+81312120000', '+81334340000']);
  });

  it('scans open shadow roots and follows changes inside them', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>Support: 0120-123-456</span>';
    const { scanner, found, scheduler } = startScanner();
    current = scanner;
    scheduler.run();
    expect(numbersOf(found)).toEqual(['+81120123456']);
    expect(scanner.shadowRoots()).toContain(shadow);

    shadow.innerHTML = '<span>Sales: 03-5555-0101</span>';
    await flushMutations();
    scheduler.run();
    expect(numbersOf(found)).toEqual(['+81355550101']);
  });

  it('rescans only what changed: re-rendered text, added and removed nodes', async () => {
    document.body.innerHTML = '<ul><li id="a">03-1234-5678</li><li id="b">no number</li></ul>';
    const { scanner, found, scheduler } = startScanner();
    current = scanner;
    scheduler.run();
    expect(numbersOf(found)).toEqual(['+81312345678']);

    document.getElementById('a')!.firstChild!.textContent = '090-8765-4321';
    const li = document.createElement('li');
    li.textContent = 'Fax 06-6123-4567';
    document.querySelector('ul')!.append(li);
    document.getElementById('b')!.remove();
    await flushMutations();
    expect(scheduler.pending).toBe(1); // the observer only queued work
    scheduler.run();
    expect(numbersOf(found)).toEqual(['+81661234567', '+819087654321']);

    li.remove();
    await flushMutations();
    scheduler.run();
    expect(numbersOf(found)).toEqual(['+819087654321']);
  });

  it('tells which re-found numbers replace removed ones in place: same parent, same offsets, no ancestor moved', async () => {
    document.body.innerHTML = '<table><tr id="r1"><td id="a">03-1234-5678</td><td id="b">Tel 03-2222-3333</td></tr><tr id="r2"><td id="c">06-6123-4567</td></tr></table>';
    const reports: { added: PageNumber[]; inPlaceOf: ReadonlyMap<PageNumber, PageNumber> }[] = [];
    const scheduler = manualScheduler();
    const scanner = new PageScanner(document, {
      defaultCountry: 'JP',
      scheduler,
      listener: { added: (numbers, inPlaceOf = new Map()) => reports.push({ added: [...numbers], inPlaceOf }), removed: () => undefined },
    });
    current = scanner;
    scanner.start();
    scheduler.run();
    const first = new Map(scanner.numbers().map((n) => [n.e164, n]));
    expect(reports[0]!.inPlaceOf.size).toBe(0);

    const cell = (id: string) => document.getElementById(id)!;
    cell('a').replaceChildren(document.createTextNode('03-1234-5678')); // a framework re-rendering the same text
    cell('b').firstChild!.textContent = 'Tel 03-2222-3333'; // the same node, its text set again
    cell('c').replaceChildren(document.createTextNode('06-6123-4567'));
    cell('r1').before(cell('r2')); // …and that row moved (sorted): its box may have moved with it
    await flushMutations();
    scheduler.run();
    const { added, inPlaceOf } = reports.at(-1)!;
    const by = new Map(added.map((n) => [n.e164, n]));
    expect([...by.keys()].sort()).toEqual(['+81312345678', '+81322223333', '+81661234567']);
    expect(inPlaceOf.get(by.get('+81312345678')!)).toBe(first.get('+81312345678'));
    expect(inPlaceOf.get(by.get('+81322223333')!)).toBe(first.get('+81322223333'));
    expect(inPlaceOf.has(by.get('+81661234567')!)).toBe(false);

    // Another number, or the same one elsewhere in the text, is not the same number in place.
    cell('a').replaceChildren(document.createTextNode('03-1234-9999'));
    cell('b').firstChild!.textContent = 'Phone 03-2222-3333';
    await flushMutations();
    scheduler.run();
    expect(reports.at(-1)!.added).toHaveLength(2);
    expect(reports.at(-1)!.inPlaceOf.size).toBe(0);
  });

  it('makes a number\'s range only when it is asked for, over the number as it was found', () => {
    document.body.innerHTML = '<p>Call 03-1234-5678 now</p>';
    const { scanner, found, scheduler } = startScanner();
    current = scanner;
    scheduler.run();
    const [number] = [...found];
    const createRange = vi.spyOn(document, 'createRange'); // happy-dom has no StaticRange: the fallback is a live Range
    expect(createRange).not.toHaveBeenCalled();
    const range = number!.range;
    expect(createRange).toHaveBeenCalledTimes(1);
    expect(number!.range).toBe(range);
    expect(range.startContainer.textContent!.slice(range.startOffset, range.endOffset)).toBe('03-1234-5678');
    createRange.mockRestore();
  });

  it('works in bounded slices: a long page takes several slices, each yielding when its time is up', () => {
    document.body.innerHTML = Array.from({ length: 400 }, (_, i) => `<p>Customer ${i}: 03-1234-${String(1000 + i)}</p>`).join('');
    // Every look at the clock costs 4 ms: a slice of 8 ms yields after 64 nodes.
    const { scanner, found, scheduler } = startScanner(manualScheduler(4));
    current = scanner;
    const slices = scheduler.run();
    expect(slices).toBeGreaterThan(5);
    expect(found.size).toBe(400);
  });

  it('a huge batch of changes is dropped for one deferred full rescan', async () => {
    document.body.innerHTML = '<div id="list"></div>';
    const { scanner, found, scheduler } = startScanner(manualScheduler(), { hugeBatch: 50, fullRescanDelayMs: 5 });
    current = scanner;
    scheduler.run();
    const list = document.getElementById('list')!;
    for (let i = 0; i < 100; i++) {
      const p = document.createElement('p');
      p.textContent = `03-2222-${String(1000 + i)}`;
      list.append(p);
    }
    await flushMutations();
    scheduler.run();
    expect(found.size).toBe(0); // not yet: waiting for the page to settle
    await new Promise((resolve) => setTimeout(resolve, 20));
    scheduler.run();
    expect(found.size).toBe(100);
  });

  it('does nothing while the tab is hidden, and catches up when it is shown', () => {
    document.body.innerHTML = '<p>03-1234-5678</p>';
    const hidden = Object.getOwnPropertyDescriptor(Document.prototype, 'hidden');
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    try {
      const { scanner, found, scheduler } = startScanner();
      current = scanner;
      scheduler.run();
      expect(found.size).toBe(0);
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
      scheduler.run();
      expect(found.size).toBe(1);
    } finally {
      delete (document as { hidden?: boolean }).hidden;
      if (hidden) void hidden;
    }
  });

  it('forgets the numbers of a removed subtree, open shadow roots inside it included, and keeps the others', async () => {
    document.body.innerHTML = '<section id="card"><p>03-1111-0001</p><div id="host"></div></section><p>03-1111-0002</p>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>03-1111-0003</span>';
    const { scanner, found, scheduler } = startScanner();
    current = scanner;
    scheduler.run();
    expect(numbersOf(found)).toEqual(['+81311110001', '+81311110002', '+81311110003']);
    document.getElementById('card')!.remove();
    await flushMutations();
    scheduler.run();
    expect(numbersOf(found)).toEqual(['+81311110002']);
    expect(scanner.numbers().map((n) => n.e164)).toEqual(['+81311110002']);
    expect(scanner.shadowRoots()).not.toContain(shadow);
  });

  it('a page changing under a scan in progress: the walk goes on past removed nodes, and no number is found twice', async () => {
    document.body.innerHTML = Array.from({ length: 200 }, (_, i) => `<p>Customer ${i}: 03-1234-${String(1000 + i)}</p>`).join('');
    const { scanner, found, scheduler } = startScanner(manualScheduler(4)); // slices of 64 nodes
    current = scanner;
    const paragraphs = [...document.querySelectorAll('p')];
    // One slice, then the page removes the paragraphs around where the walk stands and adds one.
    scheduler.runOne();
    const walkedSoFar = found.size;
    expect(walkedSoFar).toBeGreaterThan(0);
    expect(walkedSoFar).toBeLessThan(200);
    paragraphs.slice(walkedSoFar - 5, walkedSoFar + 5).forEach((p) => p.remove());
    const extra = document.createElement('p');
    extra.textContent = 'New: 06-6123-4567';
    document.body.append(extra);
    await flushMutations();
    scheduler.run();
    expect(found.size).toBe(191);
    expect(scanner.numbers()).toHaveLength(191);
  });

  it('stop() cancels the pending slice', () => {
    document.body.innerHTML = '<p>03-1234-5678</p>';
    const { scanner, found, scheduler } = startScanner();
    expect(scheduler.pending).toBe(1);
    scanner.stop();
    expect(scheduler.pending).toBe(0);
    expect(found.size).toBe(0);
    expect(scanner.busy).toBe(false);
  });
});

describe('idleSliceScheduler', () => {
  it('runs slices in idle callbacks where the browser has them, and cancels them', () => {
    const callbacks = new Map<number, () => void>();
    let nextHandle = 1;
    const view = {
      requestIdleCallback: (callback: () => void) => {
        callbacks.set(nextHandle, callback);
        return nextHandle++;
      },
      cancelIdleCallback: (handle: number) => void callbacks.delete(handle),
    } as unknown as Window;
    const scheduler = idleSliceScheduler(view);
    const ran: string[] = [];
    scheduler.request(() => ran.push('a'));
    const cancel = scheduler.request(() => ran.push('b'));
    cancel();
    for (const callback of callbacks.values()) callback();
    expect(ran).toEqual(['a']);
  });

  it('falls back to message-channel tasks', async () => {
    const scheduler = idleSliceScheduler({} as Window);
    const ran: string[] = [];
    await new Promise<void>((resolve) => {
      scheduler.request(() => ran.push('cancelled'))();
      scheduler.request(() => {
        ran.push('ran');
        resolve();
      });
    });
    expect(ran).toEqual(['ran']);
  });
});

// Finding the phone numbers of a live page as Ranges without touching the page's nodes: a TreeWalker over text
// nodes (skipping scripts, styles, code, form fields, editable areas and links that are not `tel:`), open shadow
// roots included, kept up to date by a MutationObserver whose callback only queues; the queue is worked off in
// time-bounded slices in the page's idle time (requestIdleCallback, else one message-channel task at a time), so
// the page stays responsive and the numbers appear progressively. Nothing runs while the tab is hidden.
import { findPhoneNumbers, mayContainPhoneNumber, type CountryCode, type PhoneNumberMatch } from './find-numbers';
import { liveRangeOver } from './text-marks';

/** One number on the page. */
export interface PageNumber {
  /** The text node the number is in, and its offsets there (UTF-16 code units). */
  node: Text;
  start: number;
  end: number;
  /**
   * A StaticRange over the number (for the highlight). Static, not live: the browser updates every live Range of a
   * document on every DOM mutation, which made a page with 12,500 numbers take seconds to re-render 1,000 nodes.
   * Where StaticRange is missing (test DOMs) a live Range. The scanner makes it when it is first asked for: only
   * the numbers near the viewport are drawn, so most never need one.
   */
  readonly range: AbstractRange;
  /** '+81312345678' */
  e164: string;
  /** The number as its country writes it: '03-1234-5678'. */
  national: string;
}

/** Told what appeared and disappeared; the highlighter and the hover hit test listen. */
export interface PageScannerListener {
  /**
   * `inPlaceOf` maps a new number to the removed one it replaces in place: the same number at the same offsets of
   * a text node in the same parent (the old node re-rendered, or its text set again), no ancestor of which was
   * moved or removed meanwhile, so the parent's box has not moved with the DOM change.
   */
  added(numbers: readonly PageNumber[], inPlaceOf?: ReadonlyMap<PageNumber, PageNumber>): void;
  removed(numbers: readonly PageNumber[]): void;
}

/** How slices are scheduled; tests run them when they say so. */
export interface SliceScheduler {
  /** Runs `work` soon (in the page's next idle period); the function returned cancels it. */
  request(work: () => void): () => void;
  now(): number;
}

export interface PageScannerOptions {
  defaultCountry: CountryCode;
  listener: PageScannerListener;
  /** The most a slice may work before yielding (default 8 ms; less when the browser's idle period is shorter). */
  sliceMs?: number;
  /** Beyond this many queued subtrees a batch is dropped for one deferred full rescan (default 2000). */
  hugeBatch?: number;
  /** How long the full rescan after a huge batch waits for the page to settle (default 200 ms). */
  fullRescanDelayMs?: number;
  scheduler?: SliceScheduler;
}

/** Elements whose text is never a dialable number on the page. */
const SKIPPED_TAG_NAMES = ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE', 'SVG', 'MATH', 'TEMPLATE', 'IFRAME', 'OBJECT', 'KBD', 'SAMP'];
/** In both cases, as tagName gives them (lower case for SVG and MathML, and in XHTML), so no string is made per element. */
const SKIPPED_TAGS = new Set([...SKIPPED_TAG_NAMES, ...SKIPPED_TAG_NAMES.map((name) => name.toLowerCase())]);
/** How many texts' matches are remembered (the oldest are forgotten first): a framework re-rendering a list
 *  makes new nodes with the same text, and parsing is most of a scan's cost (about 50 µs a number). */
const MATCH_CACHE_SIZE = 4000;

/** What a text node's number is made from: a match, or a number found before in a node with the same text. */
type FoundNumber = Pick<PhoneNumberMatch, 'start' | 'end' | 'e164' | 'national'>;
/** How many nodes are walked between two looks at the clock. */
const NODES_PER_CLOCK_CHECK = 32;

/** Whether the subtree of `element` is not scanned (its own shadow root may still be, see scanRoot). */
export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  if (element.tagName === 'A' || element.tagName === 'a') {
    const href = element.getAttribute('href');
    return href !== null && !/^\s*tel:/i.test(href);
  }
  // The attribute, not isContentEditable: that property makes the browser recompute the page's styles, which
  // after a re-render costs milliseconds per call. Subtrees of an editable element are skipped with it.
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** How long a slice may wait for an idle period on a busy page before it runs anyway. */
const IDLE_TIMEOUT_MS = 500;

/**
 * Slices in the page's idle time: requestIdleCallback where the browser has it (it runs between frames, after
 * layout, so reading boxes is cheap), else a MessageChannel task (not setTimeout, which is clamped to 4 ms).
 */
export function idleSliceScheduler(view: Window | null = typeof window === 'undefined' ? null : window): SliceScheduler {
  const now = () => performance.now();
  if (view && typeof view.requestIdleCallback === 'function' && typeof view.cancelIdleCallback === 'function') {
    return {
      request: (work) => {
        const handle = view.requestIdleCallback(() => work(), { timeout: IDLE_TIMEOUT_MS });
        return () => view.cancelIdleCallback(handle);
      },
      now,
    };
  }
  return {
    request: (work) => {
      const channel = new MessageChannel();
      let cancelled = false;
      channel.port1.onmessage = () => {
        channel.port1.close();
        if (!cancelled) work();
      };
      channel.port2.postMessage(null);
      return () => {
        cancelled = true;
        channel.port1.close();
      };
    },
    now,
  };
}

export class PageScanner {
  /** The text nodes with numbers: the text each had when scanned (the numbers' offsets are into it), and them. */
  private readonly byNode = new Map<Text, ScannedText>();
  private readonly matchCache = new Map<string, readonly FoundNumber[]>();
  /** The numbers of the text nodes removed since the queue was last empty, by text: a re-render's new nodes with
   *  the same text take them over without parsing, however long ago the text was first seen. */
  private readonly removedByText = new Map<string, readonly FoundNumber[]>();
  /** The numbers of the text nodes removed since the queue was last empty, by the parent they were removed from
   *  (the candidates for numbers found again in place), and the other nodes removed (the moved subtrees). */
  private readonly removedFromParent = new Map<Node, PageNumber[]>();
  private readonly removedSubtrees = new Set<Node>();
  private readonly queue: Node[] = [];
  private readonly queued = new Set<Node>();
  private readonly pendingRecords: MutationRecord[] = [];
  /** insideSkipped's answers during one slice (the DOM may change between slices). */
  private readonly skippedAncestors = new Map<Element, boolean>();
  private walker: TreeWalker | null = null;
  private cancelSlice: (() => void) | null = null;
  private stopped = true;
  private observer: MutationObserver | null = null;
  private readonly observedRoots = new Set<Node>();
  private fullRescanTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly scheduler: SliceScheduler;
  private readonly sliceMs: number;
  private readonly hugeBatch: number;
  private readonly fullRescanDelayMs: number;
  /** Longest slice so far, in ms (a figure for the bench and the log). */
  longestSliceMs = 0;
  /** Time spent in slices so far, in ms. */
  totalSliceMs = 0;

  constructor(
    private readonly document: Document,
    private readonly options: PageScannerOptions,
  ) {
    this.scheduler = options.scheduler ?? idleSliceScheduler(document.defaultView);
    this.sliceMs = options.sliceMs ?? 8;
    this.hugeBatch = options.hugeBatch ?? 2000;
    this.fullRescanDelayMs = options.fullRescanDelayMs ?? 200;
  }

  /** Starts observing and queues the whole document. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const MutationObserverOfPage = this.document.defaultView?.MutationObserver ?? MutationObserver;
    // The callback only keeps the records: the work happens in the next slice.
    this.observer = new MutationObserverOfPage((records) => {
      for (const record of records) this.pendingRecords.push(record);
      this.schedule();
    });
    this.observe(this.document);
    this.enqueue(this.document.documentElement ?? this.document);
    this.document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.cancelSlice?.();
    this.cancelSlice = null;
    this.observer?.disconnect();
    this.observer = null;
    this.observedRoots.clear();
    if (this.fullRescanTimer) clearTimeout(this.fullRescanTimer);
    this.document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.queue.length = 0;
    this.queued.clear();
    this.pendingRecords.length = 0;
    this.walker = null;
    const all = this.numbers();
    this.byNode.clear();
    this.forgetRemoved();
    if (all.length) this.options.listener.removed(all);
  }

  /** Every number found so far. */
  numbers(): PageNumber[] {
    return [...this.byNode.values()].flatMap((scanned) => scanned.numbers);
  }

  /** The numbers in `node` (a text node), for the hover hit test. */
  numbersIn(node: Node): readonly PageNumber[] {
    return (node.nodeType === 3 && this.byNode.get(node as Text)?.numbers) || [];
  }

  /** The open shadow roots observed, for hit tests that must look inside them. */
  shadowRoots(): ShadowRoot[] {
    return [...this.observedRoots].filter((root): root is ShadowRoot => root.nodeType === 11 && 'host' in root);
  }

  /** True while work is queued. */
  get busy(): boolean {
    return this.cancelSlice !== null || this.queue.length > 0 || this.pendingRecords.length > 0 || this.walker !== null;
  }

  /** Works the whole queue at once (tests, and the bench's "bare" comparison). */
  runToCompletion(): void {
    this.takeRecords();
    while (this.step(Number.POSITIVE_INFINITY));
  }

  private enqueue(node: Node): void {
    if (this.queued.has(node)) return;
    this.queued.add(node);
    this.queue.push(node);
  }

  private readonly onVisibilityChange = () => {
    if (!this.document.hidden) this.schedule();
  };

  private schedule(): void {
    if (this.cancelSlice || this.stopped) return;
    this.cancelSlice = this.scheduler.request(() => {
      this.cancelSlice = null;
      this.slice();
    });
  }

  private slice(): void {
    if (this.stopped || this.document.hidden) return; // resumed by visibilitychange
    const started = this.scheduler.now();
    this.takeRecords();
    const more = this.step(started + this.sliceMs);
    const took = this.scheduler.now() - started;
    this.longestSliceMs = Math.max(this.longestSliceMs, took);
    this.totalSliceMs += took;
    if (more) this.schedule();
  }

  private observe(root: Node): void {
    if (this.observedRoots.has(root) || !this.observer) return;
    this.observedRoots.add(root);
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  /** Turns the queued mutation records into subtrees to scan and numbers to forget: work in proportion to what
   *  changed, never to how many numbers the page has. */
  private takeRecords(): void {
    if (!this.pendingRecords.length) return;
    const records = this.pendingRecords.splice(0);
    const removed: PageNumber[] = [];
    let queued = 0;
    for (const record of records) {
      if (record.type === 'characterData') {
        this.enqueue(record.target);
        queued++;
        continue;
      }
      // Indexed, not for…of: iterating a NodeList makes an iterator object and a call into the DOM per node,
      // which was half the cost of a re-render of 1,000 nodes.
      const removedNodes = record.removedNodes;
      const removedCount = removedNodes.length;
      if (removedCount) {
        this.keepWalkerOnPage(record);
        for (let i = 0; i < removedCount; i++) {
          const node = removedNodes[i]!;
          if (node.nodeType !== 3) {
            this.removedSubtrees.add(node);
            this.forgetSubtree(node, removed);
            continue;
          }
          const numbers = this.forgetText(node as Text, removed);
          if (!numbers) continue;
          const fromParent = this.removedFromParent.get(record.target);
          if (fromParent) fromParent.push(...numbers);
          else this.removedFromParent.set(record.target, [...numbers]);
        }
      }
      const addedNodes = record.addedNodes;
      const addedCount = addedNodes.length;
      for (let i = 0; i < addedCount; i++) this.enqueue(addedNodes[i]!);
      queued += addedCount;
    }
    if (removed.length) this.options.listener.removed(removed);
    if (queued > this.hugeBatch) this.deferFullRescan();
  }

  /**
   * When the node the walker stands on was just removed, moves the walker back onto the page (the node before
   * the removed ones, else their parent) so that the walk goes on with what follows instead of ending in the
   * removed subtree; when that is not possible the walk starts over.
   */
  private keepWalkerOnPage(record: MutationRecord): void {
    const walker = this.walker;
    if (!walker || walker.currentNode.isConnected || walker.currentNode === walker.root) return;
    const current = walker.currentNode;
    if (![...record.removedNodes].some((node) => node.contains(current))) return;
    const before = record.previousSibling;
    if (before?.isConnected && walker.root.contains(before)) walker.currentNode = before;
    else if (record.target.isConnected && walker.root.contains(record.target)) walker.currentNode = record.target;
    else {
      this.walker = null;
      this.enqueue(walker.root);
    }
  }
  /** A batch too big to look at piece by piece: forget it and rescan everything once the page settles. */
  private deferFullRescan(): void {
    this.queue.length = 0;
    this.queued.clear();
    this.forgetRemoved();
    this.walker = null;
    if (this.fullRescanTimer) clearTimeout(this.fullRescanTimer);
    this.fullRescanTimer = setTimeout(() => {
      this.fullRescanTimer = null;
      const gone: PageNumber[] = [];
      for (const [node, { numbers }] of this.byNode) {
        if (!node.isConnected) {
          this.byNode.delete(node);
          gone.push(...numbers);
        }
      }
      if (gone.length) this.options.listener.removed(gone);
      this.enqueue(this.document.documentElement ?? this.document);
      this.schedule();
    }, this.fullRescanDelayMs);
  }

  /** Forgets the numbers in a removed subtree (and in the open shadow roots inside it) by walking that subtree. */
  private forgetSubtree(node: Node, removed: PageNumber[]): void {
    if (node.nodeType === 3) {
      this.forgetText(node as Text, removed);
      return;
    }
    if ((node.nodeType !== 1 && node.nodeType !== 11) || !this.byNode.size) return;
    const NodeFilterOfPage = this.document.defaultView?.NodeFilter ?? NodeFilter;
    const walker = this.document.createTreeWalker(node, NodeFilterOfPage.SHOW_ELEMENT | NodeFilterOfPage.SHOW_TEXT);
    for (let current: Node | null = walker.currentNode; current; current = walker.nextNode()) {
      if (current.nodeType === 3) this.forgetSubtree(current, removed);
      else if (current.nodeType === 1) {
        const shadow = (current as Element).shadowRoot;
        if (shadow && this.observedRoots.has(shadow)) {
          this.observedRoots.delete(shadow);
          this.forgetSubtree(shadow, removed);
        }
      }
    }
  }

  /** Forgets the numbers of a removed text node (added to `removed`), keeping its text's matches for a node that
   *  comes back with the same text; returns them, or undefined when it had none. */
  private forgetText(node: Text, removed: PageNumber[]): PageNumber[] | undefined {
    const scanned = this.byNode.get(node);
    if (!scanned) return undefined;
    this.byNode.delete(node);
    this.removedByText.set(scanned.text, scanned.numbers);
    for (const number of scanned.numbers) removed.push(number);
    return scanned.numbers;
  }

  /** Works until `deadline`; true when work is left. */
  private step(deadline: number): boolean {
    this.skippedAncestors.clear();
    const added: Added = new Map();
    const removed: PageNumber[] = [];
    let walked = 0;
    try {
      for (;;) {
        if (!this.walker) {
          const root = this.queue.shift();
          if (!root) {
            this.forgetRemoved();
            return false;
          }
          this.queued.delete(root);
          this.walker = this.walkerFor(root, removed, added);
          if (!this.walker) continue;
        }
        const node = this.walker.nextNode();
        if (!node) {
          this.walker = null;
          continue;
        }
        if (node.nodeType === 3) this.scanText(node as Text, removed, added);
        else this.enterElement(node as Element);
        if (++walked % NODES_PER_CLOCK_CHECK === 0 && this.scheduler.now() >= deadline) return true;
      }
    } finally {
      this.skippedAncestors.clear();
      if (removed.length) this.options.listener.removed(removed);
      if (added.size) {
        const inPlaceOf = new Map<PageNumber, PageNumber>();
        for (const [number, replaced] of added) if (replaced) inPlaceOf.set(number, replaced);
        this.options.listener.added([...added.keys()], inPlaceOf);
      }
    }
  }

  /** A walker over `root`'s subtree, or null when `root` is a text node (scanned here) or not to be scanned. */
  private walkerFor(root: Node, removed: PageNumber[], added: Added): TreeWalker | null {
    if (!root.isConnected) return null;
    if (root.nodeType === 3) {
      if (!this.insideSkipped(root.parentElement)) this.scanText(root as Text, removed, added);
      return null;
    }
    if (root.nodeType === 1) {
      if (this.insideSkipped(root as Element)) return null;
      this.enterElement(root as Element);
    } else if (root.nodeType !== 9 && root.nodeType !== 11) return null;
    const NodeFilterOfPage = this.document.defaultView?.NodeFilter ?? NodeFilter;
    return this.document.createTreeWalker(root, NodeFilterOfPage.SHOW_ELEMENT | NodeFilterOfPage.SHOW_TEXT, {
      acceptNode: (node) =>
        node.nodeType === 1 && isSkippedElement(node as Element) ? NodeFilterOfPage.FILTER_REJECT : NodeFilterOfPage.FILTER_ACCEPT,
    });
  }

  /**
   * Whether `element` or one of its ancestors (across shadow boundaries) is skipped. The answers for the
   * ancestors are kept for the slice: a re-rendered list's items share them.
   */
  private insideSkipped(element: Element | null): boolean {
    const knownAlready = element ? this.skippedAncestors.get(element) : false;
    if (knownAlready !== undefined) return knownAlready;
    const chain: Element[] = [];
    let skipped = false;
    for (let current: Element | null = element; current; ) {
      const known = this.skippedAncestors.get(current);
      if (known !== undefined) {
        skipped = known;
        break;
      }
      chain.push(current);
      if (isSkippedElement(current)) {
        skipped = true;
        break;
      }
      const parent: Element | null = current.parentElement;
      if (parent) current = parent;
      else {
        const root = current.getRootNode();
        current = root.nodeType === 11 && 'host' in root ? (root as ShadowRoot).host : null;
      }
    }
    for (const link of chain) this.skippedAncestors.set(link, skipped);
    return skipped;
  }

  /** An element with an open shadow root: its tree is queued and observed. */
  private enterElement(element: Element): void {
    const shadow = element.shadowRoot;
    if (shadow && !this.observedRoots.has(shadow)) {
      this.observe(shadow);
      this.enqueue(shadow);
    }
  }

  private matchesIn(text: string): readonly FoundNumber[] {
    const known = this.removedByText.get(text) ?? this.matchCache.get(text);
    if (known) return known;
    const matches = findPhoneNumbers(text, this.options.defaultCountry);
    if (this.matchCache.size >= MATCH_CACHE_SIZE) this.matchCache.delete(this.matchCache.keys().next().value as string);
    this.matchCache.set(text, matches);
    return matches;
  }

  private scanText(node: Text, removed: PageNumber[], added: Added): void {
    const before = this.byNode.get(node)?.numbers;
    if (before) {
      this.byNode.delete(node);
      // Found earlier in this same step: never reported, so not reported as removed either.
      for (const number of before) if (!added.delete(number)) removed.push(number);
    }
    const text = node.data;
    if (!mayContainPhoneNumber(text)) return;
    // A copy of `before`: takeSameNumber takes the paired ones out.
    const replaceable = before ? [...before] : node.parentNode && this.removedFromParent.get(node.parentNode);
    const matches = this.matchesIn(text);
    if (!matches.length) return;
    const numbers = matches.map((match): PageNumber => new ScannedNumber(node, match));
    this.byNode.set(node, { text, numbers });
    const moved = replaceable && this.movedWithAncestor(node);
    for (const number of numbers) added.set(number, replaceable && !moved ? takeSameNumber(replaceable, number) : null);
  }

  /** Whether an ancestor of `node` was removed (or moved) since the queue was last empty. */
  private movedWithAncestor(node: Node): boolean {
    if (!this.removedSubtrees.size) return false;
    for (let current: Node | null = node.parentNode; current; current = current.parentNode ?? (current as Partial<ShadowRoot>).host ?? null) {
      if (this.removedSubtrees.has(current)) return true;
    }
    return false;
  }

  /** Forgets what was removed since the queue was last empty (kept so that re-rendered nodes take it over). */
  private forgetRemoved(): void {
    this.removedByText.clear();
    this.removedFromParent.clear();
    this.removedSubtrees.clear();
  }
}

/** A number the scanner found; its range is made on first use. */
class ScannedNumber implements PageNumber {
  readonly start: number;
  readonly end: number;
  readonly e164: string;
  readonly national: string;
  private made: AbstractRange | null = null;

  constructor(
    readonly node: Text,
    match: FoundNumber,
  ) {
    this.start = match.start;
    this.end = match.end;
    this.e164 = match.e164;
    this.national = match.national;
  }

  get range(): AbstractRange {
    this.made ??= rangeOver(this.node, this.start, this.end);
    return this.made;
  }
}

function rangeOver(node: Text, start: number, end: number): AbstractRange {
  const document = node.ownerDocument;
  const StaticRangeOfPage = (document.defaultView as (Window & { StaticRange?: typeof StaticRange }) | null)?.StaticRange;
  if (StaticRangeOfPage) return new StaticRangeOfPage({ startContainer: node, startOffset: start, endContainer: node, endOffset: end });
  return liveRangeOver(node, start, end);
}

/** A text node's numbers and the text they were found in. */
interface ScannedText {
  text: string;
  numbers: PageNumber[];
}

/** The numbers a step found, each with the removed number it replaces in place (null: none). */
type Added = Map<PageNumber, PageNumber | null>;

/** Takes out of `candidates` the removed number that `number` is found again as (same offsets, same number). */
function takeSameNumber(candidates: PageNumber[], number: PageNumber): PageNumber | null {
  for (let i = 0; i < candidates.length; i++) {
    const old = candidates[i]!;
    if (old.start !== number.start || old.end !== number.end || old.e164 !== number.e164) continue;
    candidates[i] = candidates[candidates.length - 1]!;
    candidates.pop();
    return old;
  }
  return null;
}

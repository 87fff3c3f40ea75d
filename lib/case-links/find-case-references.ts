// Finding what case links draw on a CRM page: case references in the page's text (the site rule's pattern), as
// offsets into text nodes the page keeps untouched, and the customer identifiers (phone, email) the rule's
// record selectors name. Pure DOM reads; nothing here changes the page.
import type { RecordSelectors } from '../crm-rules/crm-rule';

export interface FoundCaseReference {
  reference: string;
  start: number;
  end: number;
}

/** Every match of `pattern` (a rule's caseReferencePattern) in `text`, not overlapping, in order. */
export function findCaseReferences(text: string, pattern: string): FoundCaseReference[] {
  const found: FoundCaseReference[] = [];
  // Word boundaries where the pattern starts or ends with a word character: 'XCASE-2026-00421' is not a reference.
  const regExp = new RegExp(`(?<![\\w-])(?:${pattern})(?![\\w-])`, 'g');
  for (const match of text.matchAll(regExp)) {
    if (match[0] === '') continue;
    found.push({ reference: match[0], start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** A case reference in one of the page's text nodes. */
export interface PageCaseReference extends FoundCaseReference {
  node: Text;
  /** Inside one of the page's own links: the page's click is left alone (the hover card still offers links). */
  inLink: boolean;
}

export interface PageIdentifier {
  element: Element;
  kind: 'phone' | 'email';
  /** As written on the page: `data-e164` when the element has it, else its text. */
  value: string;
}

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'TEMPLATE', 'IFRAME', 'SVG']);

/** Where case links find nothing: code, form fields, editable areas, and the given own-UI host. */
export function isSkippedForCaseLinks(element: Element, ownHostTag: string): boolean {
  return SKIPPED.has(element.tagName.toUpperCase()) || element.localName === ownHostTag || (element as HTMLElement).isContentEditable === true || element.closest('[contenteditable=""],[contenteditable="true"]') !== null;
}

/** The case references in the text under `root` (an element or a text node). */
export function scanCaseReferences(root: Node, pattern: string, ownHostTag: string): PageCaseReference[] {
  const doc = root.ownerDocument ?? (root as Document);
  const found: PageCaseReference[] = [];
  const visit = (node: Text) => {
    const parent = node.parentElement;
    if (!parent || isSkippedForCaseLinks(parent, ownHostTag) || parent.closest(ownHostTag)) return;
    const inLink = parent.closest('a[href]') !== null;
    for (const match of findCaseReferences(node.data, pattern)) found.push({ ...match, node, inLink });
  };
  if (root.nodeType === 3) {
    visit(root as Text);
    return found;
  }
  const walker = doc.createTreeWalker(root, 0x4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) visit(node as Text);
  return found;
}

/** The phone numbers and email addresses the rule's record selectors find under `root` (itself included). */
export function findIdentifiers(root: Element | Document, selectors: Pick<RecordSelectors, 'phone' | 'email'>, ownHostTag: string): PageIdentifier[] {
  const found: PageIdentifier[] = [];
  const collect = (selector: string, kind: PageIdentifier['kind']) => {
    const self = 'matches' in root && root.matches(selector) ? [root] : [];
    const elements = [...self, ...root.querySelectorAll(selector)];
    for (const element of elements) {
      if (element.closest(ownHostTag)) continue;
      const value = (kind === 'phone' ? element.getAttribute('data-e164') : null) ?? element.textContent?.trim() ?? '';
      if (value === '' || value.length > 254 || (kind === 'email' && !value.includes('@'))) continue;
      found.push({ element, kind, value });
    }
  };
  collect(selectors.phone, 'phone');
  collect(selectors.email, 'email');
  return found;
}

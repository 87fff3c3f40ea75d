// What a dial from a page says about the page (F31): its URL, its title and, on a CRM page, the record it
// shows — found with the matching CRM site rule's record selector (`data-record-id`). Read in the content
// script when the agent dials; the worker binds it to the outbound contact. No rule matches: no record id.
import type { CrmSiteRule } from '../crm-rules/crm-rule';
import { matchesAnyPattern } from '../crm-rules/match-pattern';
import type { PageContext } from '../session/snapshot';

/** Bounds on what a page may hand over (a page controls its title and its record element). */
export const PAGE_CONTEXT_LIMITS = { url: 2048, title: 300, recordId: 200 } as const;

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/** The record a rule's selector finds on the page (the elements' `data-record-id`), or null when it finds none
 *  or several different ones (a list of customers shows no one record). */
function recordIdOn(document: Document, rule: CrmSiteRule): string | null {
  let elements: Element[];
  try {
    elements = [...document.querySelectorAll(rule.recordSelectors.recordId)];
  } catch {
    return null; // a rule with an invalid selector finds nothing rather than breaking the dial
  }
  const ids = new Set(elements.map((element) => element.getAttribute('data-record-id')?.trim() ?? '').filter((id) => id !== ''));
  const [only] = ids;
  return ids.size === 1 && only !== undefined ? clip(only, PAGE_CONTEXT_LIMITS.recordId) : null;
}

/** The page context of `document` at `url` under the first of `rules` whose patterns match the URL. */
export function capturePageContext(document: Document, url: string, rules: readonly CrmSiteRule[]): PageContext {
  const rule = rules.find((candidate) => matchesAnyPattern(candidate.matches, url));
  return {
    url: clip(url, PAGE_CONTEXT_LIMITS.url),
    title: clip(document.title.replace(/\s+/g, ' ').trim(), PAGE_CONTEXT_LIMITS.title),
    recordId: rule ? recordIdOn(document, rule) : null,
  };
}

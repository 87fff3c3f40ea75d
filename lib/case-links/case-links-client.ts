// The case-links content script's side of messaging: its two requests to the worker (a worker that cannot be
// reached answers as "contact center error"), and its texts from the extension's own locale (public/_locales).
import { browser } from 'wxt/browser';
import type { CaseLinksTexts } from './case-card';
import type { CaseLinksErrorCode, CaseLinksLinkAnswer, CaseLinksLinkRequest, CaseLinksLookupAnswer, CaseLinksLookupRequest } from './case-links-message';

const ERROR_MESSAGES: Record<CaseLinksErrorCode, string> = {
  'not-signed-in': 'case_links_error_not_signed_in',
  'not-available': 'case_links_error_not_available',
  'no-current-call': 'case_links_error_no_current_call',
  'case-not-found': 'case_links_error_case_not_found',
  'contact-center-error': 'case_links_error_other',
  refused: 'case_links_error_other',
};

export function caseLinksTexts(): CaseLinksTexts {
  // Chrome's i18n message names are a fixed set known at build time; the casts name them.
  const message = (name: string, substitutions?: string) => browser.i18n.getMessage(name as 'case_links_open', substitutions);
  return {
    open: (reference) => message('case_links_open', reference),
    linkCurrentCall: message('case_links_link_current_call'),
    linking: message('case_links_linking'),
    linked: (reference) => message('case_links_linked', reference),
    openCases: (count) => message(count === 1 ? 'case_links_open_cases_one' : 'case_links_open_cases', String(count)),
    error: (code) => message(ERROR_MESSAGES[code]),
  };
}

async function send<Answer>(request: CaseLinksLookupRequest | CaseLinksLinkRequest): Promise<Answer | { ok: false; error: { code: 'contact-center-error'; detail: string } }> {
  try {
    const answer = (await browser.runtime.sendMessage(request)) as Answer | undefined;
    return answer ?? { ok: false, error: { code: 'contact-center-error', detail: 'no answer from the worker' } };
  } catch (error) {
    return { ok: false, error: { code: 'contact-center-error', detail: error instanceof Error ? error.message : String(error) } };
  }
}

export function sendCaseLinksLookup(request: Omit<CaseLinksLookupRequest, 'type'>): Promise<CaseLinksLookupAnswer> {
  return send<CaseLinksLookupAnswer>({ type: 'case-links-lookup', ...request });
}

export function sendLinkCurrentCall(reference: string): Promise<CaseLinksLinkAnswer> {
  return send<CaseLinksLinkAnswer>({ type: 'case-links-link-contact', reference });
}

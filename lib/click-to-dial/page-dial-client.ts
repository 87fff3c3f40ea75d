// The content script's side of dialing: the `page-dial` message to the worker, and the dial button's texts from
// the extension's own locale (public/_locales), errors translated by their code (dial-errors.ts).
import { browser } from 'wxt/browser';
import { activeRules } from '../crm-rules/active-rules';
import { loadSettings } from '../settings/settings-store';
import type { CommandResult } from '../session/commands';
import { dialErrorMessageName } from './dial-errors';
import type { DialButtonTexts } from './dial-button';
import { capturePageContext } from './page-context';
import type { PageDialRequest } from './page-dial-message';

export function pageDialTexts(): DialButtonTexts {
  // Chrome's i18n message names are a fixed set known at build time; the casts name them.
  const message = (name: string, substitutions?: string) => browser.i18n.getMessage(name as 'c2d_call', substitutions);
  return {
    call: (national) => message('c2d_call', national),
    confirm: (national) => message('c2d_confirm', national),
    calling: () => message('c2d_calling'),
    error: (result) => message(dialErrorMessageName(result.error.code)),
  };
}

/** Asks the worker to dial `e164` for this page (with its URL, title and CRM record id); a worker that cannot
 *  be reached is "engine unavailable". */
export async function sendPageDial(e164: string): Promise<CommandResult> {
  try {
    // The CRM rules in force (the admin's first) name the record on the page.
    const rules = activeRules((await loadSettings()).values);
    const request: PageDialRequest = { type: 'page-dial', phoneNumber: e164, page: capturePageContext(document, location.href, rules) };
    const answer = (await browser.runtime.sendMessage(request)) as CommandResult | undefined;
    return answer ?? { ok: false, error: { code: 'engine-unavailable', detail: 'no answer' } };
  } catch (error) {
    return { ok: false, error: { code: 'engine-unavailable', detail: error instanceof Error ? error.message : String(error) } };
  }
}

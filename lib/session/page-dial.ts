// Dialing from web pages, the worker's side: the `page-dial` message of this extension's click-to-dial content
// scripts (checked to come from a content script of ours, the number checked again) and the "Call <selection>"
// context menu item; both become a `dial` command with a fresh id through the router, and the page (URL, title,
// CRM record id) is handed to the page-context binder first so the call carries it (F31). The log gets the
// page's origin only, never its full URL or title.
import { findPhoneNumbers, type CountryCode } from '../click-to-dial/find-numbers';
import { PAGE_CONTEXT_LIMITS } from '../click-to-dial/page-context';
import { isPageDialRequest } from '../click-to-dial/page-dial-message';
import type { SessionLogWriter } from '../session-log/session-log';
import type { CommandEnvelope, CommandError, CommandResult } from './commands';
import type { PageContext } from './snapshot';
import { isE164 } from '../phone/phone-number';
import { originOf } from '../session-log/redaction';

/** What the context menu needs of browser.contextMenus and browser.i18n. */
export interface ContextMenuApi {
  create(properties: { id: string; title: string; contexts: ['selection']; documentUrlPatterns: string[] }): unknown;
}

/** Creates the "Call <selection>" item (on install and update; Chrome keeps it across worker restarts). */
export function createCallSelectionMenu(menus: ContextMenuApi, title: string): void {
  menus.create({ id: CALL_SELECTION_MENU_ID, title, contexts: ['selection'], documentUrlPatterns: ['http://*/*', 'https://*/*'] });
}

export const CALL_SELECTION_MENU_ID = 'switchboard-call-selection';

/** The parts of runtime.MessageSender this needs. */
export interface PageDialSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export interface PageDialDeps {
  /** This extension's id (runtime.id). */
  extensionId: string;
  execute(envelope: CommandEnvelope): Promise<CommandResult>;
  log: SessionLogWriter;
  defaultCountry(): Promise<CountryCode>;
  /** Told about each dial's page before it is placed, and about a dial that failed (page-context-binder.ts). */
  pageContexts?: {
    expect(dialId: string, phoneNumber: string, page: PageContext): Promise<void>;
    forget(dialId: string): Promise<void>;
  };
  newId?: () => string;
  /** Tells the agent why a "Call <selection>" placed no call (a notification: the menu cannot answer itself). */
  selectionFailed?: (error: CommandError, selection: string) => Promise<unknown>;
}

/** `phoneNumber` when it is a valid number written in E.164 ('+81312345678'), else null. */
export const validE164 = (phoneNumber: string): string | null => (isE164(phoneNumber) ? phoneNumber : null);

export class PageDial {
  private readonly newId: () => string;

  constructor(private readonly deps: PageDialDeps) {
    this.newId = deps.newId ?? (() => crypto.randomUUID());
  }

  /**
   * The runtime.onMessage handler: a promise of the answer for a `page-dial` request, undefined for any other
   * message (left to the other handlers).
   */
  handleMessage(message: unknown, sender: PageDialSender): Promise<CommandResult> | undefined {
    if (!isPageDialRequest(message)) return undefined;
    const origin = originOf(sender.url);
    // Content scripts of this extension send with our id and a tab; extension pages have no tab.
    if (sender.id !== this.deps.extensionId || sender.tab === undefined || !/^https?:\/\//.test(sender.url ?? '')) {
      this.deps.log.append('page-dial-refused', { origin, reason: 'sender' });
      return Promise.resolve({ ok: false, error: { code: 'bad-command', detail: 'page-dial is only accepted from click-to-dial content scripts' } });
    }
    return this.dial(message.phoneNumber, 'page', origin, message.page);
  }

  /** The context menu item on a selection: its first phone number is dialed (with the page's URL and the tab's
   *  title as its context; the worker cannot read the page for a record id). A selection without a number, or a
   *  dial that fails, is told to the agent through `selectionFailed`. */
  async handleSelection(selectionText: string | undefined, pageUrl: string | undefined, tabTitle?: string): Promise<CommandResult> {
    const origin = originOf(pageUrl);
    const text = (selectionText ?? '').slice(0, 200);
    const [match] = findPhoneNumbers(text, await this.deps.defaultCountry());
    let result: CommandResult;
    if (match) {
      const page = pageUrl && /^https?:\/\//.test(pageUrl) ? { url: pageUrl.slice(0, PAGE_CONTEXT_LIMITS.url), title: (tabTitle ?? '').slice(0, PAGE_CONTEXT_LIMITS.title), recordId: null } : null;
      result = await this.dial(match.e164, 'selection', origin, page);
    } else {
      this.deps.log.append('page-dial-refused', { origin, reason: 'no-number-in-selection' });
      result = { ok: false, error: { code: 'invalid-number', params: { number: text.slice(0, 40) } } };
    }
    if (!result.ok) await this.deps.selectionFailed?.(result.error, text).catch(() => undefined);
    return result;
  }

  private async dial(phoneNumber: string, source: 'page' | 'selection', origin: string, page: PageContext | null): Promise<CommandResult> {
    const e164 = validE164(phoneNumber);
    if (!e164) {
      this.deps.log.append('page-dial-refused', { origin, source, reason: 'invalid-number' });
      return { ok: false, error: { code: 'invalid-number', params: { number: phoneNumber.slice(0, 32) } } };
    }
    const id = `page-dial:${this.newId()}`;
    if (page) await this.deps.pageContexts?.expect(id, e164, page);
    const result = await this.deps.execute({ id, command: { type: 'dial', target: { phoneNumber: e164 } } });
    if (page && !result.ok) await this.deps.pageContexts?.forget(id);
    this.deps.log.append('page-dial', { origin, source, ok: result.ok, ...(result.ok ? {} : { code: result.error.code }) });
    return result;
  }
}

// Click-to-dial in one page (or frame), assembled: the scanner finds the numbers, the highlighter marks them,
// the hover tracker shows the one dial button over a number, and `tel:` links dial through Switchboard. The
// content script entrypoint gives it the settings and the way to reach the worker; nothing here listens to the
// page's postMessage or exposes anything to page scripts.
import type { CommandResult } from '../session/commands';
import { DialButton, type DialButtonTexts } from './dial-button';
import type { CountryCode } from './find-numbers';
import { createHighlighter } from './highlighter';
import { trackHover } from './hover-tracker';
import { PageScanner } from './page-scanner';
import { interceptTelLinks } from './tel-links';

export interface ClickToDialOptions {
  defaultCountry: CountryCode;
  /** Whether `tel:` links dial through Switchboard. */
  telLinks: boolean;
  /** Whether a click asks "Call …?" before dialing (numbers and `tel:` links). */
  confirmBeforeDialing?: boolean;
  texts: DialButtonTexts;
  /** True when the content script's manifest injects the highlight's style (highlight.css) before the page is
   *  built; otherwise the highlighter adopts a stylesheet, which restyles the whole page once. */
  highlightStyleInjected?: boolean;
  /** Asks the worker to dial (E.164). */
  dial(e164: string): Promise<CommandResult>;
}

export interface ClickToDial {
  scanner: PageScanner;
  stop(): void;
}

export function startClickToDial(document: Document, options: ClickToDialOptions): ClickToDial {
  const highlighter = createHighlighter(document, { adoptStyle: !options.highlightStyleInjected });
  const scanner = new PageScanner(document, { defaultCountry: options.defaultCountry, listener: highlighter });
  const button = new DialButton(document, {
    texts: options.texts,
    confirmFirst: options.confirmBeforeDialing === true,
    dial: (target) => options.dial(target.e164),
  });
  scanner.start();
  const stopHover = trackHover(document, scanner, {
    onNumber: (number, rect) => {
      if (button.current?.e164 !== number.e164 || !button.hovered) button.showFor(number, rect);
    },
    onNothing: () => button.hideSoon(),
  });
  const stopTelLinks = options.telLinks
    ? interceptTelLinks(document, {
        defaultCountry: options.defaultCountry,
        dial: (e164, link) => {
          if (options.confirmBeforeDialing) {
            button.askToConfirm({ e164, national: e164 }, link.getBoundingClientRect());
            return Promise.resolve({ ok: true } as const);
          }
          const result = options.dial(e164);
          button.showOutcome(result, link.getBoundingClientRect());
          return result;
        },
      })
    : () => undefined;
  return {
    scanner,
    stop: () => {
      stopHover();
      stopTelLinks();
      scanner.stop();
      highlighter.stop();
      button.destroy();
    },
  };
}

// `tel:` links dial through Switchboard: a capture-phase listener on the document takes trusted primary clicks
// on `a[href^="tel:"]` (open shadow roots included), reads the number with numberFromTelHref (never the raw
// href to the parser) and dials; a number it cannot read is left to the browser.
import type { CommandResult } from '../session/commands';
import type { CountryCode } from './find-numbers';
import { numberFromTelHref } from './tel-href';

export interface TelLinkOptions {
  defaultCountry: CountryCode;
  dial(e164: string, link: HTMLAnchorElement): Promise<CommandResult>;
}

function telLinkOf(event: Event): HTMLAnchorElement | null {
  for (const target of event.composedPath()) {
    const element = target as Element;
    if (element.nodeType !== 1) continue;
    if (element.localName === 'a' && element.hasAttribute('href')) {
      return /^\s*tel:/i.test(element.getAttribute('href') ?? '') ? (element as HTMLAnchorElement) : null;
    }
  }
  return null;
}

/** Starts taking `tel:` link clicks on `document`; returns the function that stops it. */
export function interceptTelLinks(document: Document, options: TelLinkOptions): () => void {
  const onClick = (event: MouseEvent) => {
    if (!event.isTrusted || event.button !== 0 || event.defaultPrevented) return;
    const link = telLinkOf(event);
    if (!link) return;
    const number = numberFromTelHref(link.getAttribute('href') ?? '', options.defaultCountry);
    if (!number) return; // not a number Switchboard can dial: the system's handler gets it
    event.preventDefault();
    void options.dial(number.e164, link);
  };
  document.addEventListener('click', onClick, { capture: true });
  return () => document.removeEventListener('click', onClick, { capture: true });
}

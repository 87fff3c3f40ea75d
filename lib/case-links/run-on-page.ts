// Case links' life in one page: started when a CRM site rule in force (the admin's, then the built-in ones)
// matches the page, with that rule; nothing on any other page. Runs inside the click-to-dial content script
// (top frame), so pages load one Switchboard script, not two copies of the settings and phone-number code.
import { activeRules, ruleForPage } from '../crm-rules/active-rules';
import { loadSettings } from '../settings/settings-store';
import { caseLinksTexts, sendCaseLinksLookup, sendLinkCurrentCall } from './case-links-client';
import { startCaseLinks } from './case-links-page';

/** Starts case links in `document` if a rule matches `url`; returns the function that stops it. */
export function runCaseLinksOnPage(document: Document, url: string): () => void {
  let stopped = false;
  let stop: (() => void) | null = null;
  void loadSettings().then((settings) => {
    const rule = ruleForPage(activeRules(settings.values), url);
    if (!rule || stopped) return;
    const caseLinks = startCaseLinks(document, { rule, texts: caseLinksTexts(), lookUp: sendCaseLinksLookup, linkCurrentCall: sendLinkCurrentCall });
    stop = () => caseLinks.stop();
  });
  return () => {
    stopped = true;
    stop?.();
  };
}

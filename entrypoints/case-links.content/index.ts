// Content script on http(s) pages: on a page a CRM site rule matches, case references link to their cases,
// customer identifiers get an open-case badge, and the current call can be linked to a case
// (lib/case-links/case-links-page.ts does the work). Any other page: it returns once the settings are read, having
// done nothing.
import { activeRules, ruleForPage } from '@/lib/crm-rules/active-rules';
import { loadSettings } from '@/lib/settings/settings-store';
import { caseLinksTexts, sendCaseLinksLookup, sendLinkCurrentCall } from '@/lib/case-links/case-links-client';
import { startCaseLinks } from '@/lib/case-links/case-links-page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    // The CRM rules in force: the admin's (settings `crm.rules`), then the built-in ones.
    const rule = ruleForPage(activeRules((await loadSettings()).values), location.href);
    if (!rule || ctx.isInvalid) return;
    const caseLinks = startCaseLinks(document, { rule, texts: caseLinksTexts(), lookUp: sendCaseLinksLookup, linkCurrentCall: sendLinkCurrentCall });
    ctx.onInvalidated(() => caseLinks.stop());
  },
});

// Content script on http(s) pages: on a page a CRM site rule matches, case references link to their cases,
// customer identifiers get an open-case badge, and the current call can be linked to a case
// (lib/case-links/case-links-page.ts does the work). Any other page: it returns at once, having done nothing.
import { BUILT_IN_RULES } from '@/lib/crm-rules/built-in-rules';
import { matchesAnyPattern } from '@/lib/crm-rules/match-pattern';
import { caseLinksTexts, sendCaseLinksLookup, sendLinkCurrentCall } from '@/lib/case-links/case-links-client';
import { startCaseLinks } from '@/lib/case-links/case-links-page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const rule = BUILT_IN_RULES.find((r) => matchesAnyPattern(r.matches, location.href));
    if (!rule || ctx.isInvalid) return;
    const caseLinks = startCaseLinks(document, { rule, texts: caseLinksTexts(), lookUp: sendCaseLinksLookup, linkCurrentCall: sendLinkCurrentCall });
    ctx.onInvalidated(() => caseLinks.stop());
  },
});

// Content script on every http(s) page and frame: phone numbers and `tel:` links become dialable through
// Switchboard where the settings allow it (lib/click-to-dial/run-on-page.ts; a settings change, such as the
// admin's policy or the panel's per-site switch, applies at once); in the top frame of a CRM page a site rule
// matches, case references link to their cases (lib/case-links/run-on-page.ts).
// The highlight's style goes into the manifest, so Chrome adds it before the page is built (see highlighter.ts).
import '@/lib/click-to-dial/highlight.css';
import { runCaseLinksOnPage } from '@/lib/case-links/run-on-page';
import { runClickToDialOnPage } from '@/lib/click-to-dial/run-on-page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    ctx.onInvalidated(runClickToDialOnPage(document, () => location.href));
    if (window === window.top) ctx.onInvalidated(runCaseLinksOnPage(document, location.href));
  },
});

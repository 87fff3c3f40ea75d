// Content script on every http(s) page and frame: phone numbers and `tel:` links become dialable through
// Switchboard (lib/click-to-dial/click-to-dial.ts does the work; this reads the settings and reaches the worker).
import { startClickToDial } from '@/lib/click-to-dial/click-to-dial';
// The highlight's style goes into the manifest, so Chrome adds it before the page is built (see highlighter.ts).
import '@/lib/click-to-dial/highlight.css';
import { pageDialTexts, sendPageDial } from '@/lib/click-to-dial/page-dial-client';
import { defaultCountryItem, disabledSitesItem, telLinksItem } from '@/lib/click-to-dial/settings';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    const [defaultCountry, telLinks, disabledSites] = await Promise.all([defaultCountryItem.getValue(), telLinksItem.getValue(), disabledSitesItem.getValue()]);
    if (disabledSites.includes(location.origin) || ctx.isInvalid) return;
    const clickToDial = startClickToDial(document, { defaultCountry, telLinks, texts: pageDialTexts(), dial: sendPageDial, highlightStyleInjected: true });
    ctx.onInvalidated(() => clickToDial.stop());
  },
});

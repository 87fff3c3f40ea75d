// Whether click-to-dial runs on a page, and with which options, from the effective settings: switched on, the
// page's URL matched by the admin's allow list and by none of the deny list, and its origin not switched off by
// the agent in the panel. The deny list wins over the allow list.
import { matchesAnyPattern } from '../crm-rules/match-pattern';
import type { Settings } from '../settings/schema';
import type { CountryCode } from './find-numbers';

export interface PageClickToDialOptions {
  defaultCountry: CountryCode;
  telLinks: boolean;
  confirmBeforeDialing: boolean;
}

/** Why click-to-dial does not run on a page (for the panel's per-site switch and the log). */
export type ClickToDialOffReason = 'switched-off' | 'not-allowed' | 'denied' | 'agent-disabled-site' | 'not-a-web-page';

export type ClickToDialAccess = { on: true; options: PageClickToDialOptions } | { on: false; reason: ClickToDialOffReason };

type ClickToDialSettings = Pick<
  Settings,
  | 'clickToDial.enabled'
  | 'clickToDial.allowedSites'
  | 'clickToDial.deniedSites'
  | 'clickToDial.disabledSites'
  | 'clickToDial.defaultCountry'
  | 'clickToDial.telLinks'
  | 'clickToDial.confirmBeforeDialing'
>;

/** The web origin of `url` ('https://crm.example.com'), or null for other pages. */
export function webOriginOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

export function clickToDialAccess(url: string, settings: ClickToDialSettings): ClickToDialAccess {
  const origin = webOriginOf(url);
  if (!origin) return { on: false, reason: 'not-a-web-page' };
  if (!settings['clickToDial.enabled']) return { on: false, reason: 'switched-off' };
  if (matchesAnyPattern(settings['clickToDial.deniedSites'], url)) return { on: false, reason: 'denied' };
  if (!matchesAnyPattern(settings['clickToDial.allowedSites'], url)) return { on: false, reason: 'not-allowed' };
  if (settings['clickToDial.disabledSites'].includes(origin)) return { on: false, reason: 'agent-disabled-site' };
  return {
    on: true,
    options: {
      defaultCountry: settings['clickToDial.defaultCountry'] as CountryCode,
      telLinks: settings['clickToDial.telLinks'],
      confirmBeforeDialing: settings['clickToDial.confirmBeforeDialing'],
    },
  };
}

// Where click-to-dial runs: switched on, allowed by the admin's allow list, not denied (the deny list wins), not
// switched off by the agent for the site; and with which options.
import { describe, expect, it } from 'vitest';
import { clickToDialAccess, webOriginOf } from '../../../lib/click-to-dial/site-access';
import { builtInDefaults } from '../../../lib/settings/schema';

const settings = (patch: Partial<ReturnType<typeof builtInDefaults>> = {}) => ({ ...builtInDefaults(), ...patch });

describe('clickToDialAccess', () => {
  it('runs on every web page by default, with the default options', () => {
    expect(clickToDialAccess('https://crm.example.com/customers/1', settings())).toEqual({
      on: true,
      options: { defaultCountry: 'JP', telLinks: true, confirmBeforeDialing: false },
    });
  });

  it('gives the reason when it does not run', () => {
    expect(clickToDialAccess('chrome://settings', settings())).toEqual({ on: false, reason: 'not-a-web-page' });
    expect(clickToDialAccess('https://a.example/', settings({ 'clickToDial.enabled': false }))).toEqual({ on: false, reason: 'switched-off' });
    expect(clickToDialAccess('https://a.example/', settings({ 'clickToDial.allowedSites': ['https://crm.example.com/*'] }))).toEqual({ on: false, reason: 'not-allowed' });
    expect(clickToDialAccess('https://bank.example/x', settings({ 'clickToDial.deniedSites': ['*://bank.example/*'] }))).toEqual({ on: false, reason: 'denied' });
    expect(clickToDialAccess('https://a.example/x', settings({ 'clickToDial.disabledSites': ['https://a.example'] }))).toEqual({ on: false, reason: 'agent-disabled-site' });
  });

  it('lets the deny list win over the allow list', () => {
    const both = settings({ 'clickToDial.allowedSites': ['https://*.example.com/*'], 'clickToDial.deniedSites': ['https://pay.example.com/*'] });
    expect(clickToDialAccess('https://crm.example.com/', both).on).toBe(true);
    expect(clickToDialAccess('https://pay.example.com/', both)).toEqual({ on: false, reason: 'denied' });
  });

  it('switches a site off by origin, not by page or port-less host', () => {
    const off = settings({ 'clickToDial.disabledSites': ['http://localhost:8791'] });
    expect(clickToDialAccess('http://localhost:8791/customers/1', off).on).toBe(false);
    expect(clickToDialAccess('http://localhost:9000/customers/1', off).on).toBe(true);
  });

  it('names web origins only', () => {
    expect(webOriginOf('https://crm.example.com/a?b#c')).toBe('https://crm.example.com');
    expect(webOriginOf('file:///tmp/x.html')).toBeNull();
    expect(webOriginOf('not a url')).toBeNull();
    expect(webOriginOf(undefined)).toBeNull();
  });
});

// The extension's origins at the contact center (server/security.ts isFromBrowserExtension), through inject():
// Chrome's `chrome-extension://<id>` and Firefox's `moz-extension://<uuid>` pass the same routes on the same terms
// (the transcript's say route with the handling agent's session, the screen pop's profile search), each with the
// Sec-Fetch-Site its browser gives an extension's own request; a page's markings, a malformed id and another
// browser's marking are refused as before.
import { describe, expect, it } from 'vitest';
import { isFromBrowserExtension } from '../../../contact-center/server/security';
import { apiError, useTranscriptFixture } from '../transcript/transcript-fixture';
import { injectFetch } from './inject-fetch';

const f = useTranscriptFixture();
const inject = injectFetch(() => f().cc.app);

const CHROME = { Origin: `chrome-extension://${'abcdefghijklmnop'.repeat(2)}`, 'Sec-Fetch-Site': 'none' };
const FIREFOX = { Origin: 'moz-extension://0f1e2d3c-4b5a-4968-8778-695a4b3c2d1e', 'Sec-Fetch-Site': 'same-origin' };

const say = (contactId: string, text: string, headers: Record<string, string>) =>
  inject(`/api/v1/contacts/${encodeURIComponent(contactId)}/transcript`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ role: 'AGENT', text }),
  });

const searchProfiles = (headers: Record<string, string>) =>
  inject('/api/v1/profiles/search', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ KeyName: '_phone', Values: ['+819012345678'] }),
  });

describe.each([
  ['Chrome', CHROME],
  ['Firefox', FIREFOX],
])("the extension's pages and worker in %s", (_browser, extension) => {
  it('say a line on the call of the agent whose session they bring, and only then', async () => {
    const { cc } = f();
    const contactId = f().connectedCall('agent1');
    expect(await apiError(await say(contactId, 'hello', extension))).toMatchObject({ status: 401, code: 'NotSignedIn' });
    expect(await apiError(await say(contactId, 'hello', { ...extension, Cookie: f().cookie('agent2') }))).toMatchObject({ status: 403, code: 'TranscriptNotYourContact' });
    expect((await say(contactId, 'How can I help you today?', { ...extension, Cookie: f().cookie('agent1') })).status).toBe(201);
    expect(cc.transcripts.segments(contactId).map((s) => s.content)).toEqual(['How can I help you today?']);
    f().endCall(contactId);
  });

  it('search profiles for a screen pop', async () => {
    expect((await searchProfiles(extension)).status).toBe(200);
  });

  it('are refused when the browser marks the request as a web page’s', async () => {
    const contactId = f().connectedCall('agent1');
    const cookie = f().cookie('agent1');
    for (const site of ['cross-site', 'same-site']) {
      expect((await say(contactId, 'x', { ...extension, 'Sec-Fetch-Site': site, Cookie: cookie })).status).toBe(403);
      expect((await searchProfiles({ ...extension, 'Sec-Fetch-Site': site })).status).toBe(403);
    }
    expect(f().cc.transcripts.segments(contactId)).toHaveLength(0);
    f().endCall(contactId);
  });
});

describe('isFromBrowserExtension', () => {
  const from = (origin: string, site?: string) => isFromBrowserExtension({ headers: { origin, ...(site ? { 'sec-fetch-site': site } : {}) } });

  it("takes each browser's extension origin with the marking that browser gives the extension's own requests", () => {
    expect(from(CHROME.Origin, 'none')).toBe(true);
    expect(from(FIREFOX.Origin, 'same-origin')).toBe(true);
  });

  it("refuses malformed ids, web origins, a missing marking and another browser's marking", () => {
    expect(from('moz-extension://0F1E2D3C-4B5A-4968-8778-695A4B3C2D1E', 'same-origin')).toBe(false);
    expect(from('moz-extension://not-a-uuid', 'same-origin')).toBe(false);
    expect(from('moz-extension://0f1e2d3c-4b5a-4968-8778-695a4b3c2d1e.evil.example', 'same-origin')).toBe(false);
    expect(from('https://evil.example', 'same-origin')).toBe(false);
    expect(from(FIREFOX.Origin)).toBe(false);
    expect(from(CHROME.Origin)).toBe(false);
    expect(from(FIREFOX.Origin, 'none')).toBe(false);
    expect(from(CHROME.Origin, 'same-origin')).toBe(false);
  });
});

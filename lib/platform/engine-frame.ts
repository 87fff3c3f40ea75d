// Where the engine runs in a browser without offscreen documents (Firefox): the engine page (offscreen.html) in
// an iframe of the background page's own document. The iframe stands in for Chrome's offscreen document
// behind the same OffscreenApi, so the supervisor, the channel and the engine page are the same code in both
// browsers: the frame is a separate extension context, so runtime messages flow between it and the background
// page exactly as they do between Chrome's worker and its offscreen document. docs/firefox.md says why.
import { browser } from 'wxt/browser';
import type { OffscreenApi } from '../session/engine-document';

/** The engine frame's element id in the background page. */
export const ENGINE_FRAME_ID = 'switchboard-engine';

/** True where the browser has Chrome's offscreen documents (Chrome, Edge); false in Firefox. */
export function hasOffscreenDocuments(): boolean {
  const offscreen = (browser as unknown as { offscreen?: { createDocument?: unknown } }).offscreen;
  return typeof offscreen?.createDocument === 'function';
}

/**
 * The offscreen API, played by an iframe in `host` (the background page's document). Like Chrome's, it allows
 * one engine document at a time, resolves creation once the page has loaded, and refuses to close none.
 */
export function backgroundFrameOffscreenApi(
  host: Document = document,
  resolveUrl: (path: string) => string = (path) => browser.runtime.getURL(`/${path}` as '/'),
  /** How long creation waits for the engine page to load before it gives up (the supervisor then reports it). */
  loadTimeoutMs = 15_000,
): OffscreenApi {
  const frame = () => host.getElementById(ENGINE_FRAME_ID) as HTMLIFrameElement | null;
  return {
    async createDocument({ url }) {
      if (frame() !== null) throw new Error('Only a single engine document may be created.');
      const element = host.createElement('iframe');
      element.id = ENGINE_FRAME_ID;
      // The CCP frame streams puts inside asks for these; a same-origin parent passes them on.
      element.allow = 'microphone; autoplay; clipboard-write';
      element.src = /^[a-z-]+:/.test(url) ? url : resolveUrl(url.replace(/^\/+/, ''));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const loaded = new Promise<void>((resolve, reject) => {
        element.addEventListener('load', () => resolve(), { once: true });
        timer = setTimeout(() => reject(new Error(`The engine page did not load in ${loadTimeoutMs} ms.`)), loadTimeoutMs);
      });
      (host.body ?? host.documentElement).append(element);
      try {
        await loaded;
      } catch (error) {
        element.remove();
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    async closeDocument() {
      const element = frame();
      if (element === null) throw new Error('No current engine document.');
      // Removing the frame unloads the engine page, as closing Chrome's offscreen document does.
      element.remove();
    },
    async documentUrls() {
      const element = frame();
      return element === null ? [] : [element.src];
    },
  };
}

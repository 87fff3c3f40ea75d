// The offscreen document that hosts the engine: create it for an instance, find it, close it. Chrome allows one
// offscreen document per extension, so creation is single-flight (a second caller waits for the first).
import { browser, type Browser } from 'wxt/browser';
import { backgroundFrameOffscreenApi, hasOffscreenDocuments } from '../platform/engine-frame';

export const ENGINE_DOCUMENT_PATH = 'offscreen.html';

export interface EngineDocumentInfo {
  /** The instance the document was created for (its `instance` query parameter). */
  instanceUrl: string | null;
}

export interface EngineDocument {
  create(instanceUrl: string): Promise<void>;
  /** The existing document, or null when there is none. */
  find(): Promise<EngineDocumentInfo | null>;
  close(): Promise<void>;
}

/** The offscreen API and contexts query, as the worker sees them (a seam: fake-browser has neither). */
export interface OffscreenApi {
  createDocument(parameters: Browser.offscreen.CreateParameters): Promise<void>;
  closeDocument(): Promise<void>;
  /** Absolute URLs of the extension's offscreen documents. */
  documentUrls(): Promise<string[]>;
}

export function browserOffscreenApi(): OffscreenApi {
  return {
    createDocument: (parameters) => browser.offscreen.createDocument(parameters),
    closeDocument: () => browser.offscreen.closeDocument(),
    async documentUrls() {
      // The enum's value is its name; the polyfill build has no runtime enum object to read it from.
      const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType] });
      return contexts.map((context) => context.documentUrl ?? '');
    },
  };
}

/** The engine document's URL: the instance, and its AWS region when the settings name one (an offscreen
 *  document has no storage API, so it gets what it needs in its query). */
export const engineDocumentUrl = (instanceUrl: string, region = '') =>
  `${ENGINE_DOCUMENT_PATH}?instance=${encodeURIComponent(instanceUrl)}${region ? `&region=${encodeURIComponent(region)}` : ''}`;

const JUSTIFICATION =
  'Runs the Amazon Connect softphone (amazon-connect-streams and its CCP frame) with microphone and WebRTC audio, so calls continue while the side panel is closed.';

export function instanceOfDocumentUrl(documentUrl: string): string | null {
  try {
    return new URL(documentUrl).searchParams.get('instance');
  } catch {
    return null;
  }
}

/** The engine's host: Chrome's offscreen document, or in Firefox an iframe of the background page. */
export const platformOffscreenApi = (): OffscreenApi => (hasOffscreenDocuments() ? browserOffscreenApi() : backgroundFrameOffscreenApi());

export function createEngineDocument(api: OffscreenApi = platformOffscreenApi(), region: () => Promise<string> = () => Promise.resolve('')): EngineDocument {
  let creating: Promise<void> | null = null;
  let closing: Promise<void> | null = null;

  async function find(): Promise<EngineDocumentInfo | null> {
    if (creating) await creating.catch(() => undefined);
    const urls = await api.documentUrls();
    const url = urls.find((candidate) => new URL(candidate, 'chrome-extension://x/').pathname.endsWith(`/${ENGINE_DOCUMENT_PATH}`));
    return url === undefined ? null : { instanceUrl: instanceOfDocumentUrl(url) };
  }

  return {
    find,
    async create(instanceUrl) {
      if (closing) await closing;
      if (creating) return creating;
      creating = region()
        .then((name) =>
          api.createDocument({
            url: engineDocumentUrl(instanceUrl, name),
          reasons: ['USER_MEDIA', 'WEB_RTC', 'IFRAME_SCRIPTING'],
            justification: JUSTIFICATION,
          }),
        )
        .finally(() => {
          creating = null;
        });
      return creating;
    },
    async close() {
      if (creating) await creating.catch(() => undefined);
      if (closing) return closing;
      closing = (async () => {
        if ((await find()) === null) return;
        await api.closeDocument();
      })().finally(() => {
        closing = null;
      });
      return closing;
    },
  };
}

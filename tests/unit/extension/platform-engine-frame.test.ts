// @vitest-environment happy-dom
// Firefox's engine host: the engine page in an iframe of the background page, behind Chrome's offscreen API
// (one document at a time, ready once loaded, found by its URL, closed by removing it), and driven by the real
// createEngineDocument. happy-dom loads no frames, so the tests play the frame's load event.
import { afterEach, describe, expect, it } from 'vitest';
import { backgroundFrameOffscreenApi, ENGINE_FRAME_ID } from '@/lib/platform/engine-frame';
import { createEngineDocument } from '@/lib/session/engine-document';

const ORIGIN = 'moz-extension://0b4f6c1e-5a8d-4e2b-9c37-5d1e8a2f4b60/';
/** The frame's URL as the extension would resolve it; about:blank keeps happy-dom from fetching anything. */
const resolveUrl = (path: string) => `about:blank#${ORIGIN}${path}`;
const frames = () => [...document.querySelectorAll('iframe')];
const parameters = (url: string) => ({ url, reasons: ['USER_MEDIA' as never], justification: 'test' });

/** Waits until the frame is in the page, then fires its load event, as Firefox does once the engine page loaded. */
async function loadFrame(): Promise<HTMLIFrameElement> {
  for (let i = 0; i < 50 && frames().length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 1));
  const [frame] = frames();
  frame.dispatchEvent(new Event('load'));
  return frame;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the background-page engine frame', () => {
  it('creates one frame for the engine page of the instance, resolved against the extension, ready once loaded', async () => {
    const api = backgroundFrameOffscreenApi(document, resolveUrl);
    let ready = false;
    const creating = api.createDocument(parameters('offscreen.html?instance=http%3A%2F%2F127.0.0.1%3A8790')).then(() => (ready = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(ready).toBe(false);
    const frame = await loadFrame();
    await creating;
    expect(frame.id).toBe(ENGINE_FRAME_ID);
    expect(frame.src).toBe(`about:blank#${ORIGIN}offscreen.html?instance=http%3A%2F%2F127.0.0.1%3A8790`);
    expect(frame.allow).toContain('microphone');
    expect(await api.documentUrls()).toEqual([frame.src]);
  });

  it('refuses a second engine document and closing when there is none, like Chrome', async () => {
    const api = backgroundFrameOffscreenApi(document, resolveUrl);
    await expect(api.closeDocument()).rejects.toThrow(/No current engine document/);
    const creating = api.createDocument(parameters('offscreen.html?instance=a'));
    await loadFrame();
    await creating;
    await expect(api.createDocument(parameters('offscreen.html?instance=b'))).rejects.toThrow(/single/);
    expect(frames()).toHaveLength(1);
    await api.closeDocument();
    expect(frames()).toHaveLength(0);
    expect(await api.documentUrls()).toEqual([]);
  });

  it('gives up on a page that does not load, and leaves no frame behind', async () => {
    const api = backgroundFrameOffscreenApi(document, resolveUrl, 30);
    await expect(api.createDocument(parameters('offscreen.html?instance=a'))).rejects.toThrow(/did not load in 30 ms/);
    expect(frames()).toHaveLength(0);
  });

  it('serves createEngineDocument: created for an instance with its region, found with that instance, closed', async () => {
    // find() reads the instance from the URL's query: the extension's own URL this time.
    const engine = createEngineDocument(backgroundFrameOffscreenApi(document, (path) => `${ORIGIN}${path}`), async () => 'ap-northeast-1');
    expect(await engine.find()).toBeNull();
    const creating = engine.create('https://acme.my.connect.aws');
    const frame = await loadFrame();
    await creating;
    expect(frame.src).toContain('region=ap-northeast-1');
    expect(await engine.find()).toEqual({ instanceUrl: 'https://acme.my.connect.aws' });
    await engine.close();
    expect(await engine.find()).toBeNull();
    expect(frames()).toHaveLength(0);
  });
});

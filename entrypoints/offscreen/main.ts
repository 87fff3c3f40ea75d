// Offscreen engine entrypoint: starts the streams engine for the instance in the page's `?instance=` query and
// connects it to the worker. A read-only status is on `window.__switchboardEngine` for diagnostics and tests.
import { startEngine, type EngineStatus } from '@/lib/streams/engine';
import { listenForWorker, reportToWorker } from '@/lib/streams/engine-messages';

function instanceFromQuery(): string | null {
  const value = new URLSearchParams(location.search).get('instance');
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? value : null;
  } catch {
    return null;
  }
}

function main(): void {
  const instanceUrl = instanceFromQuery();
  if (!instanceUrl) {
    reportToWorker({ type: 'connection', status: 'failed', reason: 'no-instance-url' });
    return;
  }
  const container = document.getElementById('ccp');
  if (!container) throw new Error('offscreen.html has no #ccp container');
  const region = new URLSearchParams(location.search).get('region') ?? '';
  const engine = startEngine({ instanceUrl, region: /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region) ? region : undefined, container, report: reportToWorker });
  listenForWorker(engine);
  const debug: { status(): EngineStatus } = Object.freeze({ status: () => engine.status() });
  Object.defineProperty(window, '__switchboardEngine', { value: debug });
}

main();

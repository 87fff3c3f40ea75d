// The worker binds a call dialed from a CRM page to its page (F31): the first new outbound voice contact to the
// dialed number gets the page context in the snapshot and, on the local contact center, as contact attributes;
// a restarted worker (state in storage.session) finishes what the stopped one began; a real instance keeps it in
// the panel only; the page's URL and title never reach the log.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PageContextBinder, PENDING_PAGE_DIAL_MS } from '@/lib/session/page-context-binder';
import { SessionStore } from '@/lib/session/session-store';
import { withEngineState } from '@/lib/session/session-transitions';
import type { ContactView, PageContext, SessionSnapshot } from '@/lib/session/snapshot';
import { pendingPageDialsItem, snapshotItem } from '@/lib/settings/storage-items';
import { agentView, connectionView, readySnapshot, RecordingLog, ringingCall } from './session-test-kit';

const PAGE: PageContext = { url: 'http://localhost:8081/customers/p-taro?session=abc', title: 'Taro Suzuki — Northwind CRM', recordId: 'p-taro' };
const NUMBER = '+819012345678';

/** An outbound call the agent placed to `phoneNumber` (streams: 'connecting', the agent's leg connected). */
function outboundCall(id: string, phoneNumber: string | null = NUMBER, overrides: Partial<ContactView> = {}): ContactView {
  return ringingCall(id, {
    initiationMethod: 'outbound',
    connections: [connectionView({ id: `${id}-agent`, role: 'agent', state: 'connected', phoneNumber: null }), connectionView({ id: `${id}-customer`, phoneNumber })],
    ...overrides,
  });
}

interface Written {
  instanceUrl: string;
  contactId: string;
  attributes: Record<string, string>;
}

/** One worker's life: its store (storage.session) and binder, with the attributes writes it made. */
async function startWorker(options: { now?: () => number; refuseWrites?: boolean } = {}) {
  const store = new SessionStore(snapshotItem);
  await store.load();
  const log = new RecordingLog();
  const written: Written[] = [];
  const binder = new PageContextBinder({
    store,
    pending: pendingPageDialsItem,
    writeAttributes: (instanceUrl, contactId, attributes) => {
      if (options.refuseWrites) return Promise.reject(new Error('Failed to fetch'));
      written.push({ instanceUrl, contactId, attributes });
      return Promise.resolve();
    },
    log,
    now: options.now,
  });
  store.subscribe(() => void binder.bindPending());
  /** The engine reports its contacts (as the supervisor applies a 'state' event); resolves once bound. */
  const engineReports = async (contacts: ContactView[]) => {
    await store.update((current) => withEngineState(current, { agent: agentView(), contacts, quickConnects: [] }, 2000));
    await binder.bindPending();
  };
  return { store, binder, log, written, engineReports };
}

async function signedIn(contacts: ContactView[] = [], overrides: Partial<SessionSnapshot> = {}) {
  const store = new SessionStore(snapshotItem);
  await store.load();
  await store.update(() => readySnapshot({ contacts, ...overrides }));
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('page-context binder', () => {
  it('binds the new outbound contact to the page, writes its attributes and shows it written', async () => {
    // An earlier call to the same customer is still in after call work: not the new dial's contact.
    const earlier = outboundCall('c-earlier', NUMBER, { state: 'ended' });
    await signedIn([earlier]);
    const worker = await startWorker();
    await worker.binder.expect('page-dial:1', NUMBER, PAGE);
    await worker.engineReports([earlier, outboundCall('c-new')]);

    expect(worker.store.snapshot.pageContexts).toEqual({ 'c-new': { ...PAGE, dialId: 'page-dial:1', attributes: 'written' } });
    expect(worker.written).toEqual([
      { instanceUrl: 'http://127.0.0.1:8443', contactId: 'c-new', attributes: { crmPageUrl: PAGE.url, crmPageTitle: PAGE.title, crmRecordId: 'p-taro' } },
    ]);
    expect(await pendingPageDialsItem.getValue()).toEqual([]);
  });

  it('leaves alone an outbound contact to another number, and an inbound call', async () => {
    await signedIn();
    const worker = await startWorker();
    await worker.binder.expect('page-dial:1', NUMBER, PAGE);
    await worker.engineReports([outboundCall('c-other', '+81355500123'), ringingCall('c-inbound')]);
    expect(worker.store.snapshot.pageContexts).toEqual({});
    expect(await pendingPageDialsItem.getValue()).toHaveLength(1);
  });

  it('binds after a worker restart: the dial noted by the stopped worker finds its contact', async () => {
    await signedIn();
    const before = await startWorker();
    await before.binder.expect('page-dial:1', NUMBER, PAGE);

    const after = await startWorker();
    await after.engineReports([outboundCall('c-new')]);
    expect(after.store.snapshot.pageContexts['c-new']).toMatchObject({ dialId: 'page-dial:1', recordId: 'p-taro', attributes: 'written' });
    expect(after.written.map((w) => w.contactId)).toEqual(['c-new']);
  });

  it('writes the attributes after a restart when the stopped worker bound the contact but did not write them', async () => {
    await signedIn([outboundCall('c-new')], { pageContexts: { 'c-new': { ...PAGE, dialId: 'page-dial:1', attributes: 'pending' } } });
    await pendingPageDialsItem.setValue([{ dialId: 'page-dial:1', phoneNumber: NUMBER, page: PAGE, knownContactIds: [], at: Date.now() }]);

    const after = await startWorker();
    await after.binder.bindPending();
    expect(after.written.map((w) => w.contactId)).toEqual(['c-new']);
    expect(after.store.snapshot.pageContexts['c-new']?.attributes).toBe('written');
    expect(await pendingPageDialsItem.getValue()).toEqual([]);
  });

  it('keeps the context in the panel only on a real Amazon Connect instance, and says why in the log', async () => {
    await signedIn([], { instanceUrl: 'https://acme.my.connect.aws' });
    const worker = await startWorker();
    await worker.binder.expect('page-dial:1', NUMBER, PAGE);
    await worker.engineReports([outboundCall('c-new')]);
    expect(worker.store.snapshot.pageContexts['c-new']?.attributes).toBe('panel-only');
    expect(worker.written).toEqual([]);
    expect(worker.log.entries.find((e) => e.event === 'page-context-panel-only')?.data.reason).toMatch(/UpdateContactAttributes/);
  });

  it('keeps the context in the panel when the contact center refuses the write', async () => {
    await signedIn();
    const worker = await startWorker({ refuseWrites: true });
    await worker.binder.expect('page-dial:1', NUMBER, PAGE);
    await worker.engineReports([outboundCall('c-new')]);
    expect(worker.store.snapshot.pageContexts['c-new']?.attributes).toBe('panel-only');
    expect(worker.log.events()).toContain('page-context-not-written');
  });

  it('forgets a dial that failed, and one whose contact never came', async () => {
    let now = 10_000;
    await signedIn();
    const worker = await startWorker({ now: () => now });
    await worker.binder.expect('page-dial:1', NUMBER, PAGE);
    await worker.binder.forget('page-dial:1');
    expect(await pendingPageDialsItem.getValue()).toEqual([]);

    await worker.binder.expect('page-dial:2', NUMBER, PAGE);
    now += PENDING_PAGE_DIAL_MS + 1;
    await worker.engineReports([]);
    expect(await pendingPageDialsItem.getValue()).toEqual([]);
    await worker.engineReports([outboundCall('c-late')]);
    expect(worker.store.snapshot.pageContexts).toEqual({});
  });

  it('drops the context with its contact, and never logs the page URL or title', async () => {
    await signedIn();
    const worker = await startWorker();
    await worker.binder.expect('page-dial:1', NUMBER, PAGE);
    await worker.engineReports([outboundCall('c-new')]);
    await worker.engineReports([]);
    expect(worker.store.snapshot.pageContexts).toEqual({});
    const logged = JSON.stringify(worker.log.entries);
    expect(logged).not.toContain('customers/p-taro');
    expect(logged).not.toContain('Northwind');
    expect(logged).toContain('page-context-written');
  });
});

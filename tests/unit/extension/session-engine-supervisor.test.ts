// The engine supervisor: sign-in starts the engine, its reports become the snapshot, a lost engine is noticed,
// announced and recreated, and after the grace period the agent is made unroutable; sign-out ends it all.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { EngineSupervisor, WATCHDOG_ALARM } from '@/lib/session/engine-supervisor';
import { normalizeInstanceUrl } from '@/lib/session/instance-address';
import { SessionStore } from '@/lib/session/session-store';
import type { SessionSnapshot } from '@/lib/session/snapshot';
import { engineRecoveryItem, snapshotItem } from '@/lib/settings/storage-items';
import { agentChoicesItem } from '@/lib/settings/settings-store';
import { agentView, connectedCall, FakeEngineChannel, FakeEngineDocument, INSTANCE, readySnapshot, RecordingLog, ringingCall } from './session-test-kit';

interface Harness {
  store: SessionStore;
  document: FakeEngineDocument;
  channel: FakeEngineChannel;
  loginWindow: { open: ReturnType<typeof vi.fn>; close: ReturnType<typeof vi.fn> };
  logout: ReturnType<typeof vi.fn>;
  log: RecordingLog;
  supervisor: EngineSupervisor;
  statuses: string[];
}

async function harness(options: { stored?: SessionSnapshot; document?: FakeEngineDocument } = {}): Promise<Harness> {
  if (options.stored) await snapshotItem.setValue(options.stored);
  const store = new SessionStore(snapshotItem);
  await store.load();
  const statuses: string[] = [];
  store.subscribe((snapshot) => statuses.push(snapshot.connection.status));
  const document = options.document ?? new FakeEngineDocument();
  const channel = new FakeEngineChannel();
  const loginWindow = { open: vi.fn(async () => undefined), close: vi.fn(async () => undefined) };
  const logout = vi.fn(async () => 200);
  const log = new RecordingLog();
  const supervisor = new EngineSupervisor({ store, document, channel, loginWindow, log, logout, watchdogIntervalMs: 0, recoveryStateWaitMs: 1500 });
  return { store, document, channel, loginWindow, logout, log, supervisor, statuses };
}

/** The engine reports ready and then its first state (what streams' first agent::update gives). */
async function engineComesBack(h: Harness, state: Partial<Pick<SessionSnapshot, 'agent' | 'contacts'>> = {}) {
  await h.supervisor.handleEngineEvent({ type: 'connection', status: 'ready' });
  await h.supervisor.handleEngineEvent({
    type: 'state',
    patch: { agent: state.agent ?? agentView(), contacts: state.contacts ?? [], quickConnects: [] },
  });
}

const statusCommands = (h: Harness) => h.channel.commands.filter((envelope) => envelope.command.type === 'set-status');

describe('engine supervisor', () => {
  let harnesses: Harness[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    harnesses = [];
  });
  afterEach(() => {
    for (const h of harnesses) h.supervisor.dispose();
    vi.useRealTimers();
  });
  const make = async (options?: Parameters<typeof harness>[0]) => {
    const h = await harness(options);
    harnesses.push(h);
    return h;
  };

  describe('sign-in', () => {
    it('creates the engine for the instance and starts watching it', async () => {
      const h = await make();
      expect(await h.supervisor.signIn(`${INSTANCE}/`)).toEqual({ ok: true });

      expect(h.document.created).toEqual([INSTANCE]);
      expect(h.store.snapshot.instanceUrl).toBe(INSTANCE);
      expect(h.store.snapshot.connection.status).toBe('connecting');
      expect(await fakeBrowser.alarms.get(WATCHDOG_ALARM)).toMatchObject({ periodInMinutes: 0.5 });
    });

    it('does not start a second engine when sign-in is asked again', async () => {
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      await h.supervisor.signIn(INSTANCE);
      expect(h.document.created).toEqual([INSTANCE]);
    });

    it('reopens the login window when the agent asks to sign in while the CCP waits for it', async () => {
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      await h.supervisor.handleEngineEvent({ type: 'connection', status: 'needs-sign-in' });
      h.loginWindow.open.mockClear();

      await h.supervisor.signIn(INSTANCE);
      expect(h.loginWindow.open).toHaveBeenCalledWith(INSTANCE, 'agent');
    });

    it("refuses another instance than the one the admin locked, and signs in to that one", async () => {
      await fakeBrowser.storage.managed.set({ 'contactCenter.url': { value: `${INSTANCE}/`, locked: true } });
      const h = await make();
      expect(await h.supervisor.signIn('https://elsewhere.my.connect.aws')).toEqual({
        ok: false,
        error: { code: 'instance-locked', params: { url: INSTANCE } },
      });
      expect(h.document.created).toEqual([]);
      expect(await h.supervisor.signIn(INSTANCE)).toEqual({ ok: true });
      expect(h.document.created).toEqual([INSTANCE]);
    });

    it('fails with engine-unavailable when the offscreen document cannot be created', async () => {
      const h = await make();
      h.document.failNextCreate = new Error('offscreen is not supported');
      expect(await h.supervisor.signIn(INSTANCE)).toMatchObject({ ok: false, error: { code: 'engine-unavailable' } });
      expect(h.store.snapshot.connection).toMatchObject({ status: 'failed', reason: 'engine-create-failed' });
    });

    it('keeps the path of an instance URL and drops the rest', () => {
      expect(normalizeInstanceUrl('https://corp.awsapps.com/connect/?x=1#y')).toBe('https://corp.awsapps.com/connect');
      expect(normalizeInstanceUrl('http://127.0.0.1:8443/')).toBe('http://127.0.0.1:8443');
      expect(normalizeInstanceUrl('https://user:pw@corp.my.connect.aws')).toBeNull();
    });
  });

  describe("the engine's reports", () => {
    it('takes the reported softphone state into the snapshot', async () => {
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      await h.supervisor.handleEngineEvent({ type: 'state', patch: { agent: agentView(), contacts: [ringingCall()], quickConnects: [] } });
      expect(h.store.snapshot.contacts.map((contact) => contact.id)).toEqual(['contact-1']);
      expect(h.store.snapshot.agent?.username).toBe('agent1');
    });

    it('opens the login window once however often the CCP asks for sign-in, and closes it when ready', async () => {
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      await h.supervisor.handleEngineEvent({ type: 'connection', status: 'needs-sign-in' });
      await h.supervisor.handleEngineEvent({ type: 'connection', status: 'needs-sign-in' });
      expect(h.store.snapshot.connection.status).toBe('needs-sign-in');
      // The login window itself refuses to open twice (see session-login-window.test.ts); here: asked as 'engine'.
      expect(h.loginWindow.open).toHaveBeenCalledWith(INSTANCE, 'engine');

      await h.supervisor.handleEngineEvent({ type: 'connection', status: 'ready' });
      expect(h.loginWindow.close).toHaveBeenCalled();
      expect(h.store.snapshot.connection.status).toBe('ready');
    });

    it('restarts the engine when the login window loads a page after the sign-in form, while the CCP waits', async () => {
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      await h.supervisor.handleEngineEvent({ type: 'connection', status: 'needs-sign-in' });
      await h.supervisor.retryAfterSignInPage();
      expect(h.document.closed).toBe(1);
      expect(h.document.created).toEqual([INSTANCE, INSTANCE]);

      await h.supervisor.handleEngineEvent({ type: 'connection', status: 'ready' });
      await h.supervisor.retryAfterSignInPage();
      expect(h.document.created).toHaveLength(2); // ready: nothing to retry
    });

    it('ignores reports from an engine of another instance', async () => {
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      await h.supervisor.handleEngineEvent({ type: 'connection', status: 'ready' }, 'http://127.0.0.1:9999');
      expect(h.store.snapshot.connection.status).toBe('connecting');
    });

    it('writes engine log events to the session log', async () => {
      const h = await make();
      await h.supervisor.handleEngineEvent({ type: 'log', event: 'streams-init', data: { ccpUrl: `${INSTANCE}/ccp-v2/` } });
      expect(h.log.entries).toContainEqual({ event: 'engine:streams-init', data: { ccpUrl: `${INSTANCE}/ccp-v2/` } });
    });
  });

  describe('engine lost', () => {
    it('marks the connection engine-lost, tells the views and recreates the engine', async () => {
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      await engineComesBack(h);
      h.document.destroy(); // the offscreen document died

      await h.supervisor.checkEngine('alarm');

      expect(h.statuses).toContain('engine-lost');
      expect(h.store.snapshot.connection).toMatchObject({ status: 'engine-lost', reason: 'engine-closed' });
      expect(h.document.created).toEqual([INSTANCE, INSTANCE]);
      expect(h.document.current).toEqual({ instanceUrl: INSTANCE });
    });

    it('stays engine-lost while the recreated engine reports connecting, until it is ready', async () => {
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      await engineComesBack(h, { contacts: [connectedCall()] });
      h.document.destroy();
      await h.supervisor.checkEngine('alarm');
      expect(h.store.snapshot.connection.status).toBe('engine-lost');
      await h.supervisor.handleEngineEvent({ type: 'connection', status: 'connecting' });
      expect(h.store.snapshot.connection.status).toBe('engine-lost');
      await h.supervisor.handleEngineEvent({ type: 'connection', status: 'ready' });
      expect(h.store.snapshot.connection.status).toBe('ready');
    });

    it('keeps the call in the snapshot while the engine is recreated', async () => {
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      await engineComesBack(h, { contacts: [connectedCall()] });
      h.document.destroy();
      await h.supervisor.checkEngine('alarm');
      expect(h.store.snapshot.contacts.map((contact) => contact.id)).toEqual(['contact-1']);
    });

    it('recreates an engine that stopped answering pings', async () => {
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      await engineComesBack(h);
      h.channel.alive = false;
      await h.supervisor.checkEngine('interval');
      await h.supervisor.checkEngine('interval');
      expect(h.document.created).toHaveLength(1);
      await h.supervisor.checkEngine('interval');
      expect(h.document.closed).toBe(1);
      expect(h.document.created).toHaveLength(2);
      expect(h.store.snapshot.connection.reason).toBe('engine-unresponsive');
    });

    it('asks for the first not-routable status when the engine is not ready after the grace period', async () => {
      vi.useFakeTimers();
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      await engineComesBack(h);
      h.document.destroy();
      await h.supervisor.checkEngine('alarm');

      await vi.advanceTimersByTimeAsync(9_999);
      expect((await engineRecoveryItem.getValue())?.graceExpired).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await engineRecoveryItem.getValue())?.graceExpired).toBe(true);
      expect(statusCommands(h)).toHaveLength(0); // nothing can be set without a ready engine

      await vi.advanceTimersByTimeAsync(20_000);
      await engineComesBack(h);

      expect(statusCommands(h).map((envelope) => envelope.command)).toEqual([{ type: 'set-status', statusArn: 'arn:status/break' }]);
      expect(await engineRecoveryItem.getValue()).toBeNull();
    });

    it('keeps the status when the engine is back within the grace period and nothing was missed', async () => {
      vi.useFakeTimers();
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      await engineComesBack(h);
      h.document.destroy();
      await h.supervisor.checkEngine('alarm');
      await vi.advanceTimersByTimeAsync(3_000);

      await engineComesBack(h);
      await vi.advanceTimersByTimeAsync(30_000);

      expect(statusCommands(h)).toHaveLength(0);
      expect(h.log.events()).toContain('engine-recovered');
    });

    it('asks for the unroutable status at once when a contact was missed while the engine was away', async () => {
      vi.useFakeTimers();
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      await engineComesBack(h);
      h.document.destroy();
      await h.supervisor.checkEngine('alarm');
      await vi.advanceTimersByTimeAsync(2_000);

      await engineComesBack(h, { agent: agentView({ state: { name: 'MissedCallAgent', type: 'error', since: 5 } }) });

      expect(statusCommands(h)).toHaveLength(1);
    });

    it('uses the configured status name and grace period', async () => {
      vi.useFakeTimers();
      await agentChoicesItem.setValue({ 'session.engineLostGraceSeconds': 30, 'session.engineLostStatusName': 'meeting' });
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      await engineComesBack(h);
      h.document.destroy();
      await h.supervisor.checkEngine('alarm');

      await vi.advanceTimersByTimeAsync(20_000);
      expect((await engineRecoveryItem.getValue())?.graceExpired).toBe(false);
      await vi.advanceTimersByTimeAsync(10_000);
      await engineComesBack(h);

      expect(statusCommands(h).map((envelope) => envelope.command)).toEqual([{ type: 'set-status', statusArn: 'arn:status/meeting' }]);
    });

    it('leaves an agent who is already on a not-routable status alone', async () => {
      vi.useFakeTimers();
      const onBreak = agentView({ state: { name: 'Break', type: 'not_routable', since: 1 }, availability: { name: 'Break', since: 1 } });
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      await engineComesBack(h, { agent: onBreak });
      h.document.destroy();
      await h.supervisor.checkEngine('alarm');
      await vi.advanceTimersByTimeAsync(15_000);

      await engineComesBack(h, { agent: onBreak });

      expect(statusCommands(h)).toHaveLength(0);
    });

    it('judges the recovery even if the first state after ready is late', async () => {
      vi.useFakeTimers();
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      await engineComesBack(h);
      h.document.destroy();
      await h.supervisor.checkEngine('alarm');
      await vi.advanceTimersByTimeAsync(12_000);

      await h.supervisor.handleEngineEvent({ type: 'connection', status: 'ready' });
      expect(statusCommands(h)).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1_500);
      expect(statusCommands(h)).toHaveLength(1);
    });
  });

  describe('worker restart', () => {
    it('asks a surviving engine to report its state again', async () => {
      const document = new FakeEngineDocument();
      document.current = { instanceUrl: INSTANCE };
      const h = await make({ stored: readySnapshot(), document });

      await h.supervisor.start();

      expect(h.channel.resyncs).toBe(1);
      expect(h.document.created).toEqual([]);
      expect(h.store.snapshot.connection.status).toBe('ready');
    });

    it('recreates the engine when it died while the worker was stopped', async () => {
      const h = await make({ stored: readySnapshot() });
      await h.supervisor.start();
      expect(h.store.snapshot.connection.status).toBe('engine-lost');
      expect(h.document.created).toEqual([INSTANCE]);
    });

    it('counts the grace period from the loss, not from the restart', async () => {
      await engineRecoveryItem.setValue({ lostAt: Date.now() - 60_000, reason: 'engine-closed', graceExpired: false });
      const document = new FakeEngineDocument();
      document.current = { instanceUrl: INSTANCE };
      const h = await make({ stored: readySnapshot({ connection: { status: 'connecting', since: 1, reason: null } }), document });

      await h.supervisor.start();
      expect((await engineRecoveryItem.getValue())?.graceExpired).toBe(true);
    });

    it('closes an engine left over without a session', async () => {
      const document = new FakeEngineDocument();
      document.current = { instanceUrl: INSTANCE };
      const h = await make({ document });
      await h.supervisor.start();
      expect(h.document.current).toBeNull();
    });
  });

  describe('sign-out', () => {
    it('goes Offline, ends the sign-in, closes the engine and keeps the instance URL', async () => {
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      await engineComesBack(h);

      expect(await h.supervisor.signOut()).toEqual({ ok: true });

      expect(statusCommands(h).map((envelope) => envelope.command)).toEqual([{ type: 'set-status', statusArn: 'arn:status/offline' }]);
      expect(h.logout).toHaveBeenCalledWith(INSTANCE);
      expect(h.document.current).toBeNull();
      expect(h.loginWindow.close).toHaveBeenCalled();
      expect(h.store.snapshot).toMatchObject({ instanceUrl: INSTANCE, connection: { status: 'signed-out' }, agent: null, contacts: [] });
      expect(await fakeBrowser.alarms.get(WATCHDOG_ALARM)).toBeUndefined();
      expect(h.log.events()).toContain('sign-out');
    });

    it('ignores what the closing engine still reports, and does not recreate it', async () => {
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      await engineComesBack(h);
      await h.supervisor.signOut();

      await h.supervisor.handleEngineEvent({ type: 'connection', status: 'needs-sign-in' });
      await h.supervisor.checkEngine('alarm');

      expect(h.store.snapshot.connection.status).toBe('signed-out');
      expect(h.loginWindow.open).not.toHaveBeenCalled();
      expect(h.document.created).toHaveLength(1);
    });

    it('still signs out when the logout request fails', async () => {
      const h = await make();
      await h.supervisor.signIn(INSTANCE);
      h.logout.mockRejectedValueOnce(new TypeError('Failed to fetch'));
      expect(await h.supervisor.signOut()).toEqual({ ok: true });
      expect(h.store.snapshot.connection.status).toBe('signed-out');
    });
  });
});

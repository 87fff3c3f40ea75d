// A softphone call connected when the engine is lost keeps going without its audio: the supervisor marks it
// `audioLost` (and logs call-audio-lost), the mark survives the recreated engine's reports and a worker restart,
// and goes when the call ends; desk-phone calls, calls still ringing or dialing, and chats are never marked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { carriesSoftphoneAudio } from '@/lib/session/call-audio';
import { EngineSupervisor } from '@/lib/session/engine-supervisor';
import { SessionStore } from '@/lib/session/session-store';
import type { ConnectionView, ContactView, SessionSnapshot } from '@/lib/session/snapshot';
import { snapshotItem } from '@/lib/settings/storage-items';
import {
  agentView,
  connectedCall,
  connectedChat,
  connectionView,
  FakeEngineChannel,
  FakeEngineDocument,
  INSTANCE,
  readySnapshot,
  RecordingLog,
  ringingCall,
} from './session-test-kit';

interface Harness {
  store: SessionStore;
  document: FakeEngineDocument;
  log: RecordingLog;
  supervisor: EngineSupervisor;
}

const running: Harness[] = [];

async function harness(options: { stored?: SessionSnapshot; document?: FakeEngineDocument } = {}): Promise<Harness> {
  if (options.stored) await snapshotItem.setValue(options.stored);
  const store = new SessionStore(snapshotItem);
  await store.load();
  const document = options.document ?? new FakeEngineDocument();
  const log = new RecordingLog();
  const loginWindow = { open: vi.fn(async () => undefined), close: vi.fn(async () => undefined) };
  const supervisor = new EngineSupervisor({
    store,
    document,
    channel: new FakeEngineChannel(),
    loginWindow,
    log,
    logout: vi.fn(async () => 200),
    watchdogIntervalMs: 0,
    recoveryStateWaitMs: 1500,
  });
  const h = { store, document, log, supervisor };
  running.push(h);
  return h;
}

/** The engine reports ready and its softphone state with `contacts`. */
async function engineReports(h: Harness, contacts: ContactView[]) {
  await h.supervisor.handleEngineEvent({ type: 'connection', status: 'ready' });
  await h.supervisor.handleEngineEvent({ type: 'state', patch: { agent: agentView(), contacts, quickConnects: [] } });
}

/** Signed in, the engine reports `contacts`, then the engine dies and the watchdog notices. */
async function loseEngineDuring(contacts: ContactView[]): Promise<Harness> {
  const h = await harness();
  await h.supervisor.signIn(INSTANCE);
  await engineReports(h, contacts);
  h.document.destroy();
  await h.supervisor.checkEngine('alarm');
  return h;
}

const audioLostOf = (h: Harness) => Object.fromEntries(h.store.snapshot.contacts.map((contact) => [contact.id, contact.audioLost === true]));
const audioLostLines = (h: Harness) => h.log.entries.filter((entry) => entry.event === 'call-audio-lost');

/** An outbound call the agent placed, the customer not answering yet (streams: 'connecting', agent leg connected). */
const dialingCall = (id: string): ContactView => {
  const call = ringingCall(id, { initiationMethod: 'outbound' });
  return { ...call, connections: [{ ...call.connections[0]!, state: 'connected' }, call.connections[1]!] };
};

describe('call audio lost with the engine', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    while (running.length > 0) running.pop()?.supervisor.dispose();
  });

  it('marks a connected softphone call when the engine is lost, and logs call-audio-lost', async () => {
    const h = await loseEngineDuring([connectedCall('call-1')]);

    expect(h.store.snapshot.connection.status).toBe('engine-lost');
    expect(audioLostOf(h)).toEqual({ 'call-1': true });
    expect(audioLostLines(h)).toEqual([{ event: 'call-audio-lost', data: { contactId: 'call-1', reason: 'engine-closed' } }]);
  });

  it('keeps the mark when the recreated engine reports the call still connected, on hold too', async () => {
    const h = await loseEngineDuring([connectedCall('call-1')]);

    await engineReports(h, [connectedCall('call-1')]);
    expect(h.store.snapshot.connection.status).toBe('ready');
    expect(audioLostOf(h)).toEqual({ 'call-1': true });

    const held = connectedCall('call-1');
    held.connections[1] = { ...held.connections[1]!, state: 'hold' };
    await engineReports(h, [held]);
    expect(audioLostOf(h)).toEqual({ 'call-1': true });
    expect(h.store.snapshot.contacts[0]?.connections[1]?.state).toBe('hold');
  });

  it('saves the mark with the session, so a restarted worker still has it', async () => {
    const h = await loseEngineDuring([connectedCall('call-1')]);
    await engineReports(h, [connectedCall('call-1')]);

    const stored = await snapshotItem.getValue();
    expect(stored?.contacts.map((contact) => [contact.id, contact.audioLost])).toEqual([['call-1', true]]);

    const restarted = await harness({ stored: stored!, document: h.document });
    await restarted.supervisor.start();
    await engineReports(restarted, [connectedCall('call-1')]);
    expect(audioLostOf(restarted)).toEqual({ 'call-1': true });
  });

  it('drops the mark when the call ends, and does not mark the next call', async () => {
    const h = await loseEngineDuring([connectedCall('call-1')]);
    await engineReports(h, [connectedCall('call-1')]);
    expect(audioLostOf(h)).toEqual({ 'call-1': true });

    await engineReports(h, [{ ...connectedCall('call-1'), state: 'ended' }]);
    expect(audioLostOf(h)).toEqual({ 'call-1': false });

    await engineReports(h, [connectedCall('call-1')]); // however the contact center reports it again
    await engineReports(h, [connectedCall('call-2')]);
    expect(audioLostOf(h)).toEqual({ 'call-2': false });
  });

  it('marks the softphone call but not the same call on the desk phone, whose audio is on the phone line', async () => {
    const softphone = await loseEngineDuring([connectedCall('call-1')]);
    await engineReports(softphone, [connectedCall('call-1')]);
    expect(audioLostOf(softphone)).toEqual({ 'call-1': true });

    fakeBrowser.reset(); // a session of its own (the stores share storage.session)
    const deskPhone = await loseEngineDuring([connectedCall('call-1', { deskPhone: true })]);
    await engineReports(deskPhone, [connectedCall('call-1', { deskPhone: true })]);
    expect(audioLostOf(deskPhone)).toEqual({ 'call-1': false });
    expect(audioLostLines(deskPhone)).toEqual([]);
  });

  it('marks only the connected call: not a chat, nor a call still ringing or dialing (streams starts their media again)', async () => {
    const h = await loseEngineDuring([connectedCall('call-1'), connectedChat('chat-1'), ringingCall('ringing'), dialingCall('dialing')]);
    expect(audioLostOf(h)).toEqual({ 'call-1': true, 'chat-1': false, ringing: false, dialing: false });

    await engineReports(h, [connectedCall('call-1'), connectedChat('chat-1'), connectedCall('ringing'), connectedCall('dialing')]);
    expect(audioLostOf(h)).toEqual({ 'call-1': true, 'chat-1': false, ringing: false, dialing: false });
    expect(audioLostLines(h).map((entry) => entry.data.contactId)).toEqual(['call-1']);
  });

  it('counts as carrying softphone audio a connected voice call whose agent leg is up, and nothing else', () => {
    const agentLeg = (state: ConnectionView['state']) => connectionView({ id: 'call-1-agent', role: 'agent', state, phoneNumber: null, endpointType: 'agent' });
    const withAgentLeg = (state: ConnectionView['state']) => {
      const call = connectedCall('call-1');
      return { ...call, connections: [agentLeg(state), call.connections[1]!] };
    };
    expect(carriesSoftphoneAudio(connectedCall('call-1'))).toBe(true);
    expect(carriesSoftphoneAudio(withAgentLeg('hold'))).toBe(true);
    expect(carriesSoftphoneAudio(withAgentLeg('disconnected'))).toBe(false);
    expect(carriesSoftphoneAudio(connectedCall('call-1', { deskPhone: true }))).toBe(false);
    expect(carriesSoftphoneAudio(connectedCall('call-1', { state: 'ended' }))).toBe(false);
    expect(carriesSoftphoneAudio(ringingCall('call-1'))).toBe(false);
    expect(carriesSoftphoneAudio(dialingCall('call-1'))).toBe(false);
    expect(carriesSoftphoneAudio(connectedChat('chat-1'))).toBe(false);
  });

  it('marks the call when a new session owner finds the engine gone (Firefox background page reloaded), not when it is alive (Chrome service worker restarted)', async () => {
    const stored = readySnapshot({ contacts: [connectedCall('call-1')] });
    const gone = await harness({ stored });
    await gone.supervisor.start();
    expect(gone.store.snapshot.connection.status).toBe('engine-lost');
    expect(audioLostOf(gone)).toEqual({ 'call-1': true });
    expect(audioLostLines(gone)).toHaveLength(1);

    fakeBrowser.reset();
    const document = new FakeEngineDocument();
    document.current = { instanceUrl: INSTANCE };
    const alive = await harness({ stored, document });
    await alive.supervisor.start();
    expect(alive.store.snapshot.connection.status).toBe('ready');
    expect(audioLostOf(alive)).toEqual({ 'call-1': false });
  });

  it('logs a call once when the engine is lost again before it came back', async () => {
    const h = await loseEngineDuring([connectedCall('call-1')]);
    h.document.destroy();
    await h.supervisor.checkEngine('alarm');

    expect(audioLostOf(h)).toEqual({ 'call-1': true });
    expect(audioLostLines(h)).toHaveLength(1);
  });
});

// The worker's own road to the engine's workspace (screen pop, case links): a request reaches the engine only while
// the session is ready, as a workspace command with the admin's Cases service attached and a fresh id each time;
// otherwise a typed error and nothing sent. Whether Cases can be reached: the admin's Cases URL, or the local
// contact center's own. And the request it adds, a case search by reference number, is shape-checked.
import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '@/lib/session/snapshot';
import { createWorkspaceRoad } from '@/lib/session/workspace-road';
import { type CasesEndpoint, isWorkspaceRequest } from '@/lib/workspace/workspace-requests';
import { FakeEngineChannel, readySnapshot } from './session-test-kit';

const ADMINS_CASES: CasesEndpoint = { baseUrl: 'https://cases.example.jp/api', domainId: 'domain-1' };

function roadWith(status: ConnectionStatus, casesEndpoint: CasesEndpoint | null = null) {
  const engine = new FakeEngineChannel();
  engine.answer = async () => ({ ok: true, value: { workspace: { cases: [] } } });
  let ids = 0;
  const road = createWorkspaceRoad({
    store: { ready: async () => readySnapshot({ connection: { status, since: 0, reason: null } }) },
    engine,
    casesEndpoint: async () => casesEndpoint,
    newId: () => `id-${++ids}`,
  });
  return { road, engine };
}

describe('the worker’s workspace road', () => {
  it('sends a workspace command with the admin’s Cases service and a fresh id, and returns the engine’s answer', async () => {
    const { road, engine } = roadWith('ready', ADMINS_CASES);
    await expect(road.ask({ op: 'cases-by-reference', referenceNumber: 'CASE-2026-0042' })).resolves.toEqual({ ok: true, value: { workspace: { cases: [] } } });
    await road.ask({ op: 'profile-search', key: '_phone', value: '+819012345678' });
    expect(engine.commands).toEqual([
      { id: 'worker:id-1', command: { type: 'workspace', request: { op: 'cases-by-reference', referenceNumber: 'CASE-2026-0042' }, cases: ADMINS_CASES } },
      { id: 'worker:id-2', command: { type: 'workspace', request: { op: 'profile-search', key: '_phone', value: '+819012345678' }, cases: ADMINS_CASES } },
    ]);
  });

  it('attaches no Cases service when the admin set none (the engine uses the instance’s own)', async () => {
    const { road, engine } = roadWith('ready');
    await road.ask({ op: 'cases-of-profile', profileId: 'p-1' });
    expect(engine.commands[0]?.command).toEqual({ type: 'workspace', request: { op: 'cases-of-profile', profileId: 'p-1' }, cases: null });
  });

  it.each([
    ['connecting', 'engine-unavailable'],
    ['engine-lost', 'engine-unavailable'],
    ['signed-out', 'not-signed-in'],
    ['needs-sign-in', 'not-signed-in'],
    ['failed', 'not-signed-in'],
  ] as const)('sends nothing while the session is %s, and answers %s', async (status, code) => {
    const { road, engine } = roadWith(status);
    await expect(road.ask({ op: 'profile-search', key: '_email', value: 'a@example.jp' })).resolves.toMatchObject({ ok: false, error: { code } });
    expect(engine.commands).toEqual([]);
  });

  it('has Cases with the admin’s Cases URL, or on the local contact center; not on Amazon Connect without one', async () => {
    expect(await roadWith('ready').road.hasCases('http://127.0.0.1:8080')).toBe(true);
    expect(await roadWith('ready').road.hasCases('https://example.my.connect.aws/connect')).toBe(false);
    expect(await roadWith('ready', ADMINS_CASES).road.hasCases('https://example.my.connect.aws/connect')).toBe(true);
    expect(await roadWith('ready', ADMINS_CASES).road.hasCases(null)).toBe(false);
    expect(await roadWith('ready').road.hasCases('not a url')).toBe(false);
  });
});

describe('the cases-by-reference request', () => {
  it('needs a reference number of 1 to 255 characters', () => {
    expect(isWorkspaceRequest({ op: 'cases-by-reference', referenceNumber: 'CASE-2026-0042' })).toBe(true);
    expect(isWorkspaceRequest({ op: 'cases-by-reference', referenceNumber: '' })).toBe(false);
    expect(isWorkspaceRequest({ op: 'cases-by-reference', referenceNumber: 'x'.repeat(256) })).toBe(false);
    expect(isWorkspaceRequest({ op: 'cases-by-reference', referenceNumber: ['CASE-2026-0042'] })).toBe(false);
    expect(isWorkspaceRequest({ op: 'cases-by-reference' })).toBe(false);
  });
});

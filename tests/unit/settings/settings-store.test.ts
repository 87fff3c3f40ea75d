// The run-time settings: policy from storage.managed and agent choices from storage.local, resolved; changes
// to either are followed live; agent choices are checked before they are stored.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ResolvedSettings } from '../../../lib/settings/resolve';
import { agentChoicesItem, clearAgentChoice, getSetting, loadSettings, policyCacheItem, setAgentChoice, watchSettings } from '../../../lib/settings/settings-store';

describe('settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads policy and agent choices together', async () => {
    await fakeBrowser.storage.managed.set({ 'contactCenter.url': { value: 'https://acme.my.connect.aws', locked: true } });
    await agentChoicesItem.setValue({ 'screenPop.mode': 'accept' });
    const settings = await loadSettings();
    expect(settings.values['contactCenter.url']).toBe('https://acme.my.connect.aws');
    expect(settings.sources['contactCenter.url']).toBe('admin-locked');
    expect(await getSetting('screenPop.mode')).toBe('accept');
  });

  it('follows a policy change live, and an agent choice made elsewhere', async () => {
    const seen: ResolvedSettings[] = [];
    const stop = watchSettings((settings) => seen.push(settings));
    await fakeBrowser.storage.managed.set({ 'clickToDial.enabled': { value: false, locked: true } });
    await expect.poll(() => seen.at(-1)?.values['clickToDial.enabled']).toBe(false);
    await agentChoicesItem.setValue({ 'clickToDial.telLinks': false });
    await expect.poll(() => seen.at(-1)?.values['clickToDial.telLinks']).toBe(false);
    await fakeBrowser.storage.managed.remove('clickToDial.enabled');
    await expect.poll(() => seen.at(-1)?.values['clickToDial.enabled']).toBe(true);
    stop();
    const count = seen.length;
    await fakeBrowser.storage.managed.set({ 'clickToDial.enabled': { value: false } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.length).toBe(count);
  });

  it('follows only the local and managed areas, not storage.onChanged, which carries every session write too', async () => {
    const global = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
    const local = vi.spyOn(fakeBrowser.storage.local.onChanged, 'addListener');
    const managed = vi.spyOn(fakeBrowser.storage.managed.onChanged, 'addListener');
    const stop = watchSettings(() => undefined);
    expect(global).not.toHaveBeenCalled();
    expect(local).toHaveBeenCalledTimes(1);
    expect(managed).toHaveBeenCalledTimes(1);
    stop();
  });

  it('stores a valid agent choice, refuses a bad or locked one, and forgets one on request', async () => {
    expect(await setAgentChoice('session.engineLostGraceSeconds', 30)).toEqual({ ok: true });
    expect(await getSetting('session.engineLostGraceSeconds')).toBe(30);
    expect(await setAgentChoice('session.engineLostGraceSeconds', 9999)).toMatchObject({ ok: false, problem: { code: 'out-of-range' } });
    expect(await setAgentChoice('crm.rules', [])).toMatchObject({ ok: false, problem: { code: 'not-agent-editable' } });
    await fakeBrowser.storage.managed.set({ 'screenPop.mode': { value: 'off', locked: true } });
    expect(await setAgentChoice('screenPop.mode', 'ring')).toMatchObject({ ok: false, problem: { code: 'locked' } });
    await clearAgentChoice('session.engineLostGraceSeconds');
    expect(await getSetting('session.engineLostGraceSeconds')).toBe(10);
  });

  it('uses the policy last seen while managed storage does not answer, and the late answer when it comes', async () => {
    await policyCacheItem.setValue({ 'screenPop.mode': { value: 'off', locked: true } });
    let answer: (policy: unknown) => void = () => undefined;
    const slowRead = new Promise((resolve) => {
      answer = resolve;
    });
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(slowRead as ReturnType<typeof fakeBrowser.storage.managed.get>);
    const seen: ResolvedSettings[] = [];
    const stop = watchSettings((settings) => seen.push(settings));

    const early = await loadSettings();
    expect(early.values['screenPop.mode']).toBe('off');
    expect(early.sources['screenPop.mode']).toBe('admin-locked');
    await loadSettings();
    expect(get).toHaveBeenCalledTimes(1); // one read in flight, not one per reading

    answer({ 'screenPop.mode': { value: 'accept', locked: true } });
    await expect.poll(() => seen.at(-1)?.values['screenPop.mode']).toBe('accept');
    expect(await policyCacheItem.getValue()).toEqual({ 'screenPop.mode': { value: 'accept', locked: true } });
    stop();
  });
});

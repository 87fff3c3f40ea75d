// The sign-in window: opened once per attempt with the instance's login page, closed when the session is ready,
// and not reopened on its own after the agent closed it (the panel's "Sign in" reopens it).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { LoginWindow } from '@/lib/session/login-window';
import { loginWindowItem } from '@/lib/settings/storage-items';
import { INSTANCE, RecordingLog } from './session-test-kit';

describe('login window', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  const make = () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    const remove = vi.spyOn(fakeBrowser.windows, 'remove');
    return { window: new LoginWindow({ log: new RecordingLog() }), create, remove };
  };

  it("opens the local contact center's login page in a 480×640 popup", async () => {
    const { window, create } = make();
    await window.open(INSTANCE, 'engine');
    expect(create).toHaveBeenCalledWith({ url: `${INSTANCE}/connect/login`, type: 'popup', width: 480, height: 640, focused: true });
  });

  it("opens a real instance's login page under its instance URL", async () => {
    const { window, create } = make();
    await window.open('https://corp.my.connect.aws', 'engine');
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ url: 'https://corp.my.connect.aws/login' }));
  });

  it("opens the admin's login page when one is set, and waits for the agent when it should not open by itself", async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    const window = new LoginWindow({ log: new RecordingLog(), loginUrl: () => Promise.resolve('https://sso.acme.example/app'), opensByItself: () => Promise.resolve(false) });
    await window.open(INSTANCE, 'engine');
    expect(create).not.toHaveBeenCalled();
    await window.open(INSTANCE, 'agent');
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ url: 'https://sso.acme.example/app' }));
  });

  it('opens one window however often it is asked, also by a restarted worker', async () => {
    const { window, create } = make();
    await Promise.all([window.open(INSTANCE, 'engine'), window.open(INSTANCE, 'engine')]);
    await new LoginWindow({ log: new RecordingLog() }).open(INSTANCE, 'engine');
    expect(create).toHaveBeenCalledOnce();
  });

  it('closes its window when the session is ready', async () => {
    const { window, remove } = make();
    await window.open(INSTANCE, 'engine');
    const { windowId } = await loginWindowItem.getValue();

    await window.close();

    expect(remove).toHaveBeenCalledWith(windowId);
    expect(await fakeBrowser.windows.get(windowId ?? -1)).toBeUndefined();
  });

  it('does not reopen by itself after the agent closed it, but does when the agent asks to sign in', async () => {
    const { window, create } = make();
    await window.open(INSTANCE, 'engine');
    const { windowId } = await loginWindowItem.getValue();
    await fakeBrowser.windows.remove(windowId ?? -1);
    expect(await window.handleWindowRemoved(windowId ?? -1)).toBe(true);

    await window.open(INSTANCE, 'engine');
    expect(create).toHaveBeenCalledOnce();

    await window.open(INSTANCE, 'agent');
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('tells a page load after the first one in its window (a submitted sign-in form) from the first and from other windows', async () => {
    const { window } = make();
    await window.open(INSTANCE, 'engine');
    const { windowId } = await loginWindowItem.getValue();
    expect(await window.handlePageLoaded(windowId ?? -1)).toBe(false); // the login page itself
    expect(await window.handlePageLoaded((windowId ?? 0) + 100)).toBe(false); // another window
    expect(await window.handlePageLoaded(windowId ?? -1)).toBe(true); // after the form was submitted
  });

  it('takes no notice of other windows closing', async () => {
    const { window } = make();
    await window.open(INSTANCE, 'engine');
    expect(await window.handleWindowRemoved(999)).toBe(false);
    expect((await loginWindowItem.getValue()).dismissed).toBe(false);
  });
});

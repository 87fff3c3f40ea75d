// The toolbar button opens the panel: Chrome's side panel by its own behaviour, Firefox's sidebar toggled from
// the click (the user action sidebarAction needs), and a clear error where a browser has neither.
import { describe, expect, it, vi } from 'vitest';
import { openPanelFromToolbarButton } from '@/lib/platform/panel-opening';

describe('opening the panel from the toolbar button', () => {
  it('Chrome: asks the side panel to open on the action click, and leaves the click alone', () => {
    const setPanelBehavior = vi.fn().mockResolvedValue(undefined);
    const addListener = vi.fn();
    expect(openPanelFromToolbarButton({ sidePanel: { setPanelBehavior }, toolbarButton: { onClicked: { addListener } } })).toBe('side-panel');
    expect(setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
    expect(addListener).not.toHaveBeenCalled();
  });

  it('Firefox: toggles the sidebar on each click, synchronously in the click', () => {
    let click: (() => void) | undefined;
    const toggle = vi.fn().mockResolvedValue(undefined);
    const way = openPanelFromToolbarButton({ toolbarButton: { onClicked: { addListener: (listener) => (click = listener) } }, sidebarAction: { toggle } });
    expect(way).toBe('sidebar');
    expect(toggle).not.toHaveBeenCalled();
    click?.();
    expect(toggle).toHaveBeenCalledTimes(1);
    click?.();
    expect(toggle).toHaveBeenCalledTimes(2);
  });

  it('says so when the browser has neither a side panel nor a sidebar', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(openPanelFromToolbarButton({})).toBe('none');
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/neither a side panel nor a sidebar/));
  });
});

// @vitest-environment happy-dom
// The dial button: one host on the document element with a closed shadow root; only a trusted click dials, and
// the outcome (calling, or the error text) is shown, then the button hides.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DIAL_BUTTON_TAG, DialButton } from '../../../lib/click-to-dial/dial-button';
import type { CommandResult } from '../../../lib/session/commands';

/** The closed root the button creates, caught as it is attached (a page script has no such hook). */
function captureShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const original = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = original.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}

const texts = {
  call: (national: string) => `Call ${national}`,
  confirm: (national: string) => `Call ${national}? Click to confirm`,
  calling: () => 'Calling…',
  error: (result: Extract<CommandResult, { ok: false }>) => `error ${result.error.code}`,
};
const rect = { left: 10, top: 10, right: 100, bottom: 30, width: 90, height: 20 } as DOMRect;

function click(button: Element, trusted: boolean): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
  button.dispatchEvent(event);
}

let current: DialButton | null = null;
afterEach(() => {
  current?.destroy();
  current = null;
});

describe('DialButton', () => {
  it('is one host on the document element whose closed root the page cannot read', () => {
    const roots = captureShadowRoots();
    current = new DialButton(document, { texts, dial: vi.fn() });
    current.showFor({ e164: '+81312345678', national: '03-1234-5678' }, rect);
    const host = document.documentElement.querySelector(DIAL_BUTTON_TAG) as HTMLElement;
    expect(host.parentNode).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull();
    expect(host.textContent).toBe('');
    expect(roots[0].mode).toBe('closed');
    expect(roots[0].querySelector('button')!.textContent).toContain('Call 03-1234-5678');
    expect(host.getAttribute('style')).toContain('display:block !important');
  });

  it('dials only on a trusted click, then shows the error it gets and hides', async () => {
    const roots = captureShadowRoots();
    const dial = vi.fn(() => Promise.resolve<CommandResult>({ ok: false, error: { code: 'not-signed-in' } }));
    current = new DialButton(document, { texts, dial, resultMs: 10 });
    current.showFor({ e164: '+81312345678', national: '03-1234-5678' }, rect);
    const button = roots[0].querySelector('button')!;
    click(button, false);
    expect(dial).not.toHaveBeenCalled();
    click(button, true);
    expect(dial).toHaveBeenCalledWith({ e164: '+81312345678', national: '03-1234-5678' });
    await vi.waitFor(() => expect(button.textContent).toBe('error not-signed-in'));
    const host = document.documentElement.querySelector(DIAL_BUTTON_TAG)!;
    await vi.waitFor(() => expect(host.getAttribute('style')).toContain('display:none !important'));
  });

  it('with confirm-before-dialing, the first trusted click asks and only the second dials', () => {
    const roots = captureShadowRoots();
    const dial = vi.fn(() => Promise.resolve<CommandResult>({ ok: true }));
    current = new DialButton(document, { texts, dial, confirmFirst: true });
    const target = { e164: '+81312345678', national: '03-1234-5678' };
    current.showFor(target, rect);
    const button = roots[0].querySelector('button')!;
    click(button, true);
    expect(dial).not.toHaveBeenCalled();
    expect(button.textContent).toContain('Call 03-1234-5678? Click to confirm');
    // Hovering the number again does not turn the question back into a plain button.
    current.showFor(target, rect);
    expect(current.confirming).toBe(true);
    click(button, false);
    expect(dial).not.toHaveBeenCalled();
    click(button, true);
    expect(dial).toHaveBeenCalledWith(target);
  });

  it('a question nobody answers goes away', () => {
    vi.useFakeTimers();
    try {
      const roots = captureShadowRoots();
      const dial = vi.fn(() => Promise.resolve<CommandResult>({ ok: true }));
      current = new DialButton(document, { texts, dial, confirmFirst: true });
      current.askToConfirm({ e164: '+81312345678', national: '+81312345678' }, rect);
      expect(roots[0].querySelector('button')!.dataset.state).toBe('confirm');
      current.hideSoon();
      vi.advanceTimersByTime(1000);
      expect(current.confirming).toBe(true);
      vi.advanceTimersByTime(6000);
      expect(current.confirming).toBe(false);
      expect(dial).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});

// @vitest-environment happy-dom
// `tel:` links: a trusted primary click dials through Switchboard (the default action is prevented); a page
// script's synthetic click, a number that cannot be read, or another link is left alone.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { interceptTelLinks } from '../../../lib/click-to-dial/tel-links';

function click(target: Element, trusted: boolean): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 });
  if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
  return event;
}

let stop = () => {};
afterEach(() => {
  stop();
  document.body.innerHTML = '';
});

function setup(html: string) {
  document.body.innerHTML = html;
  const dial = vi.fn((_e164: string) => Promise.resolve({ ok: true as const }));
  stop = interceptTelLinks(document, { defaultCountry: 'JP', dial });
  return dial;
}

describe('interceptTelLinks', () => {
  it('dials the number of a trusted click on a tel: link (or on an element inside it) and prevents the default', () => {
    const dial = setup('<a id="l" href="tel:03-1234-5678;ext=12"><b id="inner">Call</b></a>');
    const event = click(document.getElementById('inner')!, true);
    expect(event.defaultPrevented).toBe(true);
    expect(dial).toHaveBeenCalledWith('+81312345678', document.getElementById('l'));
  });

  it('ignores a synthetic click from a page script', () => {
    const dial = setup('<a id="l" href="tel:0312345678">Call</a>');
    const event = click(document.getElementById('l')!, false);
    expect(event.defaultPrevented).toBe(false);
    expect(dial).not.toHaveBeenCalled();
  });

  it('leaves unreadable numbers and other links to the browser', () => {
    const dial = setup(`<a id="bad" href="tel:+1${'1'.repeat(30)};phone-context=${'x'.repeat(5000)}">x</a><a id="web" href="https://example.com/0312345678">y</a>`);
    const started = performance.now();
    expect(click(document.getElementById('bad')!, true).defaultPrevented).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
    expect(click(document.getElementById('web')!, true).defaultPrevented).toBe(false);
    expect(dial).not.toHaveBeenCalled();
  });
});

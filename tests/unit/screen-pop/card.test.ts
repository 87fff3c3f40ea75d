// @vitest-environment happy-dom
// The screen-pop card on a page: its content, a closed shadow root, dismissal and the 20 s collapse.
import { beforeEach, describe, expect, it } from 'vitest';
import { COLLAPSE_AFTER_MS, renderCardContent, showCard, type CardTexts, type CardTimers } from '../../../lib/screen-pop/card';
import type { ScreenPopCard } from '../../../lib/screen-pop/card-message';

const TEXTS: CardTexts = {
  title: 'Incoming caller',
  chatTitle: 'Incoming chat',
  close: 'Close',
  expand: 'Show the caller',
  unknownCaller: 'Unknown caller',
  queue: 'Queue',
  openRecord: 'Open the CRM record',
  openCases: 'Open cases',
  noOpenCases: 'No open cases',
  search: 'Search',
  severalMatches: (n) => `${n} customers have this number`,
};

const CARD: ScreenPopCard = {
  contactId: 'c-1',
  channel: 'voice',
  customerName: null,
  phoneNumber: '+819012345678',
  phoneNumberDisplay: '090-1234-5678',
  queueName: 'BasicQueue',
  attributes: { accountNumber: 'AC-1001' },
  profiles: [
    {
      profileId: 'p',
      name: 'Taro Suzuki',
      accountNumber: 'AC-1001',
      recordUrl: 'http://localhost:8081/customers/p',
      cases: [{ reference: 'CASE-2026-0001', title: 'Router', status: 'open', url: 'http://localhost:8081/cases/case-2026-0001' }],
    },
  ],
  searchUrl: null,
};

/** Timers the test fires by hand. */
class ManualTimers implements CardTimers {
  pending = new Map<number, { callback: () => void; ms: number }>();
  private next = 1;
  setTimeout(callback: () => void, ms: number) {
    this.pending.set(this.next, { callback, ms });
    return this.next++;
  }
  clearTimeout(id: number) {
    this.pending.delete(id);
  }
  fire() {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const t of due) t.callback();
  }
}

beforeEach(() => {
  document.body.innerHTML = '<button id="page-button">Save</button>';
});

describe('the screen-pop card', () => {
  it('shows name, formatted number, queue, attributes, open cases and the record link', () => {
    const content = renderCardContent(document, CARD, TEXTS);
    const text = content.textContent ?? '';
    for (const expected of ['Taro Suzuki', '090-1234-5678', 'BasicQueue', 'accountNumber', 'AC-1001', 'CASE-2026-0001', 'Router', 'Open the CRM record']) expect(text).toContain(expected);
    const links = [...content.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href'), a.rel]);
    expect(links).toEqual([
      ['CASE-2026-0001', 'http://localhost:8081/cases/case-2026-0001', 'noopener noreferrer'],
      ['Open the CRM record', 'http://localhost:8081/customers/p', 'noopener noreferrer'],
    ]);
  });

  it('lists every profile when several match', () => {
    const second = { ...CARD.profiles[0]!, profileId: 'q', name: 'Hanako Suzuki', recordUrl: 'http://localhost:8081/customers/q', cases: [] };
    const content = renderCardContent(document, { ...CARD, profiles: [CARD.profiles[0]!, second] }, TEXTS);
    expect(content.querySelector('.name')?.textContent).toBe('2 customers have this number');
    expect([...content.querySelectorAll('.profile .name a')].map((a) => a.getAttribute('href'))).toEqual(['http://localhost:8081/customers/p', 'http://localhost:8081/customers/q']);
  });

  it('never renders a link that is not http(s), and shows hostile text as text', () => {
    const hostile = { ...CARD, attributes: { note: '<img src=x onerror=alert(1)>' }, profiles: [{ ...CARD.profiles[0]!, recordUrl: 'javascript:alert(1)', cases: [] }] };
    const content = renderCardContent(document, hostile, TEXTS);
    expect(content.querySelector('a')).toBeNull();
    expect(content.querySelector('img')).toBeNull();
    expect(content.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it("shows a chat customer nobody's profile matches by the name they gave, under the chat heading", () => {
    const chat: ScreenPopCard = { ...CARD, channel: 'chat', customerName: 'Mina Kato', phoneNumber: null, phoneNumberDisplay: null, attributes: {}, profiles: [] };
    expect(renderCardContent(document, chat, TEXTS).querySelector('.name')?.textContent).toBe('Mina Kato');
    // The closed root is read through attachShadow's return value, which only the card's code holds.
    const roots: ShadowRoot[] = [];
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    };
    try {
      showCard(document, chat, TEXTS, new ManualTimers()).remove();
      showCard(document, { ...chat, channel: 'voice', customerName: null }, TEXTS, new ManualTimers()).remove();
    } finally {
      Element.prototype.attachShadow = attach;
    }
    expect(roots.map((root) => [root.querySelector('h2')?.textContent, root.querySelector('[role="dialog"]')?.getAttribute('aria-label'), root.querySelector('.name')?.textContent])).toEqual([
      ['Incoming chat', 'Incoming chat', 'Mina Kato'],
      ['Incoming caller', 'Incoming caller', 'Unknown caller'],
    ]);
  });

  it('is invisible to the page: a closed shadow root', () => {
    showCard(document, CARD, TEXTS, new ManualTimers());
    const host = document.querySelector('switchboard-screen-pop');
    expect(host).not.toBeNull();
    expect(host?.shadowRoot).toBeNull();
    expect(document.body.textContent).not.toContain('Taro Suzuki');
  });

  it('closes on Escape', () => {
    showCard(document, CARD, TEXTS, new ManualTimers());
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(document.querySelector('switchboard-screen-pop')).toBeNull();
  });

  it('collapses to a pill after 20 s and stays on the page', () => {
    const timers = new ManualTimers();
    const shown = showCard(document, CARD, TEXTS, timers);
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([COLLAPSE_AFTER_MS]);
    expect(COLLAPSE_AFTER_MS).toBe(20_000);
    timers.fire();
    expect(shown.collapsed).toBe(true);
    expect(document.querySelector('switchboard-screen-pop')).not.toBeNull();
    shown.remove();
    expect(document.querySelector('switchboard-screen-pop')).toBeNull();
  });
});

// The small card case links show under the case reference the pointer is on: a link that opens the case and a
// "Link current call" button. It lives in the overlay's CLOSED shadow root (case-links-page.ts), so the page can
// neither read it nor click it; the button acts only on the agent's own (trusted) click, then shows the result.
import type { CaseLinksErrorCode, CaseLinksLinkAnswer, CaseLinkTarget } from './case-links-message';

export interface CaseLinksTexts {
  /** "Open CASE-2026-0042" */
  open(reference: string): string;
  linkCurrentCall: string;
  linking: string;
  /** "Current call linked to CASE-2026-0042" */
  linked(reference: string): string;
  /** The badge's accessible name: "2 open cases". */
  openCases(count: number): string;
  error(code: CaseLinksErrorCode): string;
}

export interface CaseCardOptions {
  texts: CaseLinksTexts;
  linkCurrentCall(reference: string): Promise<CaseLinksLinkAnswer>;
  /** Whether `event` is the agent's own gesture (`event.isTrusted`; a seam for DOM tests, which cannot make one). */
  isUserGesture(event: Event): boolean;
}

/** Case page links are http(s) only: a rule or a contact center can never make the card run javascript: URLs. */
export const isWebUrl = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);

export class CaseCard {
  readonly element: HTMLElement;
  private readonly open: HTMLAnchorElement;
  private readonly linkButton: HTMLButtonElement;
  private readonly message: HTMLElement;
  private target: CaseLinkTarget | null = null;
  private busy = false;

  constructor(doc: Document, private readonly options: CaseCardOptions) {
    this.element = doc.createElement('div');
    this.element.className = 'card';
    this.element.hidden = true;
    this.open = doc.createElement('a');
    this.open.className = 'open';
    this.linkButton = doc.createElement('button');
    this.linkButton.type = 'button';
    this.linkButton.className = 'link';
    this.linkButton.textContent = options.texts.linkCurrentCall;
    this.message = doc.createElement('p');
    this.message.className = 'message';
    this.message.setAttribute('aria-live', 'polite');
    this.element.append(this.open, this.linkButton, this.message);
    this.linkButton.addEventListener('click', (event) => void this.onLinkClick(event));
  }

  get reference(): string | null {
    return this.target?.reference ?? null;
  }

  /** Shows the card for `target` at page coordinates (left, top). */
  show(target: CaseLinkTarget, left: number, top: number): void {
    if (this.target?.reference !== target.reference) {
      this.message.textContent = '';
      this.message.removeAttribute('data-state');
    }
    this.target = target;
    this.open.textContent = this.options.texts.open(target.reference);
    if (isWebUrl(target.url)) this.open.href = target.url;
    else this.open.removeAttribute('href');
    this.element.style.left = `${Math.round(left)}px`;
    this.element.style.top = `${Math.round(top)}px`;
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
  }

  get shown(): boolean {
    return !this.element.hidden;
  }

  private async onLinkClick(event: Event): Promise<void> {
    // A synthetic click (a page script, or anything but the agent) links nothing.
    if (!this.options.isUserGesture(event) || this.busy || !this.target) return;
    const reference = this.target.reference;
    this.busy = true;
    this.linkButton.disabled = true;
    this.message.dataset.state = 'busy';
    this.message.textContent = this.options.texts.linking;
    try {
      const answer = await this.options.linkCurrentCall(reference);
      this.message.dataset.state = answer.ok ? 'linked' : 'error';
      this.message.textContent = answer.ok ? this.options.texts.linked(answer.reference) : this.options.texts.error(answer.error.code);
    } finally {
      this.busy = false;
      this.linkButton.disabled = false;
    }
  }
}

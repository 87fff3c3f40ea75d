// The one floating dial button click-to-dial shows next to the number under the pointer: a host element on the
// document element with a CLOSED shadow root (the page cannot read or restyle its content), dialing only on a
// trusted click (two when the confirm-before-dialing setting is on: "Call …?" first), then showing "Calling…"
// or the error briefly.
import type { CommandResult } from '../session/commands';
import { DIAL_BUTTON_Z_INDEX } from '../page-layers';

/** The host's tag: a custom name, so page rules for div/span/button do not match it. */
export const DIAL_BUTTON_TAG = 'switchboard-dial-button';

export interface DialButtonTexts {
  call(national: string): string;
  /** The question a first click asks when dialing needs confirming ("Call 03-1234-5678?"). */
  confirm(national: string): string;
  calling(): string;
  error(result: Extract<CommandResult, { ok: false }>): string;
}

export interface DialTarget {
  e164: string;
  national: string;
}

export interface DialButtonOptions {
  texts: DialButtonTexts;
  /** Places the call; only ever called from a trusted click. */
  dial(target: DialTarget): Promise<CommandResult>;
  /** Whether the first click only asks "Call …?" and a second one dials. */
  confirmFirst?: boolean;
  /** How long a result stays shown (default 2.5 s). */
  resultMs?: number;
}

const BUTTON_CSS = `
:host { all: initial; }
button {
  all: initial; box-sizing: border-box; display: inline-flex; align-items: center; gap: 4px; cursor: pointer;
  font: 600 12px/1.2 system-ui, sans-serif; color: #fff; background: #1a73e8; border-radius: 12px;
  padding: 4px 10px; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); white-space: nowrap;
}
button:hover { background: #1558b0; }
button:focus-visible { outline: 2px solid #0b3d91; outline-offset: 1px; }
button[data-state="confirm"] { background: #b06000; }
button[data-state="calling"] { background: #188038; cursor: default; }
button[data-state="error"] { background: #c5221f; cursor: default; }
`;

/** Host styles set inline with !important, so page stylesheets do not hide or move it. */
function hostStyle(left: number, top: number, visible: boolean): string {
  return [
    'all:initial',
    'position:fixed',
    `left:${Math.round(left)}px`,
    `top:${Math.round(top)}px`,
    `z-index:${DIAL_BUTTON_Z_INDEX}`,
    `display:${visible ? 'block' : 'none'}`,
    'pointer-events:auto',
  ]
    .map((rule) => `${rule} !important`)
    .join(';');
}

/** How long "Call …?" waits for the confirming click. */
const CONFIRM_TIMEOUT_MS = 6000;

export class DialButton {
  private readonly host: HTMLElement;
  private readonly button: HTMLButtonElement;
  private target: DialTarget | null = null;
  private busy = false;
  private hideTimer: ReturnType<typeof setTimeout> | null = null;
  private pointerInside = false;

  constructor(
    private readonly document: Document,
    private readonly options: DialButtonOptions,
  ) {
    this.host = document.createElement(DIAL_BUTTON_TAG);
    this.host.setAttribute('style', hostStyle(0, 0, false));
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = BUTTON_CSS;
    this.button = document.createElement('button');
    this.button.type = 'button';
    root.append(style, this.button);
    this.button.addEventListener('click', (event) => this.onClick(event));
    this.host.addEventListener('pointerenter', () => {
      this.pointerInside = true;
      this.cancelHide();
    });
    this.host.addEventListener('pointerleave', () => {
      this.pointerInside = false;
      this.hideSoon();
    });
  }

  /** Whether the pointer is over the button (the hover tracker keeps it shown then). */
  get hovered(): boolean {
    return this.pointerInside;
  }

  /** Whether the button is asking "Call …?". */
  get confirming(): boolean {
    return this.button.dataset.state === 'confirm' && this.target !== null;
  }

  /** The number the button dials now, if shown. */
  get current(): DialTarget | null {
    return this.target;
  }

  /** Shows the button for `target` just after `rect` (the number's box, viewport coordinates). */
  showFor(target: DialTarget, rect: DOMRect): void {
    if (this.busy || (this.confirming && this.target?.e164 === target.e164)) return;
    this.cancelHide();
    this.target = target;
    this.button.dataset.state = 'ready';
    this.button.textContent = `\u260E ${this.options.texts.call(target.national)}`;
    this.place(rect);
  }

  /** Shows the button next to `rect` already asking to confirm a call to `target` (a `tel:` link's click). */
  askToConfirm(target: DialTarget, rect: DOMRect): void {
    if (this.busy) return;
    this.showFor(target, rect);
    this.setConfirming(target);
  }

  /** Shows the outcome of a dial started elsewhere (a `tel:` link) next to `rect`. */
  showOutcome(promise: Promise<CommandResult>, rect: DOMRect): void {
    this.target = null;
    this.place(rect);
    void this.follow(promise);
  }

  /** Hides after a short grace period, so the pointer can travel from the number to the button. */
  hideSoon(delayMs = 400): void {
    // A "Call …?" question stays until answered or timed out.
    if (this.busy || this.pointerInside || this.confirming) return;
    this.cancelHide();
    this.hideTimer = setTimeout(() => this.hide(), delayMs);
  }

  hide(): void {
    this.cancelHide();
    this.target = null;
    this.host.setAttribute('style', hostStyle(0, 0, false));
  }

  destroy(): void {
    this.cancelHide();
    this.host.remove();
  }

  private place(rect: DOMRect): void {
    const view = this.document.defaultView;
    const maxLeft = (view?.innerWidth ?? 1024) - 160;
    const left = Math.max(0, Math.min(rect.right + 4, maxLeft));
    const top = Math.max(0, rect.top + rect.height / 2 - 12);
    // The page may have removed it, or replaced the document element's children.
    if (this.host.parentNode !== this.document.documentElement) this.document.documentElement.append(this.host);
    this.host.setAttribute('style', hostStyle(left, top, true));
  }

  private cancelHide(): void {
    if (this.hideTimer) clearTimeout(this.hideTimer);
    this.hideTimer = null;
  }

  private onClick(event: MouseEvent): void {
    event.preventDefault();
    event.stopPropagation();
    // A page script's click() or dispatchEvent is not the agent's gesture: it starts no call.
    if (!event.isTrusted || this.busy || !this.target) return;
    if (this.options.confirmFirst && this.button.dataset.state !== 'confirm') {
      this.setConfirming(this.target);
      return;
    }
    void this.follow(this.options.dial(this.target));
  }

  private setConfirming(target: DialTarget): void {
    this.cancelHide();
    this.button.dataset.state = 'confirm';
    this.button.textContent = `\u260E ${this.options.texts.confirm(target.national)}`;
    // An unanswered question goes away on its own.
    this.hideTimer = setTimeout(() => this.hide(), CONFIRM_TIMEOUT_MS);
  }

  private async follow(promise: Promise<CommandResult>): Promise<void> {
    this.busy = true;
    this.cancelHide();
    this.button.dataset.state = 'calling';
    this.button.textContent = this.options.texts.calling();
    let result: CommandResult;
    try {
      result = await promise;
    } catch (error) {
      result = { ok: false, error: { code: 'engine-unavailable', detail: error instanceof Error ? error.message : String(error) } };
    }
    if (!result.ok) {
      this.button.dataset.state = 'error';
      this.button.textContent = this.options.texts.error(result);
    }
    await new Promise((resolve) => setTimeout(resolve, this.options.resultMs ?? 2500));
    this.busy = false;
    this.hide();
  }
}

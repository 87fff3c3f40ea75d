// The chat steps of the Firefox end-to-end tests, on a FirefoxAgent's sidebar page: the chat log's text, a
// message typed in the composer and sent with Enter (real key presses over WebDriver BiDi), and whether the log
// renders an element (the agent's Markdown).
import { eventually, type FirefoxAgent } from './firefox-agent';

const COMPOSER = '[data-testid="chat-composer"] textarea';

/** The shown chat's log as the agent sees it ('' when no chat log is shown). */
export function chatLogText(agent: FirefoxAgent): Promise<string> {
  return agent.panel.evaluate(() => document.querySelector<HTMLElement>('[data-testid="chat-log"]')?.innerText ?? '');
}

/** Whether the chat log has an element matching `selector` whose text is `text`. */
export function chatLogHas(agent: FirefoxAgent, selector: string, text: string): Promise<boolean> {
  return agent.panel.evaluate(
    (css, wanted) => [...document.querySelectorAll(`[data-testid="chat-log"] ${css}`)].some((element) => element.textContent?.trim() === wanted),
    selector,
    text,
  );
}

/** Types `text` into the composer of the shown chat and presses Enter, as the agent does; waits until the composer
 *  is enabled first (it is disabled until the chat is connected). */
export async function sendChatMessage(agent: FirefoxAgent, text: string, timeoutMs = 20_000): Promise<void> {
  const composer = await eventually('an enabled chat composer', async () => (await agent.panel.$(`${COMPOSER}:not([disabled])`)) ?? undefined, timeoutMs);
  await agent.panel.bringToFront();
  await composer.focus();
  await agent.panel.keyboard.type(text);
  const typed = await composer.evaluate((field) => (field as HTMLTextAreaElement).value);
  if (typed !== text) throw new Error(`the composer has "${typed}" after typing "${text}"`);
  await agent.panel.keyboard.press('Enter');
  await eventually('the composer emptied by sending', () => composer.evaluate((field) => (field as HTMLTextAreaElement).value === ''), timeoutMs);
}

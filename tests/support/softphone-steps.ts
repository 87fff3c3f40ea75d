// Steps the softphone end-to-end specs share: the panel's areas found by their accessible names, the tools
// opened, and the contact center's side of the story (agent views, contact details and records).

import { expect, type Locator, type Page } from '@playwright/test';
import type { ContactRecord } from '../../contact-center/model';
import type { AgentView, ContactDetails } from '../../contact-center/routing/views';
import { AgentBrowser, type TestContactCenter } from './softphone-fixture';

/** How long a call may take to reach a panel: contact center -> CCP socket -> streams poll -> worker -> panel. */
export const REACHES_PANEL_MS = 10_000;

/** The contact center's view of an agent (its truth, not the panel's). */
export function agentView(cc: TestContactCenter, agentId: string): AgentView {
  return cc.engine.getAgentView(agentId);
}

/** GET /api/v1/contacts/{id}: the contact and its record, live or ended. */
export async function contactDetails(cc: TestContactCenter, contactId: string): Promise<ContactDetails> {
  const res = await fetch(`${cc.url}/api/v1/contacts/${encodeURIComponent(contactId)}`);
  if (!res.ok) throw new Error(`GET contact ${contactId}: ${res.status} ${await res.text()}`);
  return (await res.json()) as ContactDetails;
}

export async function contactRecord(cc: TestContactCenter, contactId: string): Promise<ContactRecord> {
  return (await contactDetails(cc, contactId)).record;
}

/** The agent the contact is ringing at or connected to, per the contact center (null while queued). */
export function agentOf(cc: TestContactCenter, contactId: string): string | null {
  return cc.engine.hasContact(contactId) ? cc.engine.getContact(contactId).agentId : null;
}

/** Every contact record the contact center has for an agent (ended contacts). */
export async function recordsOf(cc: TestContactCenter, agentId: string): Promise<ContactRecord[]> {
  const res = await fetch(`${cc.url}/api/v1/contact-records?agent=${encodeURIComponent(agentId)}&limit=1000`);
  if (!res.ok) throw new Error(`GET contact-records: ${res.status}`);
  return ((await res.json()) as { records: ContactRecord[] }).records;
}

/** The panel's areas. */
export const incomingCard = (panel: Page): Locator => panel.getByTestId('incoming-contact');
export const activeCall = (panel: Page): Locator => panel.getByTestId('active-call');
export const afterCallWork = (panel: Page): Locator => panel.getByTestId('after-call-work');
export const missedCard = (panel: Page): Locator => panel.getByTestId('missed-contact');
export const systemState = (panel: Page): Locator => panel.getByTestId('system-state');
export const statusSelect = (panel: Page): Locator => panel.getByLabel('Status', { exact: true });

type ToolName = 'Number pad' | 'Quick connects' | 'Settings';

/** Opens one of the panel's tools (Number pad, Quick connects, Settings) unless it is open already. */
export async function openTool(panel: Page, name: ToolName): Promise<Locator> {
  const button = panel.getByRole('navigation', { name: 'Tools' }).getByRole('button', { name, exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const section = panel.getByRole('region', { name, exact: true });
  await expect(section).toBeVisible();
  return section;
}

/** Closes a tool if it is open. */
export async function closeTool(panel: Page, name: ToolName): Promise<void> {
  const button = panel.getByRole('navigation', { name: 'Tools' }).getByRole('button', { name, exact: true });
  if ((await button.getAttribute('aria-expanded')) === 'true') await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
}

/** A customer calls; waits until the contact center offers it to `agentId` and the panel shows it ringing. */
export async function callRingsAt(
  cc: TestContactCenter,
  agent: AgentBrowser,
  opts: Parameters<TestContactCenter['callIn']>[0] = {},
): Promise<string> {
  const contactId = await cc.callIn(opts);
  await expect.poll(() => agentOf(cc, contactId), { message: `contact ${contactId} is offered to ${agent.agentId}` }).toBe(agent.agentId);
  await expect(incomingCard(agent.panel)).toBeVisible({ timeout: REACHES_PANEL_MS });
  return contactId;
}

/** Accepts the ringing call in the panel and waits until both panel and contact center say it is connected. */
export async function acceptCall(cc: TestContactCenter, agent: AgentBrowser, contactId: string): Promise<void> {
  await incomingCard(agent.panel).getByRole('button', { name: 'Accept call' }).click();
  await expect(activeCall(agent.panel)).toBeVisible({ timeout: REACHES_PANEL_MS });
  await expect.poll(() => contactState(cc, contactId)).toBe('connected');
  expect(agentOf(cc, contactId)).toBe(agent.agentId);
}

/** The contact's record state per the contact center ('ended' once it is gone). */
export function contactState(cc: TestContactCenter, contactId: string): ContactRecord['state'] {
  return cc.engine.hasContact(contactId) ? cc.engine.getContact(contactId).state : 'ended';
}

/** The customer's connection state on a contact, per the contact center. */
export function customerState(cc: TestContactCenter, contactId: string): string | null {
  if (!cc.engine.hasContact(contactId)) return null;
  return cc.engine.getContact(contactId).participants.find((p) => p.kind === 'customer')?.state ?? null;
}

/** Ends the call in the panel (End call) and closes after call work (Close contact). */
export async function endAndClose(cc: TestContactCenter, agent: AgentBrowser): Promise<void> {
  await activeCall(agent.panel).getByRole('button', { name: 'End call' }).click();
  await closeContact(cc, agent);
}

/** Closes the after call work shown in the panel and waits until the agent has no contact left. */
export async function closeContact(cc: TestContactCenter, agent: AgentBrowser): Promise<void> {
  await afterCallWork(agent.panel).getByRole('button', { name: 'Close contact' }).click();
  await expect(afterCallWork(agent.panel)).toHaveCount(0, { timeout: REACHES_PANEL_MS });
  await expect.poll(() => agentView(cc, agent.agentId).contacts.length).toBe(0);
}

/** Sets the status unless the contact center already has it (setStatus waits for a change the CC agrees to). */
export async function ensureStatus(cc: TestContactCenter, agent: AgentBrowser, name: string): Promise<void> {
  const view = agentView(cc, agent.agentId);
  if (view.status.name === name && view.state.type !== 'error') return;
  await agent.setStatus(cc, name);
}

/** Chooses English in the sign-in view's language picker. agent2 (Yuki Tanaka) is configured for Japanese on
 *  the instance, so without a choice her panel follows the instance and speaks Japanese. */
export async function chooseEnglishBeforeSignIn(agent: AgentBrowser): Promise<void> {
  await agent.panel.getByLabel('Language', { exact: true }).selectOption({ label: 'English' });
}

/** AgentBrowser.launch, tried a second time if the extension's service worker does not show up in time: on two
 *  busy cores (or while another run rebuilds .output/chrome-mv3) Chromium can take longer than the fixture's
 *  wait to start it. A second failure is a real one. */
export async function launchAgent(agentId: string): Promise<AgentBrowser> {
  try {
    return await AgentBrowser.launch(agentId);
  } catch (error) {
    if (!(error instanceof Error) || !/serviceworker/.test(error.message)) throw error;
    console.warn(`${agentId}: the extension's service worker did not start in time; launching the browser again`);
    return AgentBrowser.launch(agentId);
  }
}

/** Emily (agent1) and Yuki (agent2, whose instance language is Japanese: her panel is switched to English
 *  first), both signed in. One browser starts at a time: on two cores, two extension service workers
 *  starting together can be slow. */
export async function signInEmilyAndYuki(cc: TestContactCenter): Promise<{ emily: AgentBrowser; yuki: AgentBrowser }> {
  const emily = await launchAgent('agent1');
  const yuki = await launchAgent('agent2');
  await chooseEnglishBeforeSignIn(yuki);
  await Promise.all([emily.signInQuickly(cc), yuki.signInQuickly(cc)]);
  return { emily, yuki };
}

/** An agent signed in and Available for the demo CRM specs: tests run the demo CRM on a random port, not the
 *  contact center's + 1, so its port is named in the CRM template values; `settings` are more of the agent's
 *  setting choices (e.g. `'screenPop.mode': 'ring'`). */
export async function signInForDemoCrm(cc: TestContactCenter, agentId: string, settings: Record<string, unknown> = {}): Promise<AgentBrowser> {
  const agent = await launchAgent(agentId);
  await agent.signInQuickly(cc);
  await ensureStatus(cc, agent, 'Available');
  await agent.chooseSettings({ 'screenPop.templateValues': { crmPort: String(cc.crmPort) }, ...settings });
  return agent;
}

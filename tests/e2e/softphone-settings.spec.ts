// End to end, the panel's Settings with one signed-in agent (Emily Carter, agent1): desk phone mode answered on
// the contact center's desk-phone page (F13), auto-accept written to the agent configuration (F6), and the
// session log download: JSON lines with timestamps, session events, and no secrets (F3).
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { AGENT_PASSWORD, type AgentBrowser, startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import {
  REACHES_PANEL_MS,
  activeCall,
  agentView,
  callRingsAt,
  closeTool,
  contactRecord,
  contactState,
  endAndClose,
  ensureStatus,
  incomingCard,
  launchAgent,
  openTool,
} from '../support/softphone-steps';

test.describe.configure({ mode: 'serial' });

const DESK_PHONE = '+81355559999';

let cc: TestContactCenter;
let emily: AgentBrowser;
/** When the session began, to check the log's timestamps. */
let startedAt = 0;
/** The calls the agent handled, to find in the log. */
const handledCalls: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(60_000);
  startedAt = Date.now();
  cc = await startTestContactCenter();
  emily = await launchAgent('agent1');
  await emily.signInQuickly(cc);
});
test.afterAll(async () => {
  await emily?.close();
  await cc?.stop();
});

test('in desk phone mode a call is answered on the desk phone and the panel shows it connected', async () => {
  const { panel, context } = emily;
  await ensureStatus(cc, emily, 'Available');
  const settings = await openTool(panel, 'Settings');
  await settings.getByRole('radio', { name: 'Desk phone' }).check();
  await settings.getByLabel('Desk phone number').fill(DESK_PHONE);
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect.poll(() => agentView(cc, 'agent1').config).toMatchObject({ softphoneEnabled: false, deskPhoneNumber: DESK_PHONE });
  await closeTool(panel, 'Settings');

  const deskPhone = await context.newPage();
  await deskPhone.goto(`${cc.url}/deskphone/${encodeURIComponent(DESK_PHONE)}`);
  await expect(deskPhone.getByRole('button', { name: 'Answer' })).toBeDisabled();

  const contactId = await callRingsAt(cc, emily);
  handledCalls.push(contactId);
  const ringing = incomingCard(panel);
  await expect(ringing.getByText('Answer on your desk phone')).toBeVisible();
  await expect(ringing.getByRole('button', { name: 'Accept call' })).toHaveCount(0);
  await expect(ringing.getByRole('button', { name: 'Reject call' })).toBeVisible();

  await deskPhone.getByRole('button', { name: 'Answer' }).click();
  const call = activeCall(panel);
  await expect(call.getByRole('heading', { name: 'On a call' })).toBeVisible({ timeout: REACHES_PANEL_MS });
  await expect(call.getByText('The audio is on your desk phone.')).toBeVisible();
  await expect(call.getByTestId('customer-number')).toHaveText('090-1234-5678');
  // The desk phone has its own mute; the panel offers none.
  await expect(call.getByRole('button', { name: 'Mute', exact: true })).toHaveCount(0);
  await expect.poll(() => contactState(cc, contactId)).toBe('connected');
  expect(agentView(cc, 'agent1').contacts[0]).toMatchObject({ contactId, deskPhone: true, state: 'connected' });
  await deskPhone.close();

  await endAndClose(cc, emily);

  // Back to the softphone.
  const again = await openTool(panel, 'Settings');
  await expect(again.getByLabel('Desk phone number')).toHaveValue('03-5555-9999');
  await again.getByRole('radio', { name: 'Softphone (this browser)' }).check();
  await again.getByRole('button', { name: 'Save' }).click();
  await expect(again.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect.poll(() => agentView(cc, 'agent1').config.softphoneEnabled).toBe(true);
  await expect(again.getByLabel('Desk phone number')).toHaveCount(0);
  await closeTool(panel, 'Settings');
});

test('with auto-accept on, an incoming call connects without Accept call; the setting is saved on the contact center', async () => {
  const { panel } = emily;
  await ensureStatus(cc, emily, 'Available');
  const settings = await openTool(panel, 'Settings');
  const autoAccept = settings.getByRole('checkbox', { name: /Accept calls automatically/ });
  await expect(autoAccept).not.toBeChecked();
  await autoAccept.check();
  await expect.poll(() => agentView(cc, 'agent1').config.autoAccept).toBe(true);
  await closeTool(panel, 'Settings');

  const contactId = await cc.callIn();
  handledCalls.push(contactId);
  const call = activeCall(panel);
  await expect(call.getByRole('heading', { name: 'On a call' })).toBeVisible({ timeout: REACHES_PANEL_MS });
  await expect(call.getByTestId('customer-number')).toHaveText('090-1234-5678');
  expect(contactState(cc, contactId)).toBe('connected');
  expect((await contactRecord(cc, contactId)).agents).toEqual([expect.objectContaining({ agentId: 'agent1', outcome: 'accepted' })]);
  await endAndClose(cc, emily);

  const again = await openTool(panel, 'Settings');
  await again.getByRole('checkbox', { name: /Accept calls automatically/ }).uncheck();
  await expect.poll(() => agentView(cc, 'agent1').config.autoAccept).toBe(false);
  await expect(again.getByRole('checkbox', { name: /Accept calls automatically/ })).not.toBeChecked();
  await closeTool(panel, 'Settings');

  // Off again: the next call rings and waits for Accept call.
  const next = await callRingsAt(cc, emily);
  await expect(incomingCard(panel).getByRole('button', { name: 'Accept call' })).toBeVisible();
  expect(contactState(cc, next)).toBe('ringing');
  // The customer gives up before Emily answers.
  await cc.customerHangUp(next);
  await expect.poll(() => agentView(cc, 'agent1').contacts).toEqual([]);
  await expect(incomingCard(panel)).toHaveCount(0, { timeout: REACHES_PANEL_MS });
});

test('the downloaded log is JSON lines of session events with timestamps and without secrets', async () => {
  const { panel, context } = emily;
  await emily.setStatus(cc, 'Break');
  const settings = await openTool(panel, 'Settings');
  const downloading = panel.waitForEvent('download');
  await settings.getByRole('button', { name: 'Download log' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^switchboard-log-\d{4}-\d\d-\d\d-\d{6}\.jsonl$/);
  const text = await readFile(await download.path(), 'utf8');

  const lines = text.split('\n').filter((line) => line !== '');
  expect(lines.length).toBeGreaterThan(5);
  const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  for (const entry of entries) {
    expect(typeof entry.t).toBe('number');
    expect(entry.t as number).toBeGreaterThanOrEqual(startedAt);
    expect(entry.t as number).toBeLessThanOrEqual(Date.now());
    expect(typeof entry.event).toBe('string');
  }
  const events = entries.map((e) => e.event);
  // Signing in, status changes, the calls' contact events and the commands behind them.
  expect(events).toContain('sign-in');
  expect(entries).toContainEqual(expect.objectContaining({ event: 'command', type: 'set-status', ok: true }));
  expect(entries).toContainEqual(expect.objectContaining({ event: 'command', type: 'hang-up', ok: true }));
  expect(entries).toContainEqual(expect.objectContaining({ event: 'command', type: 'update-agent-config', ok: true }));
  const contactEvents = entries.filter((e) => e.event === 'engine:contact');
  expect(handledCalls).toHaveLength(2);
  for (const contactId of handledCalls) {
    expect(contactEvents.filter((e) => e.contactId === contactId).length).toBeGreaterThanOrEqual(2);
  }
  expect(events).toContain('engine:agent-state');

  // No secrets: no password (the word or the agent's), no session cookie, no token or ticket values.
  const sessionCookie = (await context.cookies(cc.url)).find((c) => c.name === 'sb_session');
  expect(sessionCookie?.value).toBeTruthy();
  expect(text).not.toMatch(/password/i);
  expect(text).not.toContain(AGENT_PASSWORD);
  expect(text).not.toContain('sb_session');
  expect(text).not.toContain(sessionCookie?.value ?? '');
  expect(text).not.toContain(encodeURIComponent(sessionCookie?.value ?? ''));
  expect(text).not.toMatch(/"[^"]*token[^"]*"\s*:/i);
  expect(text).not.toMatch(/ticket=[A-Za-z0-9_-]{8,}/);
  await closeTool(panel, 'Settings');
});

// End to end, voice calls in the side panel with two signed-in agents (Emily Carter = agent1, Yuki Tanaka =
// agent2, same routing profile): an inbound call rings with its details and is accepted (F6), hold, mute, DTMF
// and end (F7), after call work closed by hand or by agent2's 3 s timeout (F8), reject and miss re-routed to
// the other agent (F6), the next status (F5) and outbound calls with an invalid and a valid number (F9).
import { expect, test } from '@playwright/test';
import { type AgentBrowser, CUSTOMER, startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import {
  REACHES_PANEL_MS,
  acceptCall,
  activeCall,
  afterCallWork,
  agentOf,
  agentView,
  callRingsAt,
  closeContact,
  closeTool,
  contactRecord,
  contactState,
  customerState,
  endAndClose,
  ensureStatus,
  incomingCard,
  missedCard,
  openTool,
  recordsOf,
  statusSelect,
  systemState,
  signInEmilyAndYuki,
} from '../support/softphone-steps';

test.describe.configure({ mode: 'serial' });

let cc: TestContactCenter;
let emily: AgentBrowser;
let yuki: AgentBrowser;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  cc = await startTestContactCenter();
  ({ emily, yuki } = await signInEmilyAndYuki(cc));
});
test.afterAll(async () => {
  await emily?.close();
  await yuki?.close();
  await cc?.stop();
});

/** The call the tests of a step share (accepted in one test, handled in the next). */
let callId = '';

test('an inbound call rings with the caller, queue, attributes and countdown, is announced, and is accepted', async () => {
  await ensureStatus(cc, yuki, 'Break');
  await ensureStatus(cc, emily, 'Available');
  const panel = emily.panel;
  callId = await callRingsAt(cc, emily, { from: CUSTOMER, queue: 'BasicQueue', attributes: { accountNumber: 'AC-1001' } });

  const card = incomingCard(panel);
  await expect(card.getByRole('heading', { name: 'Incoming call' })).toBeVisible();
  // +819012345678 as a Japanese agent reads it.
  await expect(card.getByTestId('caller-number')).toHaveText('090-1234-5678');
  await expect(card.getByTestId('queue-name')).toHaveText('BasicQueue');
  await expect(card.locator('dt', { hasText: 'accountNumber' })).toBeVisible();
  await expect(card.locator('dd', { hasText: 'AC-1001' })).toBeVisible();
  await expect(card.getByTestId('ring-countdown')).toHaveText(/Becomes a missed call in \d+ s/);
  await expect(panel.getByTestId('announcer')).toHaveText('Incoming call from 090-1234-5678');
  await expect(panel.getByTestId('announcer')).toHaveAttribute('aria-live', 'assertive');
  await expect(systemState(panel)).toHaveText('Incoming call');
  expect(agentView(cc, 'agent1').state.name).toBe('PendingBusy');

  await acceptCall(cc, emily, callId);
  const call = activeCall(panel);
  await expect(call.getByRole('heading', { name: 'On a call' })).toBeVisible();
  await expect(call.getByTestId('customer-number')).toHaveText('090-1234-5678');
  await expect(call.getByRole('timer', { name: /Call duration/ })).toBeVisible();
  await expect(systemState(panel)).toHaveText('On a call');
  await expect(incomingCard(panel)).toHaveCount(0);
  await expect(panel.getByTestId('announcer')).toHaveText('');
  expect(agentView(cc, 'agent1').state.name).toBe('Busy');
  const record = await contactRecord(cc, callId);
  expect(record).toMatchObject({ agentId: 'agent1', state: 'connected', initiationMethod: 'inbound', customerEndpoint: CUSTOMER });
});

test('on a call the agent holds and resumes, mutes and unmutes, sends DTMF tones and ends the call', async () => {
  const call = activeCall(emily.panel);

  await call.getByRole('button', { name: 'Hold', exact: true }).click();
  await expect(call.getByText('Customer on hold')).toBeVisible();
  await expect.poll(() => customerState(cc, callId)).toBe('hold');
  await call.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(call.getByText('Customer on hold')).toHaveCount(0);
  await expect(call.getByRole('button', { name: 'Hold', exact: true })).toBeVisible();
  await expect.poll(() => customerState(cc, callId)).toBe('connected');

  await call.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect(call.getByText('Muted', { exact: true })).toBeVisible();
  await expect.poll(() => agentView(cc, 'agent1').muted).toBe(true);
  await call.getByRole('button', { name: 'Unmute', exact: true }).click();
  await expect(call.getByRole('button', { name: 'Mute', exact: true })).toBeVisible();
  await expect(call.getByText('Muted', { exact: true })).toHaveCount(0);
  await expect.poll(() => agentView(cc, 'agent1').muted).toBe(false);

  await call.getByRole('button', { name: 'Keypad', exact: true }).click();
  const keys = call.getByRole('group', { name: 'Keypad: send tones' });
  for (const key of ['1', '2', '3', '#']) await keys.getByRole('button', { name: key, exact: true }).click();
  await expect(call.getByText('Sent: 123#')).toBeVisible();
  await expect.poll(async () => (await contactRecord(cc, callId)).dtmfDigits).toBe('123#');

  await call.getByRole('button', { name: 'End call' }).click();
  const acw = afterCallWork(emily.panel);
  await expect(acw.getByRole('heading', { name: 'After call work' })).toBeVisible({ timeout: REACHES_PANEL_MS });
  await expect(acw).toContainText('090-1234-5678');
  await expect(acw).toContainText('When you close the contact, your status becomes Available.');
  await expect(activeCall(emily.panel)).toHaveCount(0);
  await expect(systemState(emily.panel)).toHaveText('After call work');
  await expect.poll(() => agentView(cc, 'agent1').state.name).toBe('AfterCallWork');
  const record = await contactRecord(cc, callId);
  expect(record).toMatchObject({ state: 'acw', disconnectReason: 'agent_disconnect', holdCount: 1, dtmfDigits: '123#' });
});

test('after call work ends by itself after agent2’s 3 s timeout; agent1, without a timeout, closes it with Close contact', async () => {
  // Emily is still in after call work from the previous test; Yuki takes a call and the customer hangs up.
  await ensureStatus(cc, yuki, 'Available');
  const yukiCall = await callRingsAt(cc, yuki);
  await acceptCall(cc, yuki, yukiCall);
  await cc.customerHangUp(yukiCall);
  const yukiAcw = afterCallWork(yuki.panel);
  await expect(yukiAcw).toBeVisible({ timeout: REACHES_PANEL_MS });
  await expect(yukiAcw.getByRole('timer', { name: /Time in after call work/ })).toBeVisible();
  // No click: the contact center ends it after 3 s.
  await expect(yukiAcw).toHaveCount(0, { timeout: 10_000 });
  await expect(statusSelect(yuki.panel).locator('option:checked')).toHaveText('Available');
  expect(agentView(cc, 'agent2').state.name).toBe('Available');
  expect((await contactRecord(cc, yukiCall)).acwDurationMs).toBeGreaterThanOrEqual(2_900);

  // Emily's after call work has lasted longer than that and is still there.
  const emilyAcw = afterCallWork(emily.panel);
  await expect(emilyAcw).toBeVisible();
  await expect(emilyAcw.getByRole('timer')).not.toHaveText(/^00:0[0-3]$/);
  expect(agentView(cc, 'agent1').state.name).toBe('AfterCallWork');
  await closeContact(cc, emily);
  await expect(systemState(emily.panel)).toHaveCount(0);
  expect(agentView(cc, 'agent1').state.name).toBe('Available');
  expect((await contactRecord(cc, callId)).state).toBe('ended');
});

test('a rejected call is routed to the other agent', async () => {
  await ensureStatus(cc, yuki, 'Break');
  await ensureStatus(cc, emily, 'Available');
  const contactId = await callRingsAt(cc, emily);
  await yuki.setStatus(cc, 'Available');

  await incomingCard(emily.panel).getByRole('button', { name: 'Reject call' }).click();
  await expect(incomingCard(emily.panel)).toHaveCount(0, { timeout: REACHES_PANEL_MS });
  await expect.poll(() => agentOf(cc, contactId)).toBe('agent2');
  await expect(incomingCard(yuki.panel).getByTestId('caller-number')).toHaveText('090-1234-5678', { timeout: REACHES_PANEL_MS });
  await expect(yuki.panel.getByTestId('announcer')).toHaveText('Incoming call from 090-1234-5678');
  // Rejecting does not take Emily out of routing.
  expect(agentView(cc, 'agent1').state.type).toBe('routable');

  await acceptCall(cc, yuki, contactId);
  await endAndClose(cc, yuki);
  const record = await contactRecord(cc, contactId);
  expect(record.agentId).toBe('agent2');
  expect(record.agents.map((a) => [a.agentId, a.outcome])).toEqual([
    ['agent1', 'rejected'],
    ['agent2', 'accepted'],
  ]);
});

test('a missed call shows why and how to become available, and rings at the other agent', async () => {
  await ensureStatus(cc, yuki, 'Break');
  await ensureStatus(cc, emily, 'Available');
  const contactId = await callRingsAt(cc, emily);
  await yuki.setStatus(cc, 'Available');

  // Not accepted within the offer timeout (4 s here).
  const missed = missedCard(emily.panel);
  await expect(missed.getByRole('heading', { name: 'Missed call' })).toBeVisible({ timeout: 10_000 });
  await expect(missed).toContainText('090-1234-5678');
  await expect(missed).toContainText('went back to the queue for the next agent');
  await expect(missed).toContainText('No calls reach you until you change your status. Choose Available when you are ready.');
  await expect(systemState(emily.panel)).toHaveText('Missed call');
  expect(agentView(cc, 'agent1').state.name).toBe('MissedCallAgent');

  await expect.poll(() => agentOf(cc, contactId)).toBe('agent2');
  await expect(incomingCard(yuki.panel)).toBeVisible({ timeout: REACHES_PANEL_MS });
  await acceptCall(cc, yuki, contactId);

  await missed.getByRole('button', { name: 'Go Available' }).click();
  await expect(missedCard(emily.panel)).toHaveCount(0, { timeout: REACHES_PANEL_MS });
  await expect.poll(() => agentView(cc, 'agent1').state.name).toBe('Available');
  await expect(statusSelect(emily.panel).locator('option:checked')).toHaveText('Available');

  await endAndClose(cc, yuki);
  expect((await contactRecord(cc, contactId)).agents.map((a) => [a.agentId, a.outcome])).toEqual([
    ['agent1', 'missed'],
    ['agent2', 'accepted'],
  ]);
});

test('a status chosen during a call is the next status, applied when the contact is closed', async () => {
  await ensureStatus(cc, yuki, 'Break');
  await ensureStatus(cc, emily, 'Available');
  const contactId = await callRingsAt(cc, emily);
  await acceptCall(cc, emily, contactId);

  await statusSelect(emily.panel).selectOption({ label: 'Break' });
  await expect(emily.panel.getByTestId('next-status')).toContainText('Next status: Break', { timeout: REACHES_PANEL_MS });
  await expect.poll(() => agentView(cc, 'agent1').nextStatus?.name).toBe('Break');
  // Still on the call: the status applies later.
  expect(agentView(cc, 'agent1').state.name).toBe('Busy');

  await activeCall(emily.panel).getByRole('button', { name: 'End call' }).click();
  await expect(afterCallWork(emily.panel)).toContainText('When you close the contact, your status becomes Break.', { timeout: REACHES_PANEL_MS });
  await closeContact(cc, emily);
  await expect.poll(() => agentView(cc, 'agent1').state.name).toBe('Break');
  expect(agentView(cc, 'agent1').nextStatus).toBeNull();
  await expect(emily.panel.getByTestId('next-status')).toHaveCount(0);
  await expect(statusSelect(emily.panel).locator('option:checked')).toHaveText('Break');
});

test('outbound: an invalid number gets an inline error and places no call; a valid Japanese number is called', async () => {
  await ensureStatus(cc, yuki, 'Break');
  await ensureStatus(cc, emily, 'Available');
  const panel = emily.panel;
  const recordsBefore = (await recordsOf(cc, 'agent1')).length;

  const pad = await openTool(panel, 'Number pad');
  await pad.getByLabel('Country').selectOption({ label: 'Japan (+81)' });
  const number = pad.getByLabel('Phone number');
  await number.fill('03-555');
  await pad.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(pad.getByTestId('dial-error')).toHaveText('03-555 is not a valid phone number for Japan');
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(activeCall(panel)).toHaveCount(0);
  expect(agentView(cc, 'agent1').contacts).toEqual([]);
  expect(await recordsOf(cc, 'agent1')).toHaveLength(recordsBefore);

  await number.fill('03-5550-0123');
  await expect(pad.getByTestId('dial-error')).toHaveCount(0);
  await pad.getByRole('button', { name: 'Call', exact: true }).click();

  const call = activeCall(panel);
  await expect(call).toBeVisible({ timeout: REACHES_PANEL_MS });
  await expect(call.getByTestId('customer-number')).toHaveText('03-5550-0123');
  await expect(call.getByRole('heading', { name: 'On a call' })).toBeVisible({ timeout: REACHES_PANEL_MS });
  await expect(call.getByText('Escalation desk')).toBeVisible();
  const [contact] = agentView(cc, 'agent1').contacts;
  await expect.poll(() => customerState(cc, contact.contactId)).toBe('connected');
  expect(contactState(cc, contact.contactId)).toBe('connected');
  expect(await contactRecord(cc, contact.contactId)).toMatchObject({
    initiationMethod: 'outbound',
    customerEndpoint: '+81355500123',
    agentId: 'agent1',
  });

  await endAndClose(cc, emily);
  await closeTool(panel, 'Number pad');
});

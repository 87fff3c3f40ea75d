// End to end, transfers between two signed-in agents through the side panel (F10-F12): Emily Carter (agent1)
// consults Yuki Tanaka (agent2) from the searchable quick connects; Yuki's panel rings showing who transfers;
// Emily swaps, joins and cancels (hangs up Yuki) on one call, and on another leaves, completing the transfer.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { type AgentBrowser, CUSTOMER, startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import {
  REACHES_PANEL_MS,
  acceptCall,
  activeCall,
  afterCallWork,
  agentView,
  callRingsAt,
  closeContact,
  contactRecord,
  endAndClose,
  ensureStatus,
  incomingCard,
  openTool,
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

/** One party in the call card's "On this call" list, by the name the panel shows. */
const party = (panel: Page, name: string): Locator => activeCall(panel).getByTestId('connection').filter({ hasText: name });

/** A participant's connection state on the call, per the contact center. */
function participantState(contactId: string, who: { kind: 'customer' } | { agentId: string }): string | null {
  const participants = cc.engine.getContact(contactId).participants;
  const found = 'kind' in who ? participants.find((p) => p.kind === who.kind) : participants.find((p) => p.agentId === who.agentId);
  return found?.state ?? null;
}

/** Emily takes a customer call; then Yuki becomes available, so the customer's call could only be Emily's. */
async function emilyOnACall(): Promise<string> {
  await ensureStatus(cc, yuki, 'Break');
  await ensureStatus(cc, emily, 'Available');
  const contactId = await callRingsAt(cc, emily);
  await acceptCall(cc, emily, contactId);
  await yuki.setStatus(cc, 'Available');
  return contactId;
}

/** Emily consults Yuki from the quick connects (searching for her); Yuki's panel rings with who transfers, and
 *  she accepts. Returns Yuki's contact id (the transfer's own contact). */
async function emilyConsultsYuki(): Promise<string> {
  const list = await openTool(emily.panel, 'Quick connects');
  await expect(list.getByText('Choose where to consult or transfer the call.')).toBeVisible();
  await list.getByLabel('Search quick connects').fill('Yuki');
  const entries = list.getByRole('listitem');
  await expect(entries).toHaveCount(1);
  await list.getByRole('button', { name: 'Yuki Tanaka, Agent' }).click();
  // Placing the consult closes the list and shows the call with both parties.
  await expect(emily.panel.getByRole('region', { name: 'Quick connects' })).toHaveCount(0);
  await expect(party(emily.panel, 'Yuki Tanaka')).toBeVisible({ timeout: REACHES_PANEL_MS });
  await expect(party(emily.panel, '090-1234-5678')).toContainText('On hold');

  const ringing = incomingCard(yuki.panel);
  await expect(ringing.getByRole('heading', { name: 'Incoming transfer' })).toBeVisible({ timeout: REACHES_PANEL_MS });
  await expect(ringing).toContainText('Transferred by Emily Carter');
  await expect(ringing.getByTestId('caller-number')).toHaveText('090-1234-5678');
  await expect(yuki.panel.getByTestId('announcer')).toHaveText('Incoming transfer from Emily Carter: 090-1234-5678');
  const [yukiContact] = agentView(cc, 'agent2').contacts;
  expect(yukiContact).toMatchObject({ initiationMethod: 'transfer', transferredBy: 'Emily Carter', state: 'connecting' });

  await acceptCall(cc, yuki, yukiContact.contactId);
  await expect(activeCall(yuki.panel).getByTestId('transferred-by')).toHaveText('Transferred by Emily Carter');
  await expect(party(emily.panel, 'Yuki Tanaka')).toContainText('Connected', { timeout: REACHES_PANEL_MS });
  return yukiContact.contactId;
}

test('consult an agent from quick connects, then swap, join, and cancel by hanging up the third party', async () => {
  const contactId = await emilyOnACall();
  const yukiContact = await emilyConsultsYuki();
  const call = activeCall(emily.panel);
  const customer = party(emily.panel, '090-1234-5678');
  const third = party(emily.panel, 'Yuki Tanaka');
  await expect(customer).toContainText('Customer · On hold');
  await expect(third).toContainText('Third party · Connected');
  expect(participantState(contactId, { kind: 'customer' })).toBe('hold');
  // With a third party, Join/Swap/Leave replace End call.
  await expect(call.getByRole('button', { name: 'End call' })).toHaveCount(0);
  await expect(call.getByRole('button', { name: 'Leave' })).toBeVisible();

  await call.getByRole('button', { name: 'Swap' }).click();
  await expect(customer).toContainText('Connected', { timeout: REACHES_PANEL_MS });
  await expect(third).toContainText('On hold');
  await expect(call.getByRole('button', { name: 'Resume Yuki Tanaka' })).toBeVisible();
  await expect.poll(() => participantState(contactId, { kind: 'customer' })).toBe('connected');

  await call.getByRole('button', { name: 'Join' }).click();
  await expect(third).toContainText('Connected', { timeout: REACHES_PANEL_MS });
  await expect(customer).toContainText('Connected');
  await expect(call.getByRole('button', { name: 'Join' })).toHaveCount(0);
  await expect(call.getByRole('button', { name: 'Swap' })).toHaveCount(0);
  await expect.poll(() => participantState(contactId, { kind: 'customer' })).toBe('connected');
  expect(participantState(contactId, { agentId: 'agent2' })).toBe('connected');

  // Cancel: Emily hangs up Yuki and keeps the customer.
  await call.getByRole('button', { name: 'Hang up Yuki Tanaka' }).click();
  await expect(third).toHaveCount(0, { timeout: REACHES_PANEL_MS });
  await expect(call.getByRole('button', { name: 'End call' })).toBeVisible();
  await expect(call.getByTestId('customer-number')).toHaveText('090-1234-5678');
  await expect(activeCall(yuki.panel)).toHaveCount(0, { timeout: REACHES_PANEL_MS });
  expect(participantState(contactId, { kind: 'customer' })).toBe('connected');
  expect(cc.engine.getContact(contactId).agentId).toBe('agent1');
  expect(agentView(cc, 'agent1').state.name).toBe('Busy');
  // Yuki's leg of the transfer ends; her 3 s after call work closes by itself.
  await expect(afterCallWork(yuki.panel)).toHaveCount(0, { timeout: 10_000 });
  await expect.poll(() => agentView(cc, 'agent2').contacts.map((c) => c.contactId)).not.toContain(yukiContact);

  await endAndClose(cc, emily);
  const record = await contactRecord(cc, contactId);
  expect(record.state).toBe('ended');
  expect(record.transfers).toEqual([expect.objectContaining({ kind: 'agent', completed: false })]);
});

test('leaving a consult completes the transfer: the other agent keeps the customer', async () => {
  const contactId = await emilyOnACall();
  const yukiContact = await emilyConsultsYuki();
  const call = activeCall(emily.panel);

  await call.getByRole('button', { name: 'Leave' }).click();
  // Emily is out of the call and wraps up; Yuki talks to the customer.
  await expect(afterCallWork(emily.panel)).toBeVisible({ timeout: REACHES_PANEL_MS });
  await expect(activeCall(emily.panel)).toHaveCount(0);
  await expect.poll(() => agentView(cc, 'agent1').state.name).toBe('AfterCallWork');

  const yukiCall = activeCall(yuki.panel);
  await expect(yukiCall.getByTestId('customer-number')).toHaveText('090-1234-5678');
  await expect(yukiCall.getByRole('button', { name: 'End call' })).toBeVisible({ timeout: REACHES_PANEL_MS });
  await expect(yukiCall.getByRole('button', { name: 'Hold', exact: true })).toBeEnabled();
  await expect.poll(() => participantState(yukiContact, { kind: 'customer' })).toBe('connected');
  expect(participantState(yukiContact, { agentId: 'agent2' })).toBe('connected');
  expect(cc.engine.getContact(yukiContact).participants.some((p) => p.agentId === 'agent1' && p.state !== 'disconnected')).toBe(false);
  expect(agentView(cc, 'agent2').state.name).toBe('Busy');
  expect(cc.engine.getContact(yukiContact).record.customerEndpoint).toBe(CUSTOMER);
  expect((await contactRecord(cc, contactId)).transfers).toEqual([expect.objectContaining({ kind: 'agent', completed: true })]);

  await closeContact(cc, emily);
  // Yuki ends the call; her after call work closes by itself after 3 s.
  await yukiCall.getByRole('button', { name: 'End call' }).click();
  await expect(afterCallWork(yuki.panel)).toBeVisible({ timeout: REACHES_PANEL_MS });
  await expect(afterCallWork(yuki.panel)).toHaveCount(0, { timeout: 10_000 });
  await expect.poll(() => agentView(cc, 'agent2').contacts).toEqual([]);
});

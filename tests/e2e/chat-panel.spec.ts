// End to end, chat in the built extension's side panel (F16): a backend starts a chat with the real
// @aws-sdk/client-connect, the customer talks with the real @aws-sdk/client-connectparticipant, and the agent
// works it in the panel, through the offscreen engine's streams + ChatJS: offered, accepted, messages both
// ways, End chat -> After Contact Work -> Close contact.
import { ConnectClient, StartChatContactCommand } from '@aws-sdk/client-connect';
import { ConnectParticipantClient, CreateParticipantConnectionCommand, GetTranscriptCommand, SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { expect, test } from '@playwright/test';
import { flowIdOfQueue } from '../../contact-center/server/routes/start-chat-contact';
import { type AgentBrowser, startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import { REACHES_PANEL_MS, agentView, ensureStatus, launchAgent } from '../support/softphone-steps';

test.describe.configure({ mode: 'serial' });

let cc: TestContactCenter;
let emily: AgentBrowser;
let connect: ConnectClient;
let participant: ConnectParticipantClient;
const credentials = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };

test.beforeAll(async () => {
  test.setTimeout(60_000);
  cc = await startTestContactCenter();
  emily = await launchAgent('agent1');
  await emily.signInQuickly(cc);
  await ensureStatus(cc, emily, 'Available');
  connect = new ConnectClient({ endpoint: cc.url, region: cc.engine.instance.region, credentials });
  participant = new ConnectParticipantClient({ endpoint: cc.url, region: cc.engine.instance.region, credentials });
});
test.afterAll(async () => {
  connect?.destroy();
  participant?.destroy();
  await emily?.close();
  await cc?.stop();
});

test('a customer chat is offered in the panel, accepted, converses both ways, and is closed after contact work', async () => {
  test.setTimeout(60_000);
  const instance = cc.engine.instance;
  const started = await connect.send(
    new StartChatContactCommand({
      InstanceId: instance.instanceId,
      ContactFlowId: flowIdOfQueue(instance, 'basic'),
      ParticipantDetails: { DisplayName: 'Hanako Yamada' },
      InitialMessage: { ContentType: 'text/plain', Content: 'My router keeps rebooting.' },
    }),
  );
  const contactId = started.ContactId!;
  const customer = await participant.send(new CreateParticipantConnectionCommand({ ParticipantToken: started.ParticipantToken!, Type: ['CONNECTION_CREDENTIALS'], ConnectParticipant: true }));
  const customerToken = customer.ConnectionCredentials!.ConnectionToken!;
  const panel = emily.panel;
  const log = panel.getByTestId('chat-log');

  await expect(panel.getByRole('button', { name: 'Accept chat' })).toBeVisible({ timeout: REACHES_PANEL_MS });
  await expect(panel.getByText('Hanako Yamada').first()).toBeVisible();
  await panel.getByRole('button', { name: 'Accept chat' }).click();
  await expect.poll(() => agentView(cc, 'agent1').contacts.find((c) => c.contactId === contactId)?.state, { timeout: REACHES_PANEL_MS }).toBe('connected');

  // The customer's messages reach the panel through streams' conduit and the agent's ChatJS session.
  await expect(log.getByText('My router keeps rebooting.')).toBeVisible({ timeout: REACHES_PANEL_MS });
  await participant.send(new SendMessageCommand({ ConnectionToken: customerToken, ContentType: 'text/plain', Content: 'It started this morning.' }));
  await expect(log.getByText('It started this morning.')).toBeVisible({ timeout: REACHES_PANEL_MS });
  // Screen readers hear the customer's new message.
  await expect(panel.getByTestId('chat-announcer')).toContainText('It started this morning.');

  // The agent answers from the composer; the customer reads it in the transcript.
  const box = panel.getByRole('textbox', { name: /Message to Hanako Yamada/ });
  await box.fill('Let me **check** your line.');
  await box.press('Enter');
  await expect
    .poll(async () => {
      const t = await participant.send(new GetTranscriptCommand({ ConnectionToken: customerToken, MaxResults: 100, SortOrder: 'ASCENDING' }));
      return t.Transcript!.filter((i) => i.ParticipantRole === 'AGENT' && i.Type === 'MESSAGE').map((i) => i.Content);
    }, { timeout: REACHES_PANEL_MS })
    .toEqual(['Let me **check** your line.']);
  // The agent's Markdown is rendered (sanitized) in the panel's transcript.
  await expect(log.locator('strong', { hasText: 'check' })).toBeVisible({ timeout: REACHES_PANEL_MS });

  await panel.getByRole('button', { name: 'End chat' }).click();
  await expect(panel.getByRole('button', { name: 'Close contact' })).toBeVisible({ timeout: REACHES_PANEL_MS });
  await panel.getByRole('button', { name: 'Close contact' }).click();
  await expect.poll(() => agentView(cc, 'agent1').contacts.length, { timeout: REACHES_PANEL_MS }).toBe(0);
});

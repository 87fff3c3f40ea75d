// End to end, the engine's road to the customer (F20, F21): the offscreen engine frames the instance's
// /customerprofiles-v2 page and asks it, with the agent's own session, for the caller's profile and history; the
// panel's workspace request travels through the worker like every command.
import { expect, test } from '@playwright/test';
import { type AgentBrowser, startTestContactCenter, type TestContactCenter } from '../support/softphone-fixture';
import { acceptCall, callRingsAt, endAndClose, ensureStatus, launchAgent } from '../support/softphone-steps';
import { runWorkspaceRequest } from '../support/workspace-commands';

test.describe.configure({ mode: 'serial' });

const TARO = { number: '+819012345678', profileId: '7c1e4a9b2f6d4e3a8b5c0d1e2f3a4b01' };

let cc: TestContactCenter;
let agent: AgentBrowser;

test.beforeAll(async () => {
  cc = await startTestContactCenter();
  agent = await launchAgent('agent1');
  await agent.signInQuickly(cc);
  await ensureStatus(cc, agent, 'Available');
});
test.afterAll(async () => {
  await agent?.close();
  await cc?.stop();
});

test("the engine finds the caller's profile and history through the instance's Customer Profiles page", async () => {
  const contactId = await callRingsAt(cc, agent, { from: TARO.number });
  const result = await runWorkspaceRequest(agent.panel, { op: 'customer-for-contact', contactId });
  expect(result.ok, JSON.stringify(result)).toBe(true);
  const answer = result.ok ? result.value?.workspace : undefined;
  expect(answer?.profiles?.map((p) => p.ProfileId)).toEqual([TARO.profileId]);
  expect(answer?.profiles?.[0]).toMatchObject({ FirstName: 'Taro', LastName: 'Suzuki' });
  expect(answer?.lookedUpBy).toEqual([{ key: '_phone', value: TARO.number }]);
  await acceptCall(cc, agent, contactId);
  await endAndClose(cc, agent);
  // The ended call is in his history now, with its durations.
  await expect
    .poll(async () => {
      const history = await runWorkspaceRequest(agent.panel, { op: 'profile-history', profileId: TARO.profileId });
      return history.ok ? (history.value?.workspace?.history ?? []).map((h) => h.contactId) : [JSON.stringify(history)];
    })
    .toContain(contactId);
});

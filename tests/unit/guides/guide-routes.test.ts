// The contact center serves its guides as Amazon Connect serves flows, checked with the REAL @aws-sdk/client-connect
// (ListContactFlows, DescribeContactFlow with the flow JSON as Content) and with the extension's guides client
// sending the signed-in agent's session from the extension's origin; web pages and callers without a session
// are refused; a bad guide file is refused at load with its file, path and reason.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectClient, DescribeContactFlowCommand, ListContactFlowsCommand, ResourceNotFoundException } from '@aws-sdk/client-connect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuideFileError, loadGuideLibrary } from '../../../contact-center/guides/guide-library';
import { type RunningContactCenter, startContactCenter } from '../../../contact-center/server/contact-center-server';
import { fetchContactCenterGuides, instanceIdOfArn } from '../../../lib/guides/guides-client';
import { validateGuide } from '../../../lib/guides/validate-guide';
import { readSeed, smallGuide } from './guide-fixtures';

const EXTENSION = `chrome-extension://${'ponmlkjihgfedcba'.repeat(2)}`;
let cc: RunningContactCenter;
let connect: ConnectClient;
let dataDir = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sb-guides-'));
  cc = await startContactCenter({ dataDir, port: 0, demoPassword: 'pw-test' });
  connect = new ConnectClient({ endpoint: cc.url, region: cc.engine.instance.region, credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' }, maxAttempts: 1 });
});
afterAll(async () => {
  connect?.destroy();
  await cc?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the guides as Connect flows', () => {
  it('lists the six seeded guides with ListContactFlows, a page at a time', async () => {
    const InstanceId = cc.engine.instance.instanceId;
    const first = await connect.send(new ListContactFlowsCommand({ InstanceId, MaxResults: 4 }));
    const second = await connect.send(new ListContactFlowsCommand({ InstanceId, MaxResults: 4, NextToken: first.NextToken }));
    const listed = [...(first.ContactFlowSummaryList ?? []), ...(second.ContactFlowSummaryList ?? [])];
    expect(listed.map((f) => f.Id).sort()).toEqual(['billing-dispute', 'change-of-address', 'ja-billing-dispute', 'ja-change-of-address', 'ja-router-keeps-dropping', 'router-keeps-dropping']);
    expect(listed[0]).toMatchObject({ ContactFlowType: 'CONTACT_FLOW', ContactFlowState: 'ACTIVE', Arn: expect.stringMatching(/:instance\/.+\/contact-flow\//) });
    expect(second.NextToken).toBeUndefined();
  });

  it('describes one with its flow JSON as Content and its language, topic and AppliesTo as Tags', async () => {
    const { ContactFlow } = await connect.send(new DescribeContactFlowCommand({ InstanceId: cc.engine.instance.instanceId, ContactFlowId: 'router-keeps-dropping' }));
    expect(ContactFlow).toMatchObject({ Id: 'router-keeps-dropping', Name: 'Router keeps dropping', Type: 'CONTACT_FLOW', Tags: { 'switchboard:language': 'en', 'switchboard:topic': 'router-keeps-dropping' } });
    expect(JSON.parse(ContactFlow!.Content!)).toEqual((readSeed('router-keeps-dropping.en.json') as { Content: unknown }).Content);
    expect(JSON.parse(ContactFlow!.Tags!['switchboard:appliesTo'])).toEqual({ Queues: ['Support'] });
  });

  it('refuses an unknown flow and another instance as Connect does', async () => {
    const unknown = await connect.send(new DescribeContactFlowCommand({ InstanceId: cc.engine.instance.instanceId, ContactFlowId: 'nope' })).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
    const other = await connect.send(new ListContactFlowsCommand({ InstanceId: 'another-instance' })).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(ResourceNotFoundException);
  });

  it('gives the extension every guide, checked, with the agent’s session', async () => {
    const cookie = `sb_session=${cc.issueSession('agent1')}`;
    const instanceId = instanceIdOfArn(`arn:aws:connect:${cc.engine.instance.region}:1:instance/${cc.engine.instance.instanceId}/agent-state/available`)!;
    const read = await fetchContactCenterGuides({ baseUrl: cc.url, instanceId, headers: { Cookie: cookie, Origin: EXTENSION } });
    expect(read.refused).toEqual([]);
    expect(read.guides.map((g) => [g.Id, g.Language, g.Topic]).sort()).toContainEqual(['ja-router-keeps-dropping', 'ja', 'router-keeps-dropping']);
    const seeded = validateGuide(readSeed('billing-dispute.ja.json'));
    expect(read.guides.find((g) => g.Id === 'ja-billing-dispute')).toEqual(seeded.ok && seeded.guide);
  });

  it('refuses the extension without a session, and web pages of other origins', async () => {
    const instanceId = cc.engine.instance.instanceId;
    await expect(fetchContactCenterGuides({ baseUrl: cc.url, instanceId, headers: { Origin: EXTENSION } })).rejects.toMatchObject({ status: 403 });
    const cookie = `sb_session=${cc.issueSession('agent1')}`;
    const page = await fetch(`${cc.url}/contact-flows-summary/${instanceId}`, { headers: { Cookie: cookie, Origin: 'https://evil.example' } });
    expect(page.status).toBe(403);
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the guide files', () => {
  it('refuse a bad file at load, naming it, the JSON path and what is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-guide-files-'));
    try {
      const bad = structuredClone(smallGuide()) as { Content: { Actions: { Transitions: { NextAction?: string } }[] } };
      bad.Content.Actions[0].Transitions.NextAction = 'missing';
      writeFileSync(join(dir, 'good.json'), JSON.stringify(smallGuide()));
      writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
      expect(() => loadGuideLibrary(dir)).toThrow(new GuideFileError('bad.json', 'Content.Actions[0].Transitions.NextAction: no action has the Identifier "missing"'));
      rmSync(join(dir, 'bad.json'));
      writeFileSync(join(dir, 'twin.json'), JSON.stringify(smallGuide()));
      expect(() => loadGuideLibrary(dir)).toThrow(/twin\.json is refused: another file has the guide Id "small"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

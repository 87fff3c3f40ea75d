// Tests for the demo instance seed: what it contains, that it is consistent, and that it is written once.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstanceConfig } from '../../../contact-center/model';
import { DEFAULT_DEMO_PASSWORD, DEMO_INSTANCE } from '../../../contact-center/seed/demo-instance';
import { openDatabase, type Database } from '../../../contact-center/store/database';
import { findUserForLogin, loadInstanceConfig, seedIfEmpty } from '../../../contact-center/store/instance-repository';
import { verifyPassword } from '../../../contact-center/store/passwords';

const E164 = /^\+[1-9]\d{7,14}$/;

let db: Database;
let config: InstanceConfig;

beforeAll(() => {
  db = openDatabase(':memory:');
  seedIfEmpty(db, 'demo-secret');
  config = loadInstanceConfig(db);
});

afterAll(() => {
  db.close();
});

function agentsServing(queueId: string): string[] {
  return config.agents
    .filter((agent) => config.routingProfiles.find((profile) => profile.id === agent.routingProfileId)?.queues.some((queue) => queue.queueId === queueId))
    .map((agent) => agent.id);
}

describe('demo instance seed', () => {
  it('has the demo instance identity', () => {
    expect(config).toMatchObject({ region: 'ap-northeast-1', accountId: '123456789012', alias: 'switchboard-demo', defaultBehaviour: 'answers' });
    expect(config.instanceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('has the expected numbers of each kind of configuration', () => {
    expect(config.statuses).toHaveLength(7);
    expect(config.queues).toHaveLength(3);
    expect(config.routingProfiles).toHaveLength(2);
    expect(config.agents).toHaveLength(4);
    expect(config.quickConnects.length).toBeGreaterThanOrEqual(7);
    expect(config.directory.length).toBeGreaterThanOrEqual(5);
  });

  it('has one routable and one offline status, the rest not routable', () => {
    expect(config.statuses.filter((status) => status.type === 'routable').map((status) => status.name)).toEqual(['Available']);
    expect(config.statuses.filter((status) => status.type === 'offline').map((status) => status.name)).toEqual(['Offline']);
    expect(config.statuses.filter((status) => status.type === 'not_routable').map((status) => status.name)).toEqual([
      'Break', 'Meeting', 'Paperwork', 'Outbound work', 'Feedback',
    ]);
  });

  it('names every status and queue in English and Japanese', () => {
    expect(Object.fromEntries(config.statuses.map((status) => [status.name, status.names.ja]))).toEqual({
      Available: '利用可能',
      Offline: 'オフライン',
      Break: '休憩',
      Meeting: '会議',
      Paperwork: '事務処理',
      'Outbound work': '発信業務',
      Feedback: 'フィードバック',
    });
    expect(Object.fromEntries(config.queues.map((queue) => [queue.name, queue.names.ja]))).toEqual({
      BasicQueue: '一般窓口',
      Support: 'サポート',
      Billing: '請求',
    });
    for (const named of [...config.statuses, ...config.queues]) expect(named.names.en).toBe(named.name);
  });

  it('gives agents agent1..agent4 with the specified ACW timeouts and one Japanese-language agent', () => {
    expect(config.agents.map((agent) => [agent.username, agent.acwTimeoutSeconds])).toEqual([
      ['agent1', 0], ['agent2', 0], ['agent3', 30], ['agent4', 10],
    ]);
    expect(config.agents.filter((agent) => agent.config.language === 'ja_JP')).toHaveLength(1);
    expect(config.agents.filter((agent) => agent.config.language !== 'ja_JP').every((agent) => agent.config.language === 'en_US')).toBe(true);
    expect(config.agents.map((agent) => `${agent.firstName} ${agent.lastName}`)).toContain('Yuki Tanaka');
  });

  it('starts every agent on the softphone without a desk phone number', () => {
    for (const agent of config.agents) expect(agent.config).toMatchObject({ softphoneEnabled: true, deskPhoneNumber: '' });
  });

  it('lets at least two agents receive every queue, for re-routing and transfer tests', () => {
    for (const queue of config.queues) expect(agentsServing(queue.id).length, queue.name).toBeGreaterThanOrEqual(2);
  });

  it('pairs agent1 with agent2 and agent3 with agent4 on shared routing profiles', () => {
    const profileOf = (id: string): string | undefined => config.agents.find((agent) => agent.id === id)?.routingProfileId;
    expect(profileOf('agent1')).toBe(profileOf('agent2'));
    expect(profileOf('agent3')).toBe(profileOf('agent4'));
    expect(profileOf('agent1')).not.toBe(profileOf('agent3'));
  });

  it('includes a queue with a routing delay', () => {
    expect(config.routingProfiles.flatMap((profile) => profile.queues).some((queue) => queue.delaySeconds > 0)).toBe(true);
  });

  it('references only queues and agents that exist', () => {
    const queueIds = new Set(config.queues.map((queue) => queue.id));
    const agentIds = new Set(config.agents.map((agent) => agent.id));
    for (const profile of config.routingProfiles) {
      expect(queueIds.has(profile.defaultOutboundQueueId)).toBe(true);
      for (const queue of profile.queues) expect(queueIds.has(queue.queueId)).toBe(true);
    }
    for (const quickConnect of config.quickConnects) {
      if (quickConnect.kind === 'queue') expect(queueIds.has(quickConnect.queueId)).toBe(true);
      if (quickConnect.kind === 'agent') expect(agentIds.has(quickConnect.agentId)).toBe(true);
    }
  });

  it('has quick connects of all three kinds, one per agent named by display name', () => {
    expect(new Set(config.quickConnects.map((quickConnect) => quickConnect.kind))).toEqual(new Set(['queue', 'agent', 'phone']));
    const agentQuickConnects = config.quickConnects.flatMap((quickConnect) => (quickConnect.kind === 'agent' ? [quickConnect] : []));
    expect(agentQuickConnects.map((quickConnect) => quickConnect.name)).toEqual(
      config.agents.map((agent) => `${agent.firstName} ${agent.lastName}`),
    );
  });

  it('lists every phone quick connect in the directory with answering, busy and no-answer behaviours', () => {
    const behaviourOf = new Map(config.directory.map((entry) => [entry.phoneNumber, entry.behaviour]));
    const phoneQuickConnects = config.quickConnects.flatMap((quickConnect) => (quickConnect.kind === 'phone' ? [quickConnect] : []));
    expect(phoneQuickConnects.map((quickConnect) => behaviourOf.get(quickConnect.phoneNumber)).sort()).toEqual(['answers', 'busy', 'no_answer']);
  });

  it('uses E.164 numbers everywhere', () => {
    const numbers = [
      ...config.queues.map((queue) => queue.outboundCallerId),
      ...config.directory.map((entry) => entry.phoneNumber),
      ...config.quickConnects.flatMap((quickConnect) => (quickConnect.kind === 'phone' ? [quickConnect.phoneNumber] : [])),
    ];
    for (const number of numbers) expect(number).toMatch(E164);
  });

  it('stores the demo password hashed, not in plain text', () => {
    const login = findUserForLogin(db, 'agent1');
    expect(login?.passwordHash).toMatch(/^scrypt\$/);
    expect(login?.passwordHash).not.toContain('demo-secret');
    const allColumns = JSON.stringify(db.prepare('SELECT * FROM users').all());
    expect(allColumns).not.toContain('demo-secret');
  });

  it('gives every agent the demo password passed to seedIfEmpty', () => {
    for (const agent of config.agents) {
      expect(verifyPassword('demo-secret', findUserForLogin(db, agent.username)?.passwordHash ?? '')).toBe(true);
    }
  });

  it('defaults the demo password to "switchboard"', () => {
    expect(DEFAULT_DEMO_PASSWORD).toBe('switchboard');
  });

  it('does not seed again or change passwords when the instance exists', () => {
    const before = findUserForLogin(db, 'agent1')?.passwordHash;
    expect(seedIfEmpty(db, 'other-password')).toBe(false);
    expect(findUserForLogin(db, 'agent1')?.passwordHash).toBe(before);
    expect(loadInstanceConfig(db)).toEqual(config);
  });

  it('refuses an empty demo password', () => {
    const fresh = openDatabase(':memory:');
    expect(() => seedIfEmpty(fresh, '')).toThrow(/must not be empty/);
    fresh.close();
  });

  it('round-trips the demo instance definition through the database unchanged', () => {
    expect(config).toEqual(DEMO_INSTANCE);
  });
});

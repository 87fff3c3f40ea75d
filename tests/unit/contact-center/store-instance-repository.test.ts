// Tests for reading and writing instance configuration, agent settings and login lookups.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentDef, InstanceConfig } from '../../../contact-center/model';
import { DEMO_INSTANCE } from '../../../contact-center/seed/demo-instance';
import { openDatabase, type Database } from '../../../contact-center/store/database';
import { findUserForLogin, loadInstanceConfig, saveAgentConfig, seedIfEmpty } from '../../../contact-center/store/instance-repository';
import { verifyPassword } from '../../../contact-center/store/passwords';

const ALICE: AgentDef = {
  id: 'a',
  username: 'alice',
  firstName: 'Alice',
  lastName: 'Example',
  routingProfileId: 'p',
  acwTimeoutSeconds: 5,
  config: { softphoneEnabled: false, deskPhoneNumber: '+12065550111', autoAccept: true, language: 'en_US' },
};

// A small custom instance keeps these tests independent of the demo data and fast (one agent to hash).
const TINY_INSTANCE: InstanceConfig = {
  instanceId: '00000000-0000-4000-8000-000000000001',
  region: 'us-west-2',
  accountId: '000000000000',
  alias: 'tiny',
  defaultBehaviour: 'no_answer',
  statuses: [
    { id: 'offline', name: 'Offline', names: { en: 'Offline' }, type: 'offline', sortOrder: 2 },
    { id: 'available', name: 'Available', names: { en: 'Available' }, type: 'routable', sortOrder: 1 },
  ],
  queues: [{ id: 'q', name: 'Q', names: { en: 'Q' }, outboundCallerId: '+12065550100' }],
  routingProfiles: [
    {
      id: 'p',
      name: 'P',
      concurrency: { voice: 1, chat: 1, task: 1 },
      queues: [{ queueId: 'q', channels: ['voice'], priority: 1, delaySeconds: 0 }],
      defaultOutboundQueueId: 'q',
    },
  ],
  agents: [ALICE],
  quickConnects: [{ id: 'qc', kind: 'phone', name: 'Desk', phoneNumber: '+12065550122' }],
  directory: [{ phoneNumber: '+12065550122', name: 'Desk', behaviour: 'busy' }],
};

let db: Database;

beforeEach(() => {
  db = openDatabase(':memory:');
});

afterEach(() => {
  db.close();
});

describe('instance repository', () => {
  it('throws a clear error when loading from a database that was never seeded', () => {
    expect(() => loadInstanceConfig(db)).toThrow(/no instance/);
  });

  it('seeds the demo instance by default', () => {
    expect(seedIfEmpty(db, 'pw')).toBe(true);
    expect(loadInstanceConfig(db).alias).toBe(DEMO_INSTANCE.alias);
  });

  it('round-trips a custom configuration, returning statuses in sort order', () => {
    seedIfEmpty(db, 'pw', TINY_INSTANCE);
    const loaded = loadInstanceConfig(db);
    expect(loaded.statuses.map((status) => status.id)).toEqual(['available', 'offline']);
    expect(loaded).toEqual({ ...TINY_INSTANCE, statuses: [...TINY_INSTANCE.statuses].sort((a, b) => a.sortOrder - b.sortOrder) });
  });

  it('saves an agent configuration so it is loaded back', () => {
    seedIfEmpty(db, 'pw', TINY_INSTANCE);
    const config = { softphoneEnabled: true, deskPhoneNumber: '', autoAccept: false, language: 'ja_JP' };
    saveAgentConfig(db, 'a', config);
    expect(loadInstanceConfig(db).agents[0]?.config).toEqual(config);
  });

  it('changes only the given agent when saving a configuration', () => {
    seedIfEmpty(db, 'pw');
    saveAgentConfig(db, 'agent3', { softphoneEnabled: false, deskPhoneNumber: '+815055501234', autoAccept: true, language: 'ja_JP' });
    const agents = loadInstanceConfig(db).agents;
    expect(agents.find((agent) => agent.id === 'agent3')?.config.deskPhoneNumber).toBe('+815055501234');
    expect(agents.filter((agent) => agent.id !== 'agent3')).toEqual(DEMO_INSTANCE.agents.filter((agent) => agent.id !== 'agent3'));
  });

  it('throws when saving the configuration of an unknown agent', () => {
    seedIfEmpty(db, 'pw', TINY_INSTANCE);
    expect(() => saveAgentConfig(db, 'nobody', ALICE.config)).toThrow(/Unknown agent/);
  });

  it('finds a user for login by username, with a hash that verifies the password', () => {
    seedIfEmpty(db, 'pw', TINY_INSTANCE);
    const user = findUserForLogin(db, 'alice');
    expect(user?.agentId).toBe('a');
    expect(verifyPassword('pw', user?.passwordHash ?? '')).toBe(true);
  });

  it('returns null for an unknown username', () => {
    seedIfEmpty(db, 'pw', TINY_INSTANCE);
    expect(findUserForLogin(db, 'mallory')).toBeNull();
  });

  it('writes nothing when seeding fails halfway', () => {
    const broken: InstanceConfig = { ...TINY_INSTANCE, agents: [{ ...ALICE, routingProfileId: 'missing' }] };
    expect(() => seedIfEmpty(db, 'pw', broken)).toThrow(/FOREIGN KEY/);
    expect(() => loadInstanceConfig(db)).toThrow(/no instance/);
    expect(seedIfEmpty(db, 'pw', TINY_INSTANCE)).toBe(true);
  });
});

// Reads and writes the instance configuration (statuses, queues, routing profiles, agents, quick connects,
// directory) and agents' login credentials; seeds the demo instance into an empty database.

import type {
  AgentConfig,
  AgentDef,
  AgentStatusDef,
  Channel,
  ChatParticipantTimers,
  DirectoryEntry,
  FarEndBehaviour,
  InstanceConfig,
  QueueDef,
  QuickConnectDef,
  RoutingProfileDef,
  RoutingProfileQueue,
  StatusType,
} from '../model';
import { DEMO_INSTANCE } from '../seed/demo-instance';
import type { Database } from './database';
import { hashPassword } from './passwords';

interface InstanceRow {
  instance_id: string;
  region: string;
  account_id: string;
  alias: string;
  default_behaviour: FarEndBehaviour;
  chat_participant_timers_json: string | null;
}

interface StatusRow {
  id: string;
  name: string;
  names_json: string;
  type: StatusType;
  sort_order: number;
}

interface QueueRow {
  id: string;
  name: string;
  names_json: string;
  outbound_caller_id: string;
}

interface RoutingProfileRow {
  id: string;
  name: string;
  concurrency_json: string;
  default_outbound_queue_id: string;
}

interface RoutingProfileQueueRow {
  profile_id: string;
  queue_id: string;
  channels_json: string;
  priority: number;
  delay_seconds: number;
}

interface UserRow {
  id: string;
  username: string;
  first_name: string;
  last_name: string;
  routing_profile_id: string;
  acw_timeout_seconds: number;
  softphone_enabled: number;
  desk_phone_number: string;
  auto_accept: number;
  language: string;
}

interface QuickConnectRow {
  id: string;
  kind: QuickConnectDef['kind'];
  name: string;
  target: string;
}

interface DirectoryRow {
  phone_number: string;
  name: string;
  behaviour: FarEndBehaviour;
}

export interface LoginUser {
  agentId: string;
  passwordHash: string;
}

// Lists are read back in insertion (rowid) order, which is the order the seed gives them and the order
// the CCP shows them in; statuses have an explicit sort order instead.

/** Reads the whole instance configuration; throws when the database has not been seeded. */
export function loadInstanceConfig(db: Database): InstanceConfig {
  const instance = db
    .prepare<[], InstanceRow>('SELECT instance_id, region, account_id, alias, default_behaviour, chat_participant_timers_json FROM instance')
    .get();
  if (!instance) throw new Error('The contact center database has no instance yet; call seedIfEmpty first.');

  const statuses = db
    .prepare<[], StatusRow>('SELECT id, name, names_json, type, sort_order FROM statuses ORDER BY sort_order, rowid')
    .all()
    .map((row): AgentStatusDef => ({
      id: row.id,
      name: row.name,
      names: parseJson<Record<string, string>>(row.names_json),
      type: row.type,
      sortOrder: row.sort_order,
    }));

  const queues = db
    .prepare<[], QueueRow>('SELECT id, name, names_json, outbound_caller_id FROM queues ORDER BY rowid')
    .all()
    .map((row): QueueDef => ({
      id: row.id,
      name: row.name,
      names: parseJson<Record<string, string>>(row.names_json),
      outboundCallerId: row.outbound_caller_id,
    }));

  const profileQueues = db
    .prepare<[], RoutingProfileQueueRow>(
      'SELECT profile_id, queue_id, channels_json, priority, delay_seconds FROM routing_profile_queues ORDER BY rowid',
    )
    .all();
  const routingProfiles = db
    .prepare<[], RoutingProfileRow>(
      'SELECT id, name, concurrency_json, default_outbound_queue_id FROM routing_profiles ORDER BY rowid',
    )
    .all()
    .map((row): RoutingProfileDef => ({
      id: row.id,
      name: row.name,
      concurrency: parseJson<Record<Channel, number>>(row.concurrency_json),
      queues: profileQueues
        .filter((queue) => queue.profile_id === row.id)
        .map((queue): RoutingProfileQueue => ({
          queueId: queue.queue_id,
          channels: parseJson<Channel[]>(queue.channels_json),
          priority: queue.priority,
          delaySeconds: queue.delay_seconds,
        })),
      defaultOutboundQueueId: row.default_outbound_queue_id,
    }));

  const agents = db
    .prepare<[], UserRow>(
      `SELECT id, username, first_name, last_name, routing_profile_id, acw_timeout_seconds,
              softphone_enabled, desk_phone_number, auto_accept, language
       FROM users ORDER BY rowid`,
    )
    .all()
    .map((row): AgentDef => ({
      id: row.id,
      username: row.username,
      firstName: row.first_name,
      lastName: row.last_name,
      routingProfileId: row.routing_profile_id,
      acwTimeoutSeconds: row.acw_timeout_seconds,
      config: {
        softphoneEnabled: row.softphone_enabled === 1,
        deskPhoneNumber: row.desk_phone_number,
        autoAccept: row.auto_accept === 1,
        language: row.language,
      },
    }));

  const quickConnects = db
    .prepare<[], QuickConnectRow>('SELECT id, kind, name, target FROM quick_connects ORDER BY rowid')
    .all()
    .map(quickConnectFromRow);

  const directory = db
    .prepare<[], DirectoryRow>('SELECT phone_number, name, behaviour FROM directory ORDER BY rowid')
    .all()
    .map((row): DirectoryEntry => ({ phoneNumber: row.phone_number, name: row.name, behaviour: row.behaviour }));

  return {
    instanceId: instance.instance_id,
    region: instance.region,
    accountId: instance.account_id,
    alias: instance.alias,
    statuses,
    queues,
    routingProfiles,
    agents,
    quickConnects,
    directory,
    defaultBehaviour: instance.default_behaviour,
    ...(instance.chat_participant_timers_json === null ? {} : { chatParticipantTimers: JSON.parse(instance.chat_participant_timers_json) as ChatParticipantTimers }),
  };
}

/**
 * Writes `config` (the demo instance by default) when the database has no instance yet, every agent getting
 * `password`. Returns whether it seeded; an existing instance is never touched, so edits survive restarts.
 */
export function seedIfEmpty(db: Database, password: string, config: InstanceConfig = DEMO_INSTANCE): boolean {
  if (isSeeded(db)) return false;
  if (password.length === 0) throw new Error('The demo password must not be empty.');
  // Hashing is slow by design, so it happens before the write transaction rather than inside it.
  const passwordHashes = new Map(config.agents.map((agent) => [agent.id, hashPassword(password)]));
  return db.transaction(() => {
    // Checked again inside the transaction in case another connection seeded meanwhile.
    if (isSeeded(db)) return false;
    insertInstanceConfig(db, config, passwordHashes);
    return true;
  }).immediate();
}

/** Stores what an agent changed in the CCP settings; throws for an unknown agent. */
export function saveAgentConfig(db: Database, agentId: string, config: AgentConfig): void {
  const result = db
    .prepare<[number, string, number, string, string]>(
      `UPDATE users SET softphone_enabled = ?, desk_phone_number = ?, auto_accept = ?, language = ? WHERE id = ?`,
    )
    .run(config.softphoneEnabled ? 1 : 0, config.deskPhoneNumber, config.autoAccept ? 1 : 0, config.language, agentId);
  if (result.changes === 0) throw new Error(`Unknown agent ${JSON.stringify(agentId)}`);
}

/** The agent id and stored password hash for a username (exact match), or null when there is no such user. */
export function findUserForLogin(db: Database, username: string): LoginUser | null {
  const row = db
    .prepare<[string], { id: string; password_hash: string }>('SELECT id, password_hash FROM users WHERE username = ?')
    .get(username);
  return row ? { agentId: row.id, passwordHash: row.password_hash } : null;
}

function isSeeded(db: Database): boolean {
  return db.prepare<[], { seeded: number }>('SELECT EXISTS (SELECT 1 FROM instance) AS seeded').get()?.seeded === 1;
}

function insertInstanceConfig(db: Database, config: InstanceConfig, passwordHashes: ReadonlyMap<string, string>): void {
  db.prepare<[string, string, string, string, FarEndBehaviour, string | null]>(
    `INSERT INTO instance (singleton, instance_id, region, account_id, alias, default_behaviour, chat_participant_timers_json)
     VALUES (1, ?, ?, ?, ?, ?, ?)`,
  ).run(config.instanceId, config.region, config.accountId, config.alias, config.defaultBehaviour, config.chatParticipantTimers ? JSON.stringify(config.chatParticipantTimers) : null);

  const insertStatus = db.prepare<[string, string, string, StatusType, number]>(
    'INSERT INTO statuses (id, name, names_json, type, sort_order) VALUES (?, ?, ?, ?, ?)',
  );
  for (const status of config.statuses) {
    insertStatus.run(status.id, status.name, JSON.stringify(status.names), status.type, status.sortOrder);
  }

  const insertQueue = db.prepare<[string, string, string, string]>(
    'INSERT INTO queues (id, name, names_json, outbound_caller_id) VALUES (?, ?, ?, ?)',
  );
  for (const queue of config.queues) {
    insertQueue.run(queue.id, queue.name, JSON.stringify(queue.names), queue.outboundCallerId);
  }

  const insertProfile = db.prepare<[string, string, string, string]>(
    'INSERT INTO routing_profiles (id, name, concurrency_json, default_outbound_queue_id) VALUES (?, ?, ?, ?)',
  );
  const insertProfileQueue = db.prepare<[string, string, string, number, number]>(
    `INSERT INTO routing_profile_queues (profile_id, queue_id, channels_json, priority, delay_seconds)
     VALUES (?, ?, ?, ?, ?)`,
  );
  for (const profile of config.routingProfiles) {
    insertProfile.run(profile.id, profile.name, JSON.stringify(profile.concurrency), profile.defaultOutboundQueueId);
    for (const queue of profile.queues) {
      insertProfileQueue.run(profile.id, queue.queueId, JSON.stringify(queue.channels), queue.priority, queue.delaySeconds);
    }
  }

  const insertUser = db.prepare<[string, string, string, string, string, string, number, number, string, number, string]>(
    `INSERT INTO users (id, username, first_name, last_name, password_hash, routing_profile_id, acw_timeout_seconds,
                        softphone_enabled, desk_phone_number, auto_accept, language)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const agent of config.agents) {
    const passwordHash = passwordHashes.get(agent.id);
    if (passwordHash === undefined) throw new Error(`No password hash for agent ${JSON.stringify(agent.id)}`);
    insertUser.run(
      agent.id,
      agent.username,
      agent.firstName,
      agent.lastName,
      passwordHash,
      agent.routingProfileId,
      agent.acwTimeoutSeconds,
      agent.config.softphoneEnabled ? 1 : 0,
      agent.config.deskPhoneNumber,
      agent.config.autoAccept ? 1 : 0,
      agent.config.language,
    );
  }

  const insertQuickConnect = db.prepare<[string, QuickConnectDef['kind'], string, string]>(
    'INSERT INTO quick_connects (id, kind, name, target) VALUES (?, ?, ?, ?)',
  );
  for (const quickConnect of config.quickConnects) {
    insertQuickConnect.run(quickConnect.id, quickConnect.kind, quickConnect.name, quickConnectTarget(quickConnect));
  }

  const insertDirectoryEntry = db.prepare<[string, string, FarEndBehaviour]>(
    'INSERT INTO directory (phone_number, name, behaviour) VALUES (?, ?, ?)',
  );
  for (const entry of config.directory) {
    insertDirectoryEntry.run(entry.phoneNumber, entry.name, entry.behaviour);
  }
}

function quickConnectTarget(quickConnect: QuickConnectDef): string {
  switch (quickConnect.kind) {
    case 'queue':
      return quickConnect.queueId;
    case 'agent':
      return quickConnect.agentId;
    case 'phone':
      return quickConnect.phoneNumber;
  }
}

function quickConnectFromRow(row: QuickConnectRow): QuickConnectDef {
  switch (row.kind) {
    case 'queue':
      return { id: row.id, kind: 'queue', name: row.name, queueId: row.target };
    case 'agent':
      return { id: row.id, kind: 'agent', name: row.name, agentId: row.target };
    case 'phone':
      return { id: row.id, kind: 'phone', name: row.name, phoneNumber: row.target };
  }
}

function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

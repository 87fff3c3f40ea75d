// What the Customer Profiles operation tests share: an in-memory contact center database (every migration)
// with the demo customers, the demo instance's configuration, a fixed clock, each operation called by name, its
// refusals caught as the API names them, and contact records in the routing engine's shape.
import { afterEach, beforeEach } from 'vitest';
import type { ContactRecord } from '../../../contact-center/model';
import { callCustomerProfiles, type CustomerProfilesOperation } from '../../../contact-center/profiles/customer-profiles-service';
import { customerProfilesDomainName, type ProfilesContext } from '../../../contact-center/profiles/profile-model';
import { AwsRequestError } from '../../../contact-center/server/routes/aws-shaped-scope';
import { DEMO_CASES, DEMO_PROFILES } from '../../../contact-center/seed/demo-customers';
import { DEMO_INSTANCE } from '../../../contact-center/seed/demo-instance';
import { saveContactRecord } from '../../../contact-center/store/contact-record-repository';
import { openDatabase } from '../../../contact-center/store/database';
import { seedProfilesIfEmpty } from '../../../contact-center/store/profile-repository';

export const DOMAIN = customerProfilesDomainName(DEMO_INSTANCE);
export const T0 = Date.UTC(2026, 10, 20, 1, 0, 0);
export const TARO = DEMO_PROFILES[0]!.id;
export const SAKURA = DEMO_PROFILES[2]!.id;

/** A fresh database and context for each test of the file that calls it. */
export function useProfilesContext(): { context: () => ProfilesContext } {
  let context: ProfilesContext | null = null;
  beforeEach(() => {
    const db = openDatabase(':memory:');
    seedProfilesIfEmpty(db, DEMO_PROFILES, DEMO_CASES);
    context = { db, config: DEMO_INSTANCE, now: () => T0 };
  });
  afterEach(() => {
    context?.db.close();
    context = null;
  });
  return {
    context: () => {
      if (!context) throw new Error('no context outside a test');
      return context;
    },
  };
}

// The operations' answers are read loosely in tests: each test states the shape it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export function call(context: ProfilesContext, operation: CustomerProfilesOperation, params: Record<string, unknown>): Loose {
  return callCustomerProfiles(context, operation, { DomainName: DOMAIN, ...params });
}

/** The refusal of a call that must be refused, as the API names it. */
export function refusal(context: ProfilesContext, operation: CustomerProfilesOperation, params: Record<string, unknown>): { status: number; type: string; message: string } {
  try {
    callCustomerProfiles(context, operation, params);
  } catch (error) {
    if (error instanceof AwsRequestError) return { status: error.status, type: error.type, message: error.message };
    throw error;
  }
  throw new Error(`${operation} was not refused`);
}

/** A call from Taro Suzuki's number, ended: 20 s in queue, 150 s of talk, 30 s on hold, 30 s of After Contact Work. */
export function endedRecord(overrides: Partial<ContactRecord> = {}): ContactRecord {
  const contactId = overrides.contactId ?? 'contact-1';
  const at = (seconds: number) => T0 + seconds * 1000;
  const handling = { agentId: 'agent1', offeredAt: at(20), connectedAt: at(25), endedAt: at(205), acwStartedAt: at(205), acwEndedAt: at(235), outcome: 'accepted' as const };
  const ids = { contactId, initialContactId: contactId, previousContactId: null, nextContactId: null };
  const endpoints = { customerEndpoint: '+819012345678', systemEndpoint: '+815055500200' };
  const times = { initiatedAt: T0, enqueuedAt: at(5), dequeuedAt: at(25), connectedToAgentAt: at(25), disconnectedAt: at(205) };
  const durations = { queueDurationMs: 20_000, ringDurationMs: 5_000, talkDurationMs: 150_000, holdDurationMs: 30_000, holdCount: 1, acwDurationMs: 30_000 };
  return {
    ...ids,
    ...endpoints,
    ...times,
    ...durations,
    channel: 'voice',
    initiationMethod: 'inbound',
    queueId: 'support',
    attributes: {},
    agents: [handling],
    agentId: 'agent1',
    dtmfDigits: '',
    disconnectReason: 'customer_disconnect',
    transfers: [],
    state: 'ended',
    ...overrides,
  };
}

export { saveContactRecord };

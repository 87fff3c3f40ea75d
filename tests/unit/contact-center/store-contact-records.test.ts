// Tests for persisting contact records and for ending the ones a server restart interrupted.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactRecord, ContactRecordAgent } from '../../../contact-center/model';
import {
  getContactRecord,
  listContactRecords,
  markInFlightAsServerRestart,
  saveContactRecord,
} from '../../../contact-center/store/contact-record-repository';
import { openDatabase, type Database } from '../../../contact-center/store/database';

const T0 = Date.UTC(2025, 0, 15, 9, 0, 0);
const SECOND = 1000;

function makeRecord(overrides: Partial<ContactRecord> = {}): ContactRecord {
  const contactId = overrides.contactId ?? 'contact-1';
  return {
    contactId,
    initialContactId: contactId,
    previousContactId: null,
    nextContactId: null,
    channel: 'voice',
    initiationMethod: 'inbound',
    queueId: 'support',
    customerEndpoint: '+819055507788',
    systemEndpoint: '+815055500200',
    attributes: {},
    agents: [],
    agentId: null,
    initiatedAt: T0,
    enqueuedAt: T0,
    dequeuedAt: null,
    connectedToAgentAt: null,
    disconnectedAt: null,
    queueDurationMs: 0,
    ringDurationMs: 0,
    talkDurationMs: 0,
    holdDurationMs: 0,
    holdCount: 0,
    acwDurationMs: 0,
    dtmfDigits: '',
    disconnectReason: null,
    transfers: [],
    state: 'queued',
    ...overrides,
  };
}

function makeOffer(overrides: Partial<ContactRecordAgent> = {}): ContactRecordAgent {
  return { agentId: 'agent1', offeredAt: T0, connectedAt: null, endedAt: null, acwStartedAt: null, acwEndedAt: null, outcome: 'pending', ...overrides };
}

let db: Database;

beforeEach(() => {
  db = openDatabase(':memory:');
});

afterEach(() => {
  db.close();
});

describe('contact record repository', () => {
  it('returns a saved record unchanged', () => {
    const record = makeRecord({ attributes: { orderId: '42', 名前: '田中' }, agents: [makeOffer()], transfers: [{ at: T0, to: 'billing', kind: 'queue', completed: false }] });
    saveContactRecord(db, record);
    expect(getContactRecord(db, 'contact-1')).toEqual(record);
  });

  it('returns null for an unknown contact id', () => {
    expect(getContactRecord(db, 'missing')).toBeNull();
  });

  it('replaces the stored record when the same contact is saved again', () => {
    saveContactRecord(db, makeRecord());
    const connected = makeRecord({ state: 'connected', agentId: 'agent1', connectedToAgentAt: T0 + 5 * SECOND });
    saveContactRecord(db, connected);
    expect(getContactRecord(db, 'contact-1')).toEqual(connected);
    expect(listContactRecords(db)).toHaveLength(1);
  });

  it('keeps the indexed columns in step with the record on update', () => {
    saveContactRecord(db, makeRecord());
    saveContactRecord(db, makeRecord({ state: 'ended', agentId: 'agent2', disconnectedAt: T0 + SECOND, disconnectReason: 'customer_disconnect' }));
    expect(db.prepare('SELECT state, agent_id, disconnected_at, disconnect_reason FROM contact_records').get()).toEqual({
      state: 'ended',
      agent_id: 'agent2',
      disconnected_at: T0 + SECOND,
      disconnect_reason: 'customer_disconnect',
    });
  });

  it('lists records newest first', () => {
    saveContactRecord(db, makeRecord({ contactId: 'old', initiatedAt: T0 }));
    saveContactRecord(db, makeRecord({ contactId: 'new', initiatedAt: T0 + 2 * SECOND }));
    saveContactRecord(db, makeRecord({ contactId: 'middle', initiatedAt: T0 + SECOND }));
    expect(listContactRecords(db).map((record) => record.contactId)).toEqual(['new', 'middle', 'old']);
  });

  it('lists only records initiated at or after "since"', () => {
    saveContactRecord(db, makeRecord({ contactId: 'before', initiatedAt: T0 - 1 }));
    saveContactRecord(db, makeRecord({ contactId: 'at', initiatedAt: T0 }));
    saveContactRecord(db, makeRecord({ contactId: 'after', initiatedAt: T0 + 1 }));
    expect(listContactRecords(db, { since: T0 }).map((record) => record.contactId)).toEqual(['after', 'at']);
  });

  it('lists only records handled by the given agent', () => {
    saveContactRecord(db, makeRecord({ contactId: 'mine', agentId: 'agent1' }));
    saveContactRecord(db, makeRecord({ contactId: 'theirs', agentId: 'agent2' }));
    saveContactRecord(db, makeRecord({ contactId: 'nobody', agentId: null }));
    expect(listContactRecords(db, { agentId: 'agent1' }).map((record) => record.contactId)).toEqual(['mine']);
  });

  it('limits the number of records listed, keeping the newest', () => {
    for (let index = 0; index < 5; index += 1) saveContactRecord(db, makeRecord({ contactId: `c${index}`, initiatedAt: T0 + index }));
    expect(listContactRecords(db, { limit: 2 }).map((record) => record.contactId)).toEqual(['c4', 'c3']);
  });

  it('rejects a negative or fractional limit', () => {
    expect(() => listContactRecords(db, { limit: -1 })).toThrow(RangeError);
    expect(() => listContactRecords(db, { limit: 1.5 })).toThrow(RangeError);
  });

  it('ends every in-flight record on restart and returns how many it ended', () => {
    saveContactRecord(db, makeRecord({ contactId: 'queued', state: 'queued' }));
    saveContactRecord(db, makeRecord({ contactId: 'ringing', state: 'ringing', agents: [makeOffer()] }));
    saveContactRecord(db, makeRecord({ contactId: 'done', state: 'ended', disconnectedAt: T0 + SECOND, disconnectReason: 'customer_disconnect' }));
    expect(markInFlightAsServerRestart(db, T0 + 60 * SECOND)).toBe(2);
    expect(listContactRecords(db).every((record) => record.state === 'ended')).toBe(true);
    expect(getContactRecord(db, 'queued')).toMatchObject({ disconnectedAt: T0 + 60 * SECOND, disconnectReason: 'server_restart' });
    expect(markInFlightAsServerRestart(db, T0 + 120 * SECOND)).toBe(0);
  });

  it('leaves ended records untouched on restart', () => {
    const done = makeRecord({ state: 'ended', disconnectedAt: T0 + SECOND, disconnectReason: 'customer_disconnect', queueDurationMs: 1000 });
    saveContactRecord(db, done);
    markInFlightAsServerRestart(db, T0 + 60 * SECOND);
    expect(getContactRecord(db, 'contact-1')).toEqual(done);
  });

  it('closes the queue time of a contact interrupted while queued', () => {
    saveContactRecord(db, makeRecord({ state: 'queued', enqueuedAt: T0 + SECOND }));
    markInFlightAsServerRestart(db, T0 + 31 * SECOND);
    expect(getContactRecord(db, 'contact-1')).toMatchObject({ dequeuedAt: T0 + 31 * SECOND, queueDurationMs: 30 * SECOND });
  });

  it('marks a ringing offer as missed and adds its ring time on restart', () => {
    const earlierMiss = makeOffer({ agentId: 'agent2', offeredAt: T0, endedAt: T0 + 20 * SECOND, outcome: 'missed' });
    saveContactRecord(db, makeRecord({ state: 'ringing', ringDurationMs: 20 * SECOND, agents: [earlierMiss, makeOffer({ offeredAt: T0 + 25 * SECOND })] }));
    markInFlightAsServerRestart(db, T0 + 30 * SECOND);
    const record = getContactRecord(db, 'contact-1');
    expect(record?.ringDurationMs).toBe(25 * SECOND);
    expect(record?.agents.map((offer) => [offer.outcome, offer.endedAt])).toEqual([
      ['missed', T0 + 20 * SECOND],
      ['missed', T0 + 30 * SECOND],
    ]);
    expect(record?.queueDurationMs).toBe(30 * SECOND);
  });

  it('closes talk time, net of completed holds, of a contact interrupted while connected', () => {
    const offer = makeOffer({ connectedAt: T0 + 10 * SECOND, outcome: 'accepted' });
    saveContactRecord(db, makeRecord({
      state: 'connected', agentId: 'agent1', agents: [offer], dequeuedAt: T0 + 10 * SECOND, connectedToAgentAt: T0 + 10 * SECOND,
      queueDurationMs: 10 * SECOND, holdDurationMs: 15 * SECOND, holdCount: 1,
    }));
    markInFlightAsServerRestart(db, T0 + 70 * SECOND);
    const record = getContactRecord(db, 'contact-1');
    expect(record).toMatchObject({ talkDurationMs: 45 * SECOND, queueDurationMs: 10 * SECOND, dequeuedAt: T0 + 10 * SECOND, disconnectReason: 'server_restart' });
    expect(record?.agents[0]?.endedAt).toBe(T0 + 70 * SECOND);
  });

  it('keeps the real disconnect of a contact in After Contact Work and cuts its ACW short', () => {
    const offer = makeOffer({ connectedAt: T0, endedAt: T0 + 60 * SECOND, acwStartedAt: T0 + 60 * SECOND, outcome: 'accepted' });
    saveContactRecord(db, makeRecord({
      state: 'acw', agentId: 'agent1', agents: [offer], connectedToAgentAt: T0, talkDurationMs: 60 * SECOND,
      disconnectedAt: T0 + 60 * SECOND, disconnectReason: 'customer_disconnect',
    }));
    markInFlightAsServerRestart(db, T0 + 80 * SECOND);
    const record = getContactRecord(db, 'contact-1');
    expect(record).toMatchObject({
      state: 'ended', disconnectedAt: T0 + 60 * SECOND, disconnectReason: 'customer_disconnect', acwDurationMs: 20 * SECOND, talkDurationMs: 60 * SECOND,
    });
    expect(record?.agents[0]?.acwEndedAt).toBe(T0 + 80 * SECOND);
  });

  it('updates the indexed columns of records ended by a restart', () => {
    saveContactRecord(db, makeRecord());
    markInFlightAsServerRestart(db, T0 + SECOND);
    expect(db.prepare('SELECT state, disconnected_at, disconnect_reason FROM contact_records').get()).toEqual({
      state: 'ended',
      disconnected_at: T0 + SECOND,
      disconnect_reason: 'server_restart',
    });
  });

  it('works on a second database connection with its own prepared statements', () => {
    const other = openDatabase(':memory:');
    saveContactRecord(db, makeRecord({ contactId: 'first' }));
    saveContactRecord(other, makeRecord({ contactId: 'second' }));
    expect(listContactRecords(db).map((record) => record.contactId)).toEqual(['first']);
    expect(listContactRecords(other).map((record) => record.contactId)).toEqual(['second']);
    other.close();
  });
});

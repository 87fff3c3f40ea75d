// Tests for agent status intervals and the per-status time report.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../contact-center/store/database';
import {
  closeAllOpenIntervals,
  closeOpenIntervals,
  openStatusInterval,
  statusTimeReport,
} from '../../../contact-center/store/status-time-repository';

const T0 = Date.UTC(2025, 0, 15, 9, 0, 0);
const MINUTE = 60_000;

let db: Database;

function intervals(): { agent_id: string; status_name: string; started_at: number; ended_at: number | null }[] {
  return db
    .prepare<[], { agent_id: string; status_name: string; started_at: number; ended_at: number | null }>(
      'SELECT agent_id, status_name, started_at, ended_at FROM status_time ORDER BY id',
    )
    .all();
}

beforeEach(() => {
  db = openDatabase(':memory:');
});

afterEach(() => {
  db.close();
});

describe('status time repository', () => {
  it('closes the open interval when the agent changes status', () => {
    openStatusInterval(db, 'agent1', 'Available', T0);
    openStatusInterval(db, 'agent1', 'Break', T0 + 10 * MINUTE);
    expect(intervals()).toEqual([
      { agent_id: 'agent1', status_name: 'Available', started_at: T0, ended_at: T0 + 10 * MINUTE },
      { agent_id: 'agent1', status_name: 'Break', started_at: T0 + 10 * MINUTE, ended_at: null },
    ]);
  });

  it("does not close other agents' intervals when one agent changes status", () => {
    openStatusInterval(db, 'agent1', 'Available', T0);
    openStatusInterval(db, 'agent2', 'Break', T0 + MINUTE);
    expect(intervals().map((row) => row.ended_at)).toEqual([null, null]);
  });

  it("closes only the given agent's open interval", () => {
    openStatusInterval(db, 'agent1', 'Available', T0);
    openStatusInterval(db, 'agent2', 'Available', T0);
    expect(closeOpenIntervals(db, 'agent1', T0 + MINUTE)).toBe(1);
    expect(intervals().map((row) => row.ended_at)).toEqual([T0 + MINUTE, null]);
  });

  it('closes every open interval for shutdown and startup', () => {
    openStatusInterval(db, 'agent1', 'Available', T0);
    openStatusInterval(db, 'agent2', 'Meeting', T0);
    expect(closeAllOpenIntervals(db, T0 + MINUTE)).toBe(2);
    expect(intervals().every((row) => row.ended_at === T0 + MINUTE)).toBe(true);
    expect(closeAllOpenIntervals(db, T0 + 2 * MINUTE)).toBe(0);
  });

  it('never ends an interval before it started, even if the clock went back', () => {
    openStatusInterval(db, 'agent1', 'Available', T0);
    closeOpenIntervals(db, 'agent1', T0 - MINUTE);
    expect(intervals()[0]?.ended_at).toBe(T0);
  });

  it('sums time per agent and status, sorted by agent then status', () => {
    openStatusInterval(db, 'agent2', 'Break', T0);
    openStatusInterval(db, 'agent2', 'Available', T0 + 5 * MINUTE);
    openStatusInterval(db, 'agent2', 'Break', T0 + 10 * MINUTE);
    openStatusInterval(db, 'agent1', 'Meeting', T0);
    closeAllOpenIntervals(db, T0 + 20 * MINUTE);
    expect(statusTimeReport(db, { from: T0, to: T0 + 60 * MINUTE })).toEqual([
      { agentId: 'agent1', statusName: 'Meeting', totalMs: 20 * MINUTE },
      { agentId: 'agent2', statusName: 'Available', totalMs: 5 * MINUTE },
      { agentId: 'agent2', statusName: 'Break', totalMs: 15 * MINUTE },
    ]);
  });

  it('clips intervals that straddle the start or end of the window', () => {
    openStatusInterval(db, 'agent1', 'Break', T0);
    openStatusInterval(db, 'agent1', 'Paperwork', T0 + 30 * MINUTE);
    closeOpenIntervals(db, 'agent1', T0 + 90 * MINUTE);
    expect(statusTimeReport(db, { from: T0 + 20 * MINUTE, to: T0 + 40 * MINUTE })).toEqual([
      { agentId: 'agent1', statusName: 'Break', totalMs: 10 * MINUTE },
      { agentId: 'agent1', statusName: 'Paperwork', totalMs: 10 * MINUTE },
    ]);
  });

  it('clips an interval that covers the whole window to the window length', () => {
    openStatusInterval(db, 'agent1', 'Meeting', T0);
    closeOpenIntervals(db, 'agent1', T0 + 120 * MINUTE);
    expect(statusTimeReport(db, { from: T0 + 30 * MINUTE, to: T0 + 45 * MINUTE })).toEqual([
      { agentId: 'agent1', statusName: 'Meeting', totalMs: 15 * MINUTE },
    ]);
  });

  it('counts open intervals up to the end of the window', () => {
    openStatusInterval(db, 'agent1', 'Break', T0);
    expect(statusTimeReport(db, { from: T0, to: T0 + 7 * MINUTE })).toEqual([{ agentId: 'agent1', statusName: 'Break', totalMs: 7 * MINUTE }]);
  });

  it('leaves out intervals entirely outside the window', () => {
    openStatusInterval(db, 'agent1', 'Break', T0);
    openStatusInterval(db, 'agent1', 'Available', T0 + 10 * MINUTE);
    openStatusInterval(db, 'agent1', 'Meeting', T0 + 50 * MINUTE);
    expect(statusTimeReport(db, { from: T0 + 10 * MINUTE, to: T0 + 50 * MINUTE })).toEqual([
      { agentId: 'agent1', statusName: 'Available', totalMs: 40 * MINUTE },
    ]);
  });

  it('returns an empty report for an empty window', () => {
    openStatusInterval(db, 'agent1', 'Break', T0);
    expect(statusTimeReport(db, { from: T0 + MINUTE, to: T0 + MINUTE })).toEqual([]);
  });

  it('rejects a window that ends before it starts', () => {
    expect(() => statusTimeReport(db, { from: T0, to: T0 - 1 })).toThrow(RangeError);
  });
});

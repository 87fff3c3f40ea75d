// Records how long each agent spends in each status, one row per interval, and sums it per agent and status
// over a time window for the non-productive time report.

import type { Database } from './database';

export interface StatusTimeWindow {
  from: number;
  to: number;
}

export interface StatusTimeTotal {
  agentId: string;
  statusName: string;
  totalMs: number;
}

/**
 * Starts an interval for the agent's new status at `at`, closing whatever interval was open: an agent is in
 * exactly one status at a time.
 */
export function openStatusInterval(db: Database, agentId: string, statusName: string, at: number): void {
  db.transaction(() => {
    closeOpenIntervals(db, agentId, at);
    db.prepare<[string, string, number]>('INSERT INTO status_time (agent_id, status_name, started_at) VALUES (?, ?, ?)').run(
      agentId,
      statusName,
      at,
    );
  })();
}

/** Ends the agent's open interval at `at` (e.g. on logout); returns how many were closed. */
export function closeOpenIntervals(db: Database, agentId: string, at: number): number {
  // MAX keeps an interval from ending before it started if the clock stepped back.
  return db
    .prepare<[number, string]>('UPDATE status_time SET ended_at = MAX(started_at, ?) WHERE agent_id = ? AND ended_at IS NULL')
    .run(at, agentId).changes;
}

/** Ends every open interval at `at`: on shutdown, and on startup for intervals a crash left open. */
export function closeAllOpenIntervals(db: Database, at: number): number {
  return db.prepare<[number]>('UPDATE status_time SET ended_at = MAX(started_at, ?) WHERE ended_at IS NULL').run(at).changes;
}

/**
 * Time per agent and status within [from, to): intervals are clipped to the window and open intervals count
 * up to `to`. Sorted by agent, then status; statuses with no time in the window are left out.
 */
export function statusTimeReport(db: Database, window: StatusTimeWindow): StatusTimeTotal[] {
  if (window.to < window.from) throw new RangeError(`Report window ends (${window.to}) before it starts (${window.from})`);
  return db
    .prepare<[StatusTimeWindow], StatusTimeTotal>(
      `SELECT agent_id AS agentId, status_name AS statusName,
              SUM(MIN(COALESCE(ended_at, @to), @to) - MAX(started_at, @from)) AS totalMs
       FROM status_time
       WHERE started_at < @to AND (ended_at IS NULL OR ended_at > @from)
       GROUP BY agent_id, status_name
       HAVING totalMs > 0
       ORDER BY agent_id, status_name`,
    )
    .all(window);
}

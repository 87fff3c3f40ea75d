// Routing decisions at scale: 1,000 agents and 10,000 waiting contacts, on the pure engine with a virtual
// clock (so only the engine's own work is timed). A decision is one offer: a freed agent gets the best
// waiting contact, or an arriving contact gets the longest-idle agent.

import { performance } from 'node:perf_hooks';
import { VirtualClock } from '../../contact-center/clock';
import { RoutingEngine } from '../../contact-center/routing/engine';
import { generatedInstance } from './generated-instance';
import { type BenchRow, ms, summarize } from './stats';

export function routingBench(agentCount = 1000, backlog = 10_000, decisions = 20_000): BenchRow[] {
  const config = generatedInstance(agentCount);
  const clock = new VirtualClock();
  const engine = new RoutingEngine(config, { clock });
  engine.observe({ agentChanged() {}, recordChanged() {} });
  const queueIds = config.queues.map((q) => q.id);
  let caller = 0;
  const call = () => engine.startInboundCall({ from: `+8190${String(10_000_000 + (caller++ % 89_999_999))}`, queueId: queueIds[caller % queueIds.length] });

  // Arrival decisions: every agent idle, contacts arrive one by one.
  for (const a of engine.agentIds()) engine.setStatus(a, 'available');
  const arrival: number[] = [];
  for (let i = 0; i < agentCount; i++) {
    clock.advance(1);
    const t0 = performance.now();
    call();
    arrival.push(performance.now() - t0);
  }
  // Every agent is ringing; accept them all, then build the backlog.
  const ringing = new Map<string, string>();
  for (const a of engine.agentIds()) {
    const c = engine.getAgentView(a).contacts[0];
    engine.acceptContact(a, c.contactId);
    ringing.set(a, c.contactId);
  }
  for (let i = 0; i < backlog; i++) call();
  const waitingAtStart = queueIds.reduce((n, q) => n + engine.queueSize(q), 0);

  // Freed-agent decisions: an agent closes a contact and is offered the best of 10,000 waiting ones.
  const freed: number[] = [];
  const agents = engine.agentIds();
  const start = performance.now();
  for (let i = 0; i < decisions; i++) {
    const agentId = agents[i % agents.length];
    const contactId = ringing.get(agentId) as string;
    engine.customerHangUp(contactId);
    const t0 = performance.now();
    engine.clearContact(agentId, contactId); // -> the agent is free: one routing decision
    freed.push(performance.now() - t0);
    const offered = engine.getAgentView(agentId).contacts[0];
    engine.acceptContact(agentId, offered.contactId);
    ringing.set(agentId, offered.contactId);
    call(); // keep the backlog at 10,000
    clock.advance(1);
  }
  const elapsedS = (performance.now() - start) / 1000;
  const f = summarize(freed);
  const a = summarize(arrival);
  const freedPerS = decisions / (freed.reduce((x, y) => x + y, 0) / 1000);
  return [
    { measure: `agents / waiting contacts`, value: `${agentCount} / ${waitingAtStart}`, goal: '1,000 / 10,000', ok: agentCount >= 1000 && waitingAtStart >= 10_000 },
    { measure: 'freed-agent decision p50 / p99', value: `${ms(f.p50)} / ${ms(f.p99)}`, goal: 'p99 < 1 ms', ok: f.p99 < 1 },
    { measure: 'arrival decision p50 / p99 (1,000 idle agents)', value: `${ms(a.p50)} / ${ms(a.p99)}`, goal: 'p99 < 1 ms', ok: a.p99 < 1 },
    { measure: 'routing decisions per second (decision only)', value: Math.round(freedPerS).toLocaleString('en-US'), goal: '', ok: null },
    {
      measure: 'contacts routed per second (whole cycle)',
      value: Math.round(decisions / elapsedS).toLocaleString('en-US'),
      goal: '>= 1,000 /s',
      ok: decisions / elapsedS >= 1000,
    },
  ];
}

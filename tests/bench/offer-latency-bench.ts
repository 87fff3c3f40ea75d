// Offer latency through the real server: 200 agents signed in, each with an open CCP socket (the
// connection ccp-page.js keeps), all Available; a customer calls in through the control API and we time
// until the offered agent's socket receives the `agent::update` that carries the ringing contact.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { startContactCenter } from '../../contact-center/server/contact-center-server';
import { generatedInstance } from './generated-instance';
import { type BenchRow, ms, summarize } from './stats';

interface Update {
  event?: string;
  data?: { snapshot: { contacts: { contactId: string; state: { type: string } }[] }; configuration: { agentStates: { name: string }[] } };
}

export async function offerLatencyBench(agentCount = 200, calls = 400): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-bench-'));
  const cc = await startContactCenter({ dataDir, port: 0, instance: generatedInstance(agentCount), demoPassword: 'bench' });
  const waiting = new Map<string, (at: number) => void>();
  /** Offers that reached a socket before the control API's answer told us their contact id. */
  const arrivedEarly = new Map<string, number>();
  const sockets: WebSocket[] = [];
  try {
    await Promise.all(
      cc.engine.agentIds().map(
        (agentId) =>
          new Promise<void>((resolve, reject) => {
            const ws = new WebSocket(cc.url.replace('http', 'ws') + '/ccp-v2/socket', { headers: { Cookie: `sb_session=${cc.issueSession(agentId)}` } });
            sockets.push(ws);
            let configured = false;
            ws.on('error', reject);
            ws.on('message', (raw) => {
              const at = performance.now();
              const msg = JSON.parse(raw.toString()) as Update & { type: string; requestId?: string };
              if (msg.type === 'hello') ws.send(JSON.stringify({ type: 'parent_ready' }));
              if (msg.event !== 'agent::update' || !msg.data) return;
              if (!configured) {
                configured = true;
                const available = msg.data.configuration.agentStates.find((s) => s.name === 'Available');
                ws.send(JSON.stringify({ type: 'api_request', requestId: 'avail', method: 'putAgentState', params: { state: available } }));
                resolve();
                return;
              }
              for (const c of msg.data.snapshot.contacts) {
                if (c.state.type !== 'connecting') continue;
                const done = waiting.get(c.contactId);
                if (done) {
                  waiting.delete(c.contactId);
                  done(at);
                } else if (!arrivedEarly.has(c.contactId)) {
                  arrivedEarly.set(c.contactId, at);
                }
              }
            });
          }),
      ),
    );
    await new Promise((r) => setTimeout(r, 200));
    const signedIn = cc.engine.listAgents().filter((a) => a.state === 'Available').length;
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      let contactId = '';
      const received = new Promise<number>((resolve) => {
        const res = fetch(cc.url + '/api/v1/inbound-calls', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ from: `+8190${20_000_000 + i}`, queue: `q${i % 10}` }),
        });
        res.then(async (r) => {
          contactId = ((await r.json()) as { contactId: string }).contactId;
          // The update may arrive before the HTTP answer: then its time is already recorded.
          const early = arrivedEarly.get(contactId);
          if (early !== undefined) resolve(early);
          else waiting.set(contactId, resolve);
        });
      });
      const at = await Promise.race([received, new Promise<number>((r) => setTimeout(() => r(NaN), 5000))]);
      samples.push(at - t0);
      await fetch(`${cc.url}/api/v1/contacts/${contactId}/customer-hangup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    }
    const s = summarize(samples.filter((x) => Number.isFinite(x)));
    return [
      { measure: 'signed-in agents with an open CCP socket', value: String(signedIn), goal: '200', ok: signedIn >= 200 },
      { measure: `offer latency p50 / p95 / p99 (${s.n} calls)`, value: `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`, goal: 'p99 < 50 ms', ok: s.p99 < 50 },
      { measure: 'calls whose offer never arrived', value: String(samples.length - s.n), goal: '0', ok: samples.length === s.n },
    ];
  } finally {
    for (const ws of sockets) ws.terminate();
    await cc.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

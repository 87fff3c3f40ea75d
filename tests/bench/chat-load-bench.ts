// Chat load on the contact center: N concurrent chats (agents with 10 chats each), each customer connected on the
// participant WebSocket as ChatJS is, sending one message a second over the participant service's SendMessage
// route for D seconds, after 2 s of the same load that are not measured (warm-up). The load generator
// (chat-load-client.ts) runs in a worker thread, so this thread is the server alone; both still share the
// machine's two cores (and whatever else runs on them). Each message is timed from the start of its SendMessage
// request to its arrival on the sender's own socket (every participant receives every item), and counted lost or
// delivered twice. The server thread's busy share, CPU per message and event-loop delay are reported beside it.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { InstanceConfig } from '../../contact-center/model';
import { startContactCenter } from '../../contact-center/server/contact-center-server';
import type { ClientCommand, ClientReport, LoadCustomer, LoadPlan, LoadResult } from './chat-load-client';
import { generatedInstance } from './generated-instance';
import { type BenchRow, ms, summarize } from './stats';
import { mainThreadCpuMs } from './thread-cpu';

function chatInstance(agentCount: number): InstanceConfig {
  const base = generatedInstance(agentCount);
  return {
    ...base,
    routingProfiles: base.routingProfiles.map((p) => ({
      ...p,
      concurrency: { voice: 1, chat: 10, task: 1 },
      queues: p.queues.map((q) => ({ ...q, channels: ['chat' as const] })),
    })),
  };
}

/** Seconds of the same load before the measured ones (connections, JIT, the database's log): not measured. */
const WARMUP_SECONDS = 2;

const CLIENT_MODULE = new URL('./chat-load-client.ts', import.meta.url);

/** Runs the load generator in a worker: resolves once its sockets are subscribed, with the call that starts it. */
function startLoadClient(plan: LoadPlan): Promise<{ run(onMeasuring: () => void): Promise<LoadResult>; stop(): Promise<number> }> {
  // tsx does not carry its TypeScript loader into a worker: the worker registers it, then loads the client.
  const entry = `import { register } from 'tsx/esm/api'; register(); await import(${JSON.stringify(CLIENT_MODULE.href)});`;
  const worker = new Worker(entry, { eval: true, workerData: plan });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (report: ClientReport) => {
      if (report.kind !== 'ready') return reject(new Error('the load client did not get ready'));
      resolve({
        run: (onMeasuring) =>
          new Promise<LoadResult>((done, failed) => {
            worker.once('error', failed);
            worker.on('message', (next: ClientReport) => {
              if (next.kind === 'measuring') onMeasuring();
              else if (next.kind === 'done') done(next.result);
            });
            worker.postMessage({ kind: 'start' } satisfies ClientCommand);
          }),
        stop: () => worker.terminate(),
      });
    });
  });
}

export async function chatLoadBench(chats = 1000, seconds = 60): Promise<BenchRow[]> {
  const agentCount = Math.ceil(chats / 10);
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-bench-chat-'));
  const cc = await startContactCenter({ dataDir, port: 0, instance: chatInstance(agentCount), demoPassword: 'bench' });
  let client: Awaited<ReturnType<typeof startLoadClient>> | undefined;
  try {
    for (const agentId of cc.engine.agentIds()) cc.engine.setStatus(agentId, 'available');
    const queues = cc.engine.instance.queues;
    const customers: LoadCustomer[] = [];
    for (let i = 0; i < chats; i++) {
      const started = cc.chatBridge.startChatContact({ queueId: queues[i % queues.length]!.id, displayName: `Customer ${i}` });
      const agentId = cc.engine.getContact(started.contactId).agentId;
      if (!agentId) throw new Error(`chat ${i} was not offered: raise the agents' chat concurrency`);
      cc.engine.acceptContact(agentId, started.contactId);
      const connection = cc.chat.createParticipantConnection(started.participantToken, { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'], ConnectParticipant: true });
      customers.push({ connectionToken: connection.ConnectionCredentials!.ConnectionToken, websocketUrl: connection.Websocket!.Url });
    }
    client = await startLoadClient({ baseUrl: cc.url, customers, warmupSeconds: WARMUP_SECONDS, seconds });

    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    let busyBefore = performance.eventLoopUtilization();
    let cpuBefore = mainThreadCpuMs();
    const result = await client.run(() => {
      loopDelay.enable();
      busyBefore = performance.eventLoopUtilization();
      cpuBefore = mainThreadCpuMs();
    });
    const busy = performance.eventLoopUtilization(busyBefore);
    const cpuMs = mainThreadCpuMs() - cpuBefore;
    loopDelay.disable();

    const s = summarize(Array.from(result.latenciesMs));
    const rate = result.sent / seconds;
    const perMessage = (totalMs: number) => ms(result.sent ? totalMs / result.sent : NaN);
    const reasons = result.failureReasons.length ? ` (${result.failureReasons.join('; ')})` : '';
    return [
      { measure: 'chats', value: String(chats), goal: '1000', ok: chats >= 1000 },
      { measure: 'messages sent', value: `${result.sent} (${rate.toFixed(0)}/s over ${seconds} s)`, goal: `${chats}/s`, ok: rate >= chats * 0.9 },
      { measure: 'messages delivered', value: String(result.delivered), goal: String(result.sent), ok: result.delivered === result.sent },
      { measure: 'lost', value: String(result.lost), goal: '0', ok: result.lost === 0 },
      { measure: 'duplicated', value: String(result.duplicated), goal: '0', ok: result.duplicated === 0 },
      { measure: 'failed sends', value: `${result.failedSends}${reasons}`, goal: '0', ok: result.failedSends === 0 },
      { measure: 'delivery to the socket p50', value: ms(s.p50), goal: '', ok: null },
      { measure: 'delivery to the socket p95', value: ms(s.p95), goal: '', ok: null },
      { measure: 'delivery to the socket p99', value: ms(s.p99), goal: '< 50 ms', ok: s.p99 < 50 },
      { measure: 'delivery max', value: ms(s.max), goal: '', ok: null },
      {
        measure: 'server thread busy / CPU',
        value: `${(busy.utilization * 100).toFixed(0)}% of the time / ${perMessage(cpuMs)} CPU a message`,
        goal: '',
        ok: null,
      },
      {
        measure: 'server event-loop delay p99 / max',
        value: `${ms(loopDelay.percentile(99) / 1e6)} / ${ms(loopDelay.max / 1e6)}`,
        goal: '',
        ok: null,
      },
      {
        measure: 'load generator thread busy / CPU',
        value: `${(result.clientBusy * 100).toFixed(0)}% of the time / ${perMessage(result.clientCpuMs)} CPU a message`,
        goal: '',
        ok: null,
      },
    ];
  } finally {
    await client?.stop();
    await cc.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Scheduled tasks at scale through the real server: 100 agents whose routing profiles take 10 tasks each sign in
// with an open CCP socket (the connection ccp-page.js keeps) and go Available; a backend schedules 1,000 tasks for
// the same second with the real @aws-sdk/client-connect StartTaskContact; we time, on the agents' sockets, when
// each task is offered (its `connecting` contact in an `agent::update`) against the second it was scheduled for,
// and count the tasks never offered and those offered more than once or to more than one agent.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ConnectClient, StartTaskContactCommand } from '@aws-sdk/client-connect';
import { WebSocket } from 'ws';
import type { InstanceConfig } from '../../contact-center/model';
import { startContactCenter } from '../../contact-center/server/contact-center-server';
import { flowIdOfQueue } from '../../contact-center/server/routes/start-chat-contact';
import { generatedInstance } from './generated-instance';
import { type BenchRow, ms, summarize } from './stats';

interface Update {
  type: string;
  event?: string;
  data?: { snapshot: { contacts: { contactId: string; state: { type: string } }[] }; configuration: { agentStates: { name: string }[] } };
}

const epochNow = () => performance.timeOrigin + performance.now();

/** The generated instance with every queue serving tasks, and routing profiles that take 10 tasks at once and
 *  serve every queue (their own first): so 1,000 tasks fit the 1,000 slots exactly, and any task left waiting is a
 *  routing fault, not a queue no free agent serves. */
function taskInstance(agentCount: number): InstanceConfig {
  const base = generatedInstance(agentCount);
  return {
    ...base,
    routingProfiles: base.routingProfiles.map((profile) => ({
      ...profile,
      concurrency: { ...profile.concurrency, task: 10 },
      queues: base.queues.map((q, k) => ({ queueId: q.id, channels: ['task' as const], priority: q.id === profile.defaultOutboundQueueId ? 1 : 2 + (k % 3), delaySeconds: 0 })),
    })),
  };
}

/** Opens an agent's CCP socket, makes the agent Available, and reports every contact it is offered. */
function openAgentSocket(url: string, cookie: string, onOffer: (contactId: string, at: number) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { Cookie: cookie } });
    const offered = new Set<string>();
    let configured = false;
    ws.on('error', reject);
    ws.on('message', (raw) => {
      const at = epochNow();
      const msg = JSON.parse(raw.toString()) as Update;
      if (msg.type === 'hello') ws.send(JSON.stringify({ type: 'parent_ready' }));
      if (msg.event !== 'agent::update' || !msg.data) return;
      if (!configured) {
        configured = true;
        const available = msg.data.configuration.agentStates.find((s) => s.name === 'Available');
        ws.send(JSON.stringify({ type: 'api_request', requestId: 'avail', method: 'putAgentState', params: { state: available } }));
        resolve(ws);
        return;
      }
      for (const c of msg.data.snapshot.contacts) {
        // A contact stays `connecting` over several updates: count its first appearance on this socket only.
        if (c.state.type !== 'connecting' || offered.has(c.contactId)) continue;
        offered.add(c.contactId);
        onOffer(c.contactId, at);
      }
    });
  });
}

export async function taskScheduleBench(agentCount = 100, taskCount = 1000): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-bench-'));
  const cc = await startContactCenter({ dataDir, port: 0, instance: taskInstance(agentCount), demoPassword: 'bench' });
  const connect = new ConnectClient({ endpoint: cc.url, region: cc.engine.instance.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  /** Every offer seen: contact id → the agents' sockets that saw it, and when first. */
  const offers = new Map<string, { agents: string[]; firstAt: number }>();
  const sockets: WebSocket[] = [];
  try {
    const socketUrl = cc.url.replace('http', 'ws') + '/ccp-v2/socket';
    for (const agentId of cc.engine.agentIds()) {
      const ws = await openAgentSocket(socketUrl, `sb_session=${cc.issueSession(agentId)}`, (contactId, at) => {
        const seen = offers.get(contactId);
        if (seen) seen.agents.push(agentId);
        else offers.set(contactId, { agents: [agentId], firstAt: at });
      });
      sockets.push(ws);
    }
    await new Promise((r) => setTimeout(r, 300));
    const available = cc.engine.listAgents().filter((a) => a.state === 'Available').length;

    // Connect takes ScheduledTime to the second: all tasks for one whole second, far enough ahead to create them all.
    const instance = cc.engine.instance;
    const queueIds = instance.queues.map((q) => q.id);
    const scheduledAt = Math.ceil(Date.now() / 1000) * 1000 + 20_000;
    const createStart = performance.now();
    const contactIds: string[] = [];
    const batch = 50;
    for (let i = 0; i < taskCount; i += batch) {
      const created = await Promise.all(
        Array.from({ length: Math.min(batch, taskCount - i) }, (_, k) =>
          connect.send(
            new StartTaskContactCommand({
              InstanceId: instance.instanceId,
              ContactFlowId: flowIdOfQueue(instance, queueIds[(i + k) % queueIds.length]),
              Name: `Call back customer ${i + k}`,
              Description: 'Promised a call back at this time.',
              ScheduledTime: new Date(scheduledAt),
              ClientToken: `bench-${scheduledAt}-${i + k}`,
            }),
          ),
        ),
      );
      for (const { ContactId } of created) contactIds.push(ContactId!);
    }
    const createSeconds = (performance.now() - createStart) / 1000;
    const offeredEarly = [...offers.keys()].filter((id) => contactIds.includes(id)).length;
    if (Date.now() >= scheduledAt) throw new Error('creating the tasks took longer than the lead time; raise it');

    // Wait for every task's offer, or 10 s past the scheduled second.
    const deadline = scheduledAt + 10_000;
    while (Date.now() < deadline && contactIds.some((id) => !offers.has(id))) await new Promise((r) => setTimeout(r, 50));

    const delays = contactIds.filter((id) => offers.has(id)).map((id) => offers.get(id)!.firstAt - scheduledAt);
    const lost = contactIds.filter((id) => !offers.has(id)).length;
    const duplicated = contactIds.filter((id) => (offers.get(id)?.agents.length ?? 0) > 1).length;
    const distinct = new Set(contactIds).size;
    const agentsOffered = new Set(contactIds.flatMap((id) => offers.get(id)?.agents ?? [])).size;
    const s = summarize(delays);
    const early = delays.filter((d) => d < 0).length;
    return [
      { measure: 'agents Available with an open CCP socket (10 tasks each)', value: String(available), goal: String(agentCount), ok: available >= agentCount },
      { measure: `tasks created for one second (StartTaskContact, AWS SDK, ${batch} at a time)`, value: `${distinct} in ${createSeconds.toFixed(1)} s`, goal: String(taskCount), ok: distinct === taskCount },
      { measure: 'scheduled second → offer on the agent socket p50 / p95 / max', value: `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}`, goal: 'max < 1,000 ms', ok: s.n > 0 && s.max < 1000 },
      { measure: 'offered before their second', value: String(early + offeredEarly), goal: '0', ok: early + offeredEarly === 0 },
      { measure: 'lost (never offered within 10 s) / offered twice or to two agents', value: `${lost} / ${duplicated}`, goal: '0 / 0', ok: lost === 0 && duplicated === 0 },
      { measure: 'agents the tasks reached', value: String(agentsOffered), goal: String(agentCount), ok: agentsOffered === agentCount },
    ];
  } finally {
    for (const ws of sockets) ws.terminate();
    await cc.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Chat load on the contact center: N concurrent chats (100 agents × 10 chats), each customer connected on the
// participant WebSocket as ChatJS is, sending one message a second over the participant service's SendMessage
// route for D seconds; we time each message from the request to its arrival on the sender's own socket (every
// participant receives every item) and count messages lost or delivered twice. Load generator and server share
// this process and the machine's two cores, so the figures are an upper bound.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import type { InstanceConfig } from '../../contact-center/model';
import { startContactCenter } from '../../contact-center/server/contact-center-server';
import { generatedInstance } from './generated-instance';
import { type BenchRow, ms, summarize } from './stats';

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

interface Customer {
  token: string;
  socket: WebSocket;
  sent: Map<string, number>; // content -> send time
  received: Map<string, number>; // content -> times seen
}

export async function chatLoadBench(chats = 1000, seconds = 60): Promise<BenchRow[]> {
  const agentCount = Math.ceil(chats / 10);
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-bench-chat-'));
  const cc = await startContactCenter({ dataDir, port: 0, instance: chatInstance(agentCount), demoPassword: 'bench' });
  const customers: Customer[] = [];
  const latencies: number[] = [];
  let failedSends = 0;
  try {
    for (const agentId of cc.engine.agentIds()) cc.engine.setStatus(agentId, 'available');
    const queues = cc.engine.instance.queues;
    for (let i = 0; i < chats; i++) {
      const started = cc.chatBridge.startChatContact({ queueId: queues[i % queues.length]!.id, displayName: `Customer ${i}` });
      const agentId = cc.engine.getContact(started.contactId).agentId;
      if (!agentId) throw new Error(`chat ${i} was not offered: raise the agents' chat concurrency`);
      cc.engine.acceptContact(agentId, started.contactId);
      const connection = cc.chat.createParticipantConnection(started.participantToken, { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'], ConnectParticipant: true });
      const customer: Customer = { token: connection.ConnectionCredentials!.ConnectionToken, socket: new WebSocket(connection.Websocket!.Url), sent: new Map(), received: new Map() };
      customer.socket.on('message', (raw) => {
        const frame = JSON.parse(String(raw)) as { topic?: string; content?: string };
        if (frame.topic !== 'aws/chat' || !frame.content) return;
        const item = JSON.parse(frame.content) as { Type: string; Content?: string };
        if (item.Type !== 'MESSAGE' || !item.Content) return;
        const at = performance.now();
        const seen = (customer.received.get(item.Content) ?? 0) + 1;
        customer.received.set(item.Content, seen);
        const sentAt = customer.sent.get(item.Content);
        if (seen === 1 && sentAt !== undefined) latencies.push(at - sentAt);
      });
      customers.push(customer);
    }
    await Promise.all(
      customers.map(
        (c) =>
          new Promise<void>((resolve, reject) => {
            c.socket.once('open', () => {
              c.socket.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } }));
              resolve();
            });
            c.socket.once('error', reject);
          }),
      ),
    );
    // One message a second per chat, spread evenly over each second.
    const started = performance.now();
    const gapMs = 1000 / chats;
    let n = 0;
    const sends: Promise<void>[] = [];
    while (performance.now() - started < seconds * 1000) {
      const due = started + n * gapMs;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const customer = customers[n % chats]!;
      const content = `m${n}`;
      customer.sent.set(content, performance.now());
      sends.push(
        fetch(`${cc.url}/participant/message`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Amz-Bearer': customer.token },
          body: JSON.stringify({ ContentType: 'text/plain', Content: content, ClientToken: content }),
        }).then(
          (r) => {
            if (!r.ok) failedSends++;
            return r.arrayBuffer().then(() => undefined);
          },
          () => void failedSends++,
        ),
      );
      n++;
    }
    await Promise.all(sends);
    await new Promise((r) => setTimeout(r, 2000)); // the last pushes
    const sent = customers.reduce((sum, c) => sum + c.sent.size, 0);
    let lost = 0;
    let duplicated = 0;
    for (const c of customers) {
      for (const content of c.sent.keys()) {
        const seen = c.received.get(content) ?? 0;
        if (seen === 0) lost++;
        if (seen > 1) duplicated++;
      }
    }
    const s = summarize(latencies);
    const rate = sent / seconds;
    return [
      { measure: 'messages sent', value: `${sent} (${rate.toFixed(0)}/s over ${seconds} s, ${chats} chats)`, goal: `${chats}/s`, ok: rate >= chats * 0.9 },
      { measure: 'delivery to the socket p50', value: ms(s.p50), goal: '', ok: null },
      { measure: 'delivery to the socket p95', value: ms(s.p95), goal: '', ok: null },
      { measure: 'delivery to the socket p99', value: ms(s.p99), goal: '< 50 ms', ok: s.p99 < 50 },
      { measure: 'delivery max', value: ms(s.max), goal: '', ok: null },
      { measure: 'lost / duplicated / failed sends', value: `${lost} / ${duplicated} / ${failedSends}`, goal: '0 / 0 / 0', ok: lost === 0 && duplicated === 0 && failedSends === 0 },
    ];
  } finally {
    for (const c of customers) c.socket.terminate();
    await cc.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

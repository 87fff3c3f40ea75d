// The chat load bench's load generator, run in its own worker thread (chat-load-bench.ts starts it) so that the
// server's thread measures only the server: each customer on its own participant WebSocket, as ChatJS is, sends
// one SendMessage a second over HTTP keep-alive; each message is timed from the start of its request to its
// arrival on that customer's own socket (both read on this thread's clock), and counted lost or delivered twice.

import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { WebSocket } from 'ws';
import { threadCpuMs } from './thread-cpu';

export interface LoadCustomer {
  connectionToken: string;
  websocketUrl: string;
}

export interface LoadPlan {
  baseUrl: string;
  customers: LoadCustomer[];
  /** The same load first, unmeasured: connections opened, code compiled, the database's log in its steady state. */
  warmupSeconds: number;
  seconds: number;
}

export interface LoadResult {
  sent: number;
  delivered: number;
  lost: number;
  duplicated: number;
  failedSends: number;
  /** The first few distinct reasons a SendMessage failed (status and body, or the socket error). */
  failureReasons: string[];
  /** Request start → arrival on the sender's socket, ms, one per message delivered. */
  latenciesMs: Float64Array;
  /** This thread's share of the run spent busy, and its CPU time in ms (NaN off Linux). */
  clientBusy: number;
  clientCpuMs: number;
}

/** Messages of the main thread: `start` once the server is ready to be measured. */
export type ClientCommand = { kind: 'start' };
/** Messages to the main thread: `ready` once every socket is open and subscribed, `measuring` when the warm-up
 *  ends, then `done` with the result. */
export type ClientReport = { kind: 'ready' } | { kind: 'measuring' } | { kind: 'done'; result: LoadResult };

interface Customer {
  token: string;
  socket: WebSocket;
  sentAt: Map<string, number>; // content -> request start
  seen: Map<string, number>; // content -> times received
}

const plan = workerData as LoadPlan;
const port = parentPort!;
// Keep-alive connections shared by the customers, opened as needed (up to 256) and kept: one per customer would
// open a thousand within the first second, overflowing the server's listen queue (a dropped SYN waits 1 s).
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const target = new URL('/participant/message', plan.baseUrl);
const latencies: number[] = [];
const failureReasons = new Set<string>();
let failedSends = 0;

function fail(reason: string): void {
  failedSends++;
  if (failureReasons.size < 5) failureReasons.add(reason);
}

function connect(c: LoadCustomer): Promise<Customer> {
  const customer: Customer = { token: c.connectionToken, socket: new WebSocket(c.websocketUrl), sentAt: new Map(), seen: new Map() };
  customer.socket.on('message', (raw) => {
    const at = performance.now();
    const frame = JSON.parse(String(raw)) as { topic?: string; content?: string };
    if (frame.topic !== 'aws/chat' || typeof frame.content !== 'string') return;
    const item = JSON.parse(frame.content) as { Type: string; Content?: string };
    if (item.Type !== 'MESSAGE' || !item.Content) return;
    const seen = (customer.seen.get(item.Content) ?? 0) + 1;
    customer.seen.set(item.Content, seen);
    const sentAt = customer.sentAt.get(item.Content);
    if (seen === 1 && sentAt !== undefined) latencies.push(at - sentAt);
  });
  return new Promise((resolve, reject) => {
    customer.socket.once('open', () => {
      customer.socket.send(JSON.stringify({ topic: 'aws/subscribe', content: { topics: ['aws/chat'] } }));
      resolve(customer);
    });
    customer.socket.once('error', reject);
  });
}

function sendMessage(customer: Customer, content: string, measured: boolean): Promise<void> {
  const body = JSON.stringify({ ContentType: 'text/plain', Content: content, ClientToken: content });
  return new Promise((resolve) => {
    if (measured) customer.sentAt.set(content, performance.now());
    const req = request(target, { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'X-Amz-Bearer': customer.token } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        if (res.statusCode !== 200) fail(`HTTP ${res.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`);
        resolve();
      });
    });
    req.on('error', (error) => {
      fail(error.message);
      resolve();
    });
    req.end(body);
  });
}

async function run(customers: Customer[]): Promise<LoadResult> {
  // One message a second per chat, spread evenly over each second.
  const chats = customers.length;
  let busyBefore = performance.eventLoopUtilization();
  let cpuBefore = threadCpuMs();
  const started = performance.now();
  const measureFrom = started + plan.warmupSeconds * 1000;
  const gapMs = 1000 / chats;
  const sends: Promise<void>[] = [];
  let measuring = false;
  for (let n = 0; performance.now() - measureFrom < plan.seconds * 1000; n++) {
    const wait = started + n * gapMs - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (!measuring && performance.now() >= measureFrom) {
      measuring = true;
      busyBefore = performance.eventLoopUtilization();
      cpuBefore = threadCpuMs();
      port.postMessage({ kind: 'measuring' } satisfies ClientReport);
    }
    sends.push(measuring ? sendMessage(customers[n % chats]!, `m${n}`, true) : sendMessage(customers[n % chats]!, `w${n}`, false));
  }
  await Promise.all(sends);
  await new Promise((r) => setTimeout(r, 2000)); // the last pushes
  const clientBusy = performance.eventLoopUtilization(busyBefore).utilization;
  const clientCpuMs = threadCpuMs() - cpuBefore;
  let sent = 0;
  let lost = 0;
  let duplicated = 0;
  for (const c of customers) {
    sent += c.sentAt.size;
    for (const content of c.sentAt.keys()) {
      const seen = c.seen.get(content) ?? 0;
      if (seen === 0) lost++;
      if (seen > 1) duplicated++;
    }
  }
  return { sent, delivered: latencies.length, lost, duplicated, failedSends, failureReasons: [...failureReasons], latenciesMs: Float64Array.from(latencies), clientBusy, clientCpuMs };
}

// Sockets open a hundred at a time: a thousand at once overflow the listen queue, and a dropped SYN waits 1 s.
const customers: Customer[] = [];
for (let i = 0; i < plan.customers.length; i += 100) customers.push(...(await Promise.all(plan.customers.slice(i, i + 100).map(connect))));
port.once('message', (command: ClientCommand) => {
  if (command.kind !== 'start') return;
  void run(customers).then((result) => {
    for (const c of customers) c.socket.terminate();
    agent.destroy();
    port.postMessage({ kind: 'done', result } satisfies ClientReport, [result.latenciesMs.buffer as ArrayBuffer]);
  });
});
port.postMessage({ kind: 'ready' } satisfies ClientReport);

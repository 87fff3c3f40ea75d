// Static server for the streams harness (contract tests): serves this folder, the pinned amazon-connect-streams
// bundle at /streams/connect-streams.js, amazon-connect-chatjs at /chatjs/amazon-connect-chat.js (for the agent
// page and for the ChatJS customer page, customer-chat.html) and amazon-connect-taskjs at /taskjs/amazon-connect-task.js (task.html) on 127.0.0.1, at an ephemeral port. The harness origin must be 127.0.0.1 so
// that the contact center's SameSite=Lax session cookie (also on 127.0.0.1) stays same-site inside the CCP iframe.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const harnessDir = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(import.meta.url);
const streamsBundle = require.resolve('amazon-connect-streams'); // release/connect-streams.js
const chatBundle = require.resolve('amazon-connect-chatjs'); // dist/amazon-connect-chat.js
const taskBundle = require.resolve('amazon-connect-taskjs'); // dist/amazon-connect-task.js

const files: Record<string, string> = {
  '/': `${harnessDir}index.html`,
  '/index.html': `${harnessDir}index.html`,
  '/harness.js': `${harnessDir}harness.js`,
  '/chat.html': `${harnessDir}chat.html`,
  '/chat-harness.js': `${harnessDir}chat-harness.js`,
  '/agent-chat-extras.js': `${harnessDir}agent-chat-extras.js`,
  '/customer-chat.html': `${harnessDir}customer-chat.html`,
  '/customer-chat-harness.js': `${harnessDir}customer-chat-harness.js`,
  '/streams/connect-streams.js': streamsBundle,
  '/chatjs/amazon-connect-chat.js': chatBundle,
  '/task.html': `${harnessDir}task.html`,
  '/task-harness.js': `${harnessDir}task-harness.js`,
  '/taskjs/amazon-connect-task.js': taskBundle,
};

export interface StreamsHarnessServer {
  /** Base URL, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** The harness page for a CCP URL, e.g. pageUrl('http://127.0.0.1:8080/ccp-v2/', { loadTimeout: 2000 }). */
  pageUrl(ccpUrl: string, options?: Record<string, string | number>): string;
  /** The same harness with amazon-connect-chatjs loaded after streams, its endpoint set to the CCP's origin. */
  chatPageUrl(ccpUrl: string, options?: Record<string, string | number>): string;
  /** The same harness with amazon-connect-taskjs loaded after streams (window.taskHarness; task-harness.js). */
  taskPageUrl(ccpUrl: string, options?: Record<string, string | number>): string;
  /** The ChatJS CUSTOMER page for the contact center at `ccUrl` (window.customerHarness; customer-chat-harness.js). */
  customerPageUrl(ccUrl: string, options?: Record<string, string | number>): string;
  close(): Promise<void>;
}

export async function serveStreamsHarness(): Promise<StreamsHarnessServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = files[path];
    if (req.method !== 'GET' || !file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    readFile(file).then(
      (body) => {
        const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8';
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
      },
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('cannot read file'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    pageUrl(ccpUrl, options = {}) {
      const query = new URLSearchParams({ ccp: ccpUrl });
      for (const [key, value] of Object.entries(options)) query.set(key, String(value));
      return `${url}?${query}`;
    },
    chatPageUrl(ccpUrl, options = {}) {
      const query = new URLSearchParams({ ccp: ccpUrl });
      for (const [key, value] of Object.entries(options)) query.set(key, String(value));
      return `${url}chat.html?${query}`;
    },
    taskPageUrl(ccpUrl, options = {}) {
      const query = new URLSearchParams({ ccp: ccpUrl });
      for (const [key, value] of Object.entries(options)) query.set(key, String(value));
      return `${url}task.html?${query}`;
    },
    customerPageUrl(ccUrl, options = {}) {
      const query = new URLSearchParams({ cc: ccUrl });
      for (const [key, value] of Object.entries(options)) query.set(key, String(value));
      return `${url}customer-chat.html?${query}`;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

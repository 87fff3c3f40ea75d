// The contact center's own pages: the index (`/`) and the demo page where a person calls in as a customer (`/demo/`).

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { InstanceConfig } from '../../model';
import { demoPage } from '../demo-page';
import { escapeHtml, sendHtml } from '../http-kit';

export interface PageRoutesOptions {
  config: InstanceConfig;
}

function indexPage(alias: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Switchboard local contact center</title>
<style>body{font-family:system-ui,"Hiragino Sans",sans-serif;max-width:40rem;margin:2rem auto;line-height:1.5}</style></head><body>
<h1>Switchboard local contact center</h1>
<p>Instance <code>${escapeHtml(alias)}</code>: an emulator of Amazon Connect's agent-facing behaviour, for demos, training and tests.</p>
<ul>
<li><a href="/connect/login">Sign in</a> as a demo agent (agent1 … agent4)</li>
<li><a href="/demo/">Call in as a customer</a>: place an inbound call to the agents</li>
<li><a href="/chat/">Chat as a customer</a>: start a chat with the agents (amazon-connect-chatjs)</li>
<li><code>/ccp-v2/</code>: the CCP page that amazon-connect-streams drives</li>
<li><code>/deskphone/&lt;number&gt;</code>: an agent's desk phone in desk phone mode</li>
<li><code>/api/v1/…</code>: the control API (see the README)</li>
</ul></body></html>`;
}

export const pageRoutes: FastifyPluginAsyncTypebox<PageRoutesOptions> = async (app, { config }) => {
  app.get('/', async (_request, reply) => sendHtml(reply, 200, indexPage(config.alias)));
  app.get('/demo', async (_request, reply) => sendHtml(reply, 200, demoPage(config)));
};

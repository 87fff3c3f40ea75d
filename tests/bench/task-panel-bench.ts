// The side panel's task benchmark, in the built extension with Debian Chromium against the in-process contact
// center: a backend starts a task with the real @aws-sdk/client-connect StartTaskContact for the queue of an
// Available agent (agent1); t0 just before the SDK call, t1 when the panel's "Accept task" button is in the DOM (a
// MutationObserver in the page) and when the next frame has been painted; both clocks are performance.timeOrigin +
// performance.now() on this machine. Each task is then finished on the contact center so the next one is offered.

import { performance } from 'node:perf_hooks';
import { ConnectClient, StartTaskContactCommand } from '@aws-sdk/client-connect';
import { flowIdOfQueue } from '../../contact-center/server/routes/start-chat-contact';
import { ensureExtensionBuilt, pollFor } from '../support/extension-harness';
import { startTestContactCenter } from '../support/softphone-fixture';
import { ensureStatus, launchAgent } from '../support/softphone-steps';
import { awaitRing, offerRecorder, type Ring } from './extension-bench';
import { type BenchRow, ms, summarize } from './stats';

const epochNow = () => performance.timeOrigin + performance.now();

/** No "Accept task" button left in the panel (the last task was taken off it). */
const NO_OFFER_SHOWN = `new Promise((resolve) => {
  const check = () => {
    if (![...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Accept task')) resolve(true);
    else setTimeout(check, 10);
  };
  check();
})`;

export async function taskPanelBench(tasks = 50): Promise<BenchRow[]> {
  ensureExtensionBuilt();
  const cc = await startTestContactCenter();
  const connect = new ConnectClient({ endpoint: cc.url, region: cc.engine.instance.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const agent = await launchAgent('agent1');
  try {
    await agent.signInQuickly(cc);
    await ensureStatus(cc, agent, 'Available');
    await agent.panel.evaluate(offerRecorder('Accept task'));
    const instance = cc.engine.instance;
    const warmUp = 3;
    const dom: number[] = [];
    const painted: number[] = [];
    let missing = 0;
    for (let i = 0; i < warmUp + tasks; i++) {
      const t0 = epochNow();
      const { ContactId } = await connect.send(
        new StartTaskContactCommand({
          InstanceId: instance.instanceId,
          ContactFlowId: flowIdOfQueue(instance, 'basic'),
          Name: `Check delivery ${i}`,
          Description: 'The parcel was due yesterday.',
          References: { Order: { Type: 'URL', Value: `https://crm.example.com/orders/${i}` } },
        }),
      );
      const shown = await Promise.race([agent.panel.evaluate<Ring>(awaitRing(i)), new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000))]);
      if (i >= warmUp) {
        if (shown) {
          dom.push(shown.domAt - t0);
          painted.push(shown.paintedAt - t0);
        } else missing += 1;
      }
      const contactId = ContactId!;
      await pollFor(`task ${i} offered to agent1`, () => (cc.engine.getAgentView('agent1').contacts.some((c) => c.contactId === contactId) ? true : undefined));
      cc.engine.acceptContact('agent1', contactId);
      cc.engine.endTask('agent1', contactId);
      cc.engine.clearContact('agent1', contactId);
      await agent.panel.evaluate(NO_OFFER_SHOWN);
      if (!shown) throw new Error(`task ${i} was never shown in the panel`);
    }
    const d = summarize(dom);
    const p = summarize(painted);
    return [
      { measure: `StartTaskContact -> Accept task in the DOM, p50 / p95 (${d.n} tasks)`, value: `${ms(d.p50)} / ${ms(d.p95)}`, goal: '', ok: null },
      { measure: `StartTaskContact -> Accept task painted, p50 / p95 / max (${p.n} tasks)`, value: `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.max)}`, goal: 'p95 < 150 ms', ok: p.p95 < 150 },
      { measure: 'tasks never shown in the panel (5 s)', value: String(missing), goal: '0', ok: missing === 0 },
    ];
  } finally {
    connect.destroy();
    await agent.close();
    await cc.stop();
  }
}

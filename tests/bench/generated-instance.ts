// A generated instance of any size for the benchmarks: N agents over a few routing profiles and queues.

import type { AgentDef, InstanceConfig } from '../../contact-center/model';
import { DEMO_INSTANCE } from '../../contact-center/seed/demo-instance';

export function generatedInstance(agentCount: number, queueCount = 10): InstanceConfig {
  const queues = Array.from({ length: queueCount }, (_, i) => ({
    id: `q${i}`,
    name: `Queue ${i}`,
    names: { en: `Queue ${i}`, ja: `キュー ${i}` },
    outboundCallerId: `+8150000${String(1000 + i)}`,
  }));
  // Each profile serves three queues with different priorities, so decisions compare queues.
  const routingProfiles = queues.map((q, i) => ({
    id: `rp${i}`,
    name: `Profile ${i}`,
    concurrency: { voice: 1, chat: 3, task: 3 },
    queues: [0, 1, 2].map((k) => ({ queueId: queues[(i + k) % queueCount].id, channels: ['voice' as const], priority: k + 1, delaySeconds: 0 })),
    defaultOutboundQueueId: q.id,
  }));
  const agents: AgentDef[] = Array.from({ length: agentCount }, (_, i) => ({
    id: `bench${i}`,
    username: `bench${i}`,
    firstName: 'Bench',
    lastName: String(i),
    routingProfileId: routingProfiles[i % routingProfiles.length].id,
    acwTimeoutSeconds: 0,
    config: { softphoneEnabled: true, deskPhoneNumber: '', autoAccept: false, language: 'en_US' },
  }));
  return { ...DEMO_INSTANCE, alias: `bench-${agentCount}`, queues, routingProfiles, agents, quickConnects: [] };
}

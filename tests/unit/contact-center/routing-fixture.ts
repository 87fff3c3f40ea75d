// A small instance for routing-engine tests: two queues, two routing profiles, four agents, quick connects
// of every kind and a directory whose numbers answer, are busy or never answer.

import { VirtualClock } from '../../../contact-center/clock';
import type { AgentDef, InstanceConfig } from '../../../contact-center/model';
import { RoutingEngine, type EngineOptions } from '../../../contact-center/routing/engine';

const names = (en: string) => ({ en, ja: en });

function agent(id: string, routingProfileId: string, acwTimeoutSeconds = 0): AgentDef {
  return {
    id,
    username: id,
    firstName: id.toUpperCase(),
    lastName: 'Test',
    routingProfileId,
    acwTimeoutSeconds,
    config: { softphoneEnabled: true, deskPhoneNumber: '', autoAccept: false, language: 'en_US' },
  };
}

export function testInstance(): InstanceConfig {
  return {
    instanceId: '00000000-0000-4000-8000-000000000001',
    region: 'ap-northeast-1',
    accountId: '123456789012',
    alias: 'test',
    statuses: [
      { id: 'available', name: 'Available', names: names('Available'), type: 'routable', sortOrder: 0 },
      { id: 'offline', name: 'Offline', names: names('Offline'), type: 'offline', sortOrder: 1 },
      { id: 'break', name: 'Break', names: names('Break'), type: 'not_routable', sortOrder: 2 },
    ],
    queues: [
      { id: 'basic', name: 'BasicQueue', names: names('BasicQueue'), outboundCallerId: '+81500000001' },
      { id: 'vip', name: 'VIP', names: names('VIP'), outboundCallerId: '+81500000002' },
      { id: 'billing', name: 'Billing', names: names('Billing'), outboundCallerId: '+81500000003' },
    ],
    routingProfiles: [
      {
        id: 'general',
        name: 'General',
        concurrency: { voice: 1, chat: 2, task: 2 },
        queues: [
          { queueId: 'basic', channels: ['voice', 'chat'], priority: 2, delaySeconds: 0 },
          { queueId: 'vip', channels: ['voice'], priority: 1, delaySeconds: 0 },
        ],
        defaultOutboundQueueId: 'basic',
      },
      {
        id: 'billing',
        name: 'Billing',
        concurrency: { voice: 1, chat: 2, task: 2 },
        queues: [
          { queueId: 'billing', channels: ['voice'], priority: 1, delaySeconds: 0 },
          { queueId: 'basic', channels: ['voice'], priority: 1, delaySeconds: 10 },
        ],
        defaultOutboundQueueId: 'billing',
      },
    ],
    agents: [agent('a1', 'general'), agent('a2', 'general', 30), agent('b1', 'billing'), agent('b2', 'billing')],
    quickConnects: [
      { id: 'qc-billing', kind: 'queue', name: 'Billing queue', queueId: 'billing' },
      { id: 'qc-a2', kind: 'agent', name: 'A2', agentId: 'a2' },
      { id: 'qc-desk', kind: 'phone', name: 'Escalation desk', phoneNumber: '+81355550100' },
      { id: 'qc-busy', kind: 'phone', name: 'Busy line', phoneNumber: '+81355550101' },
    ],
    directory: [
      { phoneNumber: '+81355550100', name: 'Escalation desk', behaviour: 'answers' },
      { phoneNumber: '+81355550101', name: 'Busy line', behaviour: 'busy' },
      { phoneNumber: '+81355550102', name: 'Night line', behaviour: 'no_answer' },
    ],
    defaultBehaviour: 'answers',
  };
}

export function makeEngine(opts: Partial<EngineOptions> = {}, config = testInstance()) {
  const clock = new VirtualClock();
  let n = 0;
  const engine = new RoutingEngine(config, { clock, newId: () => `id${++n}`, ...opts });
  return { engine, clock };
}

export const CUSTOMER = '+819012345678';

// The demo instance written to an empty database on first start: four agents in two pairs, so that tests and
// demos always have a second agent on the same queue for missed-call re-routing and transfers.

import { CONNECT_DEFAULT_CHAT_TIMERS, type InstanceConfig } from '../model';

/** Used when neither `--demo-password` nor the environment provides one. */
export const DEFAULT_DEMO_PASSWORD = 'switchboard';

// Phone numbers: +81 50 / +81 3 / +81 90 are shaped like real Japanese numbers but are made up;
// US numbers use the 555-01xx range NANPA reserves for fiction.
export const DEMO_INSTANCE: InstanceConfig = {
  instanceId: '5b1f0c3e-8d2a-4e6b-9c47-2a3d1e0f7b58',
  region: 'ap-northeast-1',
  accountId: '123456789012',
  alias: 'switchboard-demo',
  defaultBehaviour: 'answers',

  statuses: [
    { id: 'available', name: 'Available', names: { en: 'Available', ja: '利用可能' }, type: 'routable', sortOrder: 1 },
    { id: 'offline', name: 'Offline', names: { en: 'Offline', ja: 'オフライン' }, type: 'offline', sortOrder: 2 },
    { id: 'break', name: 'Break', names: { en: 'Break', ja: '休憩' }, type: 'not_routable', sortOrder: 3 },
    { id: 'meeting', name: 'Meeting', names: { en: 'Meeting', ja: '会議' }, type: 'not_routable', sortOrder: 4 },
    { id: 'paperwork', name: 'Paperwork', names: { en: 'Paperwork', ja: '事務処理' }, type: 'not_routable', sortOrder: 5 },
    { id: 'outbound-work', name: 'Outbound work', names: { en: 'Outbound work', ja: '発信業務' }, type: 'not_routable', sortOrder: 6 },
    { id: 'feedback', name: 'Feedback', names: { en: 'Feedback', ja: 'フィードバック' }, type: 'not_routable', sortOrder: 7 },
  ],

  queues: [
    { id: 'basic', name: 'BasicQueue', names: { en: 'BasicQueue', ja: '一般窓口' }, outboundCallerId: '+815055500100' },
    { id: 'support', name: 'Support', names: { en: 'Support', ja: 'サポート' }, outboundCallerId: '+815055500200' },
    { id: 'billing', name: 'Billing', names: { en: 'Billing', ja: '請求' }, outboundCallerId: '+815055500300' },
  ],

  // Support is served by both profiles so every agent can take a transfer to the Support queue;
  // Billing's 5 s delay exercises delayed routing. Every queue serves voice, chat and task: Basic agents
  // take up to 3 chats and 3 tasks at once, Support Tier 1 agents up to 10 of each (Amazon Connect's
  // maximum). Neither profile sets crossChannelBehavior, so an agent on a call gets no chat or task and an
  // agent chatting gets no call or task.
  routingProfiles: [
    {
      id: 'basic',
      name: 'Basic',
      concurrency: { voice: 1, chat: 3, task: 3 },
      queues: [
        { queueId: 'basic', channels: ['voice', 'chat', 'task'], priority: 1, delaySeconds: 0 },
        { queueId: 'support', channels: ['voice', 'chat', 'task'], priority: 2, delaySeconds: 0 },
      ],
      defaultOutboundQueueId: 'basic',
    },
    {
      id: 'support-tier-1',
      name: 'Support Tier 1',
      concurrency: { voice: 1, chat: 10, task: 10 },
      queues: [
        { queueId: 'support', channels: ['voice', 'chat', 'task'], priority: 1, delaySeconds: 0 },
        { queueId: 'billing', channels: ['voice', 'chat', 'task'], priority: 2, delaySeconds: 5 },
      ],
      defaultOutboundQueueId: 'support',
    },
  ],

  agents: [
    {
      id: 'agent1',
      username: 'agent1',
      firstName: 'Emily',
      lastName: 'Carter',
      routingProfileId: 'basic',
      acwTimeoutSeconds: 0,
      config: { softphoneEnabled: true, deskPhoneNumber: '', autoAccept: false, language: 'en_US' },
    },
    {
      id: 'agent2',
      username: 'agent2',
      firstName: 'Yuki',
      lastName: 'Tanaka',
      routingProfileId: 'basic',
      acwTimeoutSeconds: 0,
      config: { softphoneEnabled: true, deskPhoneNumber: '', autoAccept: false, language: 'ja_JP' },
    },
    {
      id: 'agent3',
      username: 'agent3',
      firstName: 'Kenji',
      lastName: 'Sato',
      routingProfileId: 'support-tier-1',
      acwTimeoutSeconds: 30,
      config: { softphoneEnabled: true, deskPhoneNumber: '', autoAccept: false, language: 'en_US' },
    },
    {
      id: 'agent4',
      username: 'agent4',
      firstName: 'Olivia',
      lastName: 'Bennett',
      routingProfileId: 'support-tier-1',
      acwTimeoutSeconds: 10,
      config: { softphoneEnabled: true, deskPhoneNumber: '', autoAccept: false, language: 'en_US' },
    },
  ],

  quickConnects: [
    { id: 'qc-support-queue', kind: 'queue', name: 'Support queue', queueId: 'support' },
    { id: 'qc-billing-queue', kind: 'queue', name: 'Billing queue', queueId: 'billing' },
    { id: 'qc-agent1', kind: 'agent', name: 'Emily Carter', agentId: 'agent1' },
    { id: 'qc-agent2', kind: 'agent', name: 'Yuki Tanaka', agentId: 'agent2' },
    { id: 'qc-agent3', kind: 'agent', name: 'Kenji Sato', agentId: 'agent3' },
    { id: 'qc-agent4', kind: 'agent', name: 'Olivia Bennett', agentId: 'agent4' },
    { id: 'qc-escalation-desk', kind: 'phone', name: 'Escalation desk', phoneNumber: '+81355500123' },
    { id: 'qc-partner-line', kind: 'phone', name: 'Partner line (busy)', phoneNumber: '+815055509876' },
    { id: 'qc-night-line', kind: 'phone', name: 'Night line (no answer)', phoneNumber: '+12125550188' },
  ],

  directory: [
    { phoneNumber: '+81355500123', name: 'Escalation desk', behaviour: 'answers' },
    { phoneNumber: '+815055509876', name: 'Partner line', behaviour: 'busy' },
    { phoneNumber: '+12125550188', name: 'Night line', behaviour: 'no_answer' },
    { phoneNumber: '+81355501234', name: 'Hiroshi Yamamoto (Yamamoto Trading)', behaviour: 'answers' },
    { phoneNumber: '+819055507788', name: 'Sakura Ito', behaviour: 'answers' },
    { phoneNumber: '+12065550142', name: 'Michael Johnson', behaviour: 'answers' },
  ],

  // Amazon Connect sets no chat participant timer until a flow calls UpdateParticipantRoleConfig, so the demo
  // sets none either: an idle chat ends when its ChatDurationInMinutes (25 hours by default) runs out. Give a role
  // idle and auto-disconnect minutes (2 to 480) here, in a new data folder, to see participant.idle,
  // participant.returned and participant.autodisconnection.
  chatParticipantTimers: structuredClone(CONNECT_DEFAULT_CHAT_TIMERS),
};

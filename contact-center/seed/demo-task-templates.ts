// The demo task templates written with the instance: "Call back the customer" and "Send a document", in English
// and in Japanese. Each pair covers every Amazon Connect field type between its two templates, with required,
// read-only and invisible fields and defaults, so the panel's template form and the contact center's checks have
// every case to show.

import type { InstanceConfig } from '../model';
import { flowIdOfQueue } from '../server/routes/start-chat-contact';
import type { NewTaskTemplate } from '../store/task-template-repository';
import { taskTemplateArn, type TaskTemplateDefinition, type TaskTemplateField, type TaskTemplateFieldType } from '../tasks/task-template-model';

/** The seeded templates' ids: fixed, so scripts and tests can name them. */
export const DEMO_TASK_TEMPLATE_IDS = {
  callBackEn: '3f6c2a10-5b7e-4d21-9a8c-1e0f2d3c4b01',
  callBackJa: '3f6c2a10-5b7e-4d21-9a8c-1e0f2d3c4b02',
  sendDocumentEn: '3f6c2a10-5b7e-4d21-9a8c-1e0f2d3c4b03',
  sendDocumentJa: '3f6c2a10-5b7e-4d21-9a8c-1e0f2d3c4b04',
} as const;

/** A field as the seed writes it: name, type, what the agent reads under it, and its constraints and default. */
interface SeedField {
  name: string;
  type: TaskTemplateFieldType;
  description: string;
  options?: string[];
  required?: boolean;
  readOnly?: boolean;
  invisible?: boolean;
  defaultValue?: string;
}

function definition(name: string, description: string, contactFlowId: string, seedFields: SeedField[]): TaskTemplateDefinition {
  const ids = (test: (field: SeedField) => boolean | undefined) => seedFields.filter(test).map((field) => ({ Id: { Name: field.name } }));
  return {
    Name: name,
    Description: description,
    ContactFlowId: contactFlowId,
    Fields: seedFields.map((field): TaskTemplateField => ({
      Id: { Name: field.name },
      Type: field.type,
      Description: field.description,
      ...(field.options ? { SingleSelectOptions: field.options } : {}),
    })),
    Constraints: { RequiredFields: ids((f) => f.required), ReadOnlyFields: ids((f) => f.readOnly), InvisibleFields: ids((f) => f.invisible) },
    Defaults: { DefaultFieldValues: seedFields.flatMap((f) => (f.defaultValue === undefined ? [] : [{ Id: { Name: f.name }, DefaultValue: f.defaultValue }])) },
    Status: 'ACTIVE',
  };
}

// Callbacks cover NAME, DESCRIPTION, SCHEDULED_TIME, QUICK_CONNECT, TEXT, URL, SINGLE_SELECT, NUMBER and BOOLEAN.
const CALL_BACK_EN: SeedField[] = [
  { name: 'Task name', type: 'NAME', description: 'What the agent sees in the contact list', required: true, defaultValue: 'Call back the customer' },
  { name: 'Details', type: 'DESCRIPTION', description: 'What the call is about', defaultValue: 'Call the customer back about their open request.' },
  { name: 'Call at', type: 'SCHEDULED_TIME', description: 'When the task reaches an agent', required: true },
  { name: 'Assign to', type: 'QUICK_CONNECT', description: 'An agent or a queue; empty for the Support queue' },
  { name: 'Phone number', type: 'TEXT', description: 'The number to call, with its country code', required: true },
  { name: 'Callback script', type: 'URL', description: 'What to say on the call', readOnly: true, defaultValue: 'https://support.example.com/scripts/callback' },
  { name: 'Language', type: 'SINGLE_SELECT', description: 'The language the customer prefers', options: ['English', 'Japanese'], defaultValue: 'English' },
  { name: 'Attempt', type: 'NUMBER', description: 'Which callback attempt this is', invisible: true, defaultValue: '1' },
  { name: 'Customer agreed to a call', type: 'BOOLEAN', description: 'The customer asked to be called back', required: true, defaultValue: 'true' },
];

const CALL_BACK_JA: SeedField[] = [
  { name: 'タスク名', type: 'NAME', description: 'コンタクト一覧に表示される名前', required: true, defaultValue: 'お客様へ折り返し電話' },
  { name: '詳細', type: 'DESCRIPTION', description: '折り返しの用件', defaultValue: 'お問い合わせの件でお客様へ折り返しお電話してください。' },
  { name: '折り返し日時', type: 'SCHEDULED_TIME', description: 'タスクがエージェントに届く日時', required: true },
  { name: '担当', type: 'QUICK_CONNECT', description: 'エージェントまたはキュー（空欄ならサポートキュー）' },
  { name: '電話番号', type: 'TEXT', description: '国番号付きの電話番号', required: true },
  { name: 'トークスクリプト', type: 'URL', description: '通話で伝える内容', readOnly: true, defaultValue: 'https://support.example.com/ja/scripts/callback' },
  { name: '希望言語', type: 'SINGLE_SELECT', description: 'お客様が希望する言語', options: ['日本語', '英語'], defaultValue: '日本語' },
  { name: '折り返し回数', type: 'NUMBER', description: '何回目の折り返しか', invisible: true, defaultValue: '1' },
  { name: 'お客様の同意', type: 'BOOLEAN', description: 'お客様が折り返しを希望された', required: true, defaultValue: 'true' },
];

// Documents cover NAME, SINGLE_SELECT, EMAIL, URL, TEXT_AREA, DATE_TIME, SELF_ASSIGN, EXPIRY_DURATION and TEXT.
const SEND_DOCUMENT_EN: SeedField[] = [
  { name: 'Task name', type: 'NAME', description: 'What the agent sees in the contact list', required: true, defaultValue: 'Send a document' },
  { name: 'Document', type: 'SINGLE_SELECT', description: 'Which document to send', options: ['Contract', 'Invoice', 'Product manual', 'Warranty certificate'], required: true },
  { name: 'Customer email', type: 'EMAIL', description: 'Where to send it', required: true },
  { name: 'Document link', type: 'URL', description: 'The file in the document library' },
  { name: 'Message to the customer', type: 'TEXT_AREA', description: 'The email text', defaultValue: 'Please find the requested document attached.' },
  { name: 'Send by', type: 'DATE_TIME', description: 'The date promised to the customer' },
  { name: 'Assign to me', type: 'SELF_ASSIGN', description: 'Keep the task instead of routing it', defaultValue: 'false' },
  { name: 'Expires after (minutes)', type: 'EXPIRY_DURATION', description: 'Three days', readOnly: true, defaultValue: '4320' },
  { name: 'Form version', type: 'TEXT', description: 'For reporting', invisible: true, defaultValue: '2026-12' },
];

const SEND_DOCUMENT_JA: SeedField[] = [
  { name: 'タスク名', type: 'NAME', description: 'コンタクト一覧に表示される名前', required: true, defaultValue: '書類を送付' },
  { name: '書類', type: 'SINGLE_SELECT', description: '送付する書類', options: ['契約書', '請求書', '製品マニュアル', '保証書'], required: true },
  { name: '送付先メールアドレス', type: 'EMAIL', description: '書類の送付先', required: true },
  { name: '書類のリンク', type: 'URL', description: '書類ライブラリ内のファイル' },
  { name: 'お客様へのメッセージ', type: 'TEXT_AREA', description: 'メール本文', defaultValue: 'ご依頼の書類を添付いたします。ご確認ください。' },
  { name: '送付期限', type: 'DATE_TIME', description: 'お客様にお約束した日' },
  { name: '自分に割り当てる', type: 'SELF_ASSIGN', description: 'ルーティングせず自分で対応する', defaultValue: 'false' },
  { name: '有効期限（分）', type: 'EXPIRY_DURATION', description: '3日間', readOnly: true, defaultValue: '4320' },
  { name: 'フォーム版', type: 'TEXT', description: '集計用', invisible: true, defaultValue: '2026-12' },
];

/** The flow of `queueId`, or of the instance's first queue when it has no such queue (a custom instance). */
function flowOf(config: InstanceConfig, queueId: string): string {
  const queue = config.queues.find((q) => q.id === queueId) ?? config.queues[0];
  if (!queue) throw new Error('The instance has no queue for the demo task templates to route to.');
  return flowIdOfQueue(config, queue.id);
}

/** The demo templates for `config`'s instance, created at `createdAt` (epoch ms). */
export function demoTaskTemplates(config: InstanceConfig, createdAt: number): NewTaskTemplate[] {
  const support = flowOf(config, 'support');
  const billing = flowOf(config, 'billing');
  const definitions: [string, TaskTemplateDefinition][] = [
    [DEMO_TASK_TEMPLATE_IDS.callBackEn, definition('Call back the customer', 'Call a customer back at the time they asked for.', support, CALL_BACK_EN)],
    [DEMO_TASK_TEMPLATE_IDS.callBackJa, definition('お客様へ折り返し電話', 'お客様のご希望の日時に折り返しお電話します。', support, CALL_BACK_JA)],
    [DEMO_TASK_TEMPLATE_IDS.sendDocumentEn, definition('Send a document', 'Email a document to a customer.', billing, SEND_DOCUMENT_EN)],
    [DEMO_TASK_TEMPLATE_IDS.sendDocumentJa, definition('書類を送付', 'お客様へ書類をメールで送付します。', billing, SEND_DOCUMENT_JA)],
  ];
  return definitions.map(([id, templateDefinition]) => ({
    id,
    arn: taskTemplateArn(config, id),
    instanceId: config.instanceId,
    definition: templateDefinition,
    createdAt,
  }));
}

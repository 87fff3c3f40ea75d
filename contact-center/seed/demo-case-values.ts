// The demo cases on the demo Cases templates: each case's template (Japanese for the Japanese customers) and custom
// values, its notes as comments (by the agent who wrote them, when the instance has one of that name), and a few
// past calls, chats and tasks as Contact related items with their durations. Titles, statuses and times stay
// as they were. CASE-2026-0042 to -0047 get no past contacts: the case-link demos and their tests link calls to
// them and start them with none.
import { CasesArns } from '../cases/cases-model';
import type { InstanceConfig } from '../model';
import { IMPORTED_CASE_TEMPLATE_ID } from '../store/case-migrations';
import { assignCaseTemplate, type StoredValue } from '../store/cases-repository';
import { importCaseActivityAsComments, insertContactItem } from '../store/cases-repository-related-items';
import type { Database } from '../store/database';
import { DEMO_CASE_FIELD_IDS, DEMO_CASE_TEMPLATE_IDS, type DemoFieldKey, writeDemoCaseModelIfEmpty } from './demo-case-templates';

type Kind = 'technicalSupport' | 'billingInquiry';
type Values = Partial<Record<DemoFieldKey, string | number | boolean>>;

/** Per demo case: its template kind and its values (the account number comes from the customer's profile). */
const DEMO_CASE_VALUES: Record<string, [Kind, Values]> = {
  'case-2026-0042': ['technicalSupport', { priority: 'high', product: 'Hikari Fibre 1G', devicesAffected: 1, callbackRequested: true, followUpBy: '2026-11-27T01:00:00.000Z' }],
  'case-2026-0043': ['billingInquiry', { billingTopic: 'address', priority: 'low' }],
  'case-2026-0044': ['billingInquiry', { billingTopic: 'charge', priority: 'high', invoiceNumber: 'INV-88123', amountInQuestion: 31500, refundRequested: true }],
  'case-2026-0045': ['billingInquiry', { billingTopic: 'plan', priority: 'medium', followUpBy: '2026-11-28T00:00:00.000Z' }],
  'case-2026-0046': ['technicalSupport', { priority: 'medium', product: 'Fax adapter', devicesAffected: 1 }],
  'case-2026-0047': ['technicalSupport', { priority: 'medium', product: 'Pixel 9', devicesAffected: 1, followUpBy: '2026-11-24T00:00:00.000Z' }],
  'case-2026-0048': ['billingInquiry', { billingTopic: 'other', priority: 'low' }],
  'case-2026-0049': ['technicalSupport', { priority: 'high', product: 'Order ORD-551203', callbackRequested: true, followUpBy: '2026-11-27T00:00:00.000Z' }],
  'case-2026-0050': ['billingInquiry', { billingTopic: 'plan', priority: 'medium' }],
  'case-2026-0051': ['technicalSupport', { priority: 'medium', product: 'Hikari Fibre 1G', devicesAffected: 1, followUpBy: '2026-12-15T00:00:00.000Z' }],
  'case-2026-0052': ['technicalSupport', { priority: 'low', callbackRequested: false }],
  'case-2026-0053': ['billingInquiry', { billingTopic: 'charge', priority: 'high', amountInQuestion: 89.99, refundRequested: true }],
  'case-2026-0054': ['billingInquiry', { billingTopic: 'plan', priority: 'low' }],
  'case-2026-0055': ['technicalSupport', { priority: 'low', product: 'Headset', devicesAffected: 1 }],
  'case-2026-0056': ['technicalSupport', { priority: 'medium', product: 'Tracking API', callbackRequested: true }],
  'case-2026-0057': ['technicalSupport', { priority: 'medium', product: 'Office phone line', devicesAffected: 1, followUpBy: '2026-12-03T00:00:00.000Z' }],
  'case-2026-0058': ['billingInquiry', { billingTopic: 'plan', priority: 'low' }],
  'case-2026-0059': ['technicalSupport', { priority: 'medium', product: '0120 toll-free number', devicesAffected: 1 }],
  'case-2026-0060': ['billingInquiry', { billingTopic: 'other', priority: 'low', invoiceNumber: 'INV-2026-10' }],
  'case-2026-0061': ['billingInquiry', { billingTopic: 'plan', priority: 'low' }],
};

/** Past contacts: case, channel, start, then seconds in queue, with the agent, on hold and in After Contact Work. */
const DEMO_PAST_CONTACTS: [string, 'voice' | 'chat' | 'task', string, number, number, number, number][] = [
  ['case-2026-0049', 'voice', '2026-11-19T15:55:00.000Z', 95, 380, 120, 60],
  ['case-2026-0049', 'task', '2026-11-22T01:10:00.000Z', 0, 1200, 0, 30],
  ['case-2026-0049', 'voice', '2026-11-25T16:50:00.000Z', 12, 240, 0, 30],
  ['case-2026-0051', 'chat', '2026-11-21T02:50:00.000Z', 18, 540, 0, 45],
  ['case-2026-0053', 'chat', '2026-11-04T13:55:00.000Z', 30, 610, 0, 40],
  ['case-2026-0056', 'voice', '2026-11-15T19:55:00.000Z', 25, 720, 90, 120],
  ['case-2026-0059', 'voice', '2026-11-17T01:50:00.000Z', 40, 300, 0, 60],
];

const pastContactId = (caseId: string, index: number) => `9e4f1a62-3b5c-4d7e-8f90-${caseId.slice(-4)}${String(index).padStart(8, '0')}`;

function storedValue(type: 'text' | 'number', value: string | number | boolean): StoredValue {
  if (typeof value === 'boolean') return { number: value ? 1 : 0 };
  return type === 'number' || typeof value === 'number' ? { number: Number(value) } : { text: value };
}

/** Moves the demo cases still on the imported template onto the demo templates, with comments and past contacts. */
function moveDemoCasesOntoTemplates(db: Database, config: InstanceConfig): void {
  const arns = new CasesArns(config);
  const caseRow = db.prepare<[string, string], { country: string | null; account_number: string | null }>(
    `SELECT json_extract(p.address_json, '$.country') AS country, p.account_number FROM cases c JOIN profiles p ON p.id = c.profile_id WHERE c.id = ? AND c.template_id = ?`,
  );
  const moved = new Set<string>();
  for (const [caseId, [kind, values]] of Object.entries(DEMO_CASE_VALUES)) {
    const row = caseRow.get(caseId, IMPORTED_CASE_TEMPLATE_ID);
    if (!row) continue;
    const lang = row.country === 'JP' ? 'ja' : 'en';
    const ids = DEMO_CASE_FIELD_IDS[lang];
    const stored = new Map<string, StoredValue>();
    if (row.account_number) stored.set(ids.accountNumber, { text: row.account_number });
    for (const [key, value] of Object.entries(values) as [DemoFieldKey, string | number | boolean][]) stored.set(ids[key], storedValue('text', value));
    assignCaseTemplate(db, caseId, DEMO_CASE_TEMPLATE_IDS[`${kind}${lang === 'ja' ? 'Ja' : 'En'}`], stored);
    moved.add(caseId);
  }
  db.prepare("UPDATE cases SET last_closed_at = updated_at WHERE status = 'closed' AND last_closed_at IS NULL").run();

  // The notes become comments by the agent of that name, or by the name itself when no agent has it.
  importCaseActivityAsComments(db);
  const setAuthor = db.prepare<[string, string]>('UPDATE case_related_items SET performed_by_user_arn = ?, performed_by_custom_entity = NULL WHERE performed_by_custom_entity = ?');
  for (const agent of config.agents) setAuthor.run(arns.agent(agent.id), `${agent.firstName} ${agent.lastName}`);

  DEMO_PAST_CONTACTS.forEach(([caseId, channel, startedAt, queue, talk, hold, acw], index) => {
    if (!moved.has(caseId)) return;
    const start = Date.parse(startedAt);
    const end = new Date(start + (queue + talk + hold) * 1000).toISOString();
    const contactId = pastContactId(caseId, index);
    insertContactItem(db, {
      id: `${contactId.slice(0, 24)}${String(index).padStart(12, '0')}`,
      caseId,
      contactId,
      contactArn: arns.contact(contactId),
      channel,
      associatedAt: end,
      performedBy: null,
      details: {
        connectedToSystemAt: new Date(start).toISOString(),
        disconnectedAt: end,
        durations: { queueDuration: queue, agentInteractionDuration: talk, customerHoldDuration: hold, afterContactWorkDuration: acw },
      },
    });
  });
}

/**
 * Writes the demo Cases model into a database that has no templates yet and moves the demo cases onto it; false
 * when the database already has templates (the admin's, or an earlier start's).
 */
export function seedDemoCasesIfEmpty(db: Database, config: InstanceConfig, now: number): boolean {
  return db.transaction(() => {
    if (!writeDemoCaseModelIfEmpty(db, now)) return false;
    moveDemoCasesOntoTemplates(db, config);
    return true;
  }).immediate();
}

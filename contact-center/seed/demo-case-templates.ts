// The demo Cases model written with the instance: custom fields in English and in Japanese (an account number that a
// new case takes from the contact's accountNumber attribute, a priority and a billing topic to choose from, a
// number, a yes/no and a date), and two templates in each language, "Technical support" / 「技術サポート」 and
// "Billing inquiry" / 「請求に関するお問い合わせ」, each with a layout and required fields. demo-case-values.ts moves
// the demo cases onto them.
import type { CaseField, CaseLayout, CaseTemplate, FieldOption } from '../store/cases-repository-templates';
import { caseTemplateCount, insertCaseField, insertCaseLayout, insertCaseTemplate } from '../store/cases-repository-templates';
import type { Database } from '../store/database';

type Lang = 'en' | 'ja';

/** The seeded custom fields' ids, per language: fixed, so scripts and tests can name them. */
export const DEMO_CASE_FIELD_IDS = {
  en: {
    accountNumber: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f01',
    priority: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f02',
    product: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f03',
    devicesAffected: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f04',
    callbackRequested: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f05',
    followUpBy: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f06',
    billingTopic: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f07',
    invoiceNumber: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f08',
    amountInQuestion: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f09',
    refundRequested: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f0a',
  },
  ja: {
    accountNumber: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f11',
    priority: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f12',
    product: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f13',
    devicesAffected: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f14',
    callbackRequested: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f15',
    followUpBy: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f16',
    billingTopic: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f17',
    invoiceNumber: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f18',
    amountInQuestion: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f19',
    refundRequested: '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f1a',
  },
} as const;

export type DemoFieldKey = keyof (typeof DEMO_CASE_FIELD_IDS)['en'];

/** The seeded templates' ids. */
export const DEMO_CASE_TEMPLATE_IDS = {
  technicalSupportEn: '7a2b9c40-1d3e-4f5a-8b6c-0d1e2f3a4b01',
  technicalSupportJa: '7a2b9c40-1d3e-4f5a-8b6c-0d1e2f3a4b02',
  billingInquiryEn: '7a2b9c40-1d3e-4f5a-8b6c-0d1e2f3a4b03',
  billingInquiryJa: '7a2b9c40-1d3e-4f5a-8b6c-0d1e2f3a4b04',
} as const;

const LAYOUT_IDS = {
  technicalSupportEn: '8c3d0e51-2f4a-4b6c-9d7e-1f2a3b4c5d01',
  technicalSupportJa: '8c3d0e51-2f4a-4b6c-9d7e-1f2a3b4c5d02',
  billingInquiryEn: '8c3d0e51-2f4a-4b6c-9d7e-1f2a3b4c5d03',
  billingInquiryJa: '8c3d0e51-2f4a-4b6c-9d7e-1f2a3b4c5d04',
} as const;

/** The contact attribute whose value fills the account number of a new case. */
export const ACCOUNT_NUMBER_ATTRIBUTE = 'accountNumber';

interface SeedField {
  key: DemoFieldKey;
  type: CaseField['type'];
  name: Record<Lang, string>;
  description: Record<Lang, string>;
  options?: { value: string; name: Record<Lang, string> }[];
}

const PRIORITY_OPTIONS = [
  { value: 'low', name: { en: 'Low', ja: '低' } },
  { value: 'medium', name: { en: 'Medium', ja: '中' } },
  { value: 'high', name: { en: 'High', ja: '高' } },
];

const BILLING_TOPIC_OPTIONS = [
  { value: 'charge', name: { en: 'Incorrect charge', ja: '請求額の誤り' } },
  { value: 'payment', name: { en: 'Payment', ja: 'お支払い' } },
  { value: 'plan', name: { en: 'Plan or contract', ja: 'プラン・契約' } },
  { value: 'address', name: { en: 'Address or details', ja: '住所・登録情報' } },
  { value: 'other', name: { en: 'Other', ja: 'その他' } },
];

const SEED_FIELDS: SeedField[] = [
  {
    key: 'accountNumber',
    type: 'Text',
    name: { en: 'Account number', ja: 'お客様番号' },
    description: { en: 'The customer’s account number; a new case takes it from the contact’s accountNumber attribute.', ja: 'お客様番号。新しいケースでは問い合わせの accountNumber 属性から入ります。' },
  },
  { key: 'priority', type: 'SingleSelect', name: { en: 'Priority', ja: '優先度' }, description: { en: 'How urgent the case is.', ja: 'ケースの緊急度。' }, options: PRIORITY_OPTIONS },
  {
    key: 'product',
    type: 'Text',
    name: { en: 'Product or device', ja: '製品・機器' },
    description: { en: 'The service, product or device the case is about.', ja: 'ケースの対象となるサービス・製品・機器。' },
  },
  { key: 'devicesAffected', type: 'Number', name: { en: 'Devices affected', ja: '影響台数' }, description: { en: 'How many devices or lines have the problem.', ja: '問題が起きている機器・回線の数。' } },
  {
    key: 'callbackRequested',
    type: 'Boolean',
    name: { en: 'Callback requested', ja: '折り返し希望' },
    description: { en: 'Whether the customer asked to be called back.', ja: 'お客様が折り返しの電話を希望しているか。' },
  },
  { key: 'followUpBy', type: 'DateTime', name: { en: 'Follow up by', ja: '対応期限' }, description: { en: 'When the next step is due.', ja: '次の対応の期限。' } },
  {
    key: 'billingTopic',
    type: 'SingleSelect',
    name: { en: 'Billing topic', ja: '請求の内容' },
    description: { en: 'What the billing question is about.', ja: '請求に関するお問い合わせの内容。' },
    options: BILLING_TOPIC_OPTIONS,
  },
  { key: 'invoiceNumber', type: 'Text', name: { en: 'Invoice number', ja: '請求書番号' }, description: { en: 'The invoice in question.', ja: '対象の請求書の番号。' } },
  {
    key: 'amountInQuestion',
    type: 'Number',
    name: { en: 'Amount in question', ja: '対象金額' },
    description: { en: 'The amount the customer disputes, in the invoice’s currency.', ja: 'お客様が確認を求めている金額(請求書の通貨)。' },
  },
  { key: 'refundRequested', type: 'Boolean', name: { en: 'Refund requested', ja: '返金希望' }, description: { en: 'Whether the customer asked for a refund.', ja: 'お客様が返金を希望しているか。' } },
];

interface SeedTemplate {
  id: string;
  layoutId: string;
  lang: Lang;
  name: string;
  description: string;
  topPanel: DemoFieldKey[];
  moreInfo: (DemoFieldKey | 'summary')[];
  required: DemoFieldKey[];
}

const SEED_TEMPLATES: SeedTemplate[] = [
  {
    id: DEMO_CASE_TEMPLATE_IDS.technicalSupportEn,
    layoutId: LAYOUT_IDS.technicalSupportEn,
    lang: 'en',
    name: 'Technical support',
    description: 'A fault or a question about a product, a device or a line.',
    topPanel: ['accountNumber', 'priority'],
    moreInfo: ['product', 'devicesAffected', 'callbackRequested', 'followUpBy', 'summary'],
    required: ['priority'],
  },
  {
    id: DEMO_CASE_TEMPLATE_IDS.technicalSupportJa,
    layoutId: LAYOUT_IDS.technicalSupportJa,
    lang: 'ja',
    name: '技術サポート',
    description: '製品・機器・回線の不具合やご質問。',
    topPanel: ['accountNumber', 'priority'],
    moreInfo: ['product', 'devicesAffected', 'callbackRequested', 'followUpBy', 'summary'],
    required: ['priority'],
  },
  {
    id: DEMO_CASE_TEMPLATE_IDS.billingInquiryEn,
    layoutId: LAYOUT_IDS.billingInquiryEn,
    lang: 'en',
    name: 'Billing inquiry',
    description: 'A question about a charge, a payment, a plan or the customer’s details.',
    topPanel: ['accountNumber', 'billingTopic', 'priority'],
    moreInfo: ['invoiceNumber', 'amountInQuestion', 'refundRequested', 'followUpBy', 'summary'],
    required: ['billingTopic'],
  },
  {
    id: DEMO_CASE_TEMPLATE_IDS.billingInquiryJa,
    layoutId: LAYOUT_IDS.billingInquiryJa,
    lang: 'ja',
    name: '請求に関するお問い合わせ',
    description: '請求額・お支払い・プラン・登録情報に関するお問い合わせ。',
    topPanel: ['accountNumber', 'billingTopic', 'priority'],
    moreInfo: ['invoiceNumber', 'amountInQuestion', 'refundRequested', 'followUpBy', 'summary'],
    required: ['billingTopic'],
  },
];

/** The demo fields, layouts and templates, written at `at` (ISO 8601). */
export function demoCaseModel(at: string): { fields: { field: CaseField; options: FieldOption[] }[]; layouts: CaseLayout[]; templates: CaseTemplate[] } {
  const fields = (['en', 'ja'] as const).flatMap((lang) =>
    SEED_FIELDS.map((seed) => ({
      field: { id: DEMO_CASE_FIELD_IDS[lang][seed.key], name: seed.name[lang], description: seed.description[lang], type: seed.type, namespace: 'Custom' as const, createdAt: at, lastModifiedAt: at },
      options: (seed.options ?? []).map((o) => ({ value: o.value, name: o.name[lang], active: true })),
    })),
  );
  const id = (lang: Lang, key: DemoFieldKey | 'summary') => (key === 'summary' ? 'summary' : DEMO_CASE_FIELD_IDS[lang][key]);
  const layouts = SEED_TEMPLATES.map((t) => ({
    id: t.layoutId,
    name: t.lang === 'en' ? `${t.name} layout` : `${t.name}のレイアウト`,
    content: {
      basic: {
        topPanel: { sections: [{ fieldGroup: { name: t.lang === 'en' ? 'Overview' : '概要', fields: t.topPanel.map((k) => ({ id: id(t.lang, k) })) } }] },
        moreInfo: { sections: [{ fieldGroup: { name: t.lang === 'en' ? 'Details' : '詳細', fields: t.moreInfo.map((k) => ({ id: id(t.lang, k) })) } }] },
      },
    },
    createdAt: at,
    lastModifiedAt: at,
  }));
  const templates = SEED_TEMPLATES.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    status: 'Active' as const,
    layoutId: t.layoutId,
    requiredFieldIds: t.required.map((k) => id(t.lang, k)),
    attributeMapping: { [ACCOUNT_NUMBER_ATTRIBUTE]: DEMO_CASE_FIELD_IDS[t.lang].accountNumber },
    deleted: false,
    createdAt: at,
    lastModifiedAt: at,
  }));
  return { fields, layouts, templates };
}

/** Writes the demo Cases model into a database that has no templates yet; false when it already has some. */
export function writeDemoCaseModelIfEmpty(db: Database, now: number): boolean {
  return db.transaction(() => {
    if (caseTemplateCount(db) > 0) return false;
    const model = demoCaseModel(new Date(now).toISOString());
    for (const { field, options } of model.fields) insertCaseField(db, field, options);
    for (const layout of model.layouts) insertCaseLayout(db, layout);
    for (const template of model.templates) insertCaseTemplate(db, template);
    return true;
  })();
}

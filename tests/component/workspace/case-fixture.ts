// What the Cases tab's component tests share: Taro Suzuki's cases, a template like the seeded "Technical support"
// (an account number mapped from the contact's accountNumber attribute, a required priority, a number, a yes/no,
// a date, a URL and the summary), one case whose feed is read from Cases' related items by the engine's own
// activityOf, and an engine that answers case requests and keeps what they change.
import type { CommandResult } from '@/lib/session/commands';
import type { ContactView } from '@/lib/session/snapshot';
import { activityOf } from '@/lib/workspace/case-requests';
import type { CaseDetail, CaseSummary, CaseTemplate, WorkspaceAnswer, WorkspaceRequest } from '@/lib/workspace/workspace-requests';
import { voiceContact } from '../softphone-fixture';
import { HISTORY, mountLookedUp, TARO } from './workspace-test-kit';
import type { Component } from 'vue';

export const INSTANCE_ARN = 'arn:aws:connect:ap-northeast-1:123456789012:instance/11111111-2222-3333-4444-555555555555';

export const TEMPLATE: CaseTemplate = {
  templateId: 'tpl-tech',
  name: 'Technical support',
  fields: [
    { id: 'f-account', name: 'Account number', type: 'Text', required: false, options: [] },
    {
      id: 'f-priority',
      name: 'Priority',
      type: 'SingleSelect',
      required: true,
      options: [
        { name: 'Low', value: 'low' },
        { name: 'High', value: 'high' },
      ],
    },
    { id: 'f-devices', name: 'Devices affected', type: 'Number', required: false, options: [] },
    { id: 'f-callback', name: 'Callback requested', type: 'Boolean', required: false, options: [] },
    { id: 'f-follow', name: 'Follow up by', type: 'DateTime', required: false, options: [] },
    { id: 'f-page', name: 'Status page', type: 'Url', required: false, options: [] },
    { id: 'summary', name: 'Summary', type: 'Text', required: false, options: [] },
  ],
  attributeMapping: { accountNumber: 'f-account' },
};
export const BILLING: CaseTemplate = {
  templateId: 'tpl-billing',
  name: 'Billing inquiry',
  fields: [{ id: 'f-invoice', name: 'Invoice number', type: 'Text', required: true, options: [] }],
  attributeMapping: {},
};

export const CASES: CaseSummary[] = [
  { caseId: 'k-old', referenceNumber: 'CASE-2026-0040', title: 'Old router', status: 'closed', updatedAt: '2026-11-28T00:00:00Z' },
  { caseId: 'k-1', referenceNumber: 'CASE-2026-0049', title: 'Router keeps dropping', status: 'open', updatedAt: '2026-11-25T17:00:00Z' },
  { caseId: 'k-2', referenceNumber: 'CASE-2026-0051', title: 'Slow line', status: 'pending', updatedAt: '2026-11-26T09:00:00Z' },
];

/** Case k-1 as Cases' related items give it: a call with its durations, a call still going, a comment. */
export const RELATED_ITEMS = [
  {
    relatedItemId: 'r1',
    type: 'Contact',
    associationTime: '2026-11-19T15:55:00.000Z',
    content: {
      contact: {
        contactArn: `${INSTANCE_ARN}/contact/old-call`,
        channel: 'VOICE',
        disconnectTime: '2026-11-19T16:05:00.000Z',
        queueDuration: 95,
        customerHoldDuration: 120,
        agentInteractionDuration: 3725,
        afterContactWorkDuration: 60,
      },
    },
  },
  { relatedItemId: 'r2', type: 'Comment', associationTime: '2026-11-22T01:10:00.000Z', content: { comment: { body: 'Sent a new router.', contentType: 'Text/Plain' } } },
  { relatedItemId: 'r3', type: 'Contact', associationTime: '2026-11-20T02:50:00.000Z', content: { contact: { contactArn: `${INSTANCE_ARN}/contact/chat-1`, channel: 'CHAT' } } },
];

export function caseDetail(over: Partial<CaseDetail> = {}): CaseDetail {
  return {
    ...CASES[1]!,
    templateId: TEMPLATE.templateId,
    summary: 'The router drops the line every evening.',
    fields: { 'f-account': 'AC-1001', 'f-priority': 'high', 'f-devices': 1, 'f-callback': true },
    activity: activityOf(RELATED_ITEMS),
    ...over,
  };
}

type Answer = WorkspaceAnswer | CommandResult;
/** Answers of one's own by op; `usual` is the engine's usual answer. */
export type CaseAnswers = Partial<Record<WorkspaceRequest['op'], (request: WorkspaceRequest, usual: () => Answer) => Answer>>;

/** An engine for Taro Suzuki: his cases, the templates, and case k-1 kept as changes leave it; `answers` overrides ops. */
export function caseEngine(answers: CaseAnswers = {}) {
  const state = { detail: caseDetail() };
  const answer = (r: WorkspaceRequest): Answer => {
    const own = answers[r.op];
    return own ? own(r, () => usual(r)) : usual(r);
  };
  const usual = (r: WorkspaceRequest): Answer => {
    switch (r.op) {
      case 'customer-for-contact':
        return { profiles: [TARO], lookedUpBy: [{ key: '_phone', value: '+81355501234' }], history: HISTORY };
      case 'cases-of-profile':
        return { cases: CASES };
      case 'case-templates':
        return { templates: [TEMPLATE, BILLING] };
      case 'case-get':
        return { case: state.detail };
      case 'case-update': {
        const { status, ...fields } = r.fields;
        state.detail = { ...state.detail, ...(typeof status === 'string' ? { status } : {}), fields: { ...state.detail.fields, ...fields } };
        return { caseId: r.caseId };
      }
      case 'case-comment':
        state.detail = { ...state.detail, activity: [{ kind: 'comment', at: '2026-12-01T00:00:00.000Z', body: r.body }, ...state.detail.activity] };
        return { caseId: r.caseId };
      case 'case-link-contact':
        state.detail = { ...state.detail, activity: [{ kind: 'contact', at: '2026-12-02T00:00:00.000Z', contactId: r.contactId, channel: 'VOICE' }, ...state.detail.activity] };
        return { caseId: r.caseId };
      default:
        return {};
    }
  };
  return { state, answer };
}

/** Mounts `component` for a connected call from Taro Suzuki (found and chosen) with `props` beside contact and profileId. */
export async function mountForCases(
  component: Component,
  options: { answers?: CaseAnswers; language?: 'en' | 'ja'; contact?: ContactView; instanceUrl?: string; props?: Record<string, unknown> } = {},
) {
  const engine = caseEngine(options.answers);
  const contact = options.contact ?? voiceContact({ state: 'connected', attributes: { accountNumber: 'AC-1001' } });
  const mounted = await mountLookedUp(component, engine.answer, {
    contact,
    language: options.language,
    props: { contact, profileId: TARO.ProfileId, ...options.props },
    snapshot: options.instanceUrl ? { instanceUrl: options.instanceUrl } : undefined,
  });
  return { ...mounted, engine };
}

// The guide interpreter, pure: the seeded "Router keeps dropping" run from its checklist to the case and its
// record, Back through the views behind, branches on answers (Compare) and on buttons, an action's failure with
// and without an error branch, Retry, Cancel, and references read from answers, attributes and results.
import { describe, expect, it } from 'vitest';
import { cancelGuide, completeAction, currentView, retryAction, startGuide, submitView, type GuideStep } from '../../../lib/guides/guide-interpreter';
import { COMPLETED_GUIDE_ATTRIBUTE } from '../../../lib/guides/guide-format';
import { seededGuide } from './guide-fixtures';

const guide = seededGuide('router-keeps-dropping.en.json');
const CONTACT = { accountNumber: 'AC-1001' };
const PRODUCT_FIELD = '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f03';
const ANSWERS = { frequency: 'hourly', product: 'SB-R200', devicesAffected: '2', priority: 'high', callbackRequested: true, notes: 'Drops at night' };

let clock = 1_000;
const now = () => (clock += 1000);
const view = (step: GuideStep) => currentView(guide, step.run, CONTACT);
const answer = (step: GuideStep, action: string, formData: Record<string, string | boolean | string[]> = {}) => submitView(guide, step.run, { action, formData }, CONTACT, now());

/** From the start to the case confirmation, answering the form with `answers`. */
function toForm(): GuideStep {
  return answer(startGuide(guide, 'c-1', CONTACT, now()), 'Next', { restart: true, cables: false, lights: true });
}

describe('running "Router keeps dropping"', () => {
  it('starts at the checklist and keeps it until the required item is ticked', () => {
    const start = startGuide(guide, 'c-1', CONTACT, now());
    expect(start.run).toMatchObject({ status: 'view', current: 'basic-checks', guideId: 'router-keeps-dropping', contactId: 'c-1' });
    expect(view(start)?.type).toBe('list');
    const refused = answer(start, 'Next', { restart: false });
    expect(refused.missing).toEqual(['restart']);
    expect(refused.run).toBe(start.run);
    expect(answer(start, 'Next', { restart: true }).run.current).toBe('what-happens');
  });

  it('reads references in the view it shows (the account number in the attribute bar)', () => {
    const form = toForm();
    expect(view(form)).toMatchObject({ type: 'form', actionId: 'what-happens', data: { AttributeBar: [{ Label: 'Account number', Value: 'AC-1001', Copyable: true }] } });
  });

  it('goes Back to the view behind with the answers kept, and forward again', () => {
    const form = toForm();
    const back = answer(form, 'Back', {});
    expect(back.run).toMatchObject({ status: 'view', current: 'basic-checks', history: [], answers: { restart: true } });
    expect(answer(back, 'Next', { restart: true }).run).toMatchObject({ current: 'what-happens', history: ['basic-checks'] });
  });

  it('refuses the form without its required answers, then keeps the answers as attributes and asks for the case', () => {
    const form = toForm();
    expect(answer(form, 'Next', { frequency: 'hourly' }).missing).toEqual(['product', 'priority']);
    const confirm = answer(form, 'Next', ANSWERS);
    expect(confirm.effects).toEqual([{ kind: 'update-attributes', attributes: { routerModel: 'SB-R200', dropFrequency: 'hourly' } }]);
    expect(confirm.run).toMatchObject({ status: 'view', current: 'confirm-case', attributes: { routerModel: 'SB-R200', dropFrequency: 'hourly' } });
  });

  it('creates the case from the answers, shows its reference and records the completed guide', () => {
    const creating = answer(answer(toForm(), 'Next', ANSWERS), 'Next');
    expect(creating.run).toMatchObject({ status: 'action', current: 'create-case' });
    expect(creating.effects).toEqual([
      {
        kind: 'run-action',
        request: {
          actionId: 'create-case',
          type: 'Switchboard.CreateCase',
          parameters: {
            TemplateId: '7a2b9c40-1d3e-4f5a-8b6c-0d1e2f3a4b01',
            LinkContact: true,
            Fields: expect.objectContaining({ title: 'Router keeps dropping the connection', [PRODUCT_FIELD]: 'SB-R200', summary: 'Drops at night', '5d0a7e21-3c4b-4f6a-9e10-2b3c4d5e6f05': 'true' }),
          },
        },
      },
    ]);
    const created = completeAction(guide, creating.run, { ok: true, results: { Case: { CaseId: 'case-9', ReferenceNumber: 'CASE-2026-0099' } } }, CONTACT, now());
    expect(created.run.current).toBe('case-created');
    expect(view(created)?.data.Sections?.[0]?.Items[0]).toEqual({ Label: 'Case', Value: 'CASE-2026-0099', Copyable: true });
    const done = answer(created, 'Next');
    expect(done.run).toMatchObject({ status: 'completed', current: null });
    expect(done.effects).toHaveLength(1);
    const record = done.effects[0] as { kind: string; attributes: Record<string, string> };
    expect(record.kind).toBe('record-completion');
    expect(JSON.parse(record.attributes[COMPLETED_GUIDE_ATTRIBUTE])).toMatchObject({ guide: 'router-keeps-dropping', outcome: 'completed' });
  });

  it('branches on the answer: a line that never stays up is offered the escalation, and its button transfers', () => {
    const offer = answer(toForm(), 'Next', { ...ANSWERS, frequency: 'constant' });
    expect(offer.run.current).toBe('offer-escalation');
    const transfer = answer(offer, 'Escalate');
    expect(transfer.effects).toEqual([{ kind: 'run-action', request: { actionId: 'transfer-to-escalation', type: 'Switchboard.TransferToQuickConnect', parameters: { QuickConnect: 'Escalation desk' } } }]);
    expect(answer(offer, 'Next').run.current).toBe('confirm-case');
  });

  it('takes the error branch when the case cannot be created', () => {
    const creating = answer(answer(toForm(), 'Next', ANSWERS), 'Next');
    const failed = completeAction(guide, creating.run, { ok: false, message: 'no profile' }, CONTACT, now());
    expect(failed.run).toMatchObject({ status: 'view', current: 'case-not-created', failure: null });
  });

  it('stops as failed when an action without an error branch fails, and Retry runs it again', () => {
    const created = completeAction(guide, answer(answer(toForm(), 'Next', ANSWERS), 'Next').run, { ok: true, results: { Case: { CaseId: 'x', ReferenceNumber: 'R' } } }, CONTACT, now());
    const inserting = answer(created, 'Send the article');
    expect(inserting.run.current).toBe('send-article');
    const failed = completeAction(guide, inserting.run, { ok: false, message: 'not a chat' }, CONTACT, now());
    expect(failed.run).toMatchObject({ status: 'failed', current: 'send-article', failure: 'not a chat' });
    const retried = retryAction(guide, failed.run, CONTACT, now());
    expect(retried.run.status).toBe('action');
    expect(retried.effects[0]).toMatchObject({ kind: 'run-action', request: { type: 'Switchboard.InsertArticle', parameters: { ArticleId: 'router-keeps-dropping' } } });
  });

  it('ends as cancelled by Cancel or by the agent closing it, recorded both ways', () => {
    const cancelled = answer(startGuide(guide, 'c-1', CONTACT, now()), 'Cancel');
    expect(cancelled.run.status).toBe('cancelled');
    expect(cancelled.effects[0]).toMatchObject({ kind: 'record-completion' });
    const closed = cancelGuide(toForm().run, now());
    expect(closed.run.status).toBe('cancelled');
    expect(JSON.parse((closed.effects[0] as { attributes: Record<string, string> }).attributes[COMPLETED_GUIDE_ATTRIBUTE]).outcome).toBe('cancelled');
    expect(cancelGuide(closed.run, now()).effects).toEqual([]);
  });
});

describe('other guides', () => {
  it('"Billing dispute" compares the amount as a number and fills the invoice URL, encoded', () => {
    const billing = seededGuide('billing-dispute.en.json');
    const start = startGuide(billing, 'c-2', {}, now());
    const small = submitView(billing, start.run, { action: 'Next', formData: { invoiceNumber: 'INV 1', amount: '900', billingTopic: 'charge' } }, {}, now());
    expect(small.run).toMatchObject({ status: 'action', current: 'open-case' });
    const large = submitView(billing, start.run, { action: 'Next', formData: { invoiceNumber: 'INV 1/2', amount: '12000', billingTopic: 'charge' } }, {}, now());
    expect(large.run.current).toBe('large-amount');
    const open = submitView(billing, large.run, { action: 'Open the invoice', formData: {} }, {}, now());
    expect(open.effects).toEqual([{ kind: 'run-action', request: { actionId: 'open-invoice', type: 'Switchboard.OpenUrl', parameters: { Url: 'https://billing.example.com/invoices/INV%201%2F2' } } }]);
    expect(completeAction(billing, open.run, { ok: true }, {}, now()).run.current).toBe('large-amount');
  });

  it('"Change of address" starts with the profile look-up and loops back through its view when none is found', () => {
    const address = seededGuide('change-of-address.en.json');
    const start = startGuide(address, 'c-3', {}, now());
    expect(start.effects).toEqual([{ kind: 'run-action', request: { actionId: 'find-customer', type: 'Switchboard.LookUpProfile', parameters: {} } }]);
    const none = completeAction(address, start.run, { ok: false, message: 'none' }, {}, now());
    expect(none.run.current).toBe('no-profile');
    expect(submitView(address, none.run, { action: 'Next', formData: {} }, {}, now()).run).toMatchObject({ status: 'action', current: 'find-customer' });
    const found = completeAction(address, start.run, { ok: true, results: { Profile: { ProfileId: 'p-1' } } }, {}, now());
    expect(found.run).toMatchObject({ current: 'verify', results: { Profile: { ProfileId: 'p-1' } } });
  });
});

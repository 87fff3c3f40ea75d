// Migration 11 on a database written before it (version 10): its cases stay readable through Cases' operations on
// the deleted "Imported case" template (status, reference, customer as a profile ARN, last closed time), their notes
// become comments by their authors' names, a contact already linked keeps its link and gains its record's channel,
// start, end and durations; the old related-items list stays contacts only. The demo seed then moves the demo cases
// onto the demo templates and gives the notes' authors their agents' ARNs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { casesContext, getCase } from '../../../contact-center/cases/case-operations';
import { searchCaseRelatedItems } from '../../../contact-center/cases/related-item-operations';
import { getTemplate, listTemplates } from '../../../contact-center/cases/template-operations';
import { DEMO_CASE_TEMPLATE_IDS } from '../../../contact-center/seed/demo-case-templates';
import { seedDemoCasesIfEmpty } from '../../../contact-center/seed/demo-case-values';
import { DEMO_CASES, DEMO_PROFILES } from '../../../contact-center/seed/demo-customers';
import { DEMO_INSTANCE } from '../../../contact-center/seed/demo-instance';
import { IMPORTED_CASE_TEMPLATE_ID } from '../../../contact-center/store/case-migrations';
import { linkContactToCase, relatedItemsOf } from '../../../contact-center/store/case-related-items-repository';
import { openDatabase } from '../../../contact-center/store/database';
import { currentSchemaVersion, MIGRATIONS } from '../../../contact-center/store/migrations';
import { seedProfilesIfEmpty } from '../../../contact-center/store/profile-repository';
import { endedRecord, saveContactRecord, T0 } from '../contact-center/customer-profiles-fixture';
import { fieldsOf } from './cases-fixture';

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'sb-cases-migration-'));
});
afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const SYSTEM = ['title', 'status', 'reference_number', 'summary', 'customer_id', 'created_datetime', 'last_updated_datetime', 'last_closed_datetime'].map((id) => ({ id }));

/** A version 10 database with the demo customers and cases and one ended call linked to CASE-2026-0042. */
function version10Database() {
  const old = openDatabase(scratch, { migrations: MIGRATIONS.filter((m) => m.version < 11) });
  seedProfilesIfEmpty(old, DEMO_PROFILES, DEMO_CASES);
  saveContactRecord(old, endedRecord({ contactId: 'call-before-11' }));
  linkContactToCase(old, { caseId: 'case-2026-0042', contactId: 'call-before-11', contactArn: 'arn:aws:connect:x/contact/call-before-11', channel: 'voice', at: T0 + 300_000 });
  old.close();
  return openDatabase(scratch);
}

describe('migration 11', () => {
  it('keeps the cases written before it readable on the imported template', () => {
    const db = version10Database();
    try {
      expect(currentSchemaVersion(db)).toBeGreaterThanOrEqual(11);
      const context = casesContext(db, DEMO_INSTANCE, () => T0);
      const closed = getCase(context, { caseId: 'case-2026-0043', fields: SYSTEM });
      expect(closed.templateId).toBe(IMPORTED_CASE_TEMPLATE_ID);
      expect(fieldsOf(closed.fields)).toEqual({
        title: 'Change of billing address',
        status: 'closed',
        reference_number: 'CASE-2026-0043',
        summary: 'Billing address moved to Shibuya.',
        customer_id: context.arns.profile(DEMO_PROFILES[0]!.id),
        created_datetime: '2026-06-02T02:00:00.000Z',
        last_updated_datetime: '2026-06-03T03:00:00.000Z',
        last_closed_datetime: '2026-06-03T03:00:00.000Z',
      });
      expect(getTemplate(context, IMPORTED_CASE_TEMPLATE_ID)).toMatchObject({ name: 'Imported case', status: 'Inactive', deleted: true });
      expect(listTemplates(context, {}).templates).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('turns notes into comments and fills a linked contact from its record', () => {
    const db = version10Database();
    try {
      const context = casesContext(db, DEMO_INSTANCE, () => T0);
      const items = searchCaseRelatedItems(context, { caseId: 'case-2026-0042' }).relatedItems;
      expect(items.map((i) => [i.type, i.associationTime])).toEqual([
        ['Comment', '2026-11-25T05:30:00.000Z'],
        ['Contact', new Date(T0 + 300_000).toISOString()],
        ['Comment', '2026-11-20T01:00:00.000Z'],
      ]);
      expect(items[0]).toMatchObject({ content: { comment: { body: 'Line test passed; replacement router proposed.', contentType: 'Text/Plain' } }, performedBy: { customEntity: 'Kenji Sato' } });
      expect(items[1]!.content).toEqual({
        contact: {
          contactArn: 'arn:aws:connect:x/contact/call-before-11',
          channel: 'VOICE',
          connectedToSystemTime: new Date(T0).toISOString(),
          disconnectTime: new Date(T0 + 205_000).toISOString(),
          queueDuration: 20,
          agentInteractionDuration: 150,
          customerHoldDuration: 30,
          afterContactWorkDuration: 30,
        },
      });
      expect(relatedItemsOf(db, 'case-2026-0042').map((i) => i.contactId)).toEqual(['call-before-11']);
    } finally {
      db.close();
    }
  });

  it('lets the demo seed move the demo cases onto the demo templates, by their agents', () => {
    const db = version10Database();
    try {
      expect(seedDemoCasesIfEmpty(db, DEMO_INSTANCE, T0)).toBe(true);
      expect(seedDemoCasesIfEmpty(db, DEMO_INSTANCE, T0)).toBe(false);
      const context = casesContext(db, DEMO_INSTANCE, () => T0);
      expect(getCase(context, { caseId: 'case-2026-0042', fields: [{ id: 'title' }] }).templateId).toBe(DEMO_CASE_TEMPLATE_IDS.technicalSupportJa);
      expect(getCase(context, { caseId: 'case-2026-0053', fields: [{ id: 'title' }] }).templateId).toBe(DEMO_CASE_TEMPLATE_IDS.billingInquiryEn);
      const comments = searchCaseRelatedItems(context, { caseId: 'case-2026-0042', filters: [{ comment: {} }] }).relatedItems;
      expect(comments.map((c) => c.performedBy)).toEqual([{ userArn: context.arns.agent('agent3') }, { userArn: context.arns.agent('agent1') }]);
      expect(listTemplates(context, {}).templates.map((t) => t.templateId)).toEqual(Object.values(DEMO_CASE_TEMPLATE_IDS));
    } finally {
      db.close();
    }
  });
});

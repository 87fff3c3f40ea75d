// The case form's rules: the fields (title first, User left out), values filled from the contact's attributes
// through the template's mapping, each refusal (required, number, http(s) URL, date, option, length), and what is
// sent for a new case (what is filled in) and for an edit (what changed, emptied as null).
import { describe, expect, it } from 'vitest';
import {
  caseEditFields,
  caseFieldsToSend,
  caseFormFields,
  initialCaseValues,
  isoToLocalInput,
  localInputToIso,
  parseCaseNumber,
  validateCaseValues,
  valuesOfCase,
} from '../../../lib/workspace/case-form-model';
import type { CaseFieldDefinition, CaseTemplate } from '../../../lib/workspace/workspace-requests';

const field = (id: string, type: CaseFieldDefinition['type'], required = false, options: string[] = []): CaseFieldDefinition => ({
  id,
  name: id,
  type,
  required,
  options: options.map((value) => ({ name: value.toUpperCase(), value })),
});

const TEMPLATE: CaseTemplate = {
  templateId: 't1',
  name: 'Technical support',
  fields: [
    field('account', 'Text'),
    field('priority', 'SingleSelect', true, ['low', 'high']),
    field('devices', 'Number'),
    field('callback', 'Boolean'),
    field('followUp', 'DateTime'),
    field('page', 'Url'),
    field('owner', 'User'),
    field('summary', 'Text'),
  ],
  attributeMapping: { accountNumber: 'account', wantsCallback: 'callback', tier: 'priority', missing: 'devices' },
};

describe('case form model', () => {
  it('puts a required title first and leaves User fields out', () => {
    const fields = caseFormFields(TEMPLATE, 'Title');
    expect(fields.map((f) => f.id)).toEqual(['title', 'account', 'priority', 'devices', 'callback', 'followUp', 'page', 'summary']);
    expect(fields[0]).toMatchObject({ name: 'Title', required: true, type: 'Text' });
    const own = caseFormFields({ ...TEMPLATE, fields: [{ ...field('title', 'Text'), name: 'Subject' }, field('x', 'Text')] }, 'Title');
    expect(own.map((f) => [f.id, f.name, f.required])).toEqual([
      ['title', 'Subject', true],
      ['x', 'x', false],
    ]);
    expect(caseEditFields(TEMPLATE).map((f) => f.id)).not.toContain('owner');
  });

  it('fills a new case from the contact’s attributes through the mapping, dropping what does not fit', () => {
    const fields = caseFormFields(TEMPLATE, 'Title');
    const values = initialCaseValues(fields, TEMPLATE.attributeMapping, { accountNumber: ' AC-1001 ', wantsCallback: 'yes', tier: 'gold' });
    expect(values).toMatchObject({ title: '', account: 'AC-1001', callback: 'true', priority: '', devices: '', followUp: '' });
    expect(initialCaseValues(fields, TEMPLATE.attributeMapping, { tier: 'high' }).priority).toBe('high');
  });

  it('refuses an empty required field, a bad number, a non-http URL, a bad date, an unknown option and overlong text', () => {
    const fields = caseFormFields(TEMPLATE, 'Title');
    const base = initialCaseValues(fields, {}, {});
    expect(validateCaseValues(fields, base)).toEqual({ title: 'required', priority: 'required' });
    expect(validateCaseValues(fields, { ...base, title: '   ', priority: 'medium', devices: '2 units', page: 'javascript:alert(1)', followUp: 'soon', account: 'x'.repeat(501) })).toEqual({
      title: 'required',
      priority: 'option',
      devices: 'number',
      page: 'url',
      followUp: 'dateTime',
      account: 'tooLong',
    });
    expect(validateCaseValues(fields, { ...base, title: 'Router', priority: 'low', devices: '３', page: 'https://example.com/a', summary: 'y'.repeat(1500) })).toEqual({});
    expect(validateCaseValues(fields, { ...base, title: 'Router', priority: 'low', page: 'ftp://example.com' })).toEqual({ page: 'url' });
  });

  it('parses numbers typed in half- or full-width digits, and nothing else', () => {
    expect(parseCaseNumber(' 12.5 ')).toBe(12.5);
    expect(parseCaseNumber('１２')).toBe(12);
    expect(parseCaseNumber('-3')).toBe(-3);
    expect(parseCaseNumber('1e3')).toBeNull();
    expect(parseCaseNumber('')).toBeNull();
  });

  it('round-trips a date between the form’s local text and an ISO instant', () => {
    const iso = '2026-11-27T01:00:00.000Z';
    const local = isoToLocalInput(iso);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(localInputToIso(local)).toBe(iso);
    expect(localInputToIso('2026-11-27')).toBeNull();
    expect(isoToLocalInput('not a date')).toBe('');
  });

  it('sends what is filled for a new case, typed as Cases takes it', () => {
    const fields = caseFormFields(TEMPLATE, 'Title');
    const values = { ...initialCaseValues(fields, {}, {}), title: ' Router down ', priority: 'high', devices: '２', callback: 'true', followUp: isoToLocalInput('2026-12-01T00:00:00.000Z') };
    expect(caseFieldsToSend(fields, values)).toEqual({ title: 'Router down', priority: 'high', devices: 2, callback: true, followUp: '2026-12-01T00:00:00.000Z' });
  });

  it('sends only what changed for an edit, an emptied field as null', () => {
    const fields = caseEditFields(TEMPLATE);
    const before = valuesOfCase(fields, { title: 'Router', summary: 'Slow line', fields: { account: 'AC-1', priority: 'low', devices: 1, callback: false } });
    expect(before).toMatchObject({ summary: 'Slow line', account: 'AC-1', devices: '1', callback: 'false', page: '' });
    expect(caseFieldsToSend(fields, before, before)).toEqual({});
    expect(caseFieldsToSend(fields, { ...before, account: '', devices: '4', callback: 'true', summary: 'Line down' }, before)).toEqual({ account: null, devices: 4, callback: true, summary: 'Line down' });
  });
});

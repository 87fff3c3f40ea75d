// The merge of a customer's sources and the mapping of the admin's lookup answer: priority, disagreement, order,
// dotted paths through objects and arrays, and what a mapping cannot take (objects, empty strings, absent paths).
import { describe, expect, it } from 'vitest';
import { flattenProfile, lookupFieldsFromJson, mergeProfileSources } from '../../../lib/workspace/profile-sources';

describe('lookupFieldsFromJson', () => {
  const answer = { customer: { first: ' Taro ', born: '1980-04-01', tier: 3, vip: false, tags: ['gold', 'jp'], blank: '', nested: { a: 1 } } };

  it('maps dotted paths, array indexes and scalars to text', () => {
    expect(lookupFieldsFromJson(answer, { FirstName: 'customer.first', BirthDate: 'customer.born', tier: 'customer.tier', vip: 'customer.vip', tag: 'customer.tags.0' })).toEqual({
      FirstName: 'Taro',
      BirthDate: '1980-04-01',
      tier: '3',
      vip: 'false',
      tag: 'gold',
    });
  });

  it('leaves out absent paths, objects, empty strings and non-index segments on arrays', () => {
    expect(lookupFieldsFromJson(answer, { a: 'customer.missing', b: 'customer.nested', c: 'customer.blank', d: 'customer.tags.first', e: 'customer..first', f: 'customer.first.x' })).toEqual({});
  });

  it('does not walk into inherited properties', () => {
    expect(lookupFieldsFromJson({}, { x: 'constructor.name' })).toEqual({});
  });

  it('caps very long values', () => {
    expect(lookupFieldsFromJson({ v: 'x'.repeat(2000) }, { Note: 'v' }).Note).toHaveLength(500);
  });
});

describe('mergeProfileSources', () => {
  it('takes each field from the first source that has it and names the ones that disagree', () => {
    const merged = mergeProfileSources({
      profiles: { FirstName: 'Taro', EmailAddress: 'taro@example.com' },
      lookup: { FirstName: 'TARO', EmailAddress: 'other@example.com', BirthDate: '1980-04-01', tier: 'gold' },
      crm: { crmRecord: 'C-1001' },
    });
    expect(merged).toEqual([
      { field: 'FirstName', value: 'Taro', source: 'profiles', disagreeing: [] },
      { field: 'EmailAddress', value: 'taro@example.com', source: 'profiles', disagreeing: [{ source: 'lookup', value: 'other@example.com' }] },
      { field: 'BirthDate', value: '1980-04-01', source: 'lookup', disagreeing: [] },
      { field: 'crmRecord', value: 'C-1001', source: 'crm', disagreeing: [] },
      { field: 'tier', value: 'gold', source: 'lookup', disagreeing: [] },
    ]);
  });

  it('shows the other sources when one is missing or failed', () => {
    expect(mergeProfileSources({ profiles: null, lookup: { LastName: 'Suzuki' } })).toEqual([{ field: 'LastName', value: 'Suzuki', source: 'lookup', disagreeing: [] }]);
    expect(mergeProfileSources({})).toEqual([]);
  });

  it('ignores blank values', () => {
    expect(mergeProfileSources({ profiles: { City: '  ' }, lookup: { City: 'Tokyo' } })).toEqual([{ field: 'City', value: 'Tokyo', source: 'lookup', disagreeing: [] }]);
  });
});

describe('flattenProfile', () => {
  it('puts the address beside the other fields and keeps custom attributes', () => {
    expect(flattenProfile({ ProfileId: 'p1', FirstName: 'Taro', Address: { City: 'Tokyo', PostalCode: '100-0001' }, Attributes: { tier: 'gold', City: 'shadowed' } })).toEqual({
      FirstName: 'Taro',
      City: 'Tokyo',
      PostalCode: '100-0001',
      tier: 'gold',
    });
  });
});

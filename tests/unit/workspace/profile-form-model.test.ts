// The profile form's rules: field order by language, values from a contact or a profile, each refusal, and what
// is sent for a new profile (what is filled in) and for an edit (what changed, cleared as empty).
import { describe, expect, it } from 'vitest';
import { profileFieldsToSend, profileFormOrder, validateProfileForm, valuesFromContact, valuesOfProfile } from '../../../lib/workspace/profile-form-model';
import type { ContactView } from '../../../lib/session/snapshot';

const blank = valuesOfProfile({ ProfileId: 'x' });
const TODAY = new Date('2026-12-04T00:00:00Z');

describe('profile form model', () => {
  it('puts the family name first in Japanese', () => {
    expect(profileFormOrder('ja').slice(0, 2)).toEqual(['LastName', 'FirstName']);
    expect(profileFormOrder('en').slice(0, 2)).toEqual(['FirstName', 'LastName']);
  });

  it('fills a new profile from the contact: number, email and account attributes', () => {
    const contact = { attributes: { email: 'a@example.com', accountNumber: 'AC-9' } } as unknown as ContactView;
    expect(valuesFromContact(contact, '+8131234')).toMatchObject({ PhoneNumber: '+8131234', EmailAddress: 'a@example.com', AccountNumber: 'AC-9', FirstName: '' });
  });

  it('refuses a bad email, phone, a future or impossible birth date, an overlong value, and an empty profile', () => {
    expect(validateProfileForm({ ...blank, FirstName: 'A', EmailAddress: 'x@', PhoneNumber: 'call me', BirthDate: '2027-01-01' }, TODAY)).toEqual({ EmailAddress: 'email', PhoneNumber: 'phone', BirthDate: 'birthDate' });
    expect(validateProfileForm({ ...blank, FirstName: 'A', BirthDate: '1980-02-30' }, TODAY)).toEqual({ BirthDate: 'birthDate' });
    expect(validateProfileForm({ ...blank, LastName: 'x'.repeat(256) }, TODAY)).toEqual({ LastName: 'tooLong' });
    expect(validateProfileForm(blank, TODAY)).toEqual({ form: 'nothingToFind' });
    expect(validateProfileForm({ ...blank, PhoneNumber: '03-5550-1234', BirthDate: '1980-04-01' }, TODAY)).toEqual({});
  });

  it('sends what is filled for a new profile and only the changes for an edit, the address grouped', () => {
    expect(profileFieldsToSend({ ...blank, FirstName: ' Jiro ', City: 'Tokyo' }, null)).toEqual({ FirstName: 'Jiro', Address: { City: 'Tokyo' } });
    const before = valuesOfProfile({ ProfileId: 'p', FirstName: 'Taro', EmailAddress: 'a@example.com', Address: { City: 'Tokyo' } });
    expect(profileFieldsToSend({ ...before, EmailAddress: 'b@example.com', City: '' }, before)).toEqual({ EmailAddress: 'b@example.com', Address: { City: '' } });
    expect(profileFieldsToSend(before, before)).toEqual({});
  });
});

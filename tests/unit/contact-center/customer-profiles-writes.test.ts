// CreateProfile, UpdateProfile and AddProfileKey on the local contact center's profiles (real SQLite): every
// field kept and found again, an update's empty string clearing a field, an address part or an attribute, phone
// numbers replaced so that only the new one finds the profile, and each documented limit refused.
import { describe, expect, it } from 'vitest';
import { getProfile } from '../../../contact-center/store/profile-repository';
import { call, DOMAIN, refusal, SAKURA, TARO, useProfilesContext } from './customer-profiles-fixture';

const { context } = useProfilesContext();

const profileOf = (id: string) => call(context(), 'searchProfiles', { KeyName: '_profileId', Values: [id] }).Items[0];
const found = (keyName: string, value: string): string[] =>
  call(context(), 'searchProfiles', { KeyName: keyName, Values: [value] }).Items.map((item: { ProfileId: string }) => item.ProfileId);

const FULL_PROFILE = {
  AccountNumber: 'AC-3001',
  AdditionalInformation: 'Prefers email.',
  BusinessName: 'Kato Design',
  FirstName: 'Haruka',
  MiddleName: 'M',
  LastName: 'Kato',
  BirthDate: '1991-08-15',
  GenderString: 'FEMALE',
  PartyTypeString: 'INDIVIDUAL',
  PhoneNumber: '+81612345678',
  MobilePhoneNumber: '080-5550-1122',
  HomePhoneNumber: '+81755501234',
  BusinessPhoneNumber: '+81355502222',
  EmailAddress: 'haruka@example.jp',
  PersonalEmailAddress: 'haruka.home@example.jp',
  BusinessEmailAddress: 'haruka@kato-design.example.jp',
  Address: { Address1: '四条通烏丸東入長刀鉾町20', City: '京都市下京区', State: '京都府', Country: 'JP', PostalCode: '600-8008' },
  ShippingAddress: { Address1: '1-2-3 Umeda', City: 'Osaka', Country: 'JP' },
  Attributes: { segment: 'gold' },
};

describe('CreateProfile', () => {
  it('creates a profile with a 32-hex id and every field, found again by each of its keys', () => {
    const { ProfileId } = call(context(), 'createProfile', FULL_PROFILE);
    expect(ProfileId).toMatch(/^[a-f0-9]{32}$/);
    expect(profileOf(ProfileId)).toEqual({
      ProfileId,
      ...FULL_PROFILE,
      MobilePhoneNumber: '+818055501122',
      Gender: 'FEMALE',
      PartyType: 'INDIVIDUAL',
    });
    for (const [key, value] of [
      ['_phone', '0612345678'],
      ['_phone', '+818055501122'],
      ['_phone', '+81355502222'],
      ['_email', 'HARUKA.HOME@example.jp'],
      ['_email', 'haruka@kato-design.example.jp'],
      ['_account', 'AC-3001'],
      ['_fullName', 'Kato Haruka'],
      ['_fullName', 'Haruka M Kato'],
    ]) {
      expect(found(key!, value!), `${key} ${value}`).toEqual([ProfileId]);
    }
  });

  it('keeps the first profiles table readable: the demo CRM’s reader sees the new profile', () => {
    const { ProfileId } = call(context(), 'createProfile', { FirstName: 'Ren', Address: { City: 'Sapporo' } });
    expect(getProfile(context().db, ProfileId)).toMatchObject({ firstName: 'Ren', lastName: '', address: { city: 'Sapporo', address1: '', postalCode: '' } });
  });

  it('takes the deprecated Gender and PartyType enums as their strings', () => {
    const { ProfileId } = call(context(), 'createProfile', { FirstName: 'Ken', Gender: 'MALE', PartyType: 'BUSINESS' });
    expect(profileOf(ProfileId)).toMatchObject({ GenderString: 'MALE', Gender: 'MALE', PartyTypeString: 'BUSINESS', PartyType: 'BUSINESS' });
  });

  it('refuses fields outside Customer Profiles’ limits, numbers that are not numbers and a taken account number', () => {
    const ask = (params: Record<string, unknown>) => refusal(context(), 'createProfile', { DomainName: DOMAIN, ...params });
    expect(ask({ FirstName: '' })).toMatchObject({ status: 400, type: 'BadRequestException', message: 'FirstName must be 1 to 255 characters.' });
    expect(ask({ LastName: 'x'.repeat(256) })).toMatchObject({ status: 400 });
    expect(ask({ AdditionalInformation: 'x'.repeat(1001) })).toMatchObject({ status: 400, message: expect.stringContaining('1000') });
    expect(ask({ BirthDate: 19850412 })).toMatchObject({ status: 400, message: 'BirthDate must be a string.' });
    expect(ask({ PhoneNumber: 'call me' })).toMatchObject({ status: 400, message: expect.stringContaining('PhoneNumber') });
    expect(ask({ Gender: 'OTHER' })).toMatchObject({ status: 400, message: 'Gender must be one of MALE, FEMALE, UNSPECIFIED.' });
    expect(ask({ Address: { City: '' } })).toMatchObject({ status: 400, message: 'Address.City must be 1 to 255 characters.' });
    expect(ask({ Address: 'Tokyo' })).toMatchObject({ status: 400, message: 'Address must be an object.' });
    expect(ask({ Attributes: { tier: 3 } })).toMatchObject({ status: 400, message: 'Attributes.tier must be a string of 1 to 255 characters.' });
    expect(ask({ AccountNumber: 'AC-1001' })).toMatchObject({ status: 400, message: expect.stringContaining('AC-1001') });
    expect(ask({ DomainName: undefined })).toMatchObject({ status: 400, message: 'DomainName is required.' });
  });
});

describe('UpdateProfile', () => {
  it('changes only the fields given, merging address parts and attributes', () => {
    call(context(), 'updateProfile', { ProfileId: TARO, BirthDate: '1985-04-13', Address: { Address2: 'Room 301' }, Attributes: { segment: 'silver' } });
    expect(profileOf(TARO)).toMatchObject({
      FirstName: 'Taro',
      BirthDate: '1985-04-13',
      Address: { Address1: '渋谷2-21-1', Address2: 'Room 301', City: '渋谷区', PostalCode: '150-0002' },
      Attributes: { NameReading: 'スズキ タロウ', segment: 'silver' },
    });
  });

  it('clears a field, an address part and an attribute given as empty strings', () => {
    call(context(), 'updateProfile', { ProfileId: TARO, Attributes: { segment: 'silver' } });
    const answer = call(context(), 'updateProfile', { ProfileId: TARO, BirthDate: '', EmailAddress: '', Address: { Address1: '' }, Attributes: { segment: '', NameReading: '' } });
    expect(answer).toEqual({ ProfileId: TARO });
    const profile = profileOf(TARO);
    expect(profile.BirthDate).toBeUndefined();
    expect(profile.EmailAddress).toBeUndefined();
    expect(profile.Address.Address1).toBeUndefined();
    expect(profile.Attributes).toBeUndefined();
    expect(found('_email', 'taro.suzuki@example.jp')).toEqual([]);
    expect(found('_fullName', 'スズキタロウ')).toEqual([]);
  });

  it('replaces a phone number: the new one finds the profile and the old one no longer does', () => {
    call(context(), 'updateProfile', { ProfileId: TARO, MobilePhoneNumber: '090-5550-0000' });
    expect(profileOf(TARO).MobilePhoneNumber).toBe('+819055500000');
    expect(found('_phone', '+819055500000')).toEqual([TARO]);
    expect(found('_phone', '+819012345678')).toEqual([]);
    call(context(), 'updateProfile', { ProfileId: TARO, MobilePhoneNumber: '' });
    expect(profileOf(TARO).MobilePhoneNumber).toBeUndefined();
  });

  it('renames: the new full name finds the profile', () => {
    call(context(), 'updateProfile', { ProfileId: SAKURA, LastName: 'Tanaka' });
    expect(found('_fullName', 'Sakura Tanaka')).toEqual([SAKURA]);
    expect(found('_fullName', 'Sakura Ito')).toEqual([]);
  });

  it('refuses a malformed ProfileId with 400 and an unknown one with 404', () => {
    expect(refusal(context(), 'updateProfile', { DomainName: DOMAIN, ProfileId: 'TARO' })).toMatchObject({ status: 400, message: expect.stringContaining('32') });
    expect(refusal(context(), 'updateProfile', { DomainName: DOMAIN, FirstName: 'x' })).toMatchObject({ status: 400, message: 'ProfileId is required.' });
    expect(refusal(context(), 'updateProfile', { DomainName: DOMAIN, ProfileId: 'f'.repeat(32), FirstName: 'x' })).toMatchObject({ status: 404, type: 'ResourceNotFoundException' });
    expect(refusal(context(), 'updateProfile', { DomainName: DOMAIN, ProfileId: TARO, FirstName: 'x'.repeat(256) })).toMatchObject({ status: 400 });
  });
});

describe('AddProfileKey', () => {
  it('links values to a profile and answers the key and values as given', () => {
    expect(call(context(), 'addProfileKey', { ProfileId: SAKURA, KeyName: '_ctrContactId', Values: ['c-1', 'c-2'] })).toEqual({ KeyName: '_ctrContactId', Values: ['c-1', 'c-2'] });
    expect(found('_ctrContactId', 'c-2')).toEqual([SAKURA]);
    // Linking again changes nothing.
    call(context(), 'addProfileKey', { ProfileId: SAKURA, KeyName: '_ctrContactId', Values: ['c-1'] });
    expect(found('_ctrContactId', 'c-1')).toEqual([SAKURA]);
  });

  it('refuses _profileId, a malformed key name, no values and an unknown profile', () => {
    const ask = (params: Record<string, unknown>) => refusal(context(), 'addProfileKey', { DomainName: DOMAIN, ProfileId: SAKURA, KeyName: '_phone', Values: ['+81355509999'], ...params });
    expect(ask({ KeyName: '_profileId' })).toMatchObject({ status: 400, message: expect.stringContaining('_profileId') });
    expect(ask({ KeyName: 'bad key' })).toMatchObject({ status: 400 });
    expect(ask({ Values: [] })).toMatchObject({ status: 400 });
    expect(ask({ ProfileId: 'a'.repeat(32) })).toMatchObject({ status: 404, type: 'ResourceNotFoundException' });
  });
});

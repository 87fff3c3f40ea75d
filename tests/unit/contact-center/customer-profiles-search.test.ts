// SearchProfiles on the local contact center's profiles (real SQLite, demo customers): each standard key in the
// forms people type, keys linked by AddProfileKey, AdditionalSearchKeys with AND and OR and their FoundByItems,
// paging by MaxResults and NextToken, and each documented limit refused as BadRequestException.
import { describe, expect, it } from 'vitest';
import { call, DOMAIN, refusal, SAKURA, TARO, useProfilesContext, type Loose } from './customer-profiles-fixture';

const { context } = useProfilesContext();

const search = (params: Record<string, unknown>) => call(context(), 'searchProfiles', params);
const idsOf = (answer: Loose): string[] => answer.Items.map((item: { ProfileId: string }) => item.ProfileId);

describe('SearchProfiles by the standard keys', () => {
  it('finds Taro Suzuki by his number in E.164 or as dialled in Japan, with his profile in the API shape', () => {
    const answer = search({ KeyName: '_phone', Values: ['090-1234-5678'] });
    expect(idsOf(answer)).toEqual([TARO]);
    expect(answer.NextToken).toBeUndefined();
    expect(answer.Items[0]).toEqual({
      ProfileId: TARO,
      AccountNumber: 'AC-1001',
      FirstName: 'Taro',
      LastName: 'Suzuki',
      BirthDate: '1985-04-12',
      MobilePhoneNumber: '+819012345678',
      EmailAddress: 'taro.suzuki@example.jp',
      Address: { Address1: '渋谷2-21-1', City: '渋谷区', State: '東京都', Country: 'JP', PostalCode: '150-0002' },
      Attributes: { NameReading: 'スズキ タロウ' },
    });
    expect(idsOf(search({ KeyName: '_phone', Values: ['+819012345678'] }))).toEqual([TARO]);
  });

  it('finds by email in any letter case, by account number and by profile id', () => {
    expect(idsOf(search({ KeyName: '_email', Values: ['Taro.Suzuki@Example.JP'] }))).toEqual([TARO]);
    expect(idsOf(search({ KeyName: '_account', Values: ['AC-1002'] }))).toEqual([SAKURA]);
    expect(idsOf(search({ KeyName: '_profileId', Values: [SAKURA] }))).toEqual([SAKURA]);
  });

  it('finds by full name in either order, with any spacing, and by the name’s reading', () => {
    for (const name of ['Taro Suzuki', 'suzuki taro', 'SuzukiTaro', 'スズキ　タロウ', 'ｽｽﾞｷ ﾀﾛｳ']) {
      expect(idsOf(search({ KeyName: '_fullName', Values: [name] })), name).toEqual([TARO]);
    }
  });

  it('answers several values with every profile any of them finds, in one list without repeats', () => {
    const answer = search({ KeyName: '_phone', Values: ['+819012345678', '+819055507788', '090-1234-5678'] });
    expect(idsOf(answer)).toEqual([TARO, SAKURA]);
  });

  it('answers an empty list when nothing matches, and for a key no profile has', () => {
    expect(search({ KeyName: '_phone', Values: ['+819099999999'] })).toEqual({ Items: [] });
    expect(search({ KeyName: 'loyaltyId', Values: ['L-1'] })).toEqual({ Items: [] });
  });
});

describe('SearchProfiles by keys AddProfileKey linked', () => {
  it('finds a profile by a linked number in its normal form and by a custom key', () => {
    call(context(), 'addProfileKey', { ProfileId: SAKURA, KeyName: '_phone', Values: ['03-5550-9999'] });
    call(context(), 'addProfileKey', { ProfileId: SAKURA, KeyName: 'loyaltyId', Values: ['L-77'] });
    expect(idsOf(search({ KeyName: '_phone', Values: ['+81355509999'] }))).toEqual([SAKURA]);
    expect(idsOf(search({ KeyName: 'loyaltyId', Values: ['L-77'] }))).toEqual([SAKURA]);
  });
});

describe('SearchProfiles with AdditionalSearchKeys', () => {
  it('with AND, finds only the profiles every key finds, each with all the keys it was found by', () => {
    const answer = search({
      KeyName: '_phone',
      Values: ['+819012345678', '+819055507788'],
      AdditionalSearchKeys: [{ KeyName: '_account', Values: ['AC-1002'] }],
      LogicalOperator: 'AND',
    });
    expect(idsOf(answer)).toEqual([SAKURA]);
    expect(answer.Items[0].FoundByItems).toEqual([
      { KeyName: '_phone', Values: ['+819055507788'] },
      { KeyName: '_account', Values: ['AC-1002'] },
    ]);
  });

  it('with OR (also when LogicalOperator is absent), finds the profiles any key finds, each with the keys that found it', () => {
    const params = { KeyName: '_phone', Values: ['+819012345678'], AdditionalSearchKeys: [{ KeyName: '_email', Values: ['sakura.ito@example.jp'] }] };
    for (const answer of [search(params), search({ ...params, LogicalOperator: 'OR' })]) {
      expect(idsOf(answer)).toEqual([TARO, SAKURA]);
      expect(answer.Items.map((item: Loose) => item.FoundByItems)).toEqual([
        [{ KeyName: '_phone', Values: ['+819012345678'] }],
        [{ KeyName: '_email', Values: ['sakura.ito@example.jp'] }],
      ]);
    }
  });
});

describe('SearchProfiles paging', () => {
  it('answers MaxResults a page and a NextToken that continues where the page stopped, to the end', () => {
    const created: string[] = [];
    for (let i = 0; i < 25; i++) {
      const { ProfileId } = call(context(), 'createProfile', { FirstName: `Member${i}`, LastName: 'Household' });
      call(context(), 'addProfileKey', { ProfileId, KeyName: 'household', Values: ['H-1'] });
      created.push(ProfileId);
    }
    const first = search({ KeyName: 'household', Values: ['H-1'], MaxResults: 10 });
    const second = search({ KeyName: 'household', Values: ['H-1'], MaxResults: 10, NextToken: first.NextToken });
    const third = search({ KeyName: 'household', Values: ['H-1'], MaxResults: 10, NextToken: second.NextToken });
    expect([...idsOf(first), ...idsOf(second), ...idsOf(third)]).toEqual(created);
    expect(idsOf(third)).toHaveLength(5);
    expect(third.NextToken).toBeUndefined();
    // Twenty a page when MaxResults is absent.
    expect(idsOf(search({ KeyName: 'household', Values: ['H-1'] }))).toHaveLength(20);
  });
});

describe('SearchProfiles refusals', () => {
  const ask = (params: Record<string, unknown>) => refusal(context(), 'searchProfiles', { DomainName: DOMAIN, KeyName: '_phone', Values: ['+819012345678'], ...params });

  it('refuses a missing or malformed DomainName with 400 and another domain with 404', () => {
    expect(refusal(context(), 'searchProfiles', { KeyName: '_phone', Values: ['1'] })).toMatchObject({ status: 400, type: 'BadRequestException', message: 'DomainName is required.' });
    expect(ask({ DomainName: 'no spaces please' })).toMatchObject({ status: 400, type: 'BadRequestException' });
    expect(ask({ DomainName: 'another-domain' })).toMatchObject({ status: 404, type: 'ResourceNotFoundException', message: expect.stringContaining(DOMAIN) });
  });

  it('refuses key names and values outside their limits', () => {
    expect(ask({ KeyName: 'has space' })).toMatchObject({ status: 400, message: expect.stringContaining('KeyName') });
    expect(ask({ KeyName: 'k'.repeat(65) })).toMatchObject({ status: 400 });
    expect(ask({ Values: [] })).toMatchObject({ status: 400, message: expect.stringContaining('Values') });
    expect(ask({ Values: ['x'.repeat(256)] })).toMatchObject({ status: 400 });
    expect(ask({ Values: [''] })).toMatchObject({ status: 400 });
    expect(ask({ Values: '+819012345678' })).toMatchObject({ status: 400 });
  });

  it('refuses more than four AdditionalSearchKeys, a malformed one, and an unknown LogicalOperator', () => {
    const key = { KeyName: '_email', Values: ['a@example.com'] };
    expect(ask({ AdditionalSearchKeys: [key, key, key, key, key] })).toMatchObject({ status: 400, message: expect.stringContaining('AdditionalSearchKeys') });
    expect(ask({ AdditionalSearchKeys: [] })).toMatchObject({ status: 400 });
    expect(ask({ AdditionalSearchKeys: [{ KeyName: '_email' }] })).toMatchObject({ status: 400, message: 'AdditionalSearchKeys[0].Values is required.' });
    expect(ask({ LogicalOperator: 'XOR' })).toMatchObject({ status: 400, message: 'LogicalOperator must be one of AND, OR.' });
  });

  it('refuses MaxResults outside 1 to 100 and a NextToken it did not issue for this operation', () => {
    expect(ask({ MaxResults: 0 })).toMatchObject({ status: 400 });
    expect(ask({ MaxResults: 101 })).toMatchObject({ status: 400 });
    expect(ask({ MaxResults: 2.5 })).toMatchObject({ status: 400 });
    expect(ask({ NextToken: 'not-a-token' })).toMatchObject({ status: 400, message: expect.stringContaining('NextToken') });
    const foreign = Buffer.from(JSON.stringify({ op: 'listProfileObjects', offset: 20 })).toString('base64url');
    expect(ask({ NextToken: foreign })).toMatchObject({ status: 400 });
  });

  it('refuses a body that is not an object', () => {
    expect(refusal(context(), 'searchProfiles', ['KeyName'] as unknown as Record<string, unknown>)).toMatchObject({ status: 400 });
  });
});

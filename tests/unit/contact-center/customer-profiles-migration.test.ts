// Migration 10 (Customer Profiles' fields and search keys) on a database written before it: the profiles and the
// ended contact records already there are found by their keys afterwards, and every profile in the demo seed
// has a birth date and an address.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callCustomerProfiles } from '../../../contact-center/profiles/customer-profiles-service';
import { DEMO_CASES, DEMO_PROFILES } from '../../../contact-center/seed/demo-customers';
import { DEMO_INSTANCE } from '../../../contact-center/seed/demo-instance';
import { saveContactRecord } from '../../../contact-center/store/contact-record-repository';
import { openDatabase } from '../../../contact-center/store/database';
import { currentSchemaVersion, MIGRATIONS } from '../../../contact-center/store/migrations';
import { seedProfilesIfEmpty } from '../../../contact-center/store/profile-repository';
import { DOMAIN, endedRecord, T0, TARO, type Loose } from './customer-profiles-fixture';

let scratch: string;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'sb-profiles-migration-'));
});

afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('migration 10', () => {
  it('indexes the profiles and ended contact records a version 9 database already has', () => {
    const old = openDatabase(scratch, { migrations: MIGRATIONS.filter((m) => m.version < 10) });
    seedProfilesIfEmpty(old, DEMO_PROFILES, DEMO_CASES);
    saveContactRecord(old, endedRecord({ contactId: 'before-10' }));
    saveContactRecord(old, endedRecord({ contactId: 'in-flight', state: 'connected', disconnectedAt: null }));
    old.close();

    const db = openDatabase(scratch);
    try {
      expect(currentSchemaVersion(db)).toBeGreaterThanOrEqual(10);
      const context = { db, config: DEMO_INSTANCE, now: () => T0 };
      const found: Loose = callCustomerProfiles(context, 'searchProfiles', { DomainName: DOMAIN, KeyName: '_fullName', Values: ['Taro Suzuki'] });
      expect(found.Items.map((item: { ProfileId: string }) => item.ProfileId)).toEqual([TARO]);
      const history: Loose = callCustomerProfiles(context, 'listProfileObjects', { DomainName: DOMAIN, ProfileId: TARO, ObjectTypeName: 'CTR' });
      expect(history.Items.map((item: { ProfileObjectUniqueKey: string }) => item.ProfileObjectUniqueKey)).toEqual(['before-10']);
    } finally {
      db.close();
    }
  });
});

describe('demo customers', () => {
  it('each have a birth date and an address; the Japanese ones a Japanese address with a 〒 postal code', () => {
    for (const profile of DEMO_PROFILES) {
      expect(profile.birthDate, profile.lastName).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(profile.address?.address1, profile.lastName).toBeTruthy();
      if (profile.nameReading) expect(profile.address, profile.lastName).toMatchObject({ country: 'JP', postalCode: expect.stringMatching(/^\d{3}-\d{4}$/) });
    }
  });
});

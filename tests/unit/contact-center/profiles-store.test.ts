// Tests for the profiles and cases store: migration 4 on an older database, the demo seed, and the
// SearchProfiles / SearchCases shaped lookups.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CASES, DEMO_PROFILES } from '../../../contact-center/seed/demo-customers';
import { openDatabase, type Database } from '../../../contact-center/store/database';
import { currentSchemaVersion, MIGRATIONS } from '../../../contact-center/store/migrations';
import {
  addProfilePhone,
  caseCount,
  getCase,
  normalizePhoneNumber,
  profileCount,
  searchCases,
  searchProfiles,
  seedProfilesIfEmpty,
  toProfileItem,
} from '../../../contact-center/store/profile-repository';

let scratch: string;
let db: Database;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'sb-profiles-'));
  db = openDatabase(':memory:');
  seedProfilesIfEmpty(db, DEMO_PROFILES, DEMO_CASES);
});

afterEach(() => {
  db.close();
  rmSync(scratch, { recursive: true, force: true });
});

const namesOf = (profiles: { firstName: string; lastName: string }[]) => profiles.map((p) => `${p.firstName} ${p.lastName}`);

describe('migration 4 (profiles and cases)', () => {
  it('applies on a database created at version 3, keeping its data', () => {
    const old = openDatabase(scratch, { migrations: MIGRATIONS.slice(0, 3) });
    expect(currentSchemaVersion(old)).toBe(3);
    old.prepare("INSERT INTO directory (phone_number, name, behaviour) VALUES ('+815055501111', 'Kept', 'answers')").run();
    old.close();
    const upgraded = openDatabase(scratch);
    expect(currentSchemaVersion(upgraded)).toBeGreaterThanOrEqual(4);
    const tables = upgraded.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['profiles', 'profile_phone_numbers', 'cases', 'case_activity']));
    expect(upgraded.prepare('SELECT name FROM directory').get()).toEqual({ name: 'Kept' });
    expect(seedProfilesIfEmpty(upgraded, DEMO_PROFILES, DEMO_CASES)).toBe(true);
    upgraded.close();
  });

  it('refuses phone numbers that are not E.164 and unknown case statuses', () => {
    expect(() => db.prepare("INSERT INTO profile_phone_numbers (profile_id, phone_number, kind, sort_order) VALUES (?, '03-1234-5678', 'home', 9)").run(DEMO_PROFILES[0]?.id)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE cases SET status = 'deleted'").run()).toThrow(/CHECK/);
  });
});

describe('demo seed', () => {
  it('writes the demo customers and their cases once', () => {
    expect(profileCount(db)).toBe(DEMO_PROFILES.length);
    expect(profileCount(db)).toBeGreaterThanOrEqual(8);
    expect(caseCount(db)).toBe(DEMO_CASES.length);
    expect(seedProfilesIfEmpty(db, DEMO_PROFILES, DEMO_CASES)).toBe(false);
    expect(profileCount(db)).toBe(DEMO_PROFILES.length);
  });

  it('has the directory customers, the default demo caller, and closed cases', () => {
    expect(namesOf(searchProfiles(db, '_phone', ['+81355501234', '+819055507788', '+12065550142', '+819012345678']))).toEqual([
      'Taro Suzuki',
      'Hiroshi Yamamoto',
      'Sakura Ito',
      'Michael Johnson',
    ]);
    expect(searchCases(db, { status: 'closed' }).length).toBeGreaterThan(0);
    expect(getCase(db, 'CASE-2026-0042')?.activity.length).toBe(2);
  });
});

describe('SearchProfiles', () => {
  it('finds by phone number in E.164 and in national or full-width writing', () => {
    expect(namesOf(searchProfiles(db, '_phone', ['+819055507788']))).toEqual(['Sakura Ito']);
    expect(namesOf(searchProfiles(db, '_phone', ['090-5550-7788']))).toEqual(['Sakura Ito']);
    expect(namesOf(searchProfiles(db, '_phone', ['０３－５５５０－１２３４']))).toEqual(['Hiroshi Yamamoto']);
    expect(namesOf(searchProfiles(db, '_phone', ['(206) 555-0142']))).toEqual(['Michael Johnson']);
    expect(searchProfiles(db, '_phone', ['+819999999999'])).toEqual([]);
  });

  it('finds by email (any case), account number, profile id and full name', () => {
    expect(namesOf(searchProfiles(db, '_email', ['Sakura.Ito@example.jp']))).toEqual(['Sakura Ito']);
    expect(namesOf(searchProfiles(db, '_account', ['AC-1001']))).toEqual(['Taro Suzuki']);
    expect(namesOf(searchProfiles(db, '_profileId', [DEMO_PROFILES[3]?.id ?? '']))).toEqual(['Michael Johnson']);
    expect(namesOf(searchProfiles(db, '_fullName', ['michael johnson']))).toEqual(['Michael Johnson']);
    expect(namesOf(searchProfiles(db, '_fullName', ['Yamamoto Hiroshi']))).toEqual(['Hiroshi Yamamoto']);
    expect(namesOf(searchProfiles(db, '_fullName', ['イトウサクラ']))).toEqual(['Sakura Ito']);
  });

  it('returns each profile once when several values match it, in the Customer Profiles shape', () => {
    const found = searchProfiles(db, '_phone', ['+81355501234', '+819055501001']);
    expect(found).toHaveLength(1);
    expect(found[0]).toBeDefined();
    if (!found[0]) return;
    const item = toProfileItem(found[0]);
    expect(item).toMatchObject({ FirstName: 'Hiroshi', LastName: 'Yamamoto', BusinessName: 'Yamamoto Trading', PartyType: 'BUSINESS', PhoneNumber: '+81355501234', MobilePhoneNumber: '+819055501001', AccountNumber: 'AC-1003' });
    expect(item.Address?.PostalCode).toBe('100-0001');
  });

  it('normalizes phone numbers to E.164', () => {
    expect(normalizePhoneNumber('03-5550-1234')).toBe('+81355501234');
    expect(normalizePhoneNumber('+81 90 5550 7788')).toBe('+819055507788');
    expect(normalizePhoneNumber('206.555.0142')).toBe('+12065550142');
    expect(normalizePhoneNumber('+1 (206) 555-0142')).toBe('+12065550142');
    expect(normalizePhoneNumber('12')).toBeNull();
  });
});

describe('addProfilePhone', () => {
  it('gives two customers a shared line, so that both match it, once each', () => {
    const [taro, sakura] = [DEMO_PROFILES[0]!, DEMO_PROFILES[2]!];
    const shared = { number: '+81355509876', kind: 'home' as const };
    expect([addProfilePhone(db, taro.id, shared), addProfilePhone(db, sakura.id, shared), addProfilePhone(db, sakura.id, shared)]).toEqual([true, true, false]);
    expect(searchProfiles(db, '_phone', ['03-5550-9876']).map((p) => p.id)).toEqual([taro.id, sakura.id]);
    expect(searchProfiles(db, '_profileId', [sakura.id])[0]?.phones.at(-1)).toEqual(shared);
  });

  it('adds nothing to a profile that does not exist', () => {
    expect(addProfilePhone(db, 'no-such-profile', { number: '+81355509876', kind: 'home' })).toBe(false);
    expect(searchProfiles(db, '_phone', ['+81355509876'])).toEqual([]);
  });
});

describe('SearchCases', () => {
  const hiroshi = DEMO_PROFILES[1]?.id ?? '';

  it('finds a customer’s cases, optionally by status', () => {
    expect(searchCases(db, { profileId: hiroshi }).map((c) => c.reference)).toEqual(['CASE-2026-0044', 'CASE-2026-0045', 'CASE-2026-0046']);
    expect(searchCases(db, { profileId: hiroshi, status: 'open' }).map((c) => c.reference)).toEqual(['CASE-2026-0044']);
    expect(searchCases(db, { profileId: hiroshi, status: 'pending' }).map((c) => c.reference)).toEqual(['CASE-2026-0045']);
  });

  it('matches a search term against reference, title and summary', () => {
    expect(searchCases(db, { searchTerm: 'case-2026-0042' }).map((c) => c.reference)).toEqual(['CASE-2026-0042']);
    expect(searchCases(db, { searchTerm: 'customs' }).map((c) => c.reference)).toEqual(['CASE-2026-0049']);
  });

  it('gets a case by id or by reference', () => {
    expect(getCase(db, 'case-2026-0042')?.reference).toBe('CASE-2026-0042');
    expect(getCase(db, 'CASE-2026-0042')?.fields.priority).toBe('high');
    expect(getCase(db, 'CASE-1999-0001')).toBeNull();
  });
});

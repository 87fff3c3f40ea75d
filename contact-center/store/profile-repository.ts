// Customer profiles and cases in SQLite, with lookups shaped like Amazon Connect Customer Profiles
// `SearchProfiles` (KeyName + Values) and Amazon Connect Cases `SearchCases` (filter + searchTerm).

import type { Database } from './database';

export type PhoneKind = 'mobile' | 'business' | 'home' | 'other';
export type CaseStatus = 'open' | 'pending' | 'closed';
export const CASE_STATUSES: readonly CaseStatus[] = ['open', 'pending', 'closed'];

export interface ProfilePhone {
  number: string; // E.164
  kind: PhoneKind;
}

export interface ProfileAddress {
  postalCode: string;
  country: string; // ISO 3166-1 alpha-2
  state: string;
  city: string;
  address1: string;
  address2?: string;
}

export interface CustomerProfile {
  id: string;
  firstName: string;
  lastName: string;
  /** Japanese reading of the name (furigana), when the name is Japanese. */
  nameReading?: string;
  phones: ProfilePhone[];
  email?: string;
  birthDate?: string; // YYYY-MM-DD
  address?: ProfileAddress;
  accountNumber?: string;
  company?: string;
  createdAt: string; // ISO 8601
}

export interface CaseActivity {
  at: string; // ISO 8601
  author: string;
  body: string;
}

export interface CustomerCase {
  id: string;
  reference: string; // e.g. CASE-2026-0042
  profileId: string;
  title: string;
  summary: string;
  status: CaseStatus;
  fields: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  activity: CaseActivity[];
}

/** The search keys of Customer Profiles' SearchProfiles that the local contact center supports. */
export const PROFILE_SEARCH_KEYS = ['_phone', '_email', '_account', '_fullName', '_profileId'] as const;
export type ProfileSearchKey = (typeof PROFILE_SEARCH_KEYS)[number];

/** A profile as SearchProfiles returns it (Amazon Connect Customer Profiles' `Profile` object). */
export interface ProfileItem {
  ProfileId: string;
  AccountNumber?: string;
  FirstName: string;
  LastName: string;
  BusinessName?: string;
  PartyType: 'INDIVIDUAL' | 'BUSINESS';
  PhoneNumber?: string;
  MobilePhoneNumber?: string;
  BusinessPhoneNumber?: string;
  HomePhoneNumber?: string;
  EmailAddress?: string;
  BirthDate?: string;
  Address?: { Address1: string; Address2?: string; City: string; State: string; PostalCode: string; Country: string };
  Attributes: Record<string, string>;
}

interface ProfileRow {
  id: string;
  first_name: string;
  last_name: string;
  name_reading: string | null;
  email: string | null;
  birth_date: string | null;
  address_json: string | null;
  account_number: string | null;
  company: string | null;
  created_at: string;
}

interface PhoneRow {
  profile_id: string;
  phone_number: string;
  kind: PhoneKind;
}

interface CaseRow {
  id: string;
  reference: string;
  profile_id: string;
  title: string;
  summary: string;
  status: CaseStatus;
  fields_json: string;
  created_at: string;
  updated_at: string;
}

interface ActivityRow {
  case_id: string;
  at: string;
  author: string;
  body: string;
}

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/**
 * Brings a phone number typed in any usual way to E.164: full-width digits, dashes, spaces and brackets
 * are dropped; a national number (leading 0) is read as Japanese, a 10-digit number as North American.
 * Returns null when nothing number-like is left.
 */
export function normalizePhoneNumber(raw: string): string | null {
  const ascii = raw.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  const plus = ascii.startsWith('+');
  const digits = ascii.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  if (plus) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.startsWith('0')) return `+81${digits.slice(1)}`;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return `+${digits}`;
}

export function profileCount(db: Database): number {
  return db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM profiles').get()?.n ?? 0;
}

export function caseCount(db: Database): number {
  return db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM cases').get()?.n ?? 0;
}

/** Writes profiles and cases into a database that has none yet; returns false when it already has some. */
export function seedProfilesIfEmpty(db: Database, profiles: readonly CustomerProfile[], cases: readonly CustomerCase[]): boolean {
  return db.transaction(() => {
    if (profileCount(db) > 0) return false;
    const insertProfile = db.prepare(
      `INSERT INTO profiles (id, first_name, last_name, name_reading, email, birth_date, address_json, account_number, company, created_at)
       VALUES (@id, @firstName, @lastName, @nameReading, @email, @birthDate, @addressJson, @accountNumber, @company, @createdAt)`,
    );
    const insertPhone = db.prepare<[string, string, PhoneKind, number]>('INSERT INTO profile_phone_numbers (profile_id, phone_number, kind, sort_order) VALUES (?, ?, ?, ?)');
    const insertCase = db.prepare(
      `INSERT INTO cases (id, reference, profile_id, title, summary, status, fields_json, created_at, updated_at)
       VALUES (@id, @reference, @profileId, @title, @summary, @status, @fieldsJson, @createdAt, @updatedAt)`,
    );
    const insertActivity = db.prepare<[string, string, string, string]>('INSERT INTO case_activity (case_id, at, author, body) VALUES (?, ?, ?, ?)');
    for (const p of profiles) {
      insertProfile.run({
        id: p.id,
        firstName: p.firstName,
        lastName: p.lastName,
        nameReading: p.nameReading ?? null,
        email: p.email ?? null,
        birthDate: p.birthDate ?? null,
        addressJson: p.address ? JSON.stringify(p.address) : null,
        accountNumber: p.accountNumber ?? null,
        company: p.company ?? null,
        createdAt: p.createdAt,
      });
      p.phones.forEach((phone, i) => insertPhone.run(p.id, phone.number, phone.kind, i));
    }
    for (const c of cases) {
      insertCase.run({ ...c, fieldsJson: JSON.stringify(c.fields) });
      for (const a of c.activity) insertActivity.run(c.id, a.at, a.author, a.body);
    }
    return true;
  }).immediate();
}

/** Gives a profile one more phone number (a household line shared by two customers, say); false when the
 *  profile does not exist or already has the number. */
export function addProfilePhone(db: Database, profileId: string, phone: ProfilePhone): boolean {
  return db.transaction(() => {
    if (!getProfile(db, profileId)) return false;
    const order = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM profile_phone_numbers WHERE profile_id = ?').get(profileId)?.n ?? 0;
    const result = db
      .prepare<[string, string, PhoneKind, number]>('INSERT OR IGNORE INTO profile_phone_numbers (profile_id, phone_number, kind, sort_order) VALUES (?, ?, ?, ?)')
      .run(profileId, phone.number, phone.kind, order);
    return result.changes === 1;
  }).immediate();
}

function phonesOf(db: Database, profileIds: string[]): Map<string, ProfilePhone[]> {
  const out = new Map<string, ProfilePhone[]>(profileIds.map((id) => [id, []]));
  if (profileIds.length === 0) return out;
  const rows = db
    .prepare<string[], PhoneRow>(`SELECT profile_id, phone_number, kind FROM profile_phone_numbers WHERE profile_id IN (${profileIds.map(() => '?').join(',')}) ORDER BY sort_order`)
    .all(...profileIds);
  for (const row of rows) out.get(row.profile_id)?.push({ number: row.phone_number, kind: row.kind });
  return out;
}

function toProfiles(db: Database, rows: ProfileRow[]): CustomerProfile[] {
  const phones = phonesOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    ...(r.name_reading !== null && { nameReading: r.name_reading }),
    phones: phones.get(r.id) ?? [],
    ...(r.email !== null && { email: r.email }),
    ...(r.birth_date !== null && { birthDate: r.birth_date }),
    ...(r.address_json !== null && { address: JSON.parse(r.address_json) as ProfileAddress }),
    ...(r.account_number !== null && { accountNumber: r.account_number }),
    ...(r.company !== null && { company: r.company }),
    createdAt: r.created_at,
  }));
}

const PROFILE_COLUMNS = 'id, first_name, last_name, name_reading, email, birth_date, address_json, account_number, company, created_at';

export function listProfiles(db: Database): CustomerProfile[] {
  return toProfiles(db, db.prepare<[], ProfileRow>(`SELECT ${PROFILE_COLUMNS} FROM profiles ORDER BY rowid`).all());
}

export function getProfile(db: Database, profileId: string): CustomerProfile | null {
  const row = db.prepare<[string], ProfileRow>(`SELECT ${PROFILE_COLUMNS} FROM profiles WHERE id = ?`).get(profileId);
  return row ? (toProfiles(db, [row])[0] ?? null) : null;
}

/** Profiles matching any of the values for the key, in seed order (SearchProfiles semantics). */
export function searchProfiles(db: Database, keyName: ProfileSearchKey, values: readonly string[]): CustomerProfile[] {
  const ids = new Set<string>();
  for (const value of values) {
    const v = value.trim();
    if (v === '') continue;
    let rows: { id: string }[] = [];
    switch (keyName) {
      case '_phone': {
        const number = normalizePhoneNumber(v);
        if (number) rows = db.prepare<[string], { id: string }>('SELECT profile_id AS id FROM profile_phone_numbers WHERE phone_number = ?').all(number);
        break;
      }
      case '_email':
        rows = db.prepare<[string], { id: string }>('SELECT id FROM profiles WHERE email = ? COLLATE NOCASE').all(v);
        break;
      case '_account':
        rows = db.prepare<[string], { id: string }>('SELECT id FROM profiles WHERE account_number = ?').all(v);
        break;
      case '_profileId':
        rows = db.prepare<[string], { id: string }>('SELECT id FROM profiles WHERE id = ?').all(v);
        break;
      case '_fullName': {
        // "First Last", "Last First" (Japanese order), with or without a space, or the name reading.
        const name = v.normalize('NFKC').replace(/\s+/g, ' ').toLowerCase();
        const compact = name.replace(/ /g, '');
        rows = db
          .prepare<[string, string, string, string, string], { id: string }>(
            `SELECT id FROM profiles WHERE lower(first_name || ' ' || last_name) = ? OR lower(last_name || ' ' || first_name) = ?
               OR lower(first_name || last_name) = ? OR lower(last_name || first_name) = ? OR replace(name_reading, ' ', '') = ?`,
          )
          .all(name, name, compact, compact, compact);
        break;
      }
    }
    for (const row of rows) ids.add(row.id);
  }
  if (ids.size === 0) return [];
  const list = [...ids];
  const rows = db.prepare<string[], ProfileRow>(`SELECT ${PROFILE_COLUMNS} FROM profiles WHERE id IN (${list.map(() => '?').join(',')}) ORDER BY rowid`).all(...list);
  return toProfiles(db, rows);
}

/** A profile in the shape of Customer Profiles' `Profile` object. */
export function toProfileItem(p: CustomerProfile): ProfileItem {
  const byKind = (kind: PhoneKind) => p.phones.find((x) => x.kind === kind)?.number;
  return {
    ProfileId: p.id,
    ...(p.accountNumber !== undefined && { AccountNumber: p.accountNumber }),
    FirstName: p.firstName,
    LastName: p.lastName,
    ...(p.company !== undefined && { BusinessName: p.company }),
    PartyType: p.company ? 'BUSINESS' : 'INDIVIDUAL',
    ...(p.phones[0] && { PhoneNumber: p.phones[0].number }),
    ...(byKind('mobile') && { MobilePhoneNumber: byKind('mobile') }),
    ...(byKind('business') && { BusinessPhoneNumber: byKind('business') }),
    ...(byKind('home') && { HomePhoneNumber: byKind('home') }),
    ...(p.email !== undefined && { EmailAddress: p.email }),
    ...(p.birthDate !== undefined && { BirthDate: p.birthDate }),
    ...(p.address && {
      Address: {
        Address1: p.address.address1,
        ...(p.address.address2 !== undefined && { Address2: p.address.address2 }),
        City: p.address.city,
        State: p.address.state,
        PostalCode: p.address.postalCode,
        Country: p.address.country,
      },
    }),
    Attributes: {
      ...(p.nameReading !== undefined && { NameReading: p.nameReading }),
      AllPhoneNumbers: p.phones.map((x) => x.number).join(','),
    },
  };
}

function toCases(db: Database, rows: CaseRow[]): CustomerCase[] {
  if (rows.length === 0) return [];
  const activity = db
    .prepare<string[], ActivityRow>(`SELECT case_id, at, author, body FROM case_activity WHERE case_id IN (${rows.map(() => '?').join(',')}) ORDER BY at, id`)
    .all(...rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    profileId: r.profile_id,
    title: r.title,
    summary: r.summary,
    status: r.status,
    fields: JSON.parse(r.fields_json) as Record<string, string>,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    activity: activity.filter((a) => a.case_id === r.id).map((a) => ({ at: a.at, author: a.author, body: a.body })),
  }));
}

const CASE_COLUMNS = 'id, reference, profile_id, title, summary, status, fields_json, created_at, updated_at';

export interface CaseSearch {
  profileId?: string;
  status?: CaseStatus;
  /** Matched (case-insensitive) against the reference, title and summary. */
  searchTerm?: string;
}

/** Cases matching every given criterion, most recently updated first (SearchCases semantics). */
export function searchCases(db: Database, search: CaseSearch): CustomerCase[] {
  const where: string[] = [];
  const params: string[] = [];
  if (search.profileId !== undefined) {
    where.push('profile_id = ?');
    params.push(search.profileId);
  }
  if (search.status !== undefined) {
    where.push('status = ?');
    params.push(search.status);
  }
  if (search.searchTerm !== undefined && search.searchTerm.trim() !== '') {
    where.push("(instr(lower(reference), ?) > 0 OR instr(lower(title), ?) > 0 OR instr(lower(summary), ?) > 0)");
    const term = search.searchTerm.trim().toLowerCase();
    params.push(term, term, term);
  }
  const sql = `SELECT ${CASE_COLUMNS} FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at DESC, reference`;
  return toCases(db, db.prepare<string[], CaseRow>(sql).all(...params));
}

/** A case by its id or by its reference (CASE-2026-0042). */
export function getCase(db: Database, idOrReference: string): CustomerCase | null {
  const row = db.prepare<[string, string], CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = ? OR reference = ? COLLATE NOCASE`).get(idOrReference, idOrReference);
  return row ? (toCases(db, [row])[0] ?? null) : null;
}

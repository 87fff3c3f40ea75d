// Bench: SearchProfiles over 100,000 profiles (`npm run bench -- profiles-search`). The profiles are generated
// into a temporary SQLite file through the store's own seed (migration 10's triggers index their keys), then 1,000
// searches by phone, email, account number and full name (250 each, after a warm-up) are timed through the same
// operation the /agent-app/api route calls. Goal: p95 under 20 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { callCustomerProfiles } from '../../contact-center/profiles/customer-profiles-service';
import { customerProfilesDomainName, type ProfilesContext } from '../../contact-center/profiles/profile-model';
import { DEMO_INSTANCE } from '../../contact-center/seed/demo-instance';
import { openDatabase } from '../../contact-center/store/database';
import { seedProfilesIfEmpty, type CustomerProfile } from '../../contact-center/store/profile-repository';
import { type BenchRow, ms, summarize } from './stats';

const PROFILES = 100_000;
const SEARCHES = 1_000;
const GOAL_MS = 20;

const FIRST_NAMES = ['Taro', 'Hanako', 'Kenji', 'Yui', 'Sota', 'Aoi', 'Ren', 'Mei', 'Haruto', 'Sakura', 'Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'James', 'Mia', 'Lucas', 'Sophia', 'Ethan'];
const LAST_NAMES = ['Suzuki', 'Sato', 'Takahashi', 'Tanaka', 'Ito', 'Watanabe', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato', 'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Moore'];

/** A deterministic pseudo-random sequence (mulberry32), so that every run searches the same profiles. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generatedProfile(n: number): CustomerProfile {
  const firstName = FIRST_NAMES[n % FIRST_NAMES.length] as string;
  const lastName = LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length] as string;
  return {
    id: n.toString(16).padStart(32, '0'),
    firstName,
    lastName,
    phones: [{ number: `+8190${String(10_000_000 + n).slice(-8)}`, kind: 'mobile' }],
    email: `${firstName}.${lastName}.${n}@example.jp`.toLowerCase(),
    birthDate: `19${50 + (n % 50)}-0${1 + (n % 9)}-1${n % 10}`,
    address: { postalCode: '150-0002', country: 'JP', state: '東京都', city: '渋谷区', address1: `渋谷${1 + (n % 4)}-${n % 30}-${n % 9}` },
    accountNumber: `AC-${100_000 + n}`,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

type SearchKind = 'phone' | 'email' | 'account' | 'full name';
const KINDS: SearchKind[] = ['phone', 'email', 'account', 'full name'];

function searchFor(kind: SearchKind, profile: CustomerProfile): { KeyName: string; Values: string[] } {
  switch (kind) {
    case 'phone':
      return { KeyName: '_phone', Values: [`0${(profile.phones[0] as { number: string }).number.slice(3)}`] }; // as dialled in Japan
    case 'email':
      return { KeyName: '_email', Values: [(profile.email as string).toUpperCase()] };
    case 'account':
      return { KeyName: '_account', Values: [profile.accountNumber as string] };
    case 'full name':
      return { KeyName: '_fullName', Values: [`${profile.firstName} ${profile.lastName}`] };
  }
}

export async function searchProfilesBench(): Promise<BenchRow[]> {
  const folder = mkdtempSync(join(tmpdir(), 'sb-bench-profiles-'));
  const db = openDatabase(folder);
  try {
    const buildStarted = performance.now();
    const profiles = Array.from({ length: PROFILES }, (_, n) => generatedProfile(n));
    seedProfilesIfEmpty(db, profiles, []);
    const buildMs = performance.now() - buildStarted;
    const context: ProfilesContext = { db, config: DEMO_INSTANCE, now: Date.now };
    const domain = customerProfilesDomainName(DEMO_INSTANCE);
    const next = random(20261203);
    const pick = () => profiles[Math.floor(next() * profiles.length)] as CustomerProfile;
    let misses = 0;
    const search = (kind: SearchKind, profile: CustomerProfile): number => {
      const started = performance.now();
      const answer = callCustomerProfiles(context, 'searchProfiles', { DomainName: domain, ...searchFor(kind, profile) }) as { Items: { ProfileId: string; FirstName?: string; LastName?: string }[] };
      const elapsed = performance.now() - started;
      // A name is shared by 250 profiles: its first page (20) must hold only them; any other key finds its one profile.
      const hit =
        kind === 'full name'
          ? answer.Items.length === 20 && answer.Items.every((item) => item.FirstName === profile.firstName && item.LastName === profile.lastName)
          : answer.Items.length === 1 && answer.Items[0]?.ProfileId === profile.id;
      if (!hit) misses++;
      return elapsed;
    };

    for (let i = 0; i < 100; i++) search(KINDS[i % KINDS.length] as SearchKind, pick()); // warm-up (JIT, page cache), not reported
    misses = 0;
    const samples = new Map<SearchKind, number[]>(KINDS.map((kind) => [kind, []]));
    for (let i = 0; i < SEARCHES; i++) {
      const kind = KINDS[i % KINDS.length] as SearchKind;
      samples.get(kind)?.push(search(kind, pick()));
    }

    const all = summarize([...samples.values()].flat());
    const rows: BenchRow[] = [
      { measure: 'profiles (SQLite file, keys indexed by migration 10)', value: `${PROFILES.toLocaleString('en-US')} in ${(buildMs / 1000).toFixed(1)} s`, goal: '', ok: null },
      { measure: 'searches that missed the profile searched for', value: String(misses), goal: '0', ok: misses === 0 },
    ];
    for (const [kind, list] of samples) {
      const s = summarize(list);
      rows.push({ measure: `by ${kind} (${s.n}): p50 / p95 / max`, value: `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}`, goal: `p95 < ${GOAL_MS} ms`, ok: s.p95 < GOAL_MS });
    }
    rows.push({ measure: `all ${all.n} searches p50`, value: ms(all.p50), goal: '', ok: null });
    rows.push({ measure: `all ${all.n} searches p95`, value: ms(all.p95), goal: `< ${GOAL_MS} ms`, ok: all.p95 < GOAL_MS });
    rows.push({ measure: `all ${all.n} searches max`, value: ms(all.max), goal: '', ok: null });
    return rows;
  } finally {
    db.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

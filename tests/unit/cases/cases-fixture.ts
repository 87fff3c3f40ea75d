// What the Cases tests share: a contact center started in-process on an ephemeral port (its demo seed, a fresh data
// folder per file) with the REAL @aws-sdk/client-connectcases pointed at `<url>/cases-api`, the instance's domain
// id and ARNs, an agent's session cookie, raw requests for what the SDK cannot send, and the demo model's names.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectCasesClient } from '@aws-sdk/client-connectcases';
import { afterAll, beforeAll } from 'vitest';
import { CASES_BASE_PATH, CasesArns } from '../../../contact-center/cases/cases-model';
import { type RunningContactCenter, startContactCenter } from '../../../contact-center/server/contact-center-server';
import { DEMO_PROFILES } from '../../../contact-center/seed/demo-customers';

export { DEMO_CASE_FIELD_IDS, DEMO_CASE_TEMPLATE_IDS } from '../../../contact-center/seed/demo-case-templates';

export const SDK_CREDENTIALS = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };
export const TARO = DEMO_PROFILES[0]!.id;
export const HIROSHI = DEMO_PROFILES[1]!.id;
export const MICHAEL = DEMO_PROFILES[3]!.id;

export interface CasesFixture {
  cc: RunningContactCenter;
  cases: ConnectCasesClient;
  domainId: string;
  arns: CasesArns;
  /** The session cookie of agent1 (Emily Carter). */
  cookie: string;
  /** A raw request below the Cases base path. */
  request(path: string, init?: RequestInit): Promise<Response>;
}

/** Starts one contact center for the test file (closed after it). */
export function useCasesFixture(): () => CasesFixture {
  let fixture: CasesFixture | null = null;
  let dataDir = '';
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sb-cases-'));
    const cc = await startContactCenter({ dataDir, port: 0, demoPassword: 'pw-test' });
    const arns = new CasesArns(cc.engine.instance);
    const cases = new ConnectCasesClient({ endpoint: `${cc.url}${CASES_BASE_PATH}`, region: cc.engine.instance.region, credentials: SDK_CREDENTIALS, maxAttempts: 1 });
    fixture = {
      cc,
      cases,
      domainId: arns.domainId,
      arns,
      cookie: `sb_session=${cc.issueSession('agent1')}`,
      request: (path, init) => fetch(`${cc.url}${CASES_BASE_PATH}${path}`, init),
    };
  });
  afterAll(async () => {
    fixture?.cases.destroy();
    await fixture?.cc.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!fixture) throw new Error('the Cases fixture is used outside a test');
    return fixture;
  };
}

/** The refusal of a call that must be refused (its SDK exception), or null when it was not refused. */
export const refusal = (promise: Promise<unknown>): Promise<(Error & { $metadata?: { httpStatusCode?: number } }) | null> =>
  promise.then(
    () => null,
    (error: unknown) => error as Error,
  );

/** A value union as plain data. */
export function plain(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const union = value as Record<string, unknown>;
  for (const member of ['stringValue', 'doubleValue', 'booleanValue', 'userArnValue']) if (union[member] !== undefined) return union[member];
  return null;
}

/** A list of {id, value} (the SDK's lists may hold nulls) as id → plain value. */
export const fieldsOf = (fields: readonly ({ id?: string; value?: unknown } | null)[] | undefined) =>
  Object.fromEntries((fields ?? []).flatMap((f) => (f ? [[f.id, plain(f.value)]] : [])));

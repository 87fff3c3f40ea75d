// Admin policy for end-to-end tests: a file in Chromium's machine-wide managed policy folder naming the
// extension (by its fixed id), read by the browser at start-up and given to the extension through managed
// storage. Writing the folder needs root: specs skip what needs a policy otherwise, saying why.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Chromium's machine-wide policy folder on Linux. */
export const POLICY_DIR = '/etc/chromium/policies/managed';
/** The extension's fixed id (manifest key; docs/admin.md). */
export const EXTENSION_ID = 'noblaacmkmdckhdcjakjpckmkgedlibh';
export const canWritePolicy = typeof process.getuid === 'function' && process.getuid() === 0;
export const NEEDS_ROOT = `writing ${POLICY_DIR} needs root; run the suite as root to test admin policy`;

/** Writes `settings` (setting key → { value, locked }) as this process's policy file; returns its remover. */
export function writeManagedPolicy(name: string, settings: Record<string, unknown>): () => void {
  const file = join(POLICY_DIR, `switchboard-e2e-${name}-${process.pid}.json`);
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: settings } } }, null, 2));
  // A run that stops before its afterAll must not leave the policy for every later browser of the machine.
  const remove = () => rmSync(file, { force: true });
  process.once('exit', remove);
  return remove;
}

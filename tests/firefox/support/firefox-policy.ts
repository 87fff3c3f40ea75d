// Admin policy for the Firefox tests, without touching the machine's files (other runs use the same Firefox at
// the same time): the managed-storage manifest in a temporary HOME ($HOME/.mozilla/managed-storage/<id>.json,
// which Firefox reads when it runs with that HOME), and policies.json in the `distribution` folder of a private
// copy of the Firefox installation (its binary copied, every other file a symbolic link to the real one), which
// Firefox reads as its own installation's policy because it finds its folder from its binary's real path.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { GECKO_ID } from '../../../wxt.config';
import { firefoxPath } from './firefox-agent';

/** Setting key -> `{ value, locked, reason }`, the policy object docs/admin.md describes. */
export type SwitchboardPolicy = Record<string, { value: unknown; locked?: boolean; reason?: string }>;

/** A temporary HOME whose managed-storage manifest gives Switchboard `policy`; `remove` deletes it. */
export function homeWithManagedStorage(policy: SwitchboardPolicy): { home: string; remove(): void } {
  const home = mkdtempSync(join(tmpdir(), 'sb-ff-home-'));
  const folder = join(home, '.mozilla', 'managed-storage');
  mkdirSync(folder, { recursive: true });
  const manifest = { name: GECKO_ID, description: 'Switchboard policy (Firefox end-to-end test)', type: 'storage', data: policy };
  writeFileSync(join(folder, `${GECKO_ID}.json`), JSON.stringify(manifest, null, 2));
  return { home, remove: () => rmSync(home, { recursive: true, force: true }) };
}

/**
 * A private Firefox installation with `policies` as its distribution/policies.json (the whole file's content,
 * `{ "policies": … }`): a folder holding a copy of the real installation's binary, symbolic links to its other
 * files, and its own `distribution` folder. Returns the binary to launch and the remover.
 */
export function firefoxWithPoliciesJson(policies: unknown): { executablePath: string; remove(): void } {
  const realBinary = realpathSync(firefoxPath());
  const installation = dirname(realBinary);
  const copy = mkdtempSync(join(tmpdir(), 'sb-ff-install-'));
  for (const entry of readdirSync(installation)) {
    if (entry === 'distribution') continue;
    if (entry === basename(realBinary)) copyFileSync(join(installation, entry), join(copy, entry));
    else symlinkSync(join(installation, entry), join(copy, entry));
  }
  mkdirSync(join(copy, 'distribution'));
  writeFileSync(join(copy, 'distribution', 'policies.json'), JSON.stringify(policies, null, 2));
  const remove = () => rmSync(copy, { recursive: true, force: true });
  process.once('exit', remove);
  return { executablePath: join(copy, basename(realBinary)), remove };
}

// Vitest global setup of the Firefox tests: builds the Firefox extension once per run (.output/firefox-mv2), so
// the tests always load the current sources.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildFirefoxExtension(): void {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const started = Date.now();
  const build = spawnSync(process.execPath, [`${root}node_modules/wxt/bin/wxt.mjs`, 'build', '-b', 'firefox'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`wxt build -b firefox failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
  console.log(`Built the Firefox extension into .output/firefox-mv2 in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

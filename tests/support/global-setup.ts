// Playwright global setup: builds the extension once per run, so specs always load the current sources.
import { spawnSync } from 'node:child_process';
import { repoRoot } from './chromium';

export default function globalSetup(): void {
  // Always building is simpler and safer than comparing timestamps, and takes about 2-3 s.
  const started = Date.now();
  const build = spawnSync(process.execPath, [`${repoRoot}node_modules/wxt/bin/wxt.mjs`, 'build'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    throw new Error(`wxt build failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
  }
  console.log(`Built the extension into .output/chrome-mv3 in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

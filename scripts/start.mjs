// Demo launcher (placeholder): builds the extension; starting the local contact center and a browser comes next.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const build = spawnSync(process.execPath, [join(root, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

console.log(`
The extension is built in .output/chrome-mv3 (load it unpacked from chrome://extensions).
Starting the local contact center and a browser with the extension is not written yet.`);

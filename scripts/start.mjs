// `npm start`: builds the extension, starts the local contact center (or reuses one already running on the
// port), and opens Chromium with the extension loaded and the demo page open. Without a display it keeps
// the contact center running and prints what to open. Ctrl-C stops everything it started.
// Options: --port <port> (default 8790), --no-browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const portIndex = args.indexOf('--port');
const port = portIndex >= 0 ? Number(args[portIndex + 1]) : 8790;
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`start: --port needs a port number from 1 to 65535`);
  process.exit(1);
}
const wantBrowser = !args.includes('--no-browser');
const base = `http://127.0.0.1:${port}`;
// The demo CRM runs on its own origin (localhost, the next port), like a real CRM beside the contact center.
const crmUrl = `http://localhost:${port + 1}/`;
const children = [];

function stopAll(code) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

console.log('start: building the extension…');
const build = spawnSync(process.execPath, [join(root, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  console.error('start: the extension did not build (see above).');
  process.exit(build.status ?? 1);
}
const extensionDir = join(root, '.output', 'chrome-mv3');

async function contactCenterRunning() {
  try {
    const res = await fetch(`${base}/api/v1/agents`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

async function startContactCenter() {
  if (await contactCenterRunning()) {
    console.log(`start: a local contact center is already running on ${base}; using it.`);
    return;
  }
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, join(root, 'contact-center', 'main.ts'), '--port', String(port), '--crm-port', String(port + 1)], {
    cwd: root,
    stdio: 'inherit',
  });
  children.push(child);
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) stopAll(code);
  });
  for (let i = 0; i < 100; i++) {
    if (await contactCenterRunning()) return;
    if (child.exitCode !== null) process.exit(child.exitCode || 1);
    await new Promise((r) => setTimeout(r, 200));
  }
  console.error(`start: the contact center did not answer on ${base} within 20 s.`);
  stopAll(1);
}

function chromiumPath() {
  const recorded = join(root, '.data', 'chromium-path');
  const candidates = [process.env.CHROME_PATH, existsSync(recorded) ? readFileSync(recorded, 'utf8').trim() : undefined, '/usr/bin/chromium'];
  return candidates.find((p) => p && existsSync(p));
}

await startContactCenter();
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.platform === 'darwin' || process.platform === 'win32');
const browser = wantBrowser && hasDisplay ? chromiumPath() : undefined;
if (browser) {
  const profile = join(root, '.data', 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  const child = spawn(
    browser,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      `${base}/demo/`,
      crmUrl,
    ],
    { stdio: 'ignore' },
  );
  children.push(child);
  child.on('exit', () => stopAll(0));
}

console.log(`
Switchboard is ready.
  Local contact center  ${base}/           (demo agents agent1 … agent4, password "switchboard")
  Call in as a customer ${base}/demo/
  Chat as a customer    ${base}/chat/
  Demo CRM              ${crmUrl}
  Extension             ${extensionDir}
${
  browser
    ? `Chromium opened with the extension: click the Switchboard toolbar button to open the side panel, sign in
with the contact-center URL ${base}, then place a call from the demo page.`
    : `No display${wantBrowser ? '' : ' wanted'}: open Chromium yourself with
  chromium --load-extension=${extensionDir} ${base}/demo/
or load ${extensionDir} unpacked from chrome://extensions (Developer mode).`
}
Press Ctrl-C to stop.`);

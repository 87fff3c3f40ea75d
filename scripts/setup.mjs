// Prepares a checkout to run: installs npm dependencies when needed and finds a Chromium for tests and demos;
// with --firefox, also a Firefox for the Firefox tests (Debian's firefox-esr, installed like Chromium).
// Plain Node, no dependencies: it runs before node_modules exists. Silent when there is nothing to do.
// Exit codes: 0 ready · 1 no Chromium found or installable · 2 npm install failed · 3 Node.js too old ·
// 4 --firefox and no Firefox found or installable.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromiumPathFile = join(root, '.data', 'chromium-path');
const firefoxPathFile = join(root, '.data', 'firefox-path');
const wantsFirefox = process.argv.includes('--firefox');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

function fail(code, message) {
  console.error(`setup: ${message}`);
  process.exit(code);
}

// --- Node.js --------------------------------------------------------------------------------------------
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  fail(3, `Node.js ${process.versions.node} is too old; install Node.js 20.19 or newer (22 LTS recommended).`);
}

// --- npm dependencies -----------------------------------------------------------------------------------
function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : undefined;
}

const lockfile = join(root, 'package-lock.json');
const installedLock = mtime(join(root, 'node_modules', '.package-lock.json'));
const hasLockfile = existsSync(lockfile);
if (installedLock === undefined || (hasLockfile && mtime(lockfile) > installedLock)) {
  console.log(hasLockfile ? 'setup: installing dependencies (npm ci)…' : 'setup: installing dependencies (npm install)…');
  if (!run('npm', [hasLockfile ? 'ci' : 'install'])) fail(2, 'npm could not install the dependencies (see above).');
} else if (!existsSync(join(root, '.wxt', 'wxt.d.ts'))) {
  // npm's postinstall normally generates .wxt (the TypeScript and ESLint configs extend it).
  if (!run(process.execPath, [join(root, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'prepare'])) {
    fail(2, '`wxt prepare` failed (see above).');
  }
}

// --- Chromium -------------------------------------------------------------------------------------------
function playwrightChromiums() {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return [];
  return readdirSync(cache)
    .filter((name) => /^chromium-\d+$/.test(name))
    .sort((a, b) => Number(b.slice(9)) - Number(a.slice(9)))
    .flatMap((name) => ['chrome-linux64', 'chrome-linux'].map((dir) => join(cache, name, dir, 'chrome')));
}

function findChromium() {
  return [process.env.CHROME_PATH, '/usr/bin/chromium', ...playwrightChromiums()].find((p) => p && existsSync(p));
}

if (process.env.CHROME_PATH && !existsSync(process.env.CHROME_PATH)) {
  console.warn(`setup: CHROME_PATH=${process.env.CHROME_PATH} does not exist; looking elsewhere.`);
}

let chromium = findChromium();
if (!chromium && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('setup: installing Chromium (apt-get install chromium)…');
  if (run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'chromium'])) chromium = findChromium();
}
if (!chromium) {
  console.log('setup: installing Chromium (npx playwright install chromium)…');
  if (run('npx', ['--no-install', 'playwright', 'install', 'chromium'])) chromium = findChromium();
}
if (!chromium) {
  fail(
    1,
    'no Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; or `npx playwright install ' +
      'chromium`), or set CHROME_PATH to a Chromium executable. Google Chrome 137+ cannot be used: it ignores ' +
      '--load-extension, which the tests need.',
  );
}

const recorded = existsSync(chromiumPathFile) ? readFileSync(chromiumPathFile, 'utf8').trim() : undefined;
if (recorded !== chromium) {
  mkdirSync(dirname(chromiumPathFile), { recursive: true });
  writeFileSync(chromiumPathFile, `${chromium}\n`);
  console.log(`setup: using Chromium at ${chromium}`);
}

// --- Firefox (only with --firefox: the Firefox tests) -----------------------------------------------------
function findFirefox() {
  return [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));
}

if (wantsFirefox) {
  if (process.env.FIREFOX_PATH && !existsSync(process.env.FIREFOX_PATH)) {
    console.warn(`setup: FIREFOX_PATH=${process.env.FIREFOX_PATH} does not exist; looking elsewhere.`);
  }
  let firefox = findFirefox();
  if (!firefox && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('setup: installing Firefox ESR (apt-get install firefox-esr)…');
    if (run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'firefox-esr'])) firefox = findFirefox();
  }
  if (!firefox) {
    fail(
      4,
      'no Firefox found for the Firefox tests. Install Firefox ESR 140 or newer (Debian/Ubuntu: `sudo apt-get ' +
        'install firefox-esr`), or set FIREFOX_PATH to a Firefox executable (tested: ESR 153; the tests install the unsigned ' +
        'build as a temporary add-on through WebDriver BiDi, which needs no Developer Edition).',
    );
  }
  const recordedFirefox = existsSync(firefoxPathFile) ? readFileSync(firefoxPathFile, 'utf8').trim() : undefined;
  if (recordedFirefox !== firefox) {
    mkdirSync(dirname(firefoxPathFile), { recursive: true });
    writeFileSync(firefoxPathFile, `${firefox}\n`);
    console.log(`setup: using Firefox at ${firefox}`);
  }
}

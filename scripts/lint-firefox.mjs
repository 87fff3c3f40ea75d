// Lints the Firefox build (.output/firefox-mv2) with Mozilla's add-on linter (web-ext lint), as addons.mozilla.org
// does on upload: builds it first (`wxt build -b firefox`; pass --no-build to lint the build as it is), fails on
// any error, and fails on any warning that is not one of the justified ones below, each of which is in bundled
// third-party code, not in Switchboard's own.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = join(root, '.output', 'firefox-mv2');

/** Warnings accepted, by linter code and the bundle chunk they are in (chunk names carry a content hash). */
const JUSTIFIED_WARNINGS = [
  {
    code: 'DANGEROUS_EVAL',
    chunk: /^chunks\/offscreen-[\w-]+\.js$/,
    why: "amazon-connect-streams' and ChatJS's bundled lodash find the global object with Function('return this') only where globalThis is missing; the extension's CSP forbids eval anyway, so that path never runs",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    chunk: /^chunks\/offscreen-[\w-]+\.js$/,
    why: "the linter's no-unsanitized rule fails on streams' minified code ('Unexpected callable'): a crash of the rule, not an assignment it found",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    chunk: /^chunks\/_plugin-vue_export-helper-[\w-]+\.js$/,
    why: "Vue's runtime: its innerHTML prop path, used only by v-html",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    chunk: /^chunks\/ChatWorkspace-[\w-]+\.js$/,
    why: "DOMPurify's own parsing, and the chat message body's v-html, which only ever gets DOMPurify's output (lib/chat-rendering)",
  },
];

function run(command, args) {
  return spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

if (!process.argv.includes('--no-build')) {
  const build = run(process.execPath, [join(root, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build', '-b', 'firefox']);
  if (build.status !== 0) {
    console.error(`lint:firefox: wxt build -b firefox failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
    process.exit(2);
  }
}
if (!existsSync(join(buildDir, 'manifest.json'))) {
  console.error(`lint:firefox: no Firefox build at ${buildDir}`);
  process.exit(2);
}

const lint = run(process.execPath, [join(root, 'node_modules', 'web-ext', 'bin', 'web-ext.js'), 'lint', '--source-dir', buildDir, '--output', 'json', '--no-input']);
let report;
try {
  report = JSON.parse(lint.stdout);
} catch {
  console.error(`lint:firefox: web-ext lint gave no report (exit ${lint.status}):\n${lint.stdout}\n${lint.stderr}`);
  process.exit(2);
}

const describe = (message) => `  ${message.code} ${message.file ?? ''}${message.line ? `:${message.line}` : ''} ${message.message}`;
const justification = (message) => JUSTIFIED_WARNINGS.find((entry) => entry.code === message.code && entry.chunk.test(message.file ?? ''));
const unjustified = report.warnings.filter((message) => !justification(message));
const justified = report.warnings.length - unjustified.length;

for (const message of report.errors) console.error(`error:${describe(message)}`);
for (const message of unjustified) console.error(`warning (not justified in scripts/lint-firefox.mjs):${describe(message)}`);
for (const message of report.notices) console.log(`notice:${describe(message)}`);
console.log(
  `lint:firefox: ${report.errors.length} errors, ${report.warnings.length} warnings (${justified} justified in bundled libraries, ${unjustified.length} not), ${report.notices.length} notices`,
);
process.exit(report.errors.length > 0 || unjustified.length > 0 ? 1 : 0);

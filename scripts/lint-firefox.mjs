// Lints the Firefox build (.output/firefox-mv2) with Mozilla's add-on linter (web-ext lint), as addons.mozilla.org
// does on upload: builds it first (`wxt build -b firefox`; pass --no-build to lint the build as it is), fails on
// any error, and fails on any warning that is not one of the justified ones below (all in bundled third-party
// code, not in Switchboard's own).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = join(root, '.output', 'firefox-mv2');

/**
 * Warnings accepted, each recognised by the linter's code and what the bundle has where it points (not by chunk
 * name: chunks are renamed and regrouped as the code grows). All are in bundled third-party code.
 */
const JUSTIFIED_WARNINGS = [
  {
    code: 'DANGEROUS_EVAL',
    at: /Function\("return this"\)/,
    why: "lodash (inside amazon-connect-streams and ChatJS) finds the global object with Function('return this') only where neither self nor globalThis exists; never in a page, and the extension's CSP forbids it anyway",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: /Unexpected callable/,
    why: "the linter's no-unsanitized rule crashes on the AWS SDK and streams code in the engine chunk ('Unexpected callable'): a failure of the rule, not an assignment it found",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    at: /createDocument\([^)]*"template"[^)]*\)[\s\S]{0,40}documentElement\.innerHTML=/,
    why: 'DOMPurify parses untrusted HTML into an inert template document, which is how it sanitizes',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    at: /\.innerHTML=\w+\(\w+==="svg"\?`<svg>/,
    why: "Vue's runtime inserting a compiled template's static HTML (the extension's own templates)",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    at: /innerHTML:/,
    why: "a compiled v-html; each in the sources carries an eslint-disable for vue/no-v-html saying it only gets DOMPurify's output",
  },
];

/** The bundle's text around a warning's position (the bundles are minified: a line can be a whole file). */
function textAt(message) {
  if (!message.file || !message.line) return '';
  const path = join(buildDir, message.file);
  if (!existsSync(path)) return '';
  const line = readFileSync(path, 'utf8').split('\n')[message.line - 1] ?? '';
  const column = message.column ?? 0;
  return line.slice(Math.max(0, column - 120), column + 120);
}

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
const justification = (message) =>
  JUSTIFIED_WARNINGS.find(
    (entry) => entry.code === message.code && (!entry.message || entry.message.test(message.message)) && (!entry.at || entry.at.test(textAt(message))),
  );
const unjustified = report.warnings.filter((message) => !justification(message));
const justified = report.warnings.length - unjustified.length;

for (const message of report.errors) console.error(`error:${describe(message)}`);
for (const message of unjustified) console.error(`warning (not justified in scripts/lint-firefox.mjs):${describe(message)}`);
for (const message of report.notices) console.log(`notice:${describe(message)}`);
console.log(
  `lint:firefox: ${report.errors.length} errors, ${report.warnings.length} warnings (${justified} justified in bundled libraries, ${unjustified.length} not), ${report.notices.length} notices`,
);
process.exit(report.errors.length > 0 || unjustified.length > 0 ? 1 : 0);

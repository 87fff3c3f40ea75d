// Command-line and config-file options of the local contact center, validated into one object. Every
// mistake becomes a one-line message (CliError), never a stack trace.

import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_PORT } from './server/contact-center-server';

export class CliError extends Error {}

export interface CliOptions {
  host: string;
  port: number;
  /** Port of the demo CRM (http://localhost:<crmPort>); undefined = the server's default. */
  crmPort: number | undefined;
  dataDir: string;
  demoPassword: string | undefined;
  offerTimeoutSeconds: number | undefined;
  help: boolean;
}

export const DEMO_PASSWORD_ENV = 'SWITCHBOARD_DEMO_PASSWORD';

export const USAGE = `Usage: npm run contact-center -- [--port <port>] [--host <loopback address>] [--data <folder>]
                              [--crm-port <port>] [--demo-password <password>] [--config <file.json>]
  --port           TCP port (default ${DEFAULT_PORT}; 0 picks a free one)
  --crm-port       TCP port of the demo CRM, opened as http://localhost:<port> (default ${DEFAULT_PORT + 1}; 0 when --port is 0)
  --host           loopback address to listen on: 127.0.0.1 (default), ::1 or localhost
  --data           folder for the SQLite database (default: <repo>/.data/contact-center, else ~/.switchboard/contact-center)
  --demo-password  password of the demo agents when the instance is first created (default "switchboard";
                   also ${DEMO_PASSWORD_ENV})
  --config         JSON file with any of: host, port, crmPort, data, demoPassword, offerTimeoutSeconds`;

const CONFIG_KEYS = new Set(['host', 'port', 'crmPort', 'data', 'demoPassword', 'offerTimeoutSeconds']);

function parsePort(value: unknown, where: string): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 65535) throw new CliError(`${where}: port must be a whole number from 0 to 65535, not ${JSON.stringify(value)}`);
  return n;
}

function parseHost(value: unknown, where: string): string {
  if (typeof value !== 'string' || !['127.0.0.1', '::1', 'localhost'].includes(value)) {
    throw new CliError(`${where}: host must be a loopback address (127.0.0.1, ::1 or localhost), not ${JSON.stringify(value)}: the local contact center never listens on a network`);
  }
  return value;
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`Cannot read config file ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CliError(`Config file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CliError(`Config file ${path} must hold a JSON object`);
  for (const key of Object.keys(value)) {
    if (!CONFIG_KEYS.has(key)) throw new CliError(`Config file ${path}: unknown setting "${key}" (known: ${[...CONFIG_KEYS].join(', ')})`);
  }
  return value as Record<string, unknown>;
}

export function defaultDataDir(repoRoot: string | null): string {
  return repoRoot ? join(repoRoot, '.data', 'contact-center') : join(homedir(), '.switchboard', 'contact-center');
}

export function parseCliOptions(argv: string[], env: NodeJS.ProcessEnv, repoRoot: string | null): CliOptions {
  const flags = new Map<string, string>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const m = /^--(port|crm-port|host|data|demo-password|config)(?:=(.*))?$/.exec(arg);
    if (!m) throw new CliError(`Unknown option ${arg}. Run with --help for the options.`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new CliError(`Option --${m[1]} needs a value`);
    flags.set(m[1], value);
  }
  const file = flags.has('config') ? readConfigFile(resolve(flags.get('config') as string)) : {};
  const where = flags.has('config') ? `Config file ${flags.get('config')}` : 'Config';
  let offerTimeoutSeconds: number | undefined;
  if (file.offerTimeoutSeconds !== undefined) {
    const v = file.offerTimeoutSeconds;
    if (typeof v !== 'number' || !(v > 0) || v > 3600) throw new CliError(`${where}: offerTimeoutSeconds must be a number of seconds from 1 to 3600`);
    offerTimeoutSeconds = v;
  }
  if (file.data !== undefined && typeof file.data !== 'string') throw new CliError(`${where}: data must be a folder path`);
  if (file.demoPassword !== undefined && (typeof file.demoPassword !== 'string' || file.demoPassword === '')) throw new CliError(`${where}: demoPassword must be a non-empty string`);
  const demoPassword = flags.get('demo-password') ?? env[DEMO_PASSWORD_ENV] ?? (file.demoPassword as string | undefined);
  if (demoPassword === '') throw new CliError('The demo password must not be empty');
  return {
    host: flags.has('host') ? parseHost(flags.get('host'), '--host') : file.host !== undefined ? parseHost(file.host, where) : '127.0.0.1',
    port: flags.has('port') ? parsePort(flags.get('port'), '--port') : file.port !== undefined ? parsePort(file.port, where) : DEFAULT_PORT,
    crmPort: flags.has('crm-port') ? parsePort(flags.get('crm-port'), '--crm-port') : file.crmPort !== undefined ? parsePort(file.crmPort, where) : undefined,
    dataDir: resolve(flags.get('data') ?? (file.data as string | undefined) ?? defaultDataDir(repoRoot)),
    demoPassword,
    offerTimeoutSeconds,
    help,
  };
}

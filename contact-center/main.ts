// Entry point of the local contact center: `npm run contact-center -- --port <p> --data <dir>`.
// Prints one line per problem (port in use, unwritable data folder, bad config) and exits non-zero.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError, parseCliOptions, USAGE } from './cli-options';
import { PortInUseError, startContactCenter } from './server/contact-center-server';
import { DataDirError } from './store/database';

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));

async function main(): Promise<void> {
  const options = parseCliOptions(process.argv.slice(2), process.env, existsSync(join(repoRoot, 'package.json')) ? repoRoot : null);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const running = await startContactCenter({
    host: options.host,
    port: options.port,
    crmPort: options.crmPort,
    dataDir: options.dataDir,
    demoPassword: options.demoPassword,
    engine: options.offerTimeoutSeconds ? { offerTimeoutMs: options.offerTimeoutSeconds * 1000 } : undefined,
    log: (line) => console.log(`[contact-center] ${line}`),
  });
  console.log(`[contact-center] listening on ${running.url} (data: ${options.dataDir})`);
  console.log(`[contact-center] CCP: ${running.url}/ccp-v2/  ·  sign in: ${running.url}/connect/login  ·  API: ${running.url}/api/v1/agents`);
  console.log(`[contact-center] demo CRM: ${running.crmUrl}/ (its own origin, like a real CRM)`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof CliError || error instanceof PortInUseError || error instanceof DataDirError) {
    console.error(`contact-center: ${error.message}`);
  } else {
    console.error(`contact-center: could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});

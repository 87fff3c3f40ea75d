// `npm run bench`: every benchmark, printed as tables with their goals.

import { offerLatencyBench } from './offer-latency-bench';
import { routingBench } from './routing-bench';
import { printTable } from './stats';

async function main(): Promise<void> {
  routingBench(1000, 10_000, 5_000); // warm-up run (JIT), not reported
  printTable('Routing engine (1,000 agents, 10,000 waiting contacts, virtual clock)', routingBench());
  printTable('Offer latency through the contact center (200 signed-in agents)', await offerLatencyBench());
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});

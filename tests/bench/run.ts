// `npm run bench`: every benchmark, printed as tables with their goals.

import { clickToDialBench } from './click-to-dial-bench';
import { extensionBench } from './extension-bench';
import { offerLatencyBench } from './offer-latency-bench';
import { routingBench } from './routing-bench';
import { printTable } from './stats';

async function main(): Promise<void> {
  routingBench(1000, 10_000, 5_000); // warm-up run (JIT), not reported
  printTable('Routing engine (1,000 agents, 10,000 waiting contacts, virtual clock)', routingBench());
  printTable('Offer latency through the contact center (200 signed-in agents)', await offerLatencyBench());
  const extension = await extensionBench();
  printTable('Softphone extension: inbound offer to ringing in the side panel (Chromium, 1 agent, 50 calls)', extension.offerToRinging);
  printTable('Softphone extension: side panel open to interactive (20 opens)', extension.panelOpen);
  printTable('Softphone extension: service worker restart to session restored (stopped over CDP, 10 restarts)', extension.workerRestart);
  printTable('Click-to-dial: scanning a generated CRM page in Chromium (scanner + highlighter as in the content script)', await clickToDialBench());
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});

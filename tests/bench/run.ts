// `npm run bench`: every benchmark, printed as tables with their goals. `npm run bench -- click-to-dial` (or any
// of routing, offer-latency, chat-load, extension, chat-panel, task-panel, task-schedule, profiles-search, profile-painted, knowledge-search, workspace-live, firefox; CHAT_LOAD_SECONDS and CHAT_LOAD_CHATS size the chat load) runs only the benchmarks whose name is given.

import { chatLoadBench } from './chat-load-bench';
import { chatPanelBench } from './chat-panel-bench';
import { clickToDialBench } from './click-to-dial-bench';
import { extensionBench } from './extension-bench';
import { firefoxBench } from './firefox-bench';
import { knowledgeSearchBench } from './knowledge-search-bench';
import { offerLatencyBench } from './offer-latency-bench';
import { profilePaintedBench } from './profile-painted-bench';
import { searchProfilesBench } from './profiles-search-bench';
import { routingBench } from './routing-bench';
import { taskPanelBench } from './task-panel-bench';
import { taskScheduleBench } from './task-schedule-bench';
import { workspaceLiveBench } from './workspace-live-bench';
import { printTable } from './stats';

const BENCHES: Record<string, () => Promise<void>> = {
  routing: async () => {
    routingBench(1000, 10_000, 5_000); // warm-up run (JIT), not reported
    printTable('Routing engine (1,000 agents, 10,000 waiting contacts, virtual clock)', routingBench());
  },
  'offer-latency': async () => {
    printTable('Offer latency through the contact center (200 signed-in agents)', await offerLatencyBench());
  },
  'chat-load': async () => {
    const seconds = Number(process.env.CHAT_LOAD_SECONDS ?? 60);
    const chats = Number(process.env.CHAT_LOAD_CHATS ?? 1000);
    printTable(`Chat load: ${chats} concurrent chats, one customer message a second each, for ${seconds} s (participant sockets)`, await chatLoadBench(chats, seconds));
  },
  extension: async () => {
    const extension = await extensionBench();
    printTable('Softphone extension: inbound offer to ringing in the side panel (Chromium, 1 agent, 50 calls)', extension.offerToRinging);
    printTable('Softphone extension: side panel open to interactive (20 opens)', extension.panelOpen);
    printTable('Softphone extension: service worker restart to session restored (stopped over CDP, 10 restarts)', extension.workerRestart);
  },
  'chat-panel': async () => {
    const chat = await chatPanelBench();
    printTable('Chat in the side panel: customer message (SendMessage) to painted in the panel (Chromium, agent1, 1 chat, 200 messages)', chat.messageToPainted);
    printTable('Chat in the side panel: panel page JS heap (CDP, after GC; agent3, Support Tier 1)', chat.heap);
    printTable('Chat in the side panel: panel open to the shown chat painted, with 10 chats x 100 messages (20 opens)', chat.panelOpen);
  },
  'task-panel': async () => {
    printTable('Tasks in the side panel: StartTaskContact to the offer painted in the panel (Chromium, agent1, 50 tasks)', await taskPanelBench());
  },
  'task-schedule': async () => {
    printTable('Scheduled tasks: 1,000 tasks scheduled for the same second, 100 agents taking 10 tasks each (CCP sockets)', await taskScheduleBench());
  },
  'profiles-search': async () => {
    printTable('Customer Profiles: SearchProfiles over 100,000 profiles, 1,000 searches by phone, email, account and full name (SQLite file)', await searchProfilesBench());
  },
  'profile-painted': async () => {
    printTable('Workspace in the side panel: inbound call offered to the caller\'s profile painted (Chromium, agent1, Taro Suzuki, 50 calls)', await profilePaintedBench());
  },
  'workspace-live': async () => {
    printTable('Live workspace in the side panel: a customer line on a call to the line shown and to its article suggested (Chromium, agent1, 30 calls)', await workspaceLiveBench());
  },
  'knowledge-search': async () => {
    printTable('Knowledge base: search over 5,000 generated articles (English and Japanese, in memory; MiniSearch over our tokeniser)', await knowledgeSearchBench());
  },
  firefox: async () => {
    const firefox = await firefoxBench();
    printTable('Firefox: inbound offer to ringing in the sidebar page (firefox-esr headless, 1 agent, 20 calls)', firefox.offerToRinging);
    printTable('Firefox: sidebar page open to interactive (20 opens)', firefox.panelOpen);
    printTable('Firefox: click-to-dial scan of the generated CRM page', firefox.clickToDial);
    printTable('Firefox: where it was measured', firefox.load);
  },
  'click-to-dial': async () => {
    printTable('Click-to-dial: scanning a generated CRM page in Chromium (scanner + highlighter as in the content script)', await clickToDialBench());
  },
};

async function main(names: string[]): Promise<void> {
  const unknown = names.filter((name) => !(name in BENCHES));
  if (unknown.length) {
    console.error(`bench: unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  for (const [name, run] of Object.entries(BENCHES)) if (!names.length || names.includes(name)) await run();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});

// What every chat end-to-end spec starts from: a local contact center, agent1 (Emily, Basic profile: three chats)
// signed in to the built extension and Available, and the AWS SDK clients that start chats and play customers.
import { type AgentBrowser, startTestContactCenter, type TestContactCenter } from './softphone-fixture';
import { ensureStatus, launchAgent } from './softphone-steps';
import { SdkChatClients } from './sdk-chat-customer';

export interface ChatE2eWorld {
  cc: TestContactCenter;
  emily: AgentBrowser;
  sdk: SdkChatClients;
  stop(): Promise<void>;
}

export async function startChatE2eWorld(): Promise<ChatE2eWorld> {
  const cc = await startTestContactCenter();
  const emily = await launchAgent('agent1');
  await emily.signInQuickly(cc);
  await ensureStatus(cc, emily, 'Available');
  const sdk = new SdkChatClients(cc);
  return {
    cc,
    emily,
    sdk,
    async stop() {
      sdk.destroy();
      await emily.close();
      await cc.stop();
    },
  };
}

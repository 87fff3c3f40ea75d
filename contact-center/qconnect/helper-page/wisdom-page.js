// The /wisdom-v2 page's script: starts the Amazon Q in Connect relay (wisdom-relay.js) on the page.
import { startRelay } from './wisdom-relay.js';

startRelay(globalThis);

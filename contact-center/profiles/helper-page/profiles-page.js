// The /customerprofiles-v2 page's script: starts the Customer Profiles relay (profiles-relay.js) on the page.
import { startRelay } from './profiles-relay.js';

startRelay(globalThis);

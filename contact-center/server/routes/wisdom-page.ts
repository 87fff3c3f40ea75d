// `GET /wisdom-v2`: the helper page amazon-q-connectjs frames (hidden, as `<instance>/wisdom-v2/?theme=hidden_page`)
// and talks to by postMessage; here its scripts relay each request to /agent-app/api with the agent's session
// (contact-center/qconnect/helper-page). Served as every helper page is (helper-page-routes.ts); the relay also
// checks each message's source window.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HELPER_PAGE_CSP, helperPageRoutes } from './helper-page-routes';

export const WISDOM_PAGE_PATH = '/wisdom-v2';
/** The same rules as the Customer Profiles helper page's. */
export const WISDOM_PAGE_CSP = HELPER_PAGE_CSP;

export const wisdomPageRoutes = helperPageRoutes({
  path: WISDOM_PAGE_PATH,
  title: 'Amazon Q in Connect',
  folder: join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'qconnect', 'helper-page'),
  scripts: ['wisdom-page.js', 'wisdom-relay.js'],
});

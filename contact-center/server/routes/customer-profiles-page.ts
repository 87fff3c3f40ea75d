// `GET /customerprofiles-v2`: the helper page Amazon Connect's Customer Profiles client frames (hidden) on the
// instance and talks to by postMessage; here its scripts relay each call to /agent-app/api with the agent's
// session (contact-center/profiles/helper-page). Served as every helper page is (helper-page-routes.ts).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HELPER_PAGE_CSP, helperPageRoutes } from './helper-page-routes';

export const CUSTOMER_PROFILES_PAGE_PATH = '/customerprofiles-v2';
export const CUSTOMER_PROFILES_PAGE_CSP = HELPER_PAGE_CSP;

export const customerProfilesPageRoutes = helperPageRoutes({
  path: CUSTOMER_PROFILES_PAGE_PATH,
  title: 'Customer Profiles',
  folder: join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'profiles', 'helper-page'),
  scripts: ['profiles-page.js', 'profiles-relay.js'],
});

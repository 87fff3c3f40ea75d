// Where the bundled local contact center listens by default (`npm run contact-center`), offered as the
// contact-center URL on first sign-in so a demo or training session needs no typing.
export const DEFAULT_CONTACT_CENTER_URL = 'http://127.0.0.1:8790';

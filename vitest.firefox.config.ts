// Vitest configuration of the Firefox end-to-end tests (tests/firefox, `npm run test:firefox`): Node side, one
// file at a time (each starts a Firefox and a contact center), long timeouts for a browser on a busy machine.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    globalSetup: ['tests/firefox/support/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});

// Vitest setup for every test file: after each test, wait for the dynamic imports it started (the panel's lazy
// views: the workspace, its guide, knowledge and transcript panes) to settle, so none loads after the file's
// environment is torn down (an unhandled EnvironmentTeardownError that fails the run).
import { afterEach, vi } from 'vitest';

afterEach(async () => {
  await vi.dynamicImportSettled();
});

// Vitest configuration: unit tests (extension and contact center, Node environment) and Vue component tests
// (each component test file opts into happy-dom with `// @vitest-environment happy-dom`).
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  // WxtVitest() does not apply the Vite plugins WXT modules add (module-vue's), so .vue files need this here.
  plugins: [WxtVitest(), vue()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
    setupFiles: ['tests/support/vitest-settle-imports.ts'],
  },
});

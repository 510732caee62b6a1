import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // electron-store imports `electron`: processed by vitest, it gets the typed fake that the
    // electron/main wiring tests install with vi.mock (test/unit/electron-wiring).
    server: { deps: { inline: ['electron-store'] } },
  },
});

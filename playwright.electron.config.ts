import { defineConfig } from '@playwright/test';

// The desktop app under Playwright's Electron driver. Without an Electron binary the tests skip
// themselves with the reason, and the run still exits 0.
export default defineConfig({
  testDir: 'test/electron',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  reporter: [['list']],
  outputDir: 'test-results/electron',
});

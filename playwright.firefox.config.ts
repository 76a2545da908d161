import { defineConfig } from '@playwright/test';

// The Firefox e2e suite (e2e-firefox/): one Firefox for all of it, so one worker. Build first.
export default defineConfig({
  testDir: 'e2e-firefox',
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/playwright-firefox',
});

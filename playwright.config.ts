import { defineConfig } from '@playwright/test';

// Every test launches its own Chromium with the built extension (dist/chrome): build first.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/playwright',
});

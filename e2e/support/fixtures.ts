import { test as base, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Sift } from './sift.ts';
import { PageServer } from './server.ts';

export const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

export function shot(name: string): string {
  return resolve(SCREENSHOTS, `${name}.png`);
}

/** Each test gets its own Chromium profile with Sift loaded and its own page server. */
export const test = base.extend<{ sift: Sift; server: PageServer }>({
  server: async ({}, use) => {
    const server = await new PageServer().start();
    await use(server);
    await server.stop();
  },
  sift: async ({}, use) => {
    const sift = await Sift.launch();
    await use(sift);
    await sift.close();
  },
});

export { expect };

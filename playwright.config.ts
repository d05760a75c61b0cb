// End-to-end journeys on the built app (`vite preview` with the mock API), one shared build.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromeFlags, findChrome } from './scripts/chrome.mjs';

const port = Number(process.env.E2E_PORT ?? 4179);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60000, // the kiosk journeys load their code on demand; a loaded 2-core machine needs the room
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChrome(), args: chromeFlags },
    viewport: { width: 1080, height: 1920 },
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      command: `node scripts/serve.mjs preview --port ${port}`,
      url: `http://127.0.0.1:${port}/api/v1/health`,
      reuseExistingServer: false,
      // A fresh event log for every run: the mock back end starts empty.
      env: { ONELICENCE_DATA_DIR: join(tmpdir(), `onelicence-e2e-${port}-${Date.now()}`) },
      timeout: 60000,
    },
    {
      // The same build under Beijing Dongcheng's rule (seed 004): losing an item voids the licence.
      command: `node scripts/serve.mjs preview --port ${port + 1}`,
      url: `http://127.0.0.1:${port + 1}/api/v1/health`,
      reuseExistingServer: false,
      env: { ONELICENCE_DATA_DIR: join(tmpdir(), `onelicence-e2e-${port + 1}-${Date.now()}`), ONELICENCE_VOID_ON_ITEM_LOSS: '1' },
      timeout: 60000,
    },
  ],
});

// Component tests in real Chromium (@web/test-runner). Listens on 127.0.0.2 only:
// 'localhost' or '127.0.0.1' would make it listen on every interface.
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromeFlags, findChrome } from './scripts/chrome.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';

export default {
  files: ['tests/components/**/*.test.ts'],
  nodeResolve: true,
  hostname: '127.0.0.2',
  // WTR_PORT lets two checkouts (git worktrees) run their tests side by side.
  port: Number(process.env.WTR_PORT ?? 8765),
  concurrency: 2,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
  testsFinishTimeout: 240000,
  plugins: [esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findChrome(), args: chromeFlags },
    }),
  ],
  testFramework: { config: { timeout: 20000 } },
};

// Component tests in real Chromium (@web/test-runner). Listens on 127.0.0.2 only:
// 'localhost' or '127.0.0.1' would make it listen on every interface.
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromeFlags, findChrome } from './scripts/chrome.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { writeFakeCamera } from './scripts/fake-camera.mjs';

// The camera tests (the scanner's and <one-verifier>'s) film a QR code: their own group, whose Chromium's fake camera plays
// this file (run it alone with `--group camera`). Groups run even when files are named on the
// command line, so the group is left out when other test files are named there.
const fakeCameraFile = writeFakeCamera();
const CAMERA_TESTS = 'tests/components/*-camera.test.ts';
const namedFiles = process.argv.slice(2).filter((a) => /\.test\.ts$|\*/.test(a));
const cameraGroup = namedFiles.length === 0 || process.argv.includes('--group');

export default {
  files: ['tests/components/**/*.test.ts', `!${CAMERA_TESTS}`],
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
  groups: cameraGroup ? [
    {
      name: 'camera',
      files: [CAMERA_TESTS],
      browsers: [
        playwrightLauncher({
          product: 'chromium',
          launchOptions: { executablePath: findChrome(), args: [...chromeFlags, `--use-file-for-fake-video-capture=${fakeCameraFile}`] },
        }),
      ],
    },
  ] : [],
  // Correctness only (speed is in `npm run bench`): decoding a photographed code in a worker on a
  // loaded 2-core machine took more than 20 s once; 60 s as for the Playwright journeys.
  testFramework: { config: { timeout: 60000 } },
};

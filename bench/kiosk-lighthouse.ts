/**
 * Lighthouse (performance and accessibility) on the built kiosk, served by the Node host on
 * loopback, in the system's Chromium (Debian's on these machines; CHROME_PATH elsewhere), at the
 * kiosk's own screen: 1080×1920 portrait, touch, no mobile throttling of the CPU (a kiosk is a
 * desktop-class machine on the hall's network) but Lighthouse's simulated network.
 *
 * Runs the attract screen (what the kiosk opens on) `RUNS` times and reports the medians. The
 * build is made first (vite build), so the numbers are for the code as it is now.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServer, LOOPBACK } from '../scripts/serve-lib.js';
import { chromeFlags, findChrome } from '../scripts/chrome.mjs';

const RUNS = 3;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export interface LighthouseFigures {
  runs: number;
  url: string;
  chrome: string;
  /** Category scores, 0–100 (medians). */
  performance: number;
  accessibility: number;
  /** Milliseconds (medians). */
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  /** The accessibility audits that failed in any run (expected: none). */
  accessibilityFailures: string[];
}

export async function benchKioskLighthouse(): Promise<LighthouseFigures> {
  // The pages and the widget (the widget's build writes into dist/widget, which the first empties).
  await build({ logLevel: 'warn' });
  await build({ configFile: 'vite.widget.config.ts', logLevel: 'warn' });
  const dataDir = mkdtempSync(join(tmpdir(), 'onelicence-lighthouse-'));
  process.env.ONELICENCE_DATA_DIR = dataDir;
  const server = await startServer({ mode: 'preview', lan: false, host: LOOPBACK }, { log: () => {} });
  const chromePath = findChrome();
  // Lighthouse drives Chromium itself: the flags that work here, without the fake camera ones.
  const flags = chromeFlags.filter((f) => !f.startsWith('--use-fake'));
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: flags });
  const url = `http://${LOOPBACK}:${server.port}/`;
  const results: NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'][] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const run = await lighthouse(
        url,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
        {
          extends: 'lighthouse:default',
          settings: {
            formFactor: 'desktop',
            screenEmulation: { mobile: false, width: 1080, height: 1920, deviceScaleFactor: 1, disabled: false },
            throttling: { rttMs: 40, throughputKbps: 10 * 1024, cpuSlowdownMultiplier: 1, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 },
          },
        },
      );
      if (!run) throw new Error('Lighthouse returned no result');
      results.push(run.lhr);
    }
  } finally {
    await chrome.kill();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const score = (id: string) => median(results.map((r) => Math.round((r.categories[id]?.score ?? 0) * 100)));
  const metric = (id: string) => median(results.map((r) => r.audits[id]?.numericValue ?? Number.NaN));
  const failures = new Set<string>();
  for (const r of results) {
    for (const ref of r.categories['accessibility']?.auditRefs ?? []) {
      const audit = r.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failures.add(ref.id);
    }
  }
  return {
    runs: RUNS,
    url: '/ (attract screen)',
    chrome: chromePath,
    performance: score('performance'),
    accessibility: score('accessibility'),
    firstContentfulPaintMs: Math.round(metric('first-contentful-paint')),
    largestContentfulPaintMs: Math.round(metric('largest-contentful-paint')),
    totalBlockingTimeMs: Math.round(metric('total-blocking-time')),
    cumulativeLayoutShift: Number(metric('cumulative-layout-shift').toFixed(3)),
    accessibilityFailures: [...failures].sort(),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchKioskLighthouse());

// Finds a Chromium to drive: CHROME_PATH, then the system's browsers, then Playwright's own
// download (if a developer has one). Tools on these machines cannot download browsers.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const chromeFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // A fake camera that needs no permission prompt: the kiosk's photo capture is tested for real.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

export function findChrome() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ];
  for (const path of candidates) if (path && existsSync(path)) return path;
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // no Playwright browser either
  }
  throw new Error(
    'No Chromium found. Install one (Debian: apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium binary.',
  );
}

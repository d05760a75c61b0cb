/**
 * `npm run bench`: speed and size, measured (medians, percentiles, ratios), never asserted.
 * Prints a table and writes bench/results.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { benchSearch } from './search.js';
import { benchScopeMatch } from './scope-match.js';
import { benchCredential } from './credential.js';
import { benchRules } from './rules.js';
import { benchFormMerge } from './form-merge.js';
import { benchMockApi } from './mock-api.js';
import { bundleSize, gzipBytes } from './bundle-size.js';
import { widgetSizes } from './widget-size.js';
import { benchDecoder, decoderTable } from './decoder.js';
import { benchKioskLighthouse } from './kiosk-lighthouse.js';
import { benchKioskPwa } from './kiosk-pwa.js';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };

  console.log('search (per keystroke, full index)…');
  results.search = await benchSearch();

  console.log('industry suggestions from a business licence (every demo enterprise)…');
  results.scopeMatch = benchScopeMatch();

  console.log('licence credential (reference licence)…');
  results.credential = await benchCredential();
  console.log('questionnaire and notice (per scenario)…');
  results.rules = benchRules();
  console.log('one form: fields per scenario, separate forms vs the one form vs asked…');
  results.formMerge = benchFormMerge();

  console.log('mock back end (Node host, log on disk)…');
  results.mockApi = await benchMockApi();

  console.log('QR decoder (zxing black-box images, four rotations)…');
  results.decoder = benchDecoder();

  console.log('Lighthouse on the built kiosk (performance, accessibility; 3 runs)…');
  results.kioskLighthouse = await benchKioskLighthouse();

  console.log('sizes…');
  const navigator = await bundleSize('src/components/industry-navigator/industry-navigator.ts');
  const kiosk = await bundleSize('src/kiosk/main.ts');
  // The scanner as <one-verifier> loads it (import('./scanner/index.js')) and its worker.
  const scanner = await bundleSize('src/components/verifier/scanner/index.ts');
  const scannerWorker = await bundleSize('src/components/verifier/scanner/decode.worker.ts');
  const widget = await widgetSizes();
  const catalogue = readFileSync('src/data/generated/catalogue.pudong.json');
  const index = readFileSync('src/data/generated/search-index.pudong.json');
  results.sizes = {
    navigatorJs: navigator,
    kioskJs: kiosk,
    // the one form, its controls and the receipt, loaded when someone applies
    kioskOnDemandJs: kiosk.lazy,
    scannerJs: { raw: scanner.raw, gzip: scanner.gzip },
    scannerWorkerJs: { raw: scannerWorker.raw, gzip: scannerWorker.gzip },
    // zxing on the main thread, loaded only where the worker cannot start
    scannerMainThreadFallbackJs: scanner.lazy,
    // <one-verifier> as a page loads it: until usable, with the scanner, and after a scanned verdict
    verifierUsableJs: widget.usable,
    verifierWithScannerJs: widget.withScanner,
    verifierScannedAndVerifiedJs: widget.scannedAndVerified,
    catalogueJson: { raw: catalogue.length, gzip: gzipBytes(catalogue) },
    searchIndexJson: { raw: index.length, gzip: gzipBytes(index) },
  };

  console.log('kiosk PWA (precache of dist/sw.js, installability through the DevTools protocol)…');
  results.kioskPwa = (await benchKioskPwa()) ?? 'no build in dist/: run npm run build first';

  const s = results.search as Record<string, number>;
  console.log('\n| measure | value |\n|---|---|');
  for (const [k, v] of Object.entries(s)) console.log(`| search ${k} | ${typeof v === 'number' ? (Number.isInteger(v) ? v : v.toFixed(3)) : JSON.stringify(v)} |`);
  for (const [k, v] of Object.entries(results.scopeMatch as Record<string, number>)) console.log(`| scope match ${k} | ${Number.isInteger(v) ? v : v.toFixed(3)} |`);
  for (const [k, v] of Object.entries(results.credential as Record<string, number | string>)) {
    console.log(`| credential: ${k} | ${typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : v} |`);
  }
  for (const [k, v] of Object.entries(results.rules as Record<string, number>)) console.log(`| questionnaire+notice ${k} | ${v} |`);
  for (const [k, v] of Object.entries(results.formMerge as Record<string, number>)) console.log(`| one form ${k} | ${Number.isInteger(v) ? v : v.toFixed(3)} |`);
  for (const [k, v] of Object.entries(results.mockApi as Record<string, number>)) console.log(`| mock API ${k} | ${Number.isInteger(v) ? v : v.toFixed(2)} |`);
  for (const [k, v] of Object.entries(results.sizes as Record<string, { raw: number; gzip: number }>)) {
    console.log(`| ${k} | ${kb(v.gzip)} gzip (${kb(v.raw)} raw) |`);
  }
  for (const [k, v] of Object.entries(results.kioskLighthouse as Record<string, unknown>)) console.log(`| kiosk Lighthouse ${k} | ${Array.isArray(v) ? v.join(', ') || 'none' : v} |`);
  console.log(`| kiosk PWA | ${JSON.stringify(results.kioskPwa)} |`);
  if (results.decoder) console.log(`\n${decoderTable(results.decoder as NonNullable<ReturnType<typeof benchDecoder>>)}`);
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
}

await main();

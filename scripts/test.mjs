// `npm test`: every check the project has, in order, on one shared build; ends with a clear
// count. Stages: generate data → lint (eslint + lit-analyzer) → type-check → unit tests
// (vitest, Node) → build (the app and the widget; + custom-elements manifest and docs) → component tests
// (@web/test-runner, Chromium) → end-to-end tests (Playwright, built app).
// A failing stage does not stop the later ones (unless they depend on it), so one run shows
// everything that is wrong.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChrome } from './chrome.mjs';

const bin = (name) => `node_modules/.bin/${name}`;
const results = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(127));
  });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

async function stage(name, cmd, args, counts) {
  const started = Date.now();
  console.log(`\n━━ ${name} ━━ ${[cmd, ...args].join(' ')}`);
  const code = await run(cmd, args);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const c = counts?.();
  if (c) {
    passed += c.passed;
    failed += c.failed;
    skipped += c.skipped ?? 0;
    // A runner that exits non-zero with no failed test (crash, no tests, config error) is a failure.
    if (code !== 0 && c.failed === 0) failed += 1;
    if (c.passed + c.failed === 0) failed += 1;
  } else if (code === 0) passed += 1;
  else failed += 1;
  const detail = c ? `${c.passed} passed, ${c.failed} failed` : code === 0 ? 'ok' : 'failed';
  results.push({ name, ok: code === 0, detail, seconds });
  return code === 0;
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

try {
  findChrome();
} catch (e) {
  console.error(`\n${e.message}\n`);
  process.exit(1);
}

const generated = await stage('generate data', bin('tsx'), ['scripts/gen-data.ts']);
await stage('lint', 'npm', ['run', '--silent', 'lint']);
if (generated) await stage('type-check', bin('tsc'), ['--noEmit', '-p', '.']);

await stage('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'], () => {
  const r = readJson('test-results/unit.json');
  return r ? { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests } : { passed: 0, failed: 1 };
});

// The app, then the self-hosted widget (dist/widget/, which the end-to-end tests embed).
const built =
  generated &&
  (await stage('build', 'sh', ['-c', `${bin('vite')} build --logLevel warn && ${bin('vite')} build -c vite.widget.config.ts --logLevel warn`]));
await stage('custom-elements.json and docs/components up to date', 'sh', [
  '-c',
  `${bin('cem')} analyze --config custom-elements-manifest.config.mjs --quiet && ${bin('tsx')} scripts/gen-docs.ts --check`,
]);

await stage('component tests (web-test-runner, Chromium)', bin('web-test-runner'), [], () => {
  const r = readJson('test-results/components.json');
  return r ? { passed: r.passed, failed: r.failed, skipped: r.skipped } : { passed: 0, failed: 1 };
});

if (built && existsSync('dist/index.html')) {
  await stage('end-to-end tests (Playwright, built app)', bin('playwright'), ['test'], () => {
    const r = readJson('test-results/e2e.json');
    return r ? { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped } : { passed: 0, failed: 1 };
  });
} else {
  results.push({ name: 'end-to-end tests (Playwright, built app)', ok: false, detail: 'not run: the build failed', seconds: '0' });
  failed += 1;
}

console.log('\n━━ summary ━━');
for (const r of results) console.log(`${r.ok ? '✔' : '✘'} ${r.name.padEnd(48)} ${r.detail.padEnd(24)} ${r.seconds}s`);
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && results.every((r) => r.ok) ? 0 : 1);

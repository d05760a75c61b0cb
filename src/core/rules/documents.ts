/**
 * Sample documents (文书样本, seed 003) for a notice or a guide: the integrated commitment letter
 * (行业集成的告知承诺书, seed 002) naming exactly the permits, conditions and documents the
 * applicant commits to, and the management-rules templates (管理制度) of the management
 * conditions that apply. The texts come from the catalogue (`documents.json`); this module only
 * picks and fills them, so no document text ships in a component bundle. Pure: no DOM.
 */
import type { Catalogue, ConditionCategory, DocumentTemplate, Language, Text } from '../catalogue/types.js';
import type { Notice } from './notice.js';

/** What the documents need from the catalogue the notice was built with. */
export type DocumentCatalogue = Pick<Catalogue, 'version' | 'documents' | 'permits'>;

/** Values of the header lines, by information element id (e.g. `entity.name`); never the signatures. */
export type Applicant = Readonly<Partial<Record<string, string>>>;

export interface DocumentList {
  /** A group title (a condition category), when the list is grouped. */
  title?: string;
  items: string[];
}

export interface DocumentSection {
  heading?: string;
  paragraphs: string[];
  /** What the notice put in: its permits, their conditions, the documents a commitment replaces. */
  lists: DocumentList[];
}

/** A document filled in for one notice, in one language. */
export interface SampleDocument {
  id: string;
  kind: DocumentTemplate['kind'];
  title: string;
  /** The title as printed on it (marked as a sample). */
  heading: string;
  version: string;
  /** The text's version and the catalogue version of the notice, so it can be reproduced. */
  versionLine: string;
  /** The header lines: the label, the applicant's value ('' when unknown) and the line as printed (a blank to fill in when unknown). */
  fields: { element: string; label: string; value: string; line: string }[];
  sections: DocumentSection[];
  /** Signature lines (签字/盖章, 日期): always blank. */
  signature: string[];
  note: string;
  /** A safe file name: the title and the version, `.txt`. */
  filename: string;
}

/** The blank a form leaves to fill in by hand. */
export const BLANK = '________________';

const fill = (template: string, values: Readonly<Record<string, string>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** A file name no file system refuses: no path or reserved characters, no controls, not too long. */
export function safeFilename(name: string, extension: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '')
    .replace(/\s+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 80);
  return `${cleaned || 'document'}.${extension}`;
}

interface Scope {
  /** The permits it covers, in notice order. */
  permits: string[];
  /** The notice's conditions it covers, by group, each with those of its permits in scope. */
  conditions: { category: ConditionCategory; items: { text: Text; permits: string[] }[] }[];
}

/**
 * What a document covers in a notice. The commitment letter: the permits with a document a
 * commitment replaces, and all their conditions. A management-rules template: the management
 * conditions it serves that the notice has, and the permits of those and of the documents it serves.
 */
function scope(catalogue: DocumentCatalogue, notice: Notice, template: DocumentTemplate): Scope {
  let inScope: (permit: string, text: Text) => boolean;
  const permits = new Set<string>();
  if (template.kind === 'commitment') {
    for (const m of notice.materials) if (m.commitmentAllowed) m.permits.forEach((p) => permits.add(p));
    inScope = (permit) => permits.has(permit);
  } else {
    const keys = new Set<string>();
    for (const ref of template.serves ?? []) {
      if ('condition' in ref) {
        const text = catalogue.permits.find((p) => p.id === ref.permit)?.conditions.find((c) => c.id === ref.condition)?.text;
        if (text) keys.add(`${ref.permit}|${text['zh-CN']}`);
      } else if (notice.materials.some((m) => m.id === ref.material && m.permits.includes(ref.permit))) permits.add(ref.permit);
    }
    inScope = (permit, text) => keys.has(`${permit}|${text['zh-CN']}`);
  }
  const conditions = notice.conditions
    .map((g) => ({
      category: g.category,
      items: g.items.map((c) => ({ text: c.text, permits: c.permits.filter((p) => inScope(p, c.text)) })).filter((c) => c.permits.length),
    }))
    .filter((g) => g.items.length);
  for (const g of conditions) for (const c of g.items) c.permits.forEach((p) => permits.add(p));
  return { permits: notice.permits.filter((p) => permits.has(p.id)).map((p) => p.id), conditions };
}

/**
 * The sample documents that apply to a notice (or a guide), in catalogue order: the commitment
 * letter when a commitment may replace some document, each management-rules template when the
 * notice has a condition or a document it serves. Throws for a notice of another catalogue version.
 */
export function applicableDocuments(catalogue: DocumentCatalogue, notice: Notice): DocumentTemplate[] {
  if (notice.catalogueVersion !== catalogue.version) {
    throw new Error(`the notice was made with catalogue ${notice.catalogueVersion}, not ${catalogue.version}`);
  }
  return catalogue.documents.templates.filter((t) => scope(catalogue, notice, t).permits.length);
}

/**
 * One sample document filled in for `notice` in `language`, or undefined when it does not apply
 * (or does not exist). `applicant` fills the header lines it knows; signatures stay blank.
 */
export function sampleDocument(
  catalogue: DocumentCatalogue,
  notice: Notice,
  id: string,
  language: Language,
  applicant: Applicant = {},
): SampleDocument | undefined {
  const template = applicableDocuments(catalogue, notice).find((t) => t.id === id);
  if (!template) return undefined;
  const { common } = catalogue.documents;
  const tx = (text: Text) => text[language];
  const permit = (id: string) => notice.permits.find((x) => x.id === id)!;
  const list = (ids: readonly string[]) => ids.map((p) => tx(permit(p).name)).join(tx(common.separator));
  const { permits, conditions } = scope(catalogue, notice, template);
  const inserts: Record<'permits' | 'conditions' | 'materials', () => DocumentList[]> = {
    permits: () => [{ items: permits.map((p) => fill(tx(common.permitItem), { permit: tx(permit(p).name), department: tx(permit(p).departmentName) })) }],
    conditions: () =>
      conditions.map((g) => ({
        title: tx(common.categories[g.category]),
        items: g.items.map((c) => fill(tx(common.conditionItem), { condition: tx(c.text), permits: list(c.permits) })),
      })),
    materials: () => [
      {
        items: notice.materials
          .filter((m) => m.commitmentAllowed)
          .map((m) => fill(tx(common.materialItem), { material: tx(m.name), permits: list(m.permits) })),
      },
    ],
  };

  const title = tx(template.title);
  return {
    id: template.id,
    kind: template.kind,
    title,
    heading: fill(tx(common.titleLine), { title }),
    version: template.version,
    versionLine: fill(tx(common.versionLine), { version: template.version, catalogue: notice.catalogueVersion }),
    fields: template.fields.map((f) => {
      const value = applicant[f.element]?.trim() ?? '';
      return { element: f.element, label: tx(f.label), value, line: fill(tx(common.fieldLine), { label: tx(f.label), value: value || BLANK }) };
    }),
    sections: template.sections.map((s) => ({
      ...(s.heading ? { heading: tx(s.heading) } : {}),
      paragraphs: s.paragraphs.map(tx),
      lists: s.insert ? inserts[s.insert]().filter((l) => l.items.length) : [],
    })),
    signature: template.signature.map(tx),
    note: tx(common.referenceNote),
    filename: safeFilename(`${title}-${template.version}`, 'txt'),
  };
}

/** A signature line that ends in a colon is followed by a blank to sign on; a date line has its own. */
export const needsBlank = (line: string): boolean => /[:：]$/.test(line);
const blankAfter = (line: string) => (needsBlank(line) ? `${line}${line.endsWith(':') ? ' ' : ''}${BLANK}` : line);

/** A sample document as plain text ('\n' line ends), as it is downloaded and printed. */
export function formatDocument(doc: SampleDocument, language: Language): string {
  // Chinese paragraphs open with two ideographic spaces; English ones do not.
  const indent = language === 'en' ? '' : '\u3000\u3000';
  const lines: string[] = [doc.heading, doc.versionLine, '', ...doc.fields.map((f) => f.line)];
  for (const s of doc.sections) {
    lines.push('');
    if (s.heading) lines.push(s.heading);
    for (const p of s.paragraphs) lines.push(indent + p);
    for (const l of s.lists) {
      if (l.title) lines.push(`${indent}${l.title}`);
      l.items.forEach((item, i) => lines.push(`${indent}${l.title ? '  ' : ''}${i + 1}. ${item}`));
    }
  }
  lines.push('');
  for (const line of doc.signature) lines.push(blankAfter(line), '');
  lines.push(doc.note);
  return `${lines.join('\n')}\n`;
}

/**
 * The text of one sample document for `notice`: what the download holds. Undefined when the
 * document does not apply to the notice. Throws when the notice was built with another catalogue.
 */
export function documentText(
  catalogue: DocumentCatalogue,
  notice: Notice,
  id: string,
  language: Language,
  applicant?: Applicant,
): string | undefined {
  const doc = sampleDocument(catalogue, notice, id, language, applicant);
  return doc && formatDocument(doc, language);
}

// The strings of <one-material-input> and <one-commitment> (namespace `form`, their own files):
// every language has every key with the same placeholders, zh-TW is generated, and every key
// the components use exists — literal `msg('…')` keys and the ones built from codes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, createI18n, onMissingKey } from '../../src/i18n/index.js';
import { FORM_NS, addMaterialsResources, materialsResources } from '../../src/components/form/materials-i18n.js';
import { COMMITMENT_PROBLEMS } from '../../src/components/form/material-types.js';
import { ID_TYPES } from '../../src/core/form/identity.js';
import { root } from './helpers/data.js';

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
};
const flat = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(materialsResources[l] as Tree)]));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();
const FILES = ['material-input.component.ts', 'commitment.component.ts'].map((f) => join(root, 'src/components/form', f));

/** Keys the components build from codes, not written out. */
const BUILT = [
  ...['upload', 'camera', 'commitment', 'later'].flatMap((m) => [`materials.modes.${m}`, `materials.modeHints.${m}`]),
  ...['original', 'copy', 'electronic', 'original-and-copy'].map((f) => `materials.forms.${f}`),
  ...['materialMissing', 'materialUploading'].map((p) => `materials.problems.${p}`),
  ...['unsupported', 'denied', 'notFound', 'busy', 'failed'].map((p) => `materials.camera.errors.${p}`),
  ...COMMITMENT_PROBLEMS.map((p) => `materials.commitment.problems.${p}`),
  ...ID_TYPES.map((t) => `materials.commitment.formats.${t}`),
  ...['legalRep', 'contact'].map((r) => `materials.commitment.roles.${r}`),
];

describe('the materials strings (namespace form)', () => {
  it.each(LANGUAGES)('%s has exactly the keys of zh-CN, none empty, same placeholders', (lng) => {
    const base = flat['zh-CN']!;
    const other = flat[lng]!;
    expect([...other.keys()].sort()).toEqual([...base.keys()].sort());
    for (const [key, value] of other) {
      expect(value.trim(), `${lng}:${key}`).not.toBe('');
      expect(placeholders(value), `${lng}:${key}`).toEqual(placeholders(base.get(key)!));
    }
  });

  it('generates Traditional Chinese from zh-CN', () => {
    expect(flat['zh-TW']!.get('materials.commitment.title')).toBe('告知承諾書');
    const differing = [...flat['zh-TW']!].filter(([k, v]) => v !== flat['zh-CN']!.get(k)).length;
    expect(differing / flat['zh-TW']!.size).toBeGreaterThan(0.5);
  });

  it('English spells the noun "licence"', () => {
    for (const [key, value] of flat.en!) expect(value, key).not.toMatch(/\blicense\b/i);
  });

  it('every key the components use exists', () => {
    const used = new Set(BUILT);
    for (const file of FILES) for (const m of readFileSync(file, 'utf8').matchAll(/\bmsg\(\s*'([\w.-]+)'/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(60);
    for (const lng of LANGUAGES) expect([...used].filter((k) => !flat[lng]!.has(k)), lng).toEqual([]);
  });

  it('merges into the form namespace without replacing what is there', () => {
    const i18n = createI18n('en');
    i18n.addResourceBundle('en', FORM_NS, { steps: { title: 'One form' } });
    addMaterialsResources(i18n);
    addMaterialsResources(i18n);
    const missing: string[] = [];
    const off = onMissingKey((_l, key) => missing.push(key));
    expect(i18n.t('steps.title', { ns: FORM_NS })).toBe('One form');
    expect(i18n.t('materials.commitment.title', { ns: FORM_NS })).toBe('Commitment letter');
    off();
    expect(missing).toEqual([]);
  });
});

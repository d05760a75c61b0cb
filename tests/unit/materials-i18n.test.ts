// The keys <one-material-input> and <one-commitment> build from codes (never written out, so the
// literal-key check of tests/unit/i18n.test.ts cannot see them) exist in every language of the
// form's namespace.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/i18n/index.js';
import { formResources } from '../../src/components/form/locales.js';
import { COMMITMENT_PROBLEMS } from '../../src/components/form/material-types.js';
import { ID_TYPES } from '../../src/core/form/id-number.js';

type Tree = { [key: string]: string | Tree };
const has = (tree: Tree, key: string): boolean => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' && node.trim() !== '';
};

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

describe('the keys the material and commitment controls build from codes', () => {
  it.each(LANGUAGES)('exist in %s', (lng) => {
    expect(BUILT.filter((k) => !has(formResources[lng] as Tree, k))).toEqual([]);
  });

  it('zh-TW is generated from zh-CN', () => {
    expect((formResources['zh-TW'] as unknown as { materials: { commitment: { title: string } } }).materials.commitment.title).toBe('告知承諾書');
  });
});

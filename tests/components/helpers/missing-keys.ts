/**
 * Fails a component test when any translation key was missing while it ran, and puts the page
 * back as it was (zh-CN, screen media, no theme). Call in `beforeEach` / `afterEach`.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { sharedI18n, onMissingKey } from '../../../src/i18n/index.js';

const missing: string[] = [];
let off: () => void = () => {};

export function watchMissingKeys(): void {
  missing.length = 0;
  off = onMissingKey((lng, key) => missing.push(`${lng}:${key}`));
}

export async function checkMissingKeysAndReset(): Promise<void> {
  off();
  expect(missing, 'missing translation keys').to.deep.equal([]);
  await sharedI18n().changeLanguage('zh-CN');
  await emulateMedia({ media: 'screen' });
  document.documentElement.removeAttribute('data-theme');
  document.adoptedStyleSheets = [];
}

// The catalogue the search tests and the search benchmark run on: the generated Pudong
// catalogue (`npm run gen`), so the figures describe the data that ships.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchableCatalogue } from '../../../src/core/catalogue/search-build.js';
import { generatedCatalogue, root } from './data.js';

export const GENERATED_CATALOGUE = 'src/data/generated/catalogue.pudong.json';

export function searchCatalogue(): SearchableCatalogue {
  if (!existsSync(join(root, GENERATED_CATALOGUE))) {
    throw new Error(`${GENERATED_CATALOGUE} is missing: run \`npm run gen\` first`);
  }
  return generatedCatalogue('pudong');
}

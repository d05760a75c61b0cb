// The published JSON Schema of the catalogue files (docs/catalogue.schema.json), derived from
// the zod schema so the two can never disagree.
import { z } from 'zod';
import { catalogueFiles } from '../src/core/catalogue/schema.js';

export function catalogueJsonSchema(): string {
  const files = Object.fromEntries(Object.entries(catalogueFiles).map(([name, schema]) => [name, z.toJSONSchema(schema, { target: 'draft-2020-12' })]));
  return `${JSON.stringify({ $comment: 'Generated from src/core/catalogue/schema.ts by npm run gen. One schema per catalogue file.', files }, null, 2)}\n`;
}

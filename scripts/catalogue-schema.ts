// The published JSON Schema of the catalogue files (docs/catalogue.schema.json), derived from
// the zod schema so the two can never disagree.
import { z } from 'zod';
import { catalogueFiles } from '../src/core/catalogue/schema.js';
import { INDUSTRY_QUESTIONNAIRE_DIR, questionnaire, questionnaireFiles } from '../src/core/rules/schema.js';

export function catalogueJsonSchema(): string {
  const files = Object.fromEntries(Object.entries(catalogueFiles).map(([name, schema]) => [name, z.toJSONSchema(schema, { target: 'draft-2020-12' })]));
  return `${JSON.stringify({ $comment: 'Generated from src/core/catalogue/schema.ts by npm run gen. One schema per catalogue file.', files }, null, 2)}\n`;
}

/** The published JSON Schema of the questionnaire files (docs/questionnaire.schema.json). */
export function questionnaireJsonSchema(): string {
  const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'draft-2020-12' });
  const files = {
    ...Object.fromEntries(Object.entries(questionnaireFiles).map(([name, s]) => [name, schema(s)])),
    [`${INDUSTRY_QUESTIONNAIRE_DIR}/<industry id>.json`]: schema(questionnaire),
  };
  return `${JSON.stringify({ $comment: 'Generated from src/core/rules/schema.ts by npm run gen. One schema per questionnaire file (in questionnaires/ of a city catalogue).', files }, null, 2)}\n`;
}

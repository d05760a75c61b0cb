// Shared loaders for unit tests: the authored catalogue files and the generated outputs.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue } from '../../../src/core/catalogue/types.js';
import type { GbtRow } from '../../../src/core/catalogue/validate.js';

export const root = join(import.meta.dirname, '../../..');
export const readJson = <T = unknown>(path: string): T => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;

export const gbtTable = (): GbtRow[] => readJson<GbtRow[]>('src/data/gbt4754-2017.json');

/** The authored files of a city catalogue, parsed, by file name (fresh copies each call). */
export function authoredFiles(city = 'pudong'): Record<string, unknown> {
  const dir = join('src/data/catalogue', city);
  return Object.fromEntries(
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f, readJson(join(dir, f))]),
  );
}

export const generatedCatalogue = (city = 'pudong'): Catalogue => readJson<Catalogue>(`src/data/generated/catalogue.${city}.json`);

/** The authored questionnaire files of a city, parsed, by path inside `questionnaires/` (fresh copies each call). */
export function authoredQuestionnaires(city = 'pudong'): Record<string, unknown> {
  const base = join('src/data/catalogue', city, 'questionnaires');
  const out: Record<string, unknown> = {};
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), path);
      else if (entry.name.endsWith('.json')) out[path] = readJson(join(dir, entry.name));
    }
  };
  walk(base, '');
  return out;
}

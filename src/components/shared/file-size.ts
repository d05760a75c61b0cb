/**
 * A file size as people read it: MB with one decimal, rounded up so a file over a limit never
 * reads as the limit itself (10.0 MB), else whole KB. The caller puts it in its own words
 * (`{{size}} MB` / `{{size}} KB`).
 */
import type { Language } from '../../core/catalogue/types.js';

const MB = 1024 * 1024;

export function readableSize(bytes: number, language: Language): { unit: 'mb' | 'kb'; size: string } {
  const format = (n: number, digits: number) => new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  return bytes >= MB ? { unit: 'mb', size: format(Math.ceil((bytes / MB) * 10) / 10, 1) } : { unit: 'kb', size: format(Math.max(1, Math.ceil(bytes / 1024)), 0) };
}

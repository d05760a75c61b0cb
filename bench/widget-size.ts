/**
 * What a page transfers for the embeddable verifier (issue 7, DESIGN §8), in three moments:
 * until the widget is usable, with the scanner loaded (its chunk and the decoder worker), and
 * after a scan has been verified (plus the verdict half and the permit names). Used by the budget
 * test and the bench, so both count the same files.
 */
import { bundleSize } from './bundle-size.js';

export const WIDGET = 'src/components/verifier/verifier.ts';
const VERDICT = 'src/components/verifier/verdict-view.ts';
const NAMES = 'src/data/generated/verifier/names.pudong.zh-CN.json';
const SCANNER = 'src/components/verifier/scanner/index.ts';
const WORKER = 'src/components/verifier/scanner/decode.worker.ts';

type Size = { raw: number; gzip: number };
const plus = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });

export async function widgetSizes(): Promise<{ usable: Size; withScanner: Size; scannedAndVerified: Size }> {
  const [usable, scanner, everything, worker] = await Promise.all([
    bundleSize(WIDGET),
    bundleSize(WIDGET, [SCANNER]),
    bundleSize(WIDGET, [VERDICT, NAMES, SCANNER]),
    bundleSize(WORKER),
  ]);
  return {
    usable: { raw: usable.raw, gzip: usable.gzip },
    withScanner: plus(scanner.withLoaded, worker),
    scannedAndVerified: plus(everything.withLoaded, worker),
  };
}

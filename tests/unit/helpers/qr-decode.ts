// Decode a QR matrix the way a scanner would, with @zxing/library (an implementation
// independent of the encoder): rasterise it with a quiet zone, then read it as an image.
import BinaryBitmap from '@zxing/library/esm/core/BinaryBitmap.js';
import HybridBinarizer from '@zxing/library/esm/core/common/HybridBinarizer.js';
import RGBLuminanceSource from '@zxing/library/esm/core/RGBLuminanceSource.js';
import QRCodeReader from '@zxing/library/esm/core/qrcode/QRCodeReader.js';
import DecodeHintType from '@zxing/library/esm/core/DecodeHintType.js';

export interface Matrix {
  size: number;
  get(x: number, y: number): boolean;
}

/**
 * Decode as a scanner would, trying a few module sizes: zxing's finder-pattern detector
 * occasionally misses on a perfectly sharp synthetic image at one particular size.
 */
export function decodeMatrix(qr: Matrix): { text: string; ecLevel: string | undefined } {
  let last: unknown;
  for (const pure of [false, true]) {
    for (const scale of [4, 5, 3]) {
      try {
        return decodeAt(qr, scale, 4, pure);
      } catch (e) {
        last = e;
      }
    }
  }
  throw last;
}

function decodeAt(qr: Matrix, scale: number, quiet: number, pure: boolean): { text: string; ecLevel: string | undefined } {
  const side = (qr.size + 2 * quiet) * scale;
  const luminance = new Uint8ClampedArray(side * side).fill(255);
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++) {
      if (!qr.get(x, y)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = ((y + quiet) * scale + dy) * side + (x + quiet) * scale;
        luminance.fill(0, row, row + scale);
      }
    }
  }
  const source = new RGBLuminanceSource(luminance, side, side);
  // PURE_BARCODE reads an unrotated, sharp code without the finder-pattern detector.
  const hints = new Map([[pure ? DecodeHintType.PURE_BARCODE : DecodeHintType.TRY_HARDER, true]]);
  const result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
  const meta = result.getResultMetadata();
  // ResultMetadataType.ERROR_CORRECTION_LEVEL is 3 in zxing's enum.
  const ec = meta?.get(3 as never) as string | undefined;
  return { text: result.getText(), ecLevel: ec };
}

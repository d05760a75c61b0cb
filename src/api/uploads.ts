/**
 * What an upload really is, by its first bytes (magic numbers), not by its name or the type a
 * browser guessed: the kiosk checks a file before sending it and the back end checks it again.
 */
import { UPLOAD_TYPES, type UploadType } from './types.js';

/** The signature each accepted type starts with: `%PDF-`, JPEG's SOI marker, PNG's 8 bytes. */
export const UPLOAD_MAGIC: Readonly<Record<UploadType, readonly number[]>> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

/** Bytes enough to tell every accepted type. */
export const UPLOAD_MAGIC_LENGTH = Math.max(...Object.values(UPLOAD_MAGIC).map((m) => m.length));

/** The accepted type `bytes` start with, or undefined (not a PDF, JPEG or PNG). */
export function sniffUploadType(bytes: Uint8Array): UploadType | undefined {
  return UPLOAD_TYPES.find((type) => UPLOAD_MAGIC[type].every((b, i) => bytes[i] === b));
}

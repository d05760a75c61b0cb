/**
 * What `<one-licence>` renders: the signed face with its numbers resolved to names, the QR
 * text, the issuer, and each item's live state when the caller has status data. Built here
 * (DOM-free) so the kiosk, the verify page and the mock back end assemble it the same way;
 * the component itself never fetches.
 */
import type { Text } from '../catalogue/types.js';
import type { LicenceFace } from './licence.js';
import { industryName, permitName, type LicenceNames } from './names.js';
import type { StatusState } from './status.js';
import type { StatusInfo, VerdictItem } from './verify.js';

export interface LicenceDisplayItem {
  /** Permit code on the face. */
  code: number;
  /** Resolved through the issuer catalogue's name table; absent for an unknown code. */
  name?: Text;
  department?: Text;
  certificateNumber?: string;
  validFrom?: string;
  validUntil?: string;
  state: StatusState | 'unknown';
}

export interface LicenceDisplay {
  face: LicenceFace;
  /** The QR text (`https://<verify-host>/v#<base32>`). */
  link: string;
  issuer: Text;
  /** Signed with the DEMO key: shown as a demonstration. */
  demo: boolean;
  industries: { code: number | string; name?: Text }[];
  items: LicenceDisplayItem[];
  /** Where the item states come from and how fresh they are; absent when unknown. */
  status?: StatusInfo;
}

export interface DisplayOptions {
  names?: LicenceNames;
  issuer: Text;
  demo: boolean;
  /** Item states (from a verdict or the API's status document), in face order. */
  items?: readonly VerdictItem[];
  status?: StatusInfo;
}

export function licenceDisplay(face: LicenceFace, link: string, options: DisplayOptions): LicenceDisplay {
  return {
    face,
    link,
    issuer: options.issuer,
    demo: options.demo,
    industries: face.industries.map((code) => {
      const name = industryName(options.names, code);
      return name ? { code, name } : { code };
    }),
    items: face.items.map((code, i) => {
      const known = permitName(options.names, code);
      const live = options.items?.[i]?.permit === code ? options.items[i] : undefined;
      const { permit: _permit, ...state } = live ?? { permit: code, state: 'unknown' as const };
      return { code, ...(known ? { name: known.name, department: known.department } : {}), ...state };
    }),
    ...(options.status ? { status: options.status } : {}),
  };
}

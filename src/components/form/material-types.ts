/**
 * The values `<one-material-input>` and `<one-commitment>` give the form (`change` → `.value`).
 */
import type { MaterialProvision } from '../../api/types.js';
import type { IdType } from '../../core/form/id-number.js';

/**
 * How one material is provided, as the form keeps it (in its draft) and sends it (the
 * `MaterialProvision` part): an upload also keeps the file's name and size to show again.
 */
export type MaterialChoice = MaterialProvision & { fileName?: string; size?: number };

/** Who signs the commitment letter (告知承诺书), on which text, having seen the warning. */
export interface CommitmentSignature {
  /** One of the `candidates` (the legal representative or the contact person). */
  name: string;
  /** A `legalRep.idType` option of the catalogue ('' until chosen). */
  idType: IdType | '';
  /** As typed; normalised (`normalizeIdNumber`) when it has no problem. */
  idNumber: string;
  /** The commitment letter template's version the signatory was shown (e.g. '2026.1'). */
  textVersion: string;
  /** The signatory ticked that a false commitment is punished (seed 000). */
  warningAccepted: boolean;
}

/** A person who may sign: the legal representative or the contact person named in the form. */
export interface SignatoryCandidate {
  name: string;
  role: 'legalRep' | 'contact';
}

/**
 * What `<one-material-input>.validate()` can report: nothing chosen yet, an upload still
 * under way, or a file that was refused (the message is shown in the component).
 */
export type MaterialProblem = 'materialMissing' | 'materialUploading';

/**
 * What `<one-commitment>.validate()` can report (messages: namespace `form`,
 * `materials.commitment.problems.<code>`):
 * - `signatoryNone`: the form names no legal representative or contact person yet;
 * - `signatoryName`: no signatory chosen;
 * - `idType`: no document type chosen;
 * - `empty` … `idNumberFormat`: the ID number's problem (`IdNumberProblem`);
 * - `warning`: the warning about false commitments is not ticked.
 */
export const COMMITMENT_PROBLEMS = [
  'signatoryNone',
  'signatoryName',
  'idType',
  'empty',
  'idNumberLength',
  'idNumberCharacters',
  'idNumberBirthDate',
  'idNumberCheck',
  'idNumberFormat',
  'warning',
] as const;
export type CommitmentProblem = (typeof COMMITMENT_PROBLEMS)[number];

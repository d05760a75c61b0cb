// The form's check of a commitment signature (src/components/form/model.ts): the ID number is
// checked as a number of the document chosen, as <one-commitment> and the API check it.
import { describe, expect, it } from 'vitest';
import { signatureProblem } from '../../src/components/form/model.js';
import type { CommitmentSignature } from '../../src/components/form/material-types.js';

const sig = (over: Partial<CommitmentSignature>): CommitmentSignature => ({ name: '陈立峰', idType: 'resident-id', idNumber: '110101199003074477', textVersion: '2026.1', warningAccepted: true, ...over });

describe('signatureProblem', () => {
  it('accepts a complete signature with any document type', () => {
    expect(signatureProblem(sig({}))).toBe(false);
    expect(signatureProblem(sig({ idType: 'passport', idNumber: 'E12345678' }))).toBe(false);
    expect(signatureProblem(sig({ idType: 'hk-macao-permit', idNumber: 'H12345678' }))).toBe(false);
  });

  it('refuses a missing part, an unticked warning, or a number that is not of the document chosen', () => {
    expect(signatureProblem(undefined)).toBe(true);
    expect(signatureProblem(sig({ idType: '' }))).toBe(true);
    expect(signatureProblem(sig({ warningAccepted: false }))).toBe(true);
    expect(signatureProblem(sig({ idNumber: '110101199003074478' }))).toBe(true);
    expect(signatureProblem(sig({ idType: 'hk-macao-permit', idNumber: '110101199003074477' }))).toBe(true);
  });
});

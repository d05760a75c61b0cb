// Bad input for uploads (magic bytes, types, sizes) and saved applications (save and resume).
import { describe, expect, it } from 'vitest';
import { DRAFT_ALPHABET, DRAFT_CODE_LENGTH, DRAFT_DAYS, MAX_DRAFT_BYTES, MAX_UPLOAD_BYTES } from '../../src/api/types.js';
import { formatDraftCode, normalizeDraftCode } from '../../src/api/draft-code.js';
import { MAX_JSON_DEPTH } from '../../src/mock-api/http.js';
import { PDF } from './helpers/backend.js';
import { corpus, endpointCases, expectRefused, paramCases, send, tableCases, type BadCase, type Req } from './helpers/corpus.js';
import { buildWorld } from './helpers/world.js';

const w = await buildWorld();
const fresh = buildWorld;

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const ascii = (s: string) => new TextEncoder().encode(s);
const padded = (head: Uint8Array, size: number) => {
  const out = new Uint8Array(size);
  out.set(head);
  return out;
};

const upload: Req = { method: 'POST', path: '/v1/uploads', headers: { 'content-type': 'application/pdf' }, raw: PDF };
const as = (type: string | undefined, raw: Uint8Array): Partial<Req> => ({ headers: type === undefined ? {} : { 'content-type': type }, raw });

corpus(
  'POST /v1/uploads',
  w,
  [
    ...tableCases(
      upload,
      (
        [
          ['no content type', undefined],
          ['text/plain', 'text/plain'],
          ['application/json', 'application/json'],
          ['image/gif', 'image/gif'],
          ['image/svg+xml', 'image/svg+xml'],
          ['image/webp', 'image/webp'],
          ['image/jpg (not a registered type)', 'image/jpg'],
          ['application/octet-stream', 'application/octet-stream'],
          ['application/pdfx', 'application/pdfx'],
          ['application/x-msdownload', 'application/x-msdownload'],
          ['text/html', 'text/html'],
          ['multipart', 'multipart/form-data; boundary=x'],
          ['an empty type', ''],
        ] as const
      ).map(([name, type]) => [`a PDF sent as ${name}`, as(type, PDF), 415, 'errors.uploadType'] as const),
    ),
    ...tableCases(upload, [
      ['a PDF said to be a PNG', as('image/png', PDF), 422, 'errors.uploadType'],
      ['a PDF said to be a JPEG', as('image/jpeg', PDF), 422, 'errors.uploadType'],
      ['a PNG said to be a PDF', as('application/pdf', PNG), 422, 'errors.uploadType'],
      ['a PNG said to be a JPEG', as('image/jpeg', PNG), 422, 'errors.uploadType'],
      ['a JPEG said to be a PNG', as('image/png', JPEG), 422, 'errors.uploadType'],
      ['a JPEG said to be a PDF', as('application/pdf', JPEG), 422, 'errors.uploadType'],
      ['"%PDF" without the dash', as('application/pdf', ascii('%PDF1.4 ...')), 422, 'errors.uploadType'],
      ['lower-case "%pdf-"', as('application/pdf', ascii('%pdf-1.4 ...')), 422, 'errors.uploadType'],
      ['a PDF after a space', as('application/pdf', ascii(' %PDF-1.4 ...')), 422, 'errors.uploadType'],
      ['a PDF after a BOM', as('application/pdf', ascii('\ufeff%PDF-1.4 ...')), 422, 'errors.uploadType'],
      ['HTML said to be a PDF', as('application/pdf', ascii('<html><script>alert(1)</script></html>')), 422, 'errors.uploadType'],
      ['SVG said to be a PNG', as('image/png', ascii('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')), 422, 'errors.uploadType'],
      ['a ZIP said to be a PDF', as('application/pdf', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0])), 422, 'errors.uploadType'],
      ['an EXE said to be a PDF', as('application/pdf', ascii('MZ\x90\x00\x03')), 422, 'errors.uploadType'],
      ['a GIF said to be a PNG', as('image/png', ascii('GIF89a\x01\x00\x01\x00')), 422, 'errors.uploadType'],
      ['a truncated PNG signature', as('image/png', PNG.slice(0, 7)), 422, 'errors.uploadType'],
      ['a two-byte JPEG', as('image/jpeg', JPEG.slice(0, 2)), 422, 'errors.uploadType'],
      ['an empty PDF', as('application/pdf', new Uint8Array()), 422, 'errors.uploadEmpty'],
      ['an empty PNG', as('image/png', new Uint8Array()), 422, 'errors.uploadEmpty'],
      ['an empty JPEG', as('image/jpeg', new Uint8Array()), 422, 'errors.uploadEmpty'],
      ['a PDF one byte over 1 MB', as('application/pdf', padded(PDF, MAX_UPLOAD_BYTES + 1)), 413, 'errors.tooLarge'],
      ['a PNG one byte over 1 MB', as('image/png', padded(PNG, MAX_UPLOAD_BYTES + 1)), 413, 'errors.tooLarge'],
      ['a JPEG one byte over 1 MB', as('image/jpeg', padded(JPEG, MAX_UPLOAD_BYTES + 1)), 413, 'errors.tooLarge'],
      ['a 3 MB PDF', as('application/pdf', padded(PDF, 3 * MAX_UPLOAD_BYTES)), 413, 'errors.tooLarge'],
      ['a Content-Length over 1 MB', { headers: { 'content-type': 'application/pdf', 'content-length': String(MAX_UPLOAD_BYTES + 1) } }, 413, 'errors.tooLarge'],
      ['an oversized file of the wrong type', as('image/png', padded(PDF, MAX_UPLOAD_BYTES + 1)), 413, 'errors.tooLarge'],
    ]),
    ...endpointCases(upload, w, { methods: ['POST'] }),
  ],
  { valid: () => upload, fresh, ok: 201 },
);

// ── saved applications ──────────────────────────────────────────────────────────────────

const DRAFT_LIMIT = MAX_DRAFT_BYTES + 1024;
const deep = (n: number): unknown => (n === 0 ? 1 : { k: deep(n - 1) });

/** What every save (POST or PUT) refuses: the path allows `methods`. */
function draftCases(req: Req, methods: string[]): BadCase[] {
  return [
    ...endpointCases(req, w, { json: { fields: { data: { kind: 'object', required: true } }, limit: DRAFT_LIMIT }, methods, paths: false }),
    ...tableCases(req, [
      ['"data" one byte over 64 KB', { body: { data: { s: 'a'.repeat(MAX_DRAFT_BYTES - 7) } } }, 413, 'errors.tooLarge'],
      ['"data" of 64 KB in a body just under the limit', { body: { data: { s: 'a'.repeat(MAX_DRAFT_BYTES) } } }, 413, 'errors.tooLarge'],
      [`"data" nested ${MAX_JSON_DEPTH} deep (the body one deeper)`, { body: { data: deep(MAX_JSON_DEPTH) } }, 400],
      ['"data" 10 000 deep', { headers: { 'content-type': 'application/json' }, raw: `{"data":${'['.repeat(10_000)}${']'.repeat(10_000)}}` }, 400],
    ]),
  ];
}

/** Codes that name no live saved application (404): malformed, look-alikes, unknown, expired. */
const badCodes: [string, string][] = [
  ['eight characters (the old length)', 'ABCDEFGH'],
  ['eleven characters', 'ABCDEFGHJKM'],
  ['thirteen characters', 'ABCDEFGHJKMNP'],
  ['the code without its last character', w.draft.slice(0, -1)],
  ['the code and one character more', `${w.draft}A`],
  ['the look-alike 0', 'ABCD0FGHJKMN'],
  ['the look-alike O', 'ABCDOFGHJKMN'],
  ['the look-alike 1', 'ABCD1FGHJKMN'],
  ['the look-alike I', 'ABCDIFGHJKMN'],
  ['the look-alike L', 'ABCDLFGHJKMN'],
  ['a well-formed unknown code', 'ABCDEFGHJKMN'],
  ['the code with one character changed', w.draft.slice(0, -1) + (w.draft.endsWith('A') ? 'B' : 'A')],
  ['the expired draft', w.expiredDraft],
  ['full-width letters', encodeURIComponent('ＡＢＣＤＥＦＧＨＪＫＭＮ')],
  ['a draft code with a zero-width space', `${w.draft.slice(0, 4)}%E2%80%8B${w.draft.slice(4)}`],
  ['a draft code with an underscore', `${w.draft.slice(0, 4)}_${w.draft.slice(4)}`],
];
const codeCases = (req: Req, path: (code: string) => string): BadCase[] => [
  ...paramCases(req, path),
  ...badCodes.map(([name, code]) => ({ ...req, path: path(code), name: `code: ${name}`, status: 404, messageKey: 'errors.notFound' })),
];

const saveNew: Req = { method: 'POST', path: '/v1/drafts', body: { data: { step: 'form', answers: { 'sells-liquor': true } } } };
corpus('POST /v1/drafts', w, draftCases(saveNew, ['POST']), { valid: () => saveNew, fresh, ok: 201 });

const saveAgain = (x: typeof w): Req => ({ method: 'PUT', path: `/v1/drafts/${x.draft}`, body: { data: { step: 'materials' } } });
corpus(
  'PUT /v1/drafts/:code',
  w,
  [...draftCases(saveAgain(w), ['PUT', 'GET', 'DELETE']), ...codeCases(saveAgain(w), (c) => `/v1/drafts/${c}`)],
  { valid: saveAgain, fresh },
);

const resume = (x: typeof w): Req => ({ method: 'GET', path: `/v1/drafts/${x.draft}` });
corpus(
  'GET /v1/drafts/:code',
  w,
  [...codeCases(resume(w), (c) => `/v1/drafts/${c}`), ...endpointCases(resume(w), w, { methods: ['PUT', 'GET', 'DELETE'] })],
  { valid: resume, fresh },
);

const remove = (x: typeof w): Req => ({ method: 'DELETE', path: `/v1/drafts/${x.draft}` });
corpus(
  'DELETE /v1/drafts/:code',
  w,
  [...codeCases(remove(w), (c) => `/v1/drafts/${c}`), ...endpointCases(remove(w), w, { methods: ['PUT', 'GET', 'DELETE'] })],
  { valid: remove, fresh, ok: 204 },
);

describe('saved applications: codes and their life', () => {
  it('codes are 12 characters of the alphabet without look-alikes, every character about equally likely', async () => {
    const x = await buildWorld();
    const counts = new Map<string, number>();
    for (let i = 0; i < 120; i++) {
      const { code } = await x.b.ok('POST', '/v1/drafts', { body: { data: { i } } }, 201);
      expect(code).toMatch(new RegExp(`^[${DRAFT_ALPHABET}]{${DRAFT_CODE_LENGTH}}$`));
      for (const c of code as string) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect([...counts.keys()].sort().join('')).toBe([...DRAFT_ALPHABET].sort().join(''));
    // 1,440 characters over 31: about 46 each; a biased or broken draw leaves some far out.
    for (const [c, n] of counts) expect(n, c).toBeGreaterThan(15);
  });

  it('a deleted draft opens nothing; deleting it again is 404', async () => {
    const x = await buildWorld();
    expect((await send(x.b, remove(x))).status).toBe(204);
    expect((await send(x.b, { method: 'GET', path: `/v1/drafts/${x.draft}` })).status).toBe(404);
    await expectRefused(x.b, { ...remove(x), name: 'deleted twice', status: 404, messageKey: 'errors.notFound' });
    expect(x.b.store.state().drafts.has(x.draft)).toBe(false);
  });

  it('expired drafts leave the state with the next save; saving renews the expiry', async () => {
    const x = await buildWorld();
    // The world's own later save already removed its expired draft.
    expect(x.b.store.state().drafts.has(x.expiredDraft)).toBe(false);
    const old = (await x.b.ok('POST', '/v1/drafts', { body: { data: { step: 'questions' } } }, 201)).code as string;
    x.b.clock.now = new Date(x.b.clock.now.getTime() + DRAFT_DAYS * 86_400_000 - 1000);
    const saved = await x.b.ok('PUT', `/v1/drafts/${x.draft}`, { body: { data: { step: 'materials' } } });
    expect(Date.parse(saved.expiresAt) - x.b.clock.now.getTime()).toBe(DRAFT_DAYS * 86_400_000);
    expect(x.b.store.state().drafts.has(old)).toBe(true); // a second before its expiry
    x.b.clock.now = new Date(x.b.clock.now.getTime() + 1000);
    expect((await send(x.b, { method: 'GET', path: `/v1/drafts/${old}` })).status).toBe(404);
    expect(x.b.store.state().drafts.has(old)).toBe(true);
    await x.b.ok('POST', '/v1/drafts', { body: { data: { step: 'form' } } }, 201);
    expect(x.b.store.state().drafts.has(old)).toBe(false);
    expect(x.b.store.state().drafts.has(x.draft)).toBe(true);
  });

  it('the client takes a code as people type it back', () => {
    const code = 'ABCDEFGHJKMN';
    expect(formatDraftCode(code)).toBe('ABCD-EFGH-JKMN');
    for (const typed of ['abcd-efgh-jkmn', ' ABCD EFGH JKMN ', 'ＡＢＣＤ－ＥＦＧＨ－ＪＫＭＮ', 'abcd\u3000efgh\u3000jkmn']) expect(normalizeDraftCode(typed), typed).toBe(code);
    for (const wrong of ['ABCD-EFGH-JKM0', 'ABCD-EFGH-JKMNP', 'ABCD-EFGH', '', 'ABCD-EFGH-JKM😀']) expect(normalizeDraftCode(wrong), wrong).toBeUndefined();
  });
});

/**
 * Table-driven bad requests for the mock back end (issue 4, "must show"): each case names a
 * request and the exact 4xx it must get; the runner checks the problem details (RFC 9457) and
 * that nothing changed — the store's event count and a digest of its whole state. Generators
 * build the cases every endpoint shares (bodies that are not JSON objects, wrong types per
 * field, bad text, bad tokens, wrong methods, bad path parameters) from one valid request.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TestBackend } from './backend.js';
import { MemoryLog } from '../../../src/mock-api/store/log.js';
import { MAX_JSON_BYTES, MAX_JSON_DEPTH } from '../../../src/mock-api/http.js';
import type { World } from './world.js';

export interface Req {
  method: string;
  path: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** A raw Authorization header (wins over `token`). */
  authorization?: string;
  headers?: Record<string, string>;
  /** Sent as JSON (with `content-type: application/json` unless `headers` says otherwise). */
  body?: unknown;
  /** Sent as is, instead of `body`. A string gets `text/plain` from fetch unless `headers` set a type; bytes get none. */
  raw?: string | Uint8Array;
}

export interface BadCase extends Req {
  name: string;
  status: number;
  messageKey?: string;
}

export function send(b: TestBackend, r: Req): Promise<Response> {
  const headers = new Headers(r.headers);
  const auth = r.authorization ?? (r.token === undefined ? undefined : `Bearer ${r.token}`);
  if (auth !== undefined) headers.set('authorization', auth);
  let body: BodyInit | undefined = r.raw as BodyInit | undefined;
  if (r.raw === undefined && r.body !== undefined) {
    body = JSON.stringify(r.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  return b.handle(new Request(`http://127.0.0.1/api${r.path}`, { method: r.method, headers, body }));
}

/** Maps as sorted entries, so equal states give equal text. */
const canonical = (_: string, v: unknown): unknown => (v instanceof Map ? [...v.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)) : v);

export interface Snapshot {
  seq: number;
  logged: number;
  digest: string;
}

export function snapshot(b: TestBackend): Snapshot {
  return {
    seq: b.store.seq,
    logged: b.log instanceof MemoryLog ? b.log.events.length : -1,
    digest: createHash('sha256').update(JSON.stringify(b.store.state(), canonical)).digest('hex'),
  };
}

/** Sends `c` and checks the status, the problem details, and that the store is as it was. */
export async function expectRefused(b: TestBackend, c: BadCase): Promise<void> {
  const before = snapshot(b);
  const res = await send(b, c);
  const text = await res.text();
  expect(res.status, text).toBe(c.status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const problem = JSON.parse(text) as Record<string, unknown>;
  expect(problem).toMatchObject({ status: c.status, title: expect.any(String), messageKey: c.messageKey ?? expect.stringMatching(/^[a-z]+\.[\w.]+$/) });
  if (problem.messageKey === 'errors.unauthorized') expect(res.headers.get('www-authenticate')).toBe('Bearer');
  if (c.status === 405) expect(res.headers.get('allow')).toBeTruthy();
  expect(snapshot(b)).toEqual(before);
}

export interface CorpusOptions {
  /** The valid request the cases are variations of: it must succeed on a fresh world. */
  valid: (w: World) => Req;
  fresh: () => Promise<World>;
  /** The status the valid request gets (default 200, or 200/201 for a POST). */
  ok?: number;
  min?: number;
}

/**
 * One describe per endpoint, its case count in the title: the valid request succeeds (on a
 * fresh world, so the corpus cannot pass vacuously), then each bad request is refused and
 * changes nothing.
 */
export function corpus(endpoint: string, w: World, cases: readonly BadCase[], options: CorpusOptions): void {
  const min = options.min ?? 50;
  describe(`${endpoint}: ${cases.length} bad requests`, () => {
    it(`the corpus has at least ${min} cases, and the valid request it varies succeeds`, async () => {
      expect(cases.length).toBeGreaterThanOrEqual(min);
      const fresh = await options.fresh();
      const valid = options.valid(fresh);
      const before = fresh.b.store.seq;
      const res = await send(fresh.b, valid);
      const want = options.ok ? [options.ok] : valid.method === 'POST' ? [200, 201] : [200];
      expect(want, await res.text()).toContain(res.status);
      if (valid.method === 'GET') expect(fresh.b.store.seq).toBe(before);
      else expect(fresh.b.store.seq).toBeGreaterThan(before);
    });
    it.each(cases.map((c, i) => [`#${i + 1} ${c.name} → ${c.status}`, c] as const))('%s', async (_, c) => {
      await expectRefused(w.b, c);
    });
  });
}

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

// ── generators ─────────────────────────────────────────────────────────────────────────

/** Bodies that are no JSON object: wrong media types (415), malformed or not UTF-8 (400), not an object (400), too deep (400), too large (413). */
export function bodyCases(req: Req, limit = MAX_JSON_BYTES): BadCase[] {
  const { body: _, raw: __, ...base } = req;
  const json = { ...req.headers, 'content-type': 'application/json' };
  const valid = JSON.stringify(req.body ?? {});
  const out: BadCase[] = [];
  const types: [string, string | undefined][] = [
    ['no content type', undefined],
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['XML', 'application/xml'],
    ['text/json', 'text/json'],
    ['JSON text sequences', 'application/json-seq'],
    ['application/jsonx', 'application/jsonx'],
    ['octet-stream', 'application/octet-stream'],
    ['"json"', 'json'],
    ['an empty content type', ''],
  ];
  for (const [name, type] of types) {
    const headers = { ...req.headers };
    if (type !== undefined) headers['content-type'] = type;
    out.push({ ...base, name: `valid JSON sent as ${name}`, headers, raw: bytes(valid), status: 415 });
  }
  const malformed = [
    '', ' ', '{', '}', '{"k":}', "{'k':1}", '{k:1}', '{"k":1,}', '[1,]', 'undefined', 'NaN', '{"k":NaN}', '{"k":Infinity}', '{"k":01}',
    '{"k":"\\x41"}', '{"k":"open}', '{}{}', '{} x', '/* c */ {}', '{"k":1} // c', 'nul', 'True', '{"k":"\t"}', `${valid}\u0000`,
  ];
  for (const text of malformed) out.push({ ...base, name: `malformed JSON ${JSON.stringify(text).slice(0, 40)}`, headers: json, raw: text, status: 400 });
  const notUtf8: [string, number[]][] = [
    ['a stray 0xFF', [0x7b, 0xff, 0x7d]],
    ['an overlong "/"', [0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x7d]],
    ['UTF-16LE with a BOM', [0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]],
    ['a truncated sequence', [0x7b, 0x22, 0xe4, 0xb8, 0x22, 0x7d]],
    ['an encoded surrogate', [0x7b, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]],
  ];
  for (const [name, b] of notUtf8) out.push({ ...base, name: `not UTF-8: ${name}`, headers: json, raw: new Uint8Array(b), status: 400 });
  for (const text of ['[]', `[${valid}]`, '"text"', '42', '1e309', '-0', 'true', 'false', 'null']) {
    out.push({ ...base, name: `not an object: ${text.slice(0, 30)}`, headers: json, raw: text, status: 400 });
  }
  const deep = MAX_JSON_DEPTH + 1;
  out.push({ ...base, name: `arrays nested ${deep} deep`, headers: json, raw: '['.repeat(deep) + ']'.repeat(deep), status: 400 });
  const deepest = Math.min(100_000, Math.floor(limit / 2) - 1);
  out.push({ ...base, name: `arrays nested ${deepest} deep`, headers: json, raw: '['.repeat(deepest) + ']'.repeat(deepest), status: 400 });
  out.push({ ...base, name: `objects nested ${deep} deep`, headers: json, raw: '{"k":'.repeat(deep) + '1' + '}'.repeat(deep), status: 400 });
  out.push({ ...base, name: 'one byte over the limit', headers: json, raw: `{"pad":"${'a'.repeat(limit - 9)}"}`, status: 413 });
  out.push({ ...base, name: 'a 2 MB body', headers: json, raw: `{"pad":"${'a'.repeat(2 * 1024 * 1024)}"}`, status: 413 });
  const object = (req.body ?? {}) as Record<string, unknown>;
  out.push({ ...base, name: 'an unknown field', body: { ...object, extra: 1 }, status: 400 });
  out.push({ ...base, name: 'an unknown field "__proto__"', headers: json, raw: valid.replace(/^\{/, '{"__proto__":{"admin":true},'), status: 400 });
  out.push({ ...base, name: 'an unknown field "constructor"', body: { ...object, constructor: 'x' }, status: 400 });
  return out;
}

export type Kind = 'string' | 'integer' | 'boolean' | 'array' | 'object';

const WRONG: [Kind | 'number', unknown][] = [
  ['string', 'x'],
  ['string', '1'],
  ['integer', 1],
  ['number', 1.5],
  ['boolean', true],
  ['array', []],
  ['array', ['x']],
  ['object', {}],
];

/** Each required field missing; every field null or of each wrong JSON type (all 400). */
export function shapeCases(req: Req, fields: Record<string, { kind: Kind; required?: boolean }>, at = ''): BadCase[] {
  const body = req.body as Record<string, unknown>;
  const out: BadCase[] = [];
  const put = (field: string, value: unknown) => (at ? { ...body, [at]: { ...(body[at] as object), [field]: value } } : { ...body, [field]: value });
  for (const [field, spec] of Object.entries(fields)) {
    const name = at ? `${at}.${field}` : field;
    if (spec.required) {
      const without = at ? { ...body, [at]: omit(body[at] as Record<string, unknown>, field) } : omit(body, field);
      out.push({ ...req, name: `"${name}" missing`, body: without, status: 400 });
    }
    out.push({ ...req, name: `"${name}" null`, body: put(field, null), status: 400 });
    for (const [kind, value] of WRONG) {
      if (kind === spec.kind) continue;
      out.push({ ...req, name: `"${name}" as ${kind} ${JSON.stringify(value)}`, body: put(field, value), status: 400 });
    }
  }
  return out;
}

export const omit = (o: Record<string, unknown>, key: string): Record<string, unknown> => {
  const { [key]: _, ...rest } = o;
  return rest;
};

export interface TextSpec {
  min?: number;
  max: number;
  multiline?: boolean;
  emoji?: boolean;
}

/** Text a field refuses (422): empty, too short or long, control, invisible and bidi characters, lone surrogates, and line breaks or emoji where they do not belong. */
export function textCases(req: Req, field: string, spec: TextSpec, set?: (body: Record<string, unknown>, value: string) => unknown): BadCase[] {
  const body = req.body as Record<string, unknown>;
  const with_ = (value: string) => (set ? set(body, value) : { ...body, [field]: value });
  const values: [string, string][] = [
    ['empty', ''],
    ['only spaces', '   '],
    ['only ideographic spaces', '\u3000\u3000'],
    [`${spec.max + 1} characters`, '测'.repeat(spec.max + 1)],
    ['a NUL', '正常\u0000文字'],
    ['a bell', '正常\u0007文字'],
    ['an ANSI escape', '正常\u001b[31m文字'],
    ['a DEL', '正常\u007f文字'],
    ['a C1 control (NEL)', '正常\u0085文字'],
    ['a zero-width space', '正常\u200b文字'],
    ['a zero-width joiner', '正常\u200d文字'],
    ['a right-to-left override', '正常\u202e文字'],
    ['a right-to-left isolate', '正常\u2067文字'],
    ['an Arabic letter mark', '正常\u061c文字'],
    ['a word joiner', '正常\u2060文字'],
    ['a BOM inside', '正常\ufeff文字'],
    ['a lone high surrogate', '正常\ud800文字'],
    ['a lone low surrogate', '正常\udc00文字'],
  ];
  if ((spec.min ?? 1) > 1) values.push([`${(spec.min ?? 1) - 1} character(s), under the minimum`, '测'.repeat((spec.min ?? 1) - 1)]);
  if (!spec.multiline) values.push(['a line break', '正常\n文字'], ['a tab', '正常\t文字']);
  if (!spec.emoji) values.push(['an emoji', '正常😀文字'], ['a flag emoji', '正常🇨🇳文字']);
  return values.map(([name, value]) => ({ ...req, name: `"${field}" with ${name}`, body: with_(value), status: 422 }));
}

/** Credentials that are malformed, unknown or expired: 401 on any protected endpoint. */
export function tokenCases(req: Req, w: World): BadCase[] {
  const { token: _, authorization: __, ...base } = req;
  const headers: [string, string | undefined][] = [
    ['no Authorization header', undefined],
    ['an empty Authorization header', ''],
    ['"Bearer" alone', 'Bearer'],
    ['"Bearer " and nothing', 'Bearer '],
    ['Basic credentials', 'Basic dXNlcjpwYXNz'],
    ['a Token scheme', `Token ${req.token ?? 'x'}`],
    ['the token without a scheme', req.token ?? 'x'],
    ['two spaces after Bearer', `Bearer  ${req.token ?? 'x'}`],
    ['a token with a space in it', 'Bearer ap_a b'],
    ['a token with a tab after Bearer', `Bearer\t${req.token ?? 'x'}`],
    ['a 201-character token', `Bearer ap_${'a'.repeat(198)}`],
    ['a Latin-1 token', 'Bearer ap_\u00e4\u00f6'],
    ['two tokens', `Bearer ${req.token ?? 'x'}, Bearer ${req.token ?? 'x'}`],
    ['a forged applicant token', 'Bearer ap_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a forged holder token', 'Bearer ho_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a forged ticket', 'Bearer tk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['"null"', 'Bearer null'],
    ['"undefined"', 'Bearer undefined'],
    ['a JWT-looking token', 'Bearer eyJhbGciOiJub25lIn0.eyJyb2xlIjoib2ZmaWNlciJ9.'],
    ['an officer prefix with no department', 'Bearer demo-officer-'],
    ['an officer of an unknown department', 'Bearer demo-officer-pudong-nowhere'],
    ['an officer token in upper case', 'Bearer DEMO-OFFICER-PUDONG-AMR'],
    ['an officer token with a trailing dot', 'Bearer demo-officer-pudong-amr.'],
    ['an officer token with a suffix', 'Bearer demo-officer-pudong-amr-extra'],
    ['an officer token with an underscore', 'Bearer demo-officer-pudong_amr'],
    ['an officer token with a path', 'Bearer demo-officer-../pudong-amr'],
    ['a SQL injection', "Bearer '||'1'='1"],
    ['an expired holder session', `Bearer ${w.expiredHolder}`],
    ['a holder token one character off', `Bearer ${w.holder.token.slice(0, -1)}${w.holder.token.endsWith('A') ? 'B' : 'A'}`],
  ];
  return headers.map(([name, authorization]) => ({ ...base, name: `token: ${name}`, ...(authorization === undefined ? {} : { authorization }), status: 401 }));
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

/** Every other method on the path: 405 with Allow. */
export function methodCases(req: Req, allowed: readonly string[]): BadCase[] {
  return METHODS.filter((m) => !allowed.includes(m)).map((method) => {
    const { body: _, raw: __, ...base } = req;
    return { ...base, method, name: `method ${method}`, ...(method === 'GET' ? {} : { body: req.body ?? {} }), status: 405 };
  });
}

/**
 * Path parameter values that name nothing: traversal, encodings, injections, look-alikes,
 * over-long segments. All 404: the router does not match them, or there is no such record.
 */
export const BAD_PARAMS: readonly string[] = [
  'nope',
  '0',
  '-1',
  '..',
  '.',
  '...',
  '%2e%2e',
  '..%2F..%2Fetc%2Fpasswd',
  '%2Fetc%2Fpasswd',
  '..%5C..%5Cwindows',
  'a%00b',
  '%00',
  'x'.repeat(80),
  'x'.repeat(81),
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  "'%20OR%20'1'%3D'1",
  '1%3BDROP%20TABLE%20licences',
  '%E2%80%AE',
  '%E2%80%8B',
  '%F0%9F%98%80',
  '%EF%BC%A1%EF%BC%A2',
  '%FF',
  '%',
  '%zz',
  'a%2Fb',
  'a%20b',
  '~',
  '_',
  '*',
  '%24where',
  '%7B%7D',
  'null',
  'undefined',
  '__proto__',
  'constructor',
];

/** `BAD_PARAMS` in the place of one path parameter: 404, or what `status` says for a value. */
export function paramCases(req: Req, path: (param: string) => string, status: (value: string) => number = () => 404): BadCase[] {
  return BAD_PARAMS.map((value) => ({ ...req, path: path(value), name: `path parameter ${JSON.stringify(value).slice(0, 40)}`, status: status(value) }));
}

/** Cases written out in a table: [name, changes to the valid body (or a whole body), status, messageKey?]. */
export function tableCases(req: Req, rows: readonly (readonly [string, Partial<Req> | ((body: Record<string, unknown>) => unknown), number, string?])[]): BadCase[] {
  return rows.map(([name, change, status, messageKey]) => {
    const r = typeof change === 'function' ? { ...req, body: change(req.body as Record<string, unknown>) } : { ...req, ...change };
    return { ...r, name, status, ...(messageKey ? { messageKey } : {}) };
  });
}

/** Whether the router lets `value` through as a path parameter (one segment of [A-Za-z0-9._~-], 1–80, after URL parsing and decoding). */
export function routable(value: string): boolean {
  const parts = new URL(`http://127.0.0.1/p/${value}`).pathname.split('/');
  if (parts.length !== 3) return false;
  try {
    return /^[A-Za-z0-9._~-]{1,80}$/.test(decodeURIComponent(parts[2]!));
  } catch {
    return false;
  }
}

/** The path misspelt: a trailing slash, a doubled slash, the wrong case or version, an extension, an extra segment (404). */
export function pathVariantCases(req: Req, status: Record<string, number> = {}): BadCase[] {
  const p = req.path;
  const variants: [string, string][] = [
    ['a trailing slash', `${p}/`],
    ['a doubled slash', p.replace('/v1/', '/v1//')],
    ['upper case', p.toUpperCase()],
    ['version 2', p.replace('/v1/', '/v2/')],
    ['no version', p.replace('/v1/', '/')],
    ['a .json extension', `${p}.json`],
    ['an extra segment', `${p}/extra`],
    ['an encoded trailing slash', `${p}%2F`],
    ['an encoded trailing space', `${p}%20`],
    ['a trailing NUL', `${p}%00`],
    ['a matrix parameter', `${p};jsessionid=1`],
  ];
  return variants.map(([name, path]) => ({ ...req, path, name: `path with ${name}`, status: status[name] ?? 404 }));
}

/** Tokens of parties that exist but are not the ones this request is for (403). */
export function partyCases(req: Req, tokens: readonly [string, string][], status = 403): BadCase[] {
  return tokens.map(([name, token]) => ({ ...req, token, name: `token of ${name}`, status }));
}

/** Every issued credential of `w` but those of `except`, by name (for partyCases). */
export function credentials(w: World, departments: readonly string[]): [string, string][] {
  return [
    ['the applicant of the issued application', w.issued.token],
    ['the applicant of the application under inspection', w.inspecting.token],
    ['the applicant of the application in rectification', w.rectifying.token],
    ["the other enterprise's applicant", w.otherApp.token],
    ['the holder', w.holder.token],
    ["the other enterprise's holder", w.other.token],
    ['a report ticket', w.report.ticket],
    ...departments.map((d): [string, string] => [`an officer of ${d}`, `demo-officer-${d}`]),
  ];
}

/** 统一社会信用代码 values that are not valid codes (422 errors.uscc), by name. */
export function badUsccValues(valid: string): [string, string][] {
  const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
  const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return [
    ['a wrong check character', wrongCheck],
    ['two characters swapped', valid.slice(0, 2) + valid[3] + valid[2] + valid.slice(4)],
    ['17 characters', valid.slice(0, 17)],
    ['19 characters', `${valid}0`],
    ['the letter I', `${valid.slice(0, 10)}I${valid.slice(11)}`],
    ['the letter O', `${valid.slice(0, 10)}O${valid.slice(11)}`],
    ['the letter S', `${valid.slice(0, 10)}S${valid.slice(11)}`],
    ['the letter Z', `${valid.slice(0, 10)}Z${valid.slice(11)}`],
    ['full width with a wrong check character', fullWidth(wrongCheck)],
    ['an 18-digit ID number', '110101199003074477'],
    ['a SQL injection', "91310115' OR '1'='1"],
    ['HTML', '<b>91310115MA1J2D7H</b>'],
    ['only dashes', '------------------'],
    ['a 15-digit registration number', '310115000123456'],
  ];
}

export function usccCases(req: Req, set: (body: Record<string, unknown>, value: string) => unknown, what = 'uscc'): BadCase[] {
  return badUsccValues(String((req.body as Record<string, unknown> | undefined)?.[what] ?? '91310115MA1J2D7H6R')).map(([name, value]) => ({
    ...req,
    name: `统一社会信用代码 with ${name}`,
    body: set(req.body as Record<string, unknown>, value),
    status: 422,
    messageKey: 'errors.uscc',
  }));
}

/** The cases every endpoint of a kind shares, from one description of it. */
export interface EndpointSpec {
  /** A JSON body: its fields by kind (wrong types, missing, null), its byte limit, and its text fields. */
  json?: { fields: Record<string, { kind: Kind; required?: boolean }>; limit?: number; texts?: readonly [string, TextSpec][] };
  /** A protected endpoint: bad credentials (401), and these real ones of the wrong party (403). */
  parties?: readonly [string, string][];
  /** The methods the path allows (the others are 405). */
  methods: readonly string[];
  /** Misspelt paths (404, or the status given by variant name); false for none. */
  paths?: false | Record<string, number>;
}

export function endpointCases(req: Req, w: World, spec: EndpointSpec): BadCase[] {
  const out: BadCase[] = [];
  if (spec.json) {
    out.push(...bodyCases(req, spec.json.limit), ...shapeCases(req, spec.json.fields));
    for (const [field, text] of spec.json.texts ?? []) out.push(...textCases(req, field, text));
  }
  if (spec.parties) out.push(...tokenCases(req, w), ...partyCases(req, spec.parties));
  if (spec.paths !== false) out.push(...pathVariantCases(req, spec.paths));
  out.push(...methodCases(req, spec.methods));
  return out;
}

/**
 * A record's id in the path that names nothing (404): BAD_PARAMS, and the real id in another
 * case, with a trailing space, in full width, and a well-formed unknown one. URL parsing
 * resolves "." away (/applications/./decisions is /applications/decisions), so "." gets `dot`.
 */
export function idCases(req: Req, path: (id: string) => string, real: string, unknown: string, dot = 404): BadCase[] {
  const fullWidth = real.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return [
    ...paramCases(req, path, (v) => (v === '.' ? dot : 404)),
    ...tableCases(req, [
      ['the id in another case', { path: path(real.toLowerCase() === real ? real.toUpperCase() : real.toLowerCase()) }, 404],
      ['a well-formed unknown id', { path: path(unknown) }, 404],
      ['the id with a trailing space', { path: path(`${real}%20`) }, 404],
      ['the id in full width', { path: path(encodeURIComponent(fullWidth)) }, 404],
    ]),
  ];
}

/**
 * HTTP plumbing of the mock back end: problem details (RFC 9457), JSON bodies with limits,
 * bearer tokens, a small router, and the input checks every endpoint uses. A request that
 * fails a check is answered 4xx before any command runs, so nothing is stored.
 */
import { textProblem, type TextRules } from '../core/form/values.js';
import { PROBLEM_CONTENT_TYPE, type FieldProblem, type Problem } from '../api/problem.js';

export type Handler = (request: Request) => Promise<Response>;

export function problem(
  status: number,
  title: string,
  detail: string,
  messageKey: string,
  headers: HeadersInit = {},
  errors?: FieldProblem[],
): Response {
  const body: Problem = { type: 'about:blank', title, status, detail, messageKey };
  if (errors?.length) body.errors = errors;
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers } });
}

/** An error a handler throws to answer with a problem; anything else thrown is a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly messageKey: string,
    readonly errors?: FieldProblem[],
    readonly headers: HeadersInit = {},
  ) {
    super(detail);
  }
  toResponse(): Response {
    return problem(this.status, this.title, this.detail, this.messageKey, this.headers, this.errors);
  }
}

export const badRequest = (detail: string, pointer?: string): HttpError =>
  new HttpError(400, 'Bad request', detail, 'errors.badRequest', pointer === undefined ? undefined : [{ pointer, detail }]);
export const invalid = (detail: string, pointer?: string, messageKey = 'errors.validation'): HttpError =>
  new HttpError(422, 'Unprocessable content', detail, messageKey, pointer === undefined ? undefined : [{ pointer, detail }]);
export const notFound = (what: string): HttpError => new HttpError(404, 'Not found', `${what} was not found.`, 'errors.notFound');
export const unauthorized = (detail = 'A valid bearer token is required.'): HttpError =>
  new HttpError(401, 'Unauthorized', detail, 'errors.unauthorized', undefined, { 'www-authenticate': 'Bearer' });
export const forbidden = (detail: string): HttpError => new HttpError(403, 'Forbidden', detail, 'errors.forbidden');
export const conflict = (detail: string, messageKey = 'errors.conflict'): HttpError => new HttpError(409, 'Conflict', detail, messageKey);

/**
 * Whether `If-None-Match` names the current entity tag (RFC 9110 §13.1.2): a list of tags,
 * compared weakly (a `W/` prefix does not matter), or `*`.
 */
export function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((t) => bare(t) === bare(etag));
}

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** JSON request bodies are capped well below the host's 1 MB (uploads have their own route). */
export const MAX_JSON_BYTES = 256 * 1024;

/** Deeper nesting than any request of the contract needs; deeper bodies would overflow the stack when re-serialised. */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in JSON text (strings skipped), stopping once past `limit`. */
function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length && deepest <= limit; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** The body as JSON: 415 unless it says JSON, 413 when too large, 400 when malformed or nested too deep. */
export async function readJson(request: Request, max = MAX_JSON_BYTES): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new HttpError(415, 'Unsupported media type', 'Send the body as application/json.', 'errors.badRequest');
  }
  const bytes = await readBytes(request, max);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('The body is not valid UTF-8.');
  }
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw badRequest(`The body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('The body is not valid JSON.');
  }
}

/** The raw body, refusing more than `max` bytes. */
export async function readBytes(request: Request, max: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  const tooLarge = () => new HttpError(413, 'Payload too large', `This request is limited to ${max} bytes.`, 'errors.tooLarge');
  if (declared > max) throw tooLarge();
  const buffer = new Uint8Array(await request.arrayBuffer());
  if (buffer.length > max) throw tooLarge();
  return buffer;
}

export function bearer(request: Request): string | undefined {
  // The scheme is case-insensitive (RFC 9110 §11.1).
  const m = /^Bearer ([\x21-\x7e]{1,200})$/i.exec(request.headers.get('authorization') ?? '');
  return m?.[1];
}

// ── routing ───────────────────────────────────────────────────────────────────────────

export interface RouteContext {
  request: Request;
  url: URL;
  params: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** e.g. `/v1/applications/:id/decisions`; parameters match one path segment of [A-Za-z0-9._~-]. */
  path: string;
  handle(ctx: RouteContext): Promise<Response>;
}

const SEGMENT = /^[A-Za-z0-9._~-]{1,80}$/;

export function createRouter(routes: readonly Route[], prefix = '/api'): Handler {
  const compiled = routes.map((r) => ({ ...r, parts: r.path.split('/').slice(1) }));
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return problem(400, 'Bad request', 'The request URL is malformed.', 'errors.badRequest');
    }
    const path = url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : url.pathname;
    const parts = path.split('/').slice(1);
    const allowed: string[] = [];
    for (const route of compiled) {
      if (route.parts.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let match = true;
      for (let i = 0; i < parts.length && match; i++) {
        const want = route.parts[i]!;
        let got: string;
        try {
          got = decodeURIComponent(parts[i]!);
        } catch {
          match = false;
          break;
        }
        if (want.startsWith(':')) {
          if (SEGMENT.test(got)) params[want.slice(1)] = got;
          else match = false;
        } else if (want !== got) match = false;
      }
      if (!match) continue;
      const method = request.method === 'HEAD' ? 'GET' : request.method;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      try {
        return await route.handle({ request, url, params });
      } catch (e) {
        if (e instanceof HttpError) return e.toResponse();
        return problem(500, 'Internal error', 'The mock back end failed; nothing was changed.', 'errors.server');
      }
    }
    if (allowed.length) {
      return problem(405, 'Method not allowed', `${request.method.slice(0, 20)} is not allowed here.`, 'errors.badRequest', {
        allow: [...new Set(allowed)].join(', '),
      });
    }
    return problem(404, 'Not found', `No resource at ${path.slice(0, 200)}.`, 'errors.notFound');
  };
}

// ── input checks ──────────────────────────────────────────────────────────────────────

export type Obj = Record<string, unknown>;

/** An object with exactly the allowed keys (required ones present). No field of the contract takes null: leave it out instead. */
export function object(value: unknown, at: string, required: readonly string[], optional: readonly string[] = []): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest(`${at || 'the body'} must be an object.`, at);
  const o = value as Obj;
  for (const k of Object.keys(o)) {
    if (!required.includes(k) && !optional.includes(k)) throw badRequest(`Unknown field "${k.slice(0, 40)}".`, `${at}/${k.slice(0, 40)}`);
  }
  for (const k of required) if (o[k] === undefined) throw badRequest(`"${k}" is required.`, `${at}/${k}`);
  for (const [k, v] of Object.entries(o)) if (v === null) throw badRequest(`"${k.slice(0, 40)}" must not be null; leave it out instead.`, `${at}/${k.slice(0, 40)}`);
  return o;
}

export interface TextRule extends TextRules {
  pattern?: RegExp;
}

export function text(value: unknown, at: string, rule: TextRule): string {
  if (typeof value !== 'string') throw badRequest(`${at} must be a string.`, at);
  const t = value.trim();
  switch (textProblem(t, rule)) {
    case 'empty':
    case 'tooShort':
      throw invalid(rule.min && rule.min > 1 ? `${at} needs at least ${rule.min} characters.` : `${at} must not be empty.`, at);
    case 'tooLong':
      throw invalid(`${at} is longer than ${rule.max} characters.`, at, 'errors.tooLong');
    case 'control':
      throw invalid(`${at} contains control or invisible characters.`, at);
    case 'emoji':
      throw invalid(`${at} must not contain emoji.`, at, 'errors.emoji');
    case null:
  }
  if (rule.pattern && !rule.pattern.test(t)) throw invalid(`${at} is not in the expected format.`, at);
  return t;
}

export function integer(value: unknown, at: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw badRequest(`${at} must be a whole number.`, at);
  if (value < min || value > max) throw invalid(`${at} must be between ${min} and ${max}.`, at);
  return value;
}

export function boolean(value: unknown, at: string): boolean {
  if (typeof value !== 'boolean') throw badRequest(`${at} must be true or false.`, at);
  return value;
}

export function array(value: unknown, at: string, min: number, max: number): unknown[] {
  if (!Array.isArray(value)) throw badRequest(`${at} must be an array.`, at);
  if (value.length < min) throw invalid(`${at} needs at least ${min} entr${min === 1 ? 'y' : 'ies'}.`, at);
  if (value.length > max) throw invalid(`${at} takes at most ${max} entries.`, at);
  return value;
}

export function oneOf<T extends string>(value: unknown, at: string, values: readonly T[]): T {
  if (typeof value !== 'string') throw badRequest(`${at} must be a string, one of ${values.join(', ')}.`, at);
  if (!values.includes(value as T)) throw invalid(`${at} must be one of ${values.join(', ')}.`, at);
  return value as T;
}

/** A list of distinct ids from `known`. */
export function ids(value: unknown, at: string, known: (id: string) => boolean, min: number, max: number, what: string): string[] {
  const list = array(value, at, min, max).map((v, i) => text(v, `${at}/${i}`, { max: 80, pattern: /^[a-z][a-z0-9-]*$/ }));
  list.forEach((id, i) => {
    if (!known(id)) throw invalid(`Unknown ${what} "${id}".`, `${at}/${i}`);
  });
  if (new Set(list).size !== list.length) throw invalid(`${at} lists the same ${what} twice.`, at);
  return list;
}

/**
 * The link that continues an application's progress on a phone (进度查询): the kiosk page with
 * `#track=<application number>.<query code>`, printed as a QR code on the receipt and opened by
 * the kiosk's track journey (scanned, or on a phone). The application number is `SL` and twelve
 * digits (src/mock-api/licensing.ts); the query code is the applicant's bearer token, URL-safe
 * base64 (`ap_…`). Neither alphabet has a `.`, so it separates them. The link stays in the
 * fragment: the code never reaches a server log. DOM-free.
 */

/** An application number (受理编号): letters and digits, as the API issues them. */
export const APPLICATION_ID = /^[A-Z]{2}\d{12}$/;
/** A query code (查询凭证): the applicant's token, URL-safe base64 with its `ap_` prefix. */
export const QUERY_CODE = /^ap_[A-Za-z0-9_-]{20,80}$/;
/** The fragment's name: `#track=`. */
export const TRACK_FRAGMENT = 'track';
const SEPARATOR = '.';

export interface TrackTarget {
  id: string;
  token: string;
}

/** What is wrong with a typed application number or query code, if anything. */
export type TrackFieldProblem = 'empty' | 'shape';

/** Trims what a person typed (a number may be typed in lower case or with spaces). */
export const normaliseApplicationId = (typed: string): string => typed.replace(/\s+/g, '').toUpperCase();
export const normaliseQueryCode = (typed: string): string => typed.replace(/\s+/g, '');

export function applicationIdProblem(typed: string): TrackFieldProblem | undefined {
  const id = normaliseApplicationId(typed);
  if (!id) return 'empty';
  return APPLICATION_ID.test(id) ? undefined : 'shape';
}

export function queryCodeProblem(typed: string): TrackFieldProblem | undefined {
  const code = normaliseQueryCode(typed);
  if (!code) return 'empty';
  return QUERY_CODE.test(code) ? undefined : 'shape';
}

/** `<id>.<token>`: what follows `#track=`. Throws on a number or code of the wrong shape. */
export function trackParams({ id, token }: TrackTarget): string {
  if (!APPLICATION_ID.test(id) || !QUERY_CODE.test(token)) throw new Error('not an application number and query code');
  return `${id}${SEPARATOR}${token}`;
}

/**
 * The link a phone opens: `base` (the kiosk page, e.g. `https://host/`) without its query or
 * fragment, then `#track=<id>.<token>`.
 */
export function trackLink(base: string, target: TrackTarget): string {
  return fragmentLink(base, TRACK_FRAGMENT, trackParams(target));
}

/**
 * `base` (the kiosk page) without its query or fragment, then `#<name>=<params>`: the shape of
 * every link the kiosk opens from a fragment (`#track=`, `#claim=`). Throws unless the page is
 * an ASCII http(s) URL.
 */
export function fragmentLink(base: string, name: string, params: string): string {
  const page = base.replace(/[?#].*$/, '');
  if (!/^https?:\/\/[\x21-\x7e]+$/i.test(page)) throw new Error(`a #${name}= link needs an ASCII http(s) page: ${base}`);
  return `${page}#${name}=${params}`;
}

/**
 * What follows `#<name>=` in `text` (a whole link, as a scanner reads it), or `text` itself
 * when it has no such fragment (the params alone, as the shell passes them); trimmed, or
 * undefined when longer than any params of ours.
 */
export function fragmentParams(text: string, name: string): string | undefined {
  const marker = `#${name}=`;
  const at = text.indexOf(marker);
  const params = (at >= 0 ? text.slice(at + marker.length) : text).trim();
  return params.length > 200 ? undefined : params;
}

/**
 * Reads what follows `#track=` (or a whole track link, as a scanner reads it): the number and
 * the code, or undefined when it is not one.
 */
export function parseTrack(text: string): TrackTarget | undefined {
  const params = fragmentParams(text, TRACK_FRAGMENT);
  if (params === undefined) return undefined;
  const parts = params.split(SEPARATOR);
  if (parts.length !== 2) return undefined;
  const [id, token] = parts as [string, string];
  return APPLICATION_ID.test(id) && QUERY_CODE.test(token) ? { id, token } : undefined;
}

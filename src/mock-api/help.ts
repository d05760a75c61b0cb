/**
 * Help on every screen of the kiosk (全程导办帮办, seed 004): calls for a member of staff and
 * handovers to the service window.
 *
 * Both are kept in memory only, never in the event log: a call is a few minutes of a hall's
 * life and a handover holds personal data (what the person typed), so neither is written to
 * disk. A call nobody closed is dropped {@link HELP_CALL_MINUTES} minutes after it was made; a
 * handover {@link HANDOVER_MINUTES} minutes after (or when the server restarts). Nothing is
 * logged. Officers (any department: they are the hall's staff) list and answer calls, and open
 * a handover by its code; the kiosk follows its own call by the call's unguessable id.
 */
import { toBase64Url } from '../core/credential/bytes.js';
import { randomChars } from '../core/random.js';
import { normalizeHandoverCode } from '../api/draft-code.js';
import {
  DRAFT_ALPHABET,
  HANDOVER_CODE_LENGTH,
  HANDOVER_MINUTES,
  HELP_CALL_MINUTES,
  HELP_LANGUAGES,
  HELP_SCREEN_PATTERN,
  KIOSK_ID_PATTERN,
  MAX_HANDOVER_BYTES,
  type HandoverView,
  type HelpCallView,
} from '../api/types.js';
import { badRequest, boolean, conflict, HttpError, json, notFound, object, oneOf, readJson, text, type Route, type RouteContext } from './http.js';

export interface HelpDeskOptions {
  now: () => Date;
  random: (bytes: number) => Uint8Array;
  /** The officer's department, or throws 401/403 (backend.ts). */
  officer: (ctx: RouteContext) => Promise<string>;
}

/** At most this many calls and handovers are held; the oldest go first. */
const MAX_HELD = 500;

export function helpDeskRoutes({ now, random, officer }: HelpDeskOptions): Route[] {
  const calls = new Map<string, HelpCallView>();
  const handovers = new Map<string, HandoverView>();
  let day = '';
  let number = 0;
  const iso = () => now().toISOString();
  const created = (body: unknown, location: string) => json(body, 201, { location, 'cache-control': 'no-store' });
  const noStore = (body: unknown) => json(body, 200, { 'cache-control': 'no-store' });

  /** Drops what has expired, and the oldest beyond {@link MAX_HELD}. */
  function sweep(): void {
    const t = now().getTime();
    for (const [id, c] of calls) if (Date.parse(c.at) + HELP_CALL_MINUTES * 60_000 <= t) calls.delete(id);
    for (const [code, h] of handovers) if (Date.parse(h.expiresAt) <= t) handovers.delete(code);
    for (const map of [calls, handovers] as Map<string, unknown>[]) while (map.size > MAX_HELD) map.delete(map.keys().next().value!);
  }

  const where = (body: Record<string, unknown>) => ({
    kiosk: text(body.kiosk, '/kiosk', { max: 32, pattern: KIOSK_ID_PATTERN }),
    language: oneOf(body.language, '/language', HELP_LANGUAGES),
    screen: text(body.screen, '/screen', { max: 64, pattern: HELP_SCREEN_PATTERN }),
  });

  function call(id: string): HelpCallView {
    sweep();
    const c = calls.get(id);
    if (!c) throw notFound('The help call');
    return c;
  }

  async function createCall(ctx: RouteContext): Promise<Response> {
    const body = object(await readJson(ctx.request, 4096), '', ['kiosk', 'language', 'screen'], ['elder']);
    const c: HelpCallView = { ...where(body), elder: body.elder === undefined ? false : boolean(body.elder, '/elder'), id: '', number: 0, state: 'waiting', at: iso() };
    sweep();
    const today = c.at.slice(0, 10);
    if (today !== day) [day, number] = [today, 0];
    c.number = ++number;
    c.id = `hc_${toBase64Url(random(16))}`;
    calls.set(c.id, c);
    return created(c, `/api/v1/help-calls/${c.id}`);
  }

  async function answerCall(ctx: RouteContext): Promise<Response> {
    const department = await officer(ctx);
    const c = call(ctx.params.id!);
    if (c.state === 'closed') throw conflict('The kiosk closed this call.', 'errors.helpCallClosed');
    if (c.state === 'answered') throw conflict('Someone is on the way already.', 'errors.alreadyDone');
    const next: HelpCallView = { ...c, state: 'answered', answered: { at: iso(), department } };
    calls.set(c.id, next);
    return noStore(next);
  }

  /** The kiosk (no longer needing help) or staff (helped): the id is the capability, as for drafts. */
  function closeCall(ctx: RouteContext): Response {
    const c = call(ctx.params.id!);
    if (c.state === 'closed') throw conflict('This call is closed already.', 'errors.alreadyDone');
    const next: HelpCallView = { ...c, state: 'closed', closedAt: iso() };
    calls.set(c.id, next);
    return noStore(next);
  }

  async function createHandover(ctx: RouteContext): Promise<Response> {
    const body = object(await readJson(ctx.request, MAX_HANDOVER_BYTES + 1024), '', ['kiosk', 'language', 'screen', 'snapshot']);
    const place = where(body);
    const snapshot = body.snapshot;
    if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot)) throw badRequest('"snapshot" must be an object.', '/snapshot');
    if (new TextEncoder().encode(JSON.stringify(snapshot)).length > MAX_HANDOVER_BYTES) {
      throw new HttpError(413, 'Payload too large', `A handover is limited to ${MAX_HANDOVER_BYTES} bytes.`, 'errors.handoverTooLarge');
    }
    sweep();
    let code: string;
    do code = randomChars(random, DRAFT_ALPHABET, HANDOVER_CODE_LENGTH);
    while (handovers.has(code));
    const at = iso();
    const expiresAt = new Date(now().getTime() + HANDOVER_MINUTES * 60_000).toISOString();
    handovers.set(code, { code, at, expiresAt, ...place, snapshot: structuredClone(snapshot) as Record<string, unknown> });
    return created({ code, at, expiresAt }, `/api/v1/officer/handovers/${code}`);
  }

  async function getHandover(ctx: RouteContext): Promise<Response> {
    await officer(ctx);
    sweep();
    const code = normalizeHandoverCode(ctx.params.handover!);
    const h = code ? handovers.get(code) : undefined;
    if (!h) throw notFound('The handover');
    return noStore(h);
  }

  return [
    { method: 'POST', path: '/v1/help-calls', handle: createCall },
    { method: 'GET', path: '/v1/help-calls/:id', handle: async (ctx) => noStore(call(ctx.params.id!)) },
    { method: 'POST', path: '/v1/help-calls/:id/answer', handle: answerCall },
    { method: 'POST', path: '/v1/help-calls/:id/close', handle: async (ctx) => closeCall(ctx) },
    {
      method: 'GET',
      path: '/v1/officer/help-calls',
      handle: async (ctx) => {
        await officer(ctx);
        sweep();
        return noStore({ calls: [...calls.values()].reverse() });
      },
    },
    { method: 'POST', path: '/v1/handovers', handle: createHandover },
    { method: 'GET', path: '/v1/officer/handovers/:handover', handle: getHandover },
  ];
}

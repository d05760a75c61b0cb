/**
 * The link that follows up an application submitted while the kiosk was offline: the kiosk page
 * with `#claim=<Idempotency-Key>`, shown as a QR code on the form's "saved on this kiosk, not
 * submitted yet" page. No application number exists until the kiosk's outbox sends the
 * submission; the key it will be sent with is known at once, and `POST /v1/submissions/claim`
 * answers its holder with the application once it has arrived. The kiosk's track journey opens
 * the link, and once claimed shows (and puts in the address) the application's track link. Like
 * the track link, the key stays in the fragment: it never reaches a server log. DOM-free.
 */
import { fragmentLink, fragmentParams, parseTrack, TRACK_FRAGMENT, type TrackTarget } from './track-link.js';

/** The fragment's name: `#claim=`. */
export const CLAIM_FRAGMENT = 'claim';
/**
 * The keys a claim link carries: URL-safe characters only (the form's keys are UUIDs), and no
 * `.`, so a key alone never reads as a track link's `<number>.<code>`. A narrower rule than the
 * API's (any visible ASCII): a key outside it gets no link.
 */
export const CLAIM_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/** The link a phone opens: `base` (the kiosk page) without its query or fragment, then `#claim=<key>`. Throws on a key of another shape. */
export function claimLink(base: string, key: string): string {
  if (!CLAIM_KEY.test(key)) throw new Error('not a key a claim link can carry');
  return fragmentLink(base, CLAIM_FRAGMENT, key);
}

/** Reads what follows `#claim=` (or a whole claim link): the key, or undefined when it is not one. */
export function parseClaim(text: string): string | undefined {
  const key = fragmentParams(text, CLAIM_FRAGMENT);
  return key !== undefined && CLAIM_KEY.test(key) ? key : undefined;
}

/** What a follow-up link (or its params) names: an application and its code, or a submission's key. */
export type FollowUp = ({ kind: 'track' } & TrackTarget) | { kind: 'claim'; key: string };

/**
 * One reader for both fragment shapes: a whole link by its fragment's name, params alone by
 * their shape (a track link's have a `.`, a key has none). Undefined when it is neither.
 */
export function parseFollowUp(text: string): FollowUp | undefined {
  const claimAt = text.indexOf(`#${CLAIM_FRAGMENT}=`);
  const trackAt = text.indexOf(`#${TRACK_FRAGMENT}=`);
  if (claimAt < 0 || (trackAt >= 0 && trackAt < claimAt)) {
    const target = parseTrack(text);
    if (target) return { kind: 'track', ...target };
    if (trackAt >= 0) return undefined;
  }
  const key = parseClaim(text);
  return key ? { kind: 'claim', key } : undefined;
}

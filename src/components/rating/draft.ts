/**
 * The unsent rating (好差评) of one application (or of one service, rated anonymously), kept in sessionStorage so nothing typed is lost
 * on a network or server problem or a reload. Keys start with {@link RATING_DRAFT_PREFIX}; the
 * kiosk's wipe removes them all ({@link clearRatingDrafts}), so a draft never reaches the next
 * person. Anything unreadable is dropped, never trusted; a storage failure (full, disabled) only
 * loses the backup, never what is on screen.
 */
import { RATING_ASPECTS, type RatingAspect, type RatingScore } from '../../api/types.js';
import { removeKeysWithPrefix } from '../shared/storage.js';

export const RATING_DRAFT_PREFIX = 'onelicence.rating.';
/** The API's limit on the comment (characters). */
export const COMMENT_MAX = 500;

export type Score = RatingScore;
export type AspectLevels = Partial<Record<RatingAspect, Score>>;
export const isScore = (v: unknown): v is Score => v === 1 || v === 2 || v === 3 || v === 4 || v === 5;

export interface RatingDraft {
  score?: Score;
  /** The aspects rated so far (seed 000's four). */
  aspects?: AspectLevels;
  comment: string;
}

/** The aspects' levels that are levels of a known aspect; the rest dropped. */
export function aspectLevels(value: unknown): AspectLevels {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const r = value as Record<string, unknown>;
  const out: AspectLevels = {};
  for (const a of RATING_ASPECTS) {
    const level = r[a];
    if (isScore(level)) out[a] = level;
  }
  return out;
}

const session = (): Storage | undefined => {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
};

export function loadRatingDraft(subject: string, storage: Storage | undefined = session()): RatingDraft {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(RATING_DRAFT_PREFIX + subject) ?? 'null');
    if (!raw || typeof raw !== 'object') return { comment: '' };
    const r = raw as Record<string, unknown>;
    const aspects = aspectLevels(r.aspects);
    return {
      ...(isScore(r.score) ? { score: r.score } : {}),
      ...(Object.keys(aspects).length ? { aspects } : {}),
      comment: typeof r.comment === 'string' ? r.comment.slice(0, COMMENT_MAX) : '',
    };
  } catch {
    return { comment: '' };
  }
}

export function saveRatingDraft(subject: string, draft: RatingDraft, storage: Storage | undefined = session()): void {
  try {
    storage?.setItem(RATING_DRAFT_PREFIX + subject, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the draft stays on screen, it just won't survive a reload.
  }
}

/** Forgets the draft of one application or service (once its rating is recorded). */
export function clearRatingDraft(subject: string, storage: Storage | undefined = session()): void {
  try {
    storage?.removeItem(RATING_DRAFT_PREFIX + subject);
  } catch {
    // Storage disabled: nothing was kept.
  }
}

/** Forgets every unsent rating on this device's session storage (the kiosk's wipe). */
export function clearRatingDrafts(storage: Storage | undefined = session()): void {
  removeKeysWithPrefix(storage, RATING_DRAFT_PREFIX);
}

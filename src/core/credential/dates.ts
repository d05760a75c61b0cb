/**
 * Dates in the profile are calendar days in China Standard Time (UTC+8, no daylight saving):
 * a licence valid "until 2031-06-30" is valid through the end of that day in Beijing,
 * wherever the verifier is. On the wire a date is the number of days since 1970-01-01.
 */

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → days since 1970-01-01, or null if it is not a real date. */
export function dateToDays(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / DAY_MS);
}

/** Days since 1970-01-01 → 'YYYY-MM-DD'. */
export function daysToDate(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar day in China Standard Time at instant `now`, as days since 1970-01-01. */
export function chinaDay(now: Date): number {
  return Math.floor((now.getTime() + CST_OFFSET_MS) / DAY_MS);
}

/** The instant as whole seconds since the epoch (the profile's timestamps). */
export function toSeconds(d: Date): number {
  return Math.floor(d.getTime() / 1000);
}

export function fromSeconds(s: number): string {
  return new Date(s * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Working days on the real Chinese calendar: weekends, public holidays and the make-up
 * working days (调休) the State Council announces each year, from the maintained
 * `chinese-days` package. Statutory time limits (行政许可法 第四十二条) count working days and
 * start the day after acceptance (第八十二条 via 民法典 第二百零一条: a period counted in days
 * does not include its first day).
 *
 * The holiday arrangement of a year is published late in the previous year; for a year the
 * package does not cover yet, only weekends are known. Results that depend on such a year are
 * marked `provisional`, so a due date is never shown as more certain than it is.
 */
// The default import works in both worlds: Node's ESM loader sees the package's CommonJS
// build (no named exports), bundlers its ES build (which also exports a default object).
import chineseDays from 'chinese-days';
import { dateToDays, daysToDate } from '../credential/dates.js';

/** Years whose holiday arrangement the calendar data includes (checked by a test). */
export const CALENDAR_YEARS = { first: 2004, last: 2026 } as const;

const cache = new Map<string, boolean>();

/** Whether `day` ('YYYY-MM-DD') is a working day: a weekday not a holiday, or a make-up day. */
export function isWorkingDay(day: string): boolean {
  let v = cache.get(day);
  if (v === undefined) {
    v = chineseDays.getDayDetail(day).work;
    cache.set(day, v);
  }
  return v;
}

export const isKnownYear = (day: string): boolean => {
  const y = Number(day.slice(0, 4));
  return y >= CALENDAR_YEARS.first && y <= CALENDAR_YEARS.last;
};

export interface DueDate {
  /** The last working day of the period ('YYYY-MM-DD'). */
  date: string;
  /** True when the period reaches a year whose holidays are not published yet. */
  provisional: boolean;
}

function shift(day: string, by: number): string {
  const d = dateToDays(day);
  if (d === null) throw new RangeError(`not a date: ${day}`);
  return daysToDate(d + by);
}

/**
 * The due date of a period of `workingDays` working days starting the day after `start`:
 * the `workingDays`-th working day after `start`.
 */
export function addWorkingDays(start: string, workingDays: number): DueDate {
  if (!Number.isInteger(workingDays) || workingDays < 0) throw new RangeError('working days must be a whole number ≥ 0');
  let day = start;
  let provisional = !isKnownYear(start);
  for (let left = workingDays; left > 0; ) {
    day = shift(day, 1);
    if (!isKnownYear(day)) provisional = true;
    if (isWorkingDay(day)) left--;
  }
  return { date: day, provisional };
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let day = shift(from, 1); day <= to; day = shift(day, 1)) if (isWorkingDay(day)) n++;
  return n;
}

// Working days on the Chinese calendar (chinese-days data), checked on known days.
import { describe, expect, it } from 'vitest';
import { getHolidaysInRange } from 'chinese-days';
import { addWorkingDays, CALENDAR_YEARS, isWorkingDay, workingDaysBetween } from '../../src/core/lifecycle/calendar.js';

describe('the Chinese working-day calendar', () => {
  it('knows make-up working days (调休): Saturday 2026-02-14 and Sunday 2026-09-20 are working days', () => {
    expect(new Date('2026-02-14T00:00:00Z').getUTCDay()).toBe(6);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(new Date('2026-09-20T00:00:00Z').getUTCDay()).toBe(0);
    expect(isWorkingDay('2026-09-20')).toBe(true);
  });

  it('knows public holidays on weekdays: 2026-02-16 (春节) and 2026-10-01 (国庆节) are not working days', () => {
    expect(isWorkingDay('2026-02-16')).toBe(false);
    expect(isWorkingDay('2026-10-01')).toBe(false);
    expect(isWorkingDay('2026-11-23')).toBe(true);
    expect(isWorkingDay('2026-11-22')).toBe(false);
  });

  it('counts a statutory period from the day after acceptance, skipping the National Day week', () => {
    // Accepted Wed 2026-09-30: 1–7 Oct are holidays (Sat 10 Oct is a make-up day), so the
    // 5 working days are 8, 9, 10, 12 and 13 October.
    expect(addWorkingDays('2026-09-30', 5)).toEqual({ date: '2026-10-13', provisional: false });
    expect(workingDaysBetween('2026-09-30', '2026-10-13')).toBe(5);
  });

  it('uses the make-up Saturday of the Spring Festival arrangement', () => {
    // Accepted Fri 2026-02-13: Sat 14 Feb is a make-up working day → day 1.
    expect(addWorkingDays('2026-02-13', 1).date).toBe('2026-02-14');
  });

  it('marks a due date provisional when it reaches a year whose holidays are not published', () => {
    const due = addWorkingDays('2026-12-20', 20);
    expect(due.provisional).toBe(true);
    expect(addWorkingDays('2026-11-23', 5).provisional).toBe(false);
  });

  it('the data covers every year the code says it does', () => {
    for (let y = CALENDAR_YEARS.first; y <= CALENDAR_YEARS.last; y++) {
      expect(getHolidaysInRange(`${y}-01-01`, `${y}-12-31`, false).length, String(y)).toBeGreaterThan(10);
    }
    // If the package adds the next year, widen CALENDAR_YEARS (this fails as a reminder).
    expect(getHolidaysInRange(`${CALENDAR_YEARS.last + 1}-01-01`, `${CALENDAR_YEARS.last + 1}-12-31`, false).length).toBe(0);
  });
});

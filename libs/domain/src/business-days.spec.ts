import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, calendarCoveredUntil, calendarEndsWithin, isBusinessDay, parseCalendarDate, type WorkingCalendar } from './business-days.js';

const calendar: WorkingCalendar = {
  // Nauryz 2026: 21–23 March (Saturday to Monday)
  holidays: new Set(['2026-03-21', '2026-03-22', '2026-03-23']),
  weekendDays: new Set([0, 6]),
};

describe('business days', () => {
  it('skips weekends', () => {
    expect(addBusinessDays('2026-03-06', 1, calendar)).toBe('2026-03-09'); // Friday → Monday
  });

  it('skips a holiday that falls on a working day', () => {
    expect(addBusinessDays('2026-03-20', 1, calendar)).toBe('2026-03-24'); // Friday → Tuesday after Nauryz
  });

  it('counts 30 business days across a holiday', () => {
    const due = addBusinessDays('2026-03-02', 30, calendar);
    expect(due).toBe('2026-04-14');
    expect(businessDaysBetween('2026-03-02', due, calendar)).toBe(30);
  });

  it('leaves the start day when counting zero days', () => {
    expect(addBusinessDays('2026-03-21', 0, calendar)).toBe('2026-03-21');
  });

  it('tells holidays and weekends from working days', () => {
    expect(isBusinessDay('2026-03-23', calendar)).toBe(false);
    expect(isBusinessDay('2026-03-28', calendar)).toBe(false);
    expect(isBusinessDay('2026-03-24', calendar)).toBe(true);
  });

  it('refuses dates that do not exist', () => {
    expect(() => parseCalendarDate('2026-02-30')).toThrow('2026-02-30 is not a calendar date');
    expect(() => addBusinessDays('2026-03-01', -1, calendar)).toThrow(RangeError);
  });

  it('answers 0 between a date and an earlier one', () => {
    expect(businessDaysBetween('2026-03-10', '2026-03-01', calendar)).toBe(0);
  });
});

describe('how far the holiday calendar reaches', () => {
  it('covers the whole latest year that holds a holiday, and nothing when it holds none', () => {
    expect(calendarCoveredUntil(['2026-03-21', '2027-12-16', '2025-01-01'])).toBe('2027-12-31');
    expect(calendarCoveredUntil([])).toBeNull();
  });

  it('ends within six months when its last day comes before the same day six months on', () => {
    expect(calendarEndsWithin('2027-12-31', '2027-07-01', 6)).toBe(true);
    expect(calendarEndsWithin('2027-12-31', '2027-06-30', 6)).toBe(false);
    expect(calendarEndsWithin('2027-12-31', '2026-12-02', 6)).toBe(false);
    expect(calendarEndsWithin(null, '2026-12-02', 6)).toBe(true);
  });
});

/**
 * Business-day arithmetic for deadlines (archive requests, intake). Dates are calendar days written
 * `YYYY-MM-DD`; the holiday calendar is data passed in, never hard-coded here.
 */
export interface WorkingCalendar {
  /** Public holidays and transferred days off, `YYYY-MM-DD`. */
  holidays: ReadonlySet<string>;
  /** Days of the week that are not worked, as `Date#getUTCDay()` numbers (0 = Sunday). */
  weekendDays: ReadonlySet<number>;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseCalendarDate(value: string): Date {
  const match = isoDate.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new RangeError(`${value} is not a calendar date of the form YYYY-MM-DD`);
  }
  return date;
}

export function formatCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function isBusinessDay(day: string, calendar: WorkingCalendar): boolean {
  const date = parseCalendarDate(day);
  return !calendar.weekendDays.has(date.getUTCDay()) && !calendar.holidays.has(day);
}

/** The date `count` business days after `start` (the start day itself is not counted). */
export function addBusinessDays(start: string, count: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (calendar.weekendDays.size >= 7) throw new RangeError('a calendar needs at least one working day a week');
  const date = parseCalendarDate(start);
  let remaining = count;
  while (remaining > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (isBusinessDay(formatCalendarDate(date), calendar)) remaining -= 1;
  }
  return formatCalendarDate(date);
}

/** Business days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function businessDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  const date = parseCalendarDate(from);
  const end = parseCalendarDate(to);
  let days = 0;
  while (date < end) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (isBusinessDay(formatCalendarDate(date), calendar)) days += 1;
  }
  return days;
}

/**
 * The last day the holiday calendar speaks for: the 31st of December of the latest year holding a holiday
 * (a year is entered whole), or null when it holds none. Deadlines after it would count no holidays.
 */
export function calendarCoveredUntil(holidays: Iterable<string>): string | null {
  let lastYear: number | null = null;
  for (const day of holidays) {
    const year = parseCalendarDate(day).getUTCFullYear();
    if (lastYear === null || year > lastYear) lastYear = year;
  }
  return lastYear === null ? null : `${lastYear}-12-31`;
}

/** Whether a calendar covered until `coveredUntil` ends within `months` months of `today` (or holds nothing). */
export function calendarEndsWithin(coveredUntil: string | null, today: string, months: number): boolean {
  if (coveredUntil === null) return true;
  const horizon = parseCalendarDate(today);
  horizon.setUTCMonth(horizon.getUTCMonth() + months);
  return parseCalendarDate(coveredUntil) < horizon;
}

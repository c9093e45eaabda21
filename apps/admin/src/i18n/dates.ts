/**
 * One way of writing dates per language, everywhere in the back office: dd.mm.yyyy (and hh:mm) in Kazakh
 * and Russian, dd/mm/yyyy in English. Instants are shown as the day and time in Kazakhstan (Asia/Almaty),
 * as the commission's documents are dated; a calendar date (a date column, also sent at midnight UTC) is
 * that day, whatever the browser's time zone.
 */
export const officeTimeZone = 'Asia/Almaty';

// Kazakh numeric dates are written as Russian ones (dd.mm.yyyy); browsers' ICU data for `kk` vary.
const formatLocales: Record<string, string> = { kk: 'ru-RU', ru: 'ru-RU', en: 'en-GB' };

const calendarDay = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00:00(?:\.000)?Z)?$/;

type DateInput = string | number | Date | null | undefined;

function toInstant(value: DateInput): { instant: Date; plain: boolean } | null {
  if (value === null || value === undefined || value === '') return null;
  // Only ISO 8601 text is a date: the browser's parser would read "весна 1938" as 1 January 1938.
  if (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}.*)?$/.test(value)) return null;
  const plain = typeof value === 'string' ? calendarDay.exec(value) : null;
  const instant = plain ? new Date(Date.UTC(Number(plain[1]), Number(plain[2]) - 1, Number(plain[3]))) : new Date(value);
  return Number.isNaN(instant.getTime()) ? null : { instant, plain: Boolean(plain) };
}

/** The day: "02.12.2026" in Kazakh and Russian. */
export function formatDate(value: DateInput, locale: string, empty = '—'): string {
  const read = toInstant(value);
  if (!read) return typeof value === 'string' && value ? value : empty;
  return new Intl.DateTimeFormat(formatLocales[locale] ?? locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: read.plain ? 'UTC' : officeTimeZone,
  }).format(read.instant);
}

/** The day and time in Kazakhstan: "02.12.2026, 14:05"; a calendar date has no time and is written as a day. */
export function formatDateTime(value: DateInput, locale: string, empty = '—'): string {
  const read = toInstant(value);
  if (!read) return typeof value === 'string' && value ? value : empty;
  if (read.plain) return formatDate(value, locale, empty);
  return new Intl.DateTimeFormat(formatLocales[locale] ?? locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: officeTimeZone,
  }).format(read.instant);
}

/** Calendar dates as printed on documents; Kazakhstan has been on one time zone (UTC+5) since 2024. */
export const DOCUMENT_TIME_ZONE = 'Asia/Almaty';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const kkMonths = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
// "наурыздағы", "сәуірдегі", "қыркүйектегі": the locative-attributive suffix follows vowel harmony and the last consonant.
const kkMonthsAttributive = [
  'қаңтардағы', 'ақпандағы', 'наурыздағы', 'сәуірдегі', 'мамырдағы', 'маусымдағы',
  'шілдедегі', 'тамыздағы', 'қыркүйектегі', 'қазандағы', 'қарашадағы', 'желтоқсандағы',
];
const ruMonthsGenitive = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** Reads `YYYY-MM-DD` (a date without time) or an ISO timestamp (taken as a calendar day in Kazakhstan). */
export function toCalendarDate(value: string): CalendarDate {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) {
    const date = { year: Number(plain[1]), month: Number(plain[2]), day: Number(plain[3]) };
    const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
    if (check.getUTCFullYear() === date.year && check.getUTCMonth() === date.month - 1 && check.getUTCDate() === date.day) return date;
    throw new RangeError(`Not a calendar date: ${value}`);
  }
  const instant = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(instant.getTime())) throw new RangeError(`Not an ISO date: ${value}`);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: DOCUMENT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** `12.03.2026` */
export function formatNumericDate(value: string): string {
  const { year, month, day } = toCalendarDate(value);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

/** `2026 жылғы 12 наурыз`, or with `attributive` `2026 жылғы 12 наурыздағы` (as in "… наурыздағы № 14 шешімі"). */
export function formatKazakhDate(value: string, form: 'plain' | 'attributive' = 'plain'): string {
  const { year, month, day } = toCalendarDate(value);
  const names = form === 'plain' ? kkMonths : kkMonthsAttributive;
  return `${year} жылғы ${day} ${names[month - 1]}`;
}

/** `12 марта 2026 г.` */
export function formatRussianDate(value: string): string {
  const { year, month, day } = toCalendarDate(value);
  return `${day} ${ruMonthsGenitive[month - 1]} ${year} г.`;
}

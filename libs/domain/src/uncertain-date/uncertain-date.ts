/**
 * Uncertain dates: archival dates are often partial or doubtful ("1937", "autumn 1937", "1937 or 1938",
 * "not later than March 1938"). A value is an inclusive interval of calendar days plus the original wording,
 * so it can be searched, sorted and reported without inventing precision (DESIGN.md §1). Russian, Kazakh and
 * English wordings are read; the clock is never read here (pass `today`).
 *
 * Conventions, each chosen so that a search by interval never misses a day the wording allows:
 * - Seasons are meteorological. Winter is December of the previous year to February: "зима 1937" is
 *   1936-12-01…1937-02-28, the same as "зима 1936/37"; spring is March–May, summer June–August, autumn
 *   September–November.
 * - Beginning / middle / end of a year are its thirds: January–April / May–August / September–December.
 *   Of a decade: its years 0–3 / 4–6 / 7–9 ("конец 1930-х" = 1937–1939).
 * - "circa 1937" is 1936-01-01…1938-12-31 (± 1 year), flagged `approximate`; only a year can be approximate.
 * - "not later than X" runs from the floor 1850-01-01 (the lowest accepted year, so that "не позднее 1890"
 *   for a birth still works) to the end of X, flagged `openStart`. "not earlier than X" runs from the start of X
 *   to `today` when given, else to the ceiling 2100-12-31, flagged `openEnd`.
 * - "1937 or 1938" and "1937–1938" are both the interval covering the two years (precision `range`).
 * - "1937-12" is December 1937 (ISO); "1937-38" (no month 38) is the years 1937–1938.
 * - Two-digit decades ("30-е", "'30s") are the 1930s: the commission's period is the 1920s–1950s. Two-digit
 *   years in full dates ("25.02.38") are refused rather than guessed.
 * - Stated years must lie in 1850–2100; a season or circa may reach one year beyond (winter 1850 starts in 1849).
 */

export type UncertainDatePrecision = 'day' | 'month' | 'season' | 'year' | 'range' | 'decade';
export type UncertainDateLocale = 'ru' | 'kk' | 'en';

export interface UncertainDate {
  /** The first day the event may have happened, `YYYY-MM-DD`, inclusive. */
  earliest: string;
  /** The last day the event may have happened, `YYYY-MM-DD`, inclusive. */
  latest: string;
  /** The wording of the source, spaces tidied. */
  text: string;
  /** The unit the source states the date in; for open bounds, the unit of the stated bound. */
  precision: UncertainDatePrecision;
  /** "not later than …": `earliest` is the floor {@link UNCERTAIN_DATE_FLOOR}, not a stated date. */
  openStart?: boolean;
  /** "not earlier than …": `latest` is `today` or the ceiling {@link UNCERTAIN_DATE_CEILING}, not a stated date. */
  openEnd?: boolean;
  /** "circa": the stated year ± 1. */
  approximate?: boolean;
}

export type UncertainDateErrorCode = 'empty' | 'unreadable' | 'invalid-date' | 'year-out-of-range' | 'reversed-range' | 'in-the-future';

export interface UncertainDateError {
  /** For translating the message in the back office. */
  code: UncertainDateErrorCode;
  /** Names what could not be read, in English. */
  message: string;
}

export type UncertainDateResult = { ok: true; value: UncertainDate } | { ok: false; error: UncertainDateError };

export interface ParseUncertainDateOptions {
  /** `YYYY-MM-DD`. Caps "not earlier than …" and refuses dates that start after it. */
  today?: string;
}

export const UNCERTAIN_DATE_MIN_YEAR = 1850;
export const UNCERTAIN_DATE_MAX_YEAR = 2100;
export const UNCERTAIN_DATE_FLOOR = '1850-01-01';
export const UNCERTAIN_DATE_CEILING = '2100-12-31';

type Span = Omit<UncertainDate, 'text'>;
type Failure = { ok: false; error: UncertainDateError };
/** `undefined`: the form was not recognised, another may be tried. */
type Attempt = { ok: true; span: Span } | Failure | undefined;

const maxLength = 200;
const examples = "expected e.g. '1937', '25.02.1937', 'февраль 1937', 'осень 1937', '1937 или 1938', 'не позднее марта 1938', 'около 1937' or '1930-е'";

export function parseUncertainDate(text: string, options: ParseUncertainDateOptions = {}): UncertainDateResult {
  const { today } = options;
  if (today !== undefined && !isCalendarDate(today)) throw new RangeError(`today must be a calendar date YYYY-MM-DD, got '${today}'`);
  const written = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (written === '') return fail('empty', 'the date is empty');
  if (written.length > maxLength) return fail('unreadable', `the date is ${written.length} characters long; a date has at most ${maxLength}`);

  const attempt = parseExpression(clean(written), written, today);
  if (attempt === undefined) return fail('unreadable', `could not read '${written}' as a date: ${examples}`);
  if (!attempt.ok) return attempt;
  if (today !== undefined && attempt.span.earliest > today) {
    return fail('in-the-future', `'${written}' is after today (${today})`);
  }
  return { ok: true, value: { ...attempt.span, text: written } };
}

/** Orders by the earliest day, then the latest: an archival chronology. Use with `Array#sort`. */
export function compareUncertainDates(a: Pick<UncertainDate, 'earliest' | 'latest'>, b: Pick<UncertainDate, 'earliest' | 'latest'>): number {
  return compareStrings(a.earliest, b.earliest) || compareStrings(a.latest, b.latest);
}

/** Whether the two intervals share at least one day: the test for a search by date range. */
export function overlaps(a: Pick<UncertainDate, 'earliest' | 'latest'>, b: Pick<UncertainDate, 'earliest' | 'latest'>): boolean {
  return a.earliest <= b.latest && b.earliest <= a.latest;
}

/**
 * Writes the interval in a locale. It renders the value, not the original wording (that is `text`): "1937 or
 * 1938" is written "1937–1938". What it writes, `parseUncertainDate` reads back to the same interval.
 */
export function formatUncertainDate(value: Span, locale: UncertainDateLocale): string {
  const words = vocabulary[locale];
  if (value.openStart && !value.openEnd) return words.notLater(describeEnd(value, locale, 'governed'));
  if (value.openEnd && !value.openStart) return words.notEarlier(describeStart(value, locale, 'governed'));
  if (value.approximate) return words.circa(String(yearOf(value.earliest) + 1));
  return value.precision === 'range' ? formatRange(value, locale) : describeStart(value, locale, 'plain');
}

// ---------------------------------------------------------------------------------------------------------
// Reading

function fail(code: UncertainDateErrorCode, message: string): Failure {
  return { ok: false, error: { code, message } };
}

function found(span: Span): Attempt {
  return { ok: true, span };
}

/** Lower case, one kind of dash, and the words that carry no date ("г.", "года", "жылы", "in", "of") removed. */
function clean(written: string): string {
  return written
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[’ʼ`]/g, "'")
    .replace(/[‐‑‒−]/g, '-')
    .replace(/—/g, '–')
    .replace(/,/g, ' ')
    // "1937–1938 жылдары" / "1937-38 гг." are the years of a range, not a decade
    .replace(/(\d{4}\s*[–/-]\s*\d{2,4})\s*(?:жылдар\p{L}*|годы|годах|годов|гг\.?)(?=\s|$)/gu, '$1')
    .replace(/(\d)\s*(?:гг?|жж?)\.?(?=\s|$|[–/-])/gu, '$1')
    .replace(/(?<=^|\s)(?:года|году|годах|годов|годы|год|гг?\.?|жылы|жылғы|жылдың|жылдан|жылға|жыл|жж?\.?|year|the|of|in|в|во)(?=\s|$)/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[\s.;]+$/, '')
    .trim();
}

function parseExpression(s: string, written: string, today: string | undefined): Attempt {
  if (s === '') return undefined;

  const openStart = matchMarker(s, /^(?:не позднее|не позже|not later than|no later than)\s+(.+)$/u, /^(.+?)\s+кешіктірмей$/u);
  if (openStart) {
    const bound = parseBound(openStart);
    if (!bound?.ok) return bound;
    return found({ earliest: UNCERTAIN_DATE_FLOOR, latest: bound.span.latest, precision: bound.span.precision, openStart: true });
  }

  const openEnd = matchMarker(s, /^(?:не ранее|не раньше|not earlier than|no earlier than)\s+(.+)$/u, /^(.+?)\s+(?:ерте|бұрын) емес$/u);
  if (openEnd) {
    const bound = parseBound(openEnd);
    if (!bound?.ok) return bound;
    const latest = today ?? UNCERTAIN_DATE_CEILING;
    // A bound after today is refused as in the future by the caller; until then the interval stays well-formed.
    return found({ earliest: bound.span.earliest, latest: latest < bound.span.earliest ? bound.span.latest : latest, precision: bound.span.precision, openEnd: true });
  }

  const circa = matchMarker(
    s,
    /^(?:(?:около|примерно|приблизительно|circa|approximately|about|around|шамамен)\s+|(?:ок|ca|c|approx|шам)\.\s*|ca\s+|~\s*)(.+)$/u,
    /^(.+?)\s+(?:шамасында|шамасы|шамамен)$/u,
  );
  if (circa) {
    if (!/^\d{1,4}$/.test(circa.rest)) {
      return fail('unreadable', `an approximate date needs a year, e.g. 'около 1937' or 'circa 1937'; could not use '${circa.rest}'`);
    }
    const year = checkYear(circa.rest);
    if (typeof year !== 'number') return year;
    return found({ earliest: iso(year - 1, 1, 1), latest: iso(year + 1, 12, 31), precision: 'year', approximate: true });
  }

  const simple = parseSimple(s);
  if (simple) return simple;

  for (const [pattern, kind] of rangePatterns) {
    const match = pattern.exec(s);
    if (match) return parseRange(match[1], match[2], kind, written);
  }
  return undefined;
}

/** A wording around a date: "не позднее …" (ru, en) or "… кешіктірмей" (kk). */
function matchMarker(s: string, prefix: RegExp, suffix: RegExp): { where: string; rest: string } | undefined {
  const before = prefix.exec(s);
  if (before) return { where: `after '${s.slice(0, s.length - before[1].length).trim()}'`, rest: before[1] };
  const after = suffix.exec(s);
  if (after) return { where: `before '${s.slice(after[1].length).trim()}'`, rest: after[1] };
  return undefined;
}

function parseBound({ where, rest }: { where: string; rest: string }): Attempt {
  const bound = parseSimple(rest);
  if (bound === undefined) return fail('unreadable', `could not read '${rest}' ${where} as a date: ${examples}`);
  return bound;
}

type RangeKind = 'through' | 'either';

// "с … по", "from … to", dashes; "или / or / немесе" is the interval covering both alternatives.
const rangePatterns: ReadonlyArray<[RegExp, RangeKind]> = [
  [/^(?:с|со)\s+(.+?)\s+(?:по|до)\s+(.+)$/u, 'through'],
  [/^from\s+(.+?)\s+(?:to|until|till|through)\s+(.+)$/u, 'through'],
  [/^(?:between|между)\s+(.+?)\s+(?:and|и)\s+(.+)$/u, 'through'],
  [/^(.+?)\s+(?:или|либо|or|немесе)\s+(.+)$/u, 'either'],
  [/^(.+?)\s*–\s*(.+)$/u, 'through'],
  [/^(.+?)\s+-\s+(.+)$/u, 'through'],
  [/^(\d{4})\s*[-/]\s*(\d{2}|\d{4})$/u, 'through'],
];

function parseRange(leftRaw: string, rightRaw: string, kind: RangeKind, written: string): Attempt {
  // "1937–38": the second year shares the century of the first.
  const right = /^\d{4}$/.test(leftRaw) && /^\d{2}$/.test(rightRaw) ? `${leftRaw.slice(0, 2)}${rightRaw}` : rightRaw;
  // "1937 ақпан–наурыз": the second part takes the year of the first.
  const leftYear = /^\d{4}(?=\s)/.exec(leftRaw)?.[0];
  const borrowed = leftYear && /^\p{L}+\.?$/u.test(right) ? parseSimple(`${leftYear} ${right}`) : undefined;
  const end = borrowed?.ok ? borrowed : parseSimple(right);
  if (end === undefined) return fail('unreadable', `could not read '${rightRaw}' in '${written}' as a date: ${examples}`);
  if (!end.ok) return end;

  const completed = parseSimple(completeStart(leftRaw, right, end.span));
  const start = completed?.ok ? completed : parseSimple(leftRaw);
  if (start === undefined) return fail('unreadable', `could not read '${leftRaw}' in '${written}' as a date: ${examples}`);
  if (!start.ok) return start;

  if (kind === 'through' && start.span.earliest > end.span.latest) {
    return fail('reversed-range', `the range '${written}' ends before it starts`);
  }
  const earliest = start.span.earliest < end.span.earliest ? start.span.earliest : end.span.earliest;
  const latest = start.span.latest > end.span.latest ? start.span.latest : end.span.latest;
  return found({ earliest, latest, precision: 'range' });
}

/** The start of a range often leaves out what the end says: "25–27.02.1937", "февраль–март 1937". */
function completeStart(left: string, right: string, end: Span): string {
  if (/^\d{1,2}$/.test(left) && end.precision === 'day') {
    const rest = right.replace(/^\d{1,2}/, '');
    return rest.startsWith('.') ? `${left}${rest}` : `${left} ${rest.trim()}`;
  }
  const year = /(\d{4})$/.exec(right)?.[1];
  if (/^\p{L}+\.?$/u.test(left) && year) return `${left} ${year}`;
  if (/^\d{1,2} \p{L}+\.?$/u.test(left) && year) return `${left} ${year}`;
  return left;
}

const roman = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

function monthNumber(raw: string): number {
  return /^\d+$/.test(raw) ? Number(raw) : roman.indexOf(raw) + 1;
}

// One form after another; a form that recognises the shape but finds it wrong says why.
const simpleForms: ReadonlyArray<[RegExp, (m: RegExpExecArray, s: string) => Attempt]> = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/u, (m, s) => daySpan(m[1], Number(m[2]), m[3], s)],
  [/^(\d{1,2})\.(\d{1,2}|[ivx]{1,4})\.(\d{1,4})$/u, (m, s) => daySpan(m[3], monthNumber(m[2]), m[1], s)],
  [/^(\d{4})-(\d{2})$/u, (m, s) => isoMonth(m[1], m[2], s)],
  [/^(\d{1,2}|[ivx]{1,4})\.(\d{1,4})$/u, (m, s) => monthSpan(m[2], monthNumber(m[1]), s)],
  [/^(\d{1,4})$/u, (m) => yearSpan(m[1])],
  [/^(\d{4}|\d{2})(?:-?(?:е|х|ые|ых|ие|их)|'?s|\s*-?\s*жылдар\p{L}*)$/u, (m, s) => decadeSpan(m[1], s)],
  [/^'(\d{2})s$/u, (m, s) => decadeSpan(m[1], s)],
  [/^(\p{L}+)\s+(\d{4})\s*[/–-]\s*(\d{2}|\d{4})$/u, (m, s) => splitWinter(m[1], m[2], m[3], s)],
  [/^(\d{4})\s*[/–-]\s*(\d{2}|\d{4})\s+(\p{L}+)$/u, (m, s) => splitWinter(m[3], m[1], m[2], s)],
  [/^(\p{L}+\.?)(?:\s+|-)(\d{1,4})$/u, (m, s) => namedPeriod(m[1], m[2], s)],
  [/^(\d{1,4})\s+(\p{L}+\.?)$/u, (m, s) => namedPeriod(m[2], m[1], s)],
  [/^(\d{1,2})(?:st|nd|rd|th)?\s+(\p{L}+\.?)\s+(\d{1,4})$/u, (m, s) => namedDay(m[1], m[2], m[3], s)],
  [/^(\p{L}+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?\s+(\d{1,4})$/u, (m, s) => namedDay(m[2], m[1], m[3], s)],
  [/^(\d{4})\s+(\d{1,2})\s+(\p{L}+\.?)$/u, (m, s) => namedDay(m[2], m[3], m[1], s)],
  [/^(\p{L}+)(?:\s+|-)(.+)$/u, (m) => partOfDecade(m[1], m[2])],
  [/^(.+)\s+(\p{L}+)$/u, (m) => partOfDecade(m[2], m[1])],
];

function parseSimple(s: string): Attempt {
  for (const [pattern, read] of simpleForms) {
    const match = pattern.exec(s);
    const attempt = match ? read(match, s) : undefined;
    if (attempt) return attempt;
  }
  return undefined;
}

/** "1937-02" is February; "1937-38" is left to be read as the years 1937–1938; "1937-13" is neither. */
function isoMonth(yearRaw: string, monthRaw: string, s: string): Attempt {
  const month = Number(monthRaw);
  if (month >= 1 && month <= 12) return monthSpan(yearRaw, month, s);
  if (month > Number(yearRaw.slice(2))) return undefined;
  return fail('invalid-date', `there is no month ${monthRaw} in '${s}', and it is not a range of years either`);
}

function checkYear(raw: string): number | Failure {
  const year = Number(raw);
  if (year >= UNCERTAIN_DATE_MIN_YEAR && year <= UNCERTAIN_DATE_MAX_YEAR) return year;
  const hint = raw.length <= 2 ? ': write the year in full, e.g. 1938' : '';
  return fail('year-out-of-range', `year ${raw} is outside ${UNCERTAIN_DATE_MIN_YEAR}–${UNCERTAIN_DATE_MAX_YEAR}${hint}`);
}

function yearSpan(raw: string): Attempt {
  const year = checkYear(raw);
  if (typeof year !== 'number') return year;
  return found({ earliest: iso(year, 1, 1), latest: iso(year, 12, 31), precision: 'year' });
}

function monthSpan(yearRaw: string, month: number, s: string): Attempt {
  if (!(month >= 1 && month <= 12)) return fail('invalid-date', `there is no month ${month || '?'} in '${s}'`);
  const year = checkYear(yearRaw);
  if (typeof year !== 'number') return year;
  return found({ earliest: iso(year, month, 1), latest: iso(year, month, daysInMonth(year, month)), precision: 'month' });
}

function daySpan(yearRaw: string, month: number, dayRaw: string, s: string): Attempt {
  if (!(month >= 1 && month <= 12)) return fail('invalid-date', `'${s}' is not a calendar date: there is no month ${month || '?'}`);
  const year = checkYear(yearRaw);
  if (typeof year !== 'number') return year;
  const day = Number(dayRaw);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return fail('invalid-date', `'${s}' is not a calendar date: ${monthNames.en[month - 1]} ${year} has ${last} days`);
  }
  return found({ earliest: iso(year, month, day), latest: iso(year, month, day), precision: 'day' });
}

function decadeSpan(raw: string, s: string): Attempt {
  const start = raw.length === 2 ? 1900 + Number(raw) : Number(raw);
  if (start % 10 !== 0) return fail('unreadable', `a decade starts with a year ending in 0, e.g. '1930-е' or '1930s'; could not read '${s}'`);
  const year = checkYear(String(start));
  if (typeof year !== 'number') return year;
  return found({ earliest: iso(start, 1, 1), latest: iso(start + 9, 12, 31), precision: 'decade' });
}

type Season = 'winter' | 'spring' | 'summer' | 'autumn';
type Part = 'beginning' | 'middle' | 'end';

// Russian and Kazakh words are matched by their stem, so that case endings ("марта", "осенью",
// "наурызынан", "күзінде") read as the word itself.
const monthWords: ReadonlyArray<[RegExp, number]> = [
  [/^(?:янв\p{L}*|қаңтар\p{L}*|january|jan)$/u, 1],
  [/^(?:фев\p{L}*|ақпан\p{L}*|february|feb)$/u, 2],
  [/^(?:мар\p{L}*|наурыз\p{L}*|march|mar)$/u, 3],
  [/^(?:апр\p{L}*|сәуір\p{L}*|april|apr)$/u, 4],
  [/^(?:ма[йяею]\p{L}*|мамыр\p{L}*|may)$/u, 5],
  [/^(?:июн\p{L}*|маусым\p{L}*|june|jun)$/u, 6],
  [/^(?:июл\p{L}*|шілде\p{L}*|july|jul)$/u, 7],
  [/^(?:авг\p{L}*|тамыз\p{L}*|august|aug)$/u, 8],
  [/^(?:сен\p{L}*|қыркүйе[кг]\p{L}*|september|sept|sep)$/u, 9],
  [/^(?:окт\p{L}*|қазан\p{L}*|october|oct)$/u, 10],
  [/^(?:ноя\p{L}*|қараша\p{L}*|november|nov)$/u, 11],
  [/^(?:дек\p{L}*|желтоқсан\p{L}*|december|dec)$/u, 12],
];
const seasonWords: ReadonlyArray<[RegExp, Season]> = [
  [/^(?:зим\p{L}*|қыс(?:ы|та|ында|тан|ынан)?|winter)$/u, 'winter'],
  [/^(?:весн\p{L}*|көктем\p{L}*|spring)$/u, 'spring'],
  [/^(?:лет(?:о|ом|а|е|у)|жаз(?:ы|да|ында|дан|ынан)?|summer)$/u, 'summer'],
  [/^(?:осен\p{L}*|күз(?:і|де|інде|ден|інен)?|autumn|fall)$/u, 'autumn'],
];
const partWords: ReadonlyArray<[RegExp, Part]> = [
  [/^(?:начал\p{L}*|бас(?:ы|ында|ынан)|beginning|start|early)$/u, 'beginning'],
  [/^(?:середин\p{L}*|орта(?:сы|сында|сынан)|middle|mid)$/u, 'middle'],
  [/^(?:конец|конц\p{L}*|аяғ(?:ы|ында|ынан)|соң(?:ы|ында|ынан)|end|late)$/u, 'end'],
];

function lookUp<T>(table: ReadonlyArray<[RegExp, T]>, word: string): T | undefined {
  const bare = word.replace(/\.$/, '');
  return table.find(([pattern]) => pattern.test(bare))?.[1];
}

function namedPeriod(word: string, yearRaw: string, s: string): Attempt {
  const month = lookUp(monthWords, word);
  if (month) return monthSpan(yearRaw, month, s);
  const year = checkYear(yearRaw);
  const season = lookUp(seasonWords, word);
  const part = lookUp(partWords, word);
  if (!season && !part) return fail('unreadable', `could not read '${word}' in '${s}' as a month, a season or a part of a year`);
  if (typeof year !== 'number') return year;
  if (season) return found({ ...seasonSpan(season, year), precision: 'season' });
  const [from, to] = { beginning: [1, 4], middle: [5, 8], end: [9, 12] }[part!];
  return found({ earliest: iso(year, from, 1), latest: iso(year, to, daysInMonth(year, to)), precision: 'range' });
}

function namedDay(dayRaw: string, word: string, yearRaw: string, s: string): Attempt {
  const month = lookUp(monthWords, word);
  if (!month) return fail('unreadable', `could not read '${word}' in '${s}' as a month`);
  return daySpan(yearRaw, month, dayRaw, s);
}

function seasonSpan(season: Season, year: number): Pick<Span, 'earliest' | 'latest'> {
  switch (season) {
    case 'winter':
      return { earliest: iso(year - 1, 12, 1), latest: iso(year, 2, daysInMonth(year, 2)) };
    case 'spring':
      return { earliest: iso(year, 3, 1), latest: iso(year, 5, 31) };
    case 'summer':
      return { earliest: iso(year, 6, 1), latest: iso(year, 8, 31) };
    case 'autumn':
      return { earliest: iso(year, 9, 1), latest: iso(year, 11, 30) };
  }
}

/** "зима 1937/38", "winter 1937–1938", "1937/38 қысы": the winter that ends in the second year. */
function splitWinter(word: string, firstRaw: string, secondRaw: string, s: string): Attempt {
  const season = lookUp(seasonWords, word);
  if (!season) return undefined;
  const first = checkYear(firstRaw);
  if (typeof first !== 'number') return first;
  const second = secondRaw.length === 2 ? Number(`${firstRaw.slice(0, 2)}${secondRaw}`) : Number(secondRaw);
  if (season !== 'winter') return fail('unreadable', `only a winter spans two years; could not read '${s}'`);
  if (second !== first + 1) return fail('unreadable', `a winter spans two consecutive years, e.g. 'зима 1937/38'; could not read '${s}'`);
  return found({ ...seasonSpan('winter', second), precision: 'season' });
}

function partOfDecade(word: string, decadeRaw: string): Attempt {
  const part = lookUp(partWords, word);
  if (!part) return undefined;
  const decade = parseSimple(decadeRaw);
  if (!decade?.ok || decade.span.precision !== 'decade') return undefined;
  const start = yearOf(decade.span.earliest);
  const [from, to] = { beginning: [0, 3], middle: [4, 6], end: [7, 9] }[part];
  return found({ earliest: iso(start + from, 1, 1), latest: iso(start + to, 12, 31), precision: 'range' });
}

// ---------------------------------------------------------------------------------------------------------
// Writing

const monthNames: Record<'ru' | 'ruGenitive' | 'kk' | 'kkAblative' | 'en', readonly string[]> = {
  ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  ruGenitive: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  kkAblative: ['қаңтарынан', 'ақпанынан', 'наурызынан', 'сәуірінен', 'мамырынан', 'маусымынан', 'шілдесінен', 'тамызынан', 'қыркүйегінен', 'қазанынан', 'қарашасынан', 'желтоқсанынан'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

type Form = 'plain' | 'governed'; // governed: after "не позднее" / before "кешіктірмей"

interface Vocabulary {
  notLater(bound: string): string;
  notEarlier(bound: string): string;
  circa(year: string): string;
  year(year: number, form: Form): string;
  month(year: number, month: number, form: Form): string;
  day(year: number, month: number, day: number): string;
  season(season: Season, year: number, form: Form): string;
  decade(start: number, form: Form): string;
  monthName(month: number): string;
}

const winterYears = (year: number) => `${year - 1}/${String(year).slice(2)}`;

const vocabulary: Record<UncertainDateLocale, Vocabulary> = {
  ru: {
    notLater: (bound) => `не позднее ${bound}`,
    notEarlier: (bound) => `не ранее ${bound}`,
    circa: (year) => `около ${year}`,
    year: (year) => String(year),
    month: (year, month, form) => `${(form === 'plain' ? monthNames.ru : monthNames.ruGenitive)[month - 1]} ${year}`,
    day: (year, month, day) => `${pad(day)}.${pad(month)}.${year}`,
    season: (season, year, form) => {
      const word = { winter: ['зима', 'зимы'], spring: ['весна', 'весны'], summer: ['лето', 'лета'], autumn: ['осень', 'осени'] }[season];
      return `${word[form === 'plain' ? 0 : 1]} ${season === 'winter' ? winterYears(year) : year}`;
    },
    decade: (start, form) => `${start}-${form === 'plain' ? 'е' : 'х'}`,
    monthName: (month) => monthNames.ru[month - 1],
  },
  kk: {
    notLater: (bound) => `${bound} кешіктірмей`,
    notEarlier: (bound) => `${bound} ерте емес`,
    circa: (year) => `шамамен ${year}`,
    year: (year, form) => (form === 'plain' ? String(year) : `${year} жылдан`),
    month: (year, month, form) => (form === 'plain' ? `${monthNames.kk[month - 1]} ${year}` : `${year} ${monthNames.kkAblative[month - 1]}`),
    day: (year, month, day) => `${pad(day)}.${pad(month)}.${year}`,
    season: (season, year, form) => {
      const word = { winter: ['қыс', 'қысынан'], spring: ['көктем', 'көктемінен'], summer: ['жаз', 'жазынан'], autumn: ['күз', 'күзінен'] }[season];
      const years = season === 'winter' ? winterYears(year) : String(year);
      return form === 'plain' ? `${word[0]} ${years}` : `${years} ${word[1]}`;
    },
    decade: (start, form) => `${start} ${form === 'plain' ? 'жылдары' : 'жылдардан'}`,
    monthName: (month) => monthNames.kk[month - 1],
  },
  en: {
    notLater: (bound) => `not later than ${bound}`,
    notEarlier: (bound) => `not earlier than ${bound}`,
    circa: (year) => `circa ${year}`,
    year: (year) => String(year),
    month: (year, month) => `${monthNames.en[month - 1]} ${year}`,
    day: (year, month, day) => `${day} ${monthNames.en[month - 1]} ${year}`,
    season: (season, year) => `${season} ${season === 'winter' ? winterYears(year) : year}`,
    decade: (start, form) => `${form === 'plain' ? '' : 'the '}${start}s`,
    monthName: (month) => monthNames.en[month - 1],
  },
};

const seasonOfMonth: Record<number, Season> = { 12: 'winter', 1: 'winter', 2: 'winter', 3: 'spring', 4: 'spring', 5: 'spring', 6: 'summer', 7: 'summer', 8: 'summer', 9: 'autumn', 10: 'autumn', 11: 'autumn' };

/** The start of the interval, in the unit it is stated in (or the coarsest one its day allows). */
function describeStart(value: Span, locale: UncertainDateLocale, form: Form): string {
  const words = vocabulary[locale];
  const [year, month, day] = parts(value.earliest);
  switch (value.precision) {
    case 'decade':
      return words.decade(year, form);
    case 'season':
      return words.season(seasonOfMonth[month], month === 12 ? year + 1 : year, form);
    case 'year':
      return words.year(year, form);
    case 'month':
      return words.month(year, month, form);
    case 'day':
      return words.day(year, month, day);
    case 'range':
      if (month === 1 && day === 1) return words.year(year, form);
      if (day === 1) return words.month(year, month, form);
      return words.day(year, month, day);
  }
}

/** The end of the interval, in the unit it is stated in (or the coarsest one its day allows). */
function describeEnd(value: Span, locale: UncertainDateLocale, form: Form): string {
  const words = vocabulary[locale];
  const [year, month, day] = parts(value.latest);
  switch (value.precision) {
    case 'decade':
      return words.decade(year - (year % 10), form);
    case 'season':
      return words.season(seasonOfMonth[month], year, form);
    case 'year':
      return words.year(year, form);
    case 'month':
      return words.month(year, month, form);
    case 'day':
      return words.day(year, month, day);
    case 'range':
      if (month === 12 && day === 31) return words.year(year, form);
      if (day === daysInMonth(year, month)) return words.month(year, month, form);
      return words.day(year, month, day);
  }
}

/** A range in whole years, whole months or days, whichever both ends allow; literal, never "начало 1937". */
function formatRange(value: Span, locale: UncertainDateLocale): string {
  const words = vocabulary[locale];
  const [startYear, startMonth, startDay] = parts(value.earliest);
  const [endYear, endMonth, endDay] = parts(value.latest);
  if (startMonth === 1 && startDay === 1 && endMonth === 12 && endDay === 31) {
    return startYear === endYear ? words.year(startYear, 'plain') : `${startYear}–${endYear}`;
  }
  if (startDay === 1 && endDay === daysInMonth(endYear, endMonth)) {
    if (startYear !== endYear) return `${words.month(startYear, startMonth, 'plain')} – ${words.month(endYear, endMonth, 'plain')}`;
    if (startMonth === endMonth) return words.month(endYear, endMonth, 'plain');
    return `${words.monthName(startMonth)} – ${words.month(endYear, endMonth, 'plain')}`;
  }
  return `${words.day(startYear, startMonth, startDay)} – ${words.day(endYear, endMonth, endDay)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Calendar

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = parts(value);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

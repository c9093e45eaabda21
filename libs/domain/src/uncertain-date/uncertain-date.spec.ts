import { describe, expect, it } from 'vitest';
import {
  compareUncertainDates,
  formatUncertainDate,
  overlaps,
  parseUncertainDate as sut,
  UNCERTAIN_DATE_CEILING,
  UNCERTAIN_DATE_FLOOR,
  type ParseUncertainDateOptions,
  type UncertainDate,
  type UncertainDateErrorCode,
  type UncertainDateLocale,
} from './uncertain-date.js';

function parsed(text: string, options?: ParseUncertainDateOptions): UncertainDate {
  const result = sut(text, options);
  if (!result.ok) throw new Error(`expected '${text}' to parse, got: ${result.error.message}`);
  return result.value;
}

function refused(text: string, options?: ParseUncertainDateOptions): { code: UncertainDateErrorCode; message: string } {
  const result = sut(text, options);
  if (result.ok) throw new Error(`expected '${text}' to be refused, got ${result.value.earliest}…${result.value.latest}`);
  return result.error;
}

/** The interval and what qualifies it, without the wording. */
function interval(text: string, options?: ParseUncertainDateOptions) {
  const { text: _text, ...rest } = parsed(text, options);
  return rest;
}

describe('parseUncertainDate', () => {
  describe('a year', () => {
    it.each(['1937', '1937 г.', '1937г', '1937 года', 'в 1937 году', '1937 ж.', '1937 жылы', 'in 1937', '  1937  '])('%s', (text) => {
      expect(interval(text)).toEqual({ earliest: '1937-01-01', latest: '1937-12-31', precision: 'year' });
    });

    it('keeps the wording, spaces tidied', () => {
      expect(parsed('  в  1937   году ').text).toBe('в 1937 году');
    });
  });

  describe('a day', () => {
    it.each([
      '1938-02-25', '25.02.1938', '25.02.1938 г.', '25.II.1938', '25 февраля 1938', '25 февраля 1938 года', '25 фев. 1938',
      '1938 жылғы 25 ақпан', '25 ақпан 1938', '25 February 1938', 'February 25, 1938', 'Feb 25th 1938',
    ])('%s', (text) => {
      expect(interval(text)).toEqual({ earliest: '1938-02-25', latest: '1938-02-25', precision: 'day' });
    });

    it('knows leap years', () => {
      expect(interval('29.02.1936')).toEqual({ earliest: '1936-02-29', latest: '1936-02-29', precision: 'day' });
    });
  });

  describe('a month', () => {
    it.each([
      '1937-02', '02.1937', '2.1937', 'II.1937', 'февраль 1937', 'Февраль 1937 г.', 'февраля 1937 года', 'фев. 1937', 'февр. 1937',
      'ақпан 1937', '1937 жылғы ақпан', '1937 жылдың ақпаны', 'February 1937', 'Feb 1937', 'Feb. 1937', 'february of 1937',
    ])('%s', (text) => {
      expect(interval(text)).toEqual({ earliest: '1937-02-01', latest: '1937-02-28', precision: 'month' });
    });

    it.each<[string, string, string]>([
      ['январь 1937', '1937-01-01', '1937-01-31'],
      ['мая 1937', '1937-05-01', '1937-05-31'],
      ['мамыр 1937', '1937-05-01', '1937-05-31'],
      ['May 1937', '1937-05-01', '1937-05-31'],
      ['маусым 1937', '1937-06-01', '1937-06-30'],
      ['шілде 1937', '1937-07-01', '1937-07-31'],
      ['сентябрь 1937', '1937-09-01', '1937-09-30'],
      ['қыркүйек 1937', '1937-09-01', '1937-09-30'],
      ['Sept 1937', '1937-09-01', '1937-09-30'],
      ['қазан 1937', '1937-10-01', '1937-10-31'],
      ['нояб. 1937', '1937-11-01', '1937-11-30'],
      ['қараша 1937', '1937-11-01', '1937-11-30'],
      ['желтоқсан 1937', '1937-12-01', '1937-12-31'],
      ['1937-12', '1937-12-01', '1937-12-31'],
    ])('%s is the whole month', (text, earliest, latest) => {
      expect(interval(text)).toEqual({ earliest, latest, precision: 'month' });
    });
  });

  describe('a season', () => {
    it.each(['осень 1937', 'осенью 1937 года', 'күз 1937', '1937 жылдың күзі', '1937 жылы күзде', 'autumn 1937', 'fall 1937', 'Autumn of 1937'])(
      '%s is September to November',
      (text) => {
        expect(interval(text)).toEqual({ earliest: '1937-09-01', latest: '1937-11-30', precision: 'season' });
      },
    );

    it.each(['весна 1938', 'весной 1938', 'көктем 1938', 'spring 1938'])('%s is March to May', (text) => {
      expect(interval(text)).toEqual({ earliest: '1938-03-01', latest: '1938-05-31', precision: 'season' });
    });

    it.each(['лето 1938', 'летом 1938', 'жаз 1938', '1938 жылдың жазы', 'summer 1938'])('%s is June to August', (text) => {
      expect(interval(text)).toEqual({ earliest: '1938-06-01', latest: '1938-08-31', precision: 'season' });
    });

    it.each(['зима 1938', 'зимой 1938', 'қыс 1938', 'winter 1938'])('%s runs from December of the year before to February', (text) => {
      expect(interval(text)).toEqual({ earliest: '1937-12-01', latest: '1938-02-28', precision: 'season' });
    });

    it.each(['зима 1937/38', 'зима 1937–1938', 'winter 1937-38', '1937/38 қысы'])('%s is the winter that ends in the second year', (text) => {
      expect(interval(text)).toEqual({ earliest: '1937-12-01', latest: '1938-02-28', precision: 'season' });
    });

    it('ends a winter on 29 February in a leap year', () => {
      expect(parsed('зима 1936').latest).toBe('1936-02-29');
    });
  });

  describe('either of two years, or a range', () => {
    it.each([
      '1937 или 1938', '1937 либо 1938', '1937 немесе 1938', '1937 or 1938', '1938 or 1937',
      '1937–1938', '1937—1938', '1937-1938', '1937 - 1938', '1937–38', '1937-38', '1937/1938', '1937/38',
      '1937–1938 гг.', '1937-1938 жж.', '1937–1938 жылдары', 'с 1937 по 1938', 'с 1937 г. по 1938 г.',
      'from 1937 to 1938', 'between 1937 and 1938', 'между 1937 и 1938',
    ])('%s covers both years', (text) => {
      expect(interval(text)).toEqual({ earliest: '1937-01-01', latest: '1938-12-31', precision: 'range' });
    });

    it('covers the years between two alternatives too', () => {
      expect(interval('1937 или 1939')).toMatchObject({ earliest: '1937-01-01', latest: '1939-12-31' });
    });

    it.each<[string, string, string]>([
      ['февраль–март 1937', '1937-02-01', '1937-03-31'],
      ['ақпан–наурыз 1937', '1937-02-01', '1937-03-31'],
      ['1937 ақпан–наурыз', '1937-02-01', '1937-03-31'],
      ['February – March 1937', '1937-02-01', '1937-03-31'],
      ['февраль 1937 – март 1938', '1937-02-01', '1938-03-31'],
      ['from March 1937 to May 1938', '1937-03-01', '1938-05-31'],
      ['25–27.02.1937', '1937-02-25', '1937-02-27'],
      ['25–27 февраля 1937', '1937-02-25', '1937-02-27'],
      ['25.02.1937 – 03.03.1937', '1937-02-25', '1937-03-03'],
      ['1937-02-25 - 1937-03-03', '1937-02-25', '1937-03-03'],
      ['осень 1937 – весна 1938', '1937-09-01', '1938-05-31'],
      ['1937 или осень 1938', '1937-01-01', '1938-11-30'],
      ['1930-е – 1940-е', '1930-01-01', '1949-12-31'],
    ])('%s runs from the start of the first to the end of the second', (text, earliest, latest) => {
      expect(interval(text)).toEqual({ earliest, latest, precision: 'range' });
    });
  });

  describe('not later than', () => {
    it.each([
      'не позднее 1938-03', 'не позднее марта 1938', 'не позднее марта 1938 г.', 'не позже 03.1938',
      'not later than 1938-03', 'no later than March 1938', '1938 наурызынан кешіктірмей', '1938 жылғы наурыздан кешіктірмей',
    ])('%s ends with March 1938 and starts at the open floor', (text) => {
      expect(interval(text)).toEqual({ earliest: UNCERTAIN_DATE_FLOOR, latest: '1938-03-31', precision: 'month', openStart: true });
    });

    it.each(['не позднее 1938', 'not later than 1938', '1938 жылдан кешіктірмей', '1938 ж. кешіктірмей'])('%s ends with 1938', (text) => {
      expect(interval(text)).toEqual({ earliest: '1850-01-01', latest: '1938-12-31', precision: 'year', openStart: true });
    });

    it('takes a day, a season or a decade as the bound', () => {
      expect(interval('не позднее 25.02.1938')).toMatchObject({ latest: '1938-02-25', precision: 'day', openStart: true });
      expect(interval('не позднее осени 1937')).toMatchObject({ latest: '1937-11-30', precision: 'season', openStart: true });
      expect(interval('not later than the 1930s')).toMatchObject({ latest: '1939-12-31', precision: 'decade', openStart: true });
    });

    it('lets a birth year before 1900 have an open start', () => {
      expect(interval('не позднее 1890')).toMatchObject({ earliest: '1850-01-01', latest: '1890-12-31' });
    });
  });

  describe('not earlier than', () => {
    it.each(['не ранее 1937', 'не раньше 1937 г.', 'not earlier than 1937', 'no earlier than 1937', '1937 жылдан ерте емес', '1937 жылдан бұрын емес'])(
      '%s starts with 1937 and ends at the open ceiling',
      (text) => {
        expect(interval(text)).toEqual({ earliest: '1937-01-01', latest: UNCERTAIN_DATE_CEILING, precision: 'year', openEnd: true });
      },
    );

    it('ends today when today is given', () => {
      expect(interval('не ранее марта 1937', { today: '2026-03-10' })).toEqual({
        earliest: '1937-03-01', latest: '2026-03-10', precision: 'month', openEnd: true,
      });
    });
  });

  describe('circa', () => {
    it.each(['около 1937', 'ок. 1937', 'около 1937 г.', 'примерно 1937', 'приблизительно 1937', 'circa 1937', 'ca. 1937', 'c. 1937', 'approx. 1937', 'about 1937', '~1937', 'шамамен 1937', '1937 ж. шамасында'])(
      '%s is the year ± 1',
      (text) => {
        expect(interval(text)).toEqual({ earliest: '1936-01-01', latest: '1938-12-31', precision: 'year', approximate: true });
      },
    );

    it('does not take "окт." for "ок."', () => {
      expect(interval('окт. 1937')).toEqual({ earliest: '1937-10-01', latest: '1937-10-31', precision: 'month' });
    });
  });

  describe('a decade', () => {
    it.each(['1930-е', '1930-е гг.', '1930-е годы', 'в 1930-х годах', '30-е годы', '1930s', "1930's", 'the 1930s', "'30s", '1930 жылдары', '1930-жылдары'])(
      '%s is 1930 to 1939',
      (text) => {
        expect(interval(text)).toEqual({ earliest: '1930-01-01', latest: '1939-12-31', precision: 'decade' });
      },
    );
  });

  describe('beginning, middle and end', () => {
    it.each(['начало 1938', 'в начале 1938 года', 'early 1938', 'beginning of 1938', '1938 жылдың басы', '1938 жылдың басында'])('%s is January to April', (text) => {
      expect(interval(text)).toEqual({ earliest: '1938-01-01', latest: '1938-04-30', precision: 'range' });
    });

    it.each(['середина 1937', 'в середине 1937 г.', 'mid-1937', 'middle of 1937', '1937 жылдың ортасы'])('%s is May to August', (text) => {
      expect(interval(text)).toEqual({ earliest: '1937-05-01', latest: '1937-08-31', precision: 'range' });
    });

    it.each(['конец 1937', 'в конце 1937 года', 'late 1937', 'the end of 1937', '1937 жылдың аяғы', '1937 жылдың соңында'])('%s is September to December', (text) => {
      expect(interval(text)).toEqual({ earliest: '1937-09-01', latest: '1937-12-31', precision: 'range' });
    });

    it.each<[string, string, string]>([
      ['начало 1930-х', '1930-01-01', '1933-12-31'],
      ['early 1930s', '1930-01-01', '1933-12-31'],
      ['1930 жылдардың басы', '1930-01-01', '1933-12-31'],
      ['середина 1930-х годов', '1934-01-01', '1936-12-31'],
      ['mid-1930s', '1934-01-01', '1936-12-31'],
      ['конец 1930-х', '1937-01-01', '1939-12-31'],
      ['late 1930s', '1937-01-01', '1939-12-31'],
      ['1930 жылдардың аяғында', '1937-01-01', '1939-12-31'],
    ])('%s is a third of the decade', (text, earliest, latest) => {
      expect(interval(text)).toEqual({ earliest, latest, precision: 'range' });
    });
  });

  it('ignores case', () => {
    expect(interval('ОСЕНЬ 1937')).toEqual(interval('осень 1937'));
    expect(interval('НЕ ПОЗДНЕЕ МАРТА 1938')).toEqual(interval('не позднее марта 1938'));
    expect(interval('ҚЫРКҮЙЕК 1937')).toEqual(interval('сентябрь 1937'));
  });

  describe('refuses what it cannot read, naming it', () => {
    it.each<[string, UncertainDateErrorCode, string]>([
      ['', 'empty', 'the date is empty'],
      ['   ', 'empty', 'the date is empty'],
      ['1937-02-30', 'invalid-date', "'1937-02-30' is not a calendar date: February 1937 has 28 days"],
      ['31.04.1937', 'invalid-date', "'31.04.1937' is not a calendar date: April 1937 has 30 days"],
      ['29.02.1937', 'invalid-date', 'February 1937 has 28 days'],
      ['30 февраля 1937', 'invalid-date', 'February 1937 has 28 days'],
      ['00.02.1937', 'invalid-date', 'is not a calendar date'],
      ['25.13.1937', 'invalid-date', "'25.13.1937' is not a calendar date: there is no month 13"],
      ['13.1937', 'invalid-date', "there is no month 13 in '13.1937'"],
      ['1937-13', 'invalid-date', "there is no month 13 in '1937-13'"],
      ['193', 'year-out-of-range', 'year 193 is outside 1850–2100'],
      ['1849', 'year-out-of-range', 'year 1849 is outside 1850–2100'],
      ['2101', 'year-out-of-range', 'year 2101 is outside 1850–2100'],
      ['25.02.38', 'year-out-of-range', 'year 38 is outside 1850–2100: write the year in full, e.g. 1938'],
      ['осень 1749', 'year-out-of-range', 'year 1749 is outside 1850–2100'],
      ['около 3000', 'year-out-of-range', 'year 3000 is outside 1850–2100'],
      ['1938–1937', 'reversed-range', "the range '1938–1937' ends before it starts"],
      ['с 1938 по 1937', 'reversed-range', 'ends before it starts'],
      ['1937–12', 'reversed-range', "the range '1937–12' ends before it starts"],
      ['фервраль 1937', 'unreadable', "could not read 'фервраль' in 'фервраль 1937' as a month, a season or a part of a year"],
      ['30 фервраля 1937', 'unreadable', "could not read 'фервраля' in '30 фервраля 1937' as a month"],
      ['около марта 1937', 'unreadable', "an approximate date needs a year, e.g. 'около 1937' or 'circa 1937'; could not use 'марта 1937'"],
      ['1935-е', 'unreadable', "a decade starts with a year ending in 0, e.g. '1930-е' or '1930s'; could not read '1935-е'"],
      ['осень 1937/38', 'unreadable', 'only a winter spans two years'],
      ['зима 1937/39', 'unreadable', 'a winter spans two consecutive years'],
      ['не позднее когда-то', 'unreadable', "could not read 'когда-то' after 'не позднее' as a date"],
      ['бірде кешіктірмей', 'unreadable', "could not read 'бірде' before 'кешіктірмей' as a date"],
      ['1937 или потом', 'unreadable', "could not read 'потом' in '1937 или потом' as a date"],
      ['когда-то – 1938', 'unreadable', "could not read 'когда-то' in 'когда-то – 1938' as a date"],
      ['фервраль–март 1937', 'unreadable', "could not read 'фервраль' in 'фервраль–март 1937' as a date"],
      ['1937 ақпан–фервраль', 'unreadable', "could not read 'фервраль' in '1937 ақпан–фервраль' as a date"],
      ['1937?', 'unreadable', "could not read '1937?' as a date: expected e.g. '1937', '25.02.1937'"],
      ['вчера', 'unreadable', "could not read 'вчера' as a date"],
      ['x'.repeat(300), 'unreadable', 'a date has at most 200'],
    ])("'%s' → %s", (text, code, message) => {
      const error = refused(text);
      expect(error.code).toBe(code);
      expect(error.message).toContain(message);
    });

    it('refuses a date that starts after today, when today is given', () => {
      expect(refused('2030', { today: '2026-03-10' })).toEqual({ code: 'in-the-future', message: "'2030' is after today (2026-03-10)" });
      expect(refused('не ранее 2027', { today: '2026-03-10' }).code).toBe('in-the-future');
      expect(parsed('2026', { today: '2026-03-10' }).latest).toBe('2026-12-31');
    });

    it('throws when today is not a calendar date: that is a programming error, not input', () => {
      expect(() => sut('1937', { today: '2026-02-30' })).toThrow(RangeError);
    });
  });
});

describe('compareUncertainDates', () => {
  it('sorts by the earliest day, then by the latest', () => {
    const texts = ['1938', 'не позднее 1937', 'осень 1937', '1937', '1937 или 1938', 'около 1937', '25.02.1937', '1930-е'];
    const sorted = texts.map((text) => parsed(text)).sort(compareUncertainDates).map((d) => d.text);
    expect(sorted).toEqual(['не позднее 1937', '1930-е', 'около 1937', '1937', '1937 или 1938', '25.02.1937', 'осень 1937', '1938']);
  });

  it('answers 0 for the same interval written differently', () => {
    expect(compareUncertainDates(parsed('осень 1937'), parsed('autumn 1937'))).toBe(0);
  });
});

describe('overlaps', () => {
  const query = { earliest: '1937-08-01', latest: '1938-11-30' }; // the mass operation under NKVD order No. 00447

  it.each(['1937', 'осень 1937', '1938 or 1939', 'не позднее 1937-08', 'не ранее 1938', 'около 1939', '1930-е'])('finds %s', (text) => {
    expect(overlaps(parsed(text), query)).toBe(true);
    expect(overlaps(query, parsed(text))).toBe(true);
  });

  it.each(['1936', 'весна 1937', 'не позднее июля 1937', 'не ранее 1939', '1940-е', '01.12.1938'])('does not find %s', (text) => {
    expect(overlaps(parsed(text), query)).toBe(false);
  });

  it('counts a shared single day as overlap', () => {
    expect(overlaps(parsed('31.07.1937'), parsed('июль 1937'))).toBe(true);
    expect(overlaps(parsed('31.07.1937'), parsed('август 1937'))).toBe(false);
  });
});

describe('formatUncertainDate', () => {
  it.each<[string, string, string, string]>([
    ['1937', '1937', '1937', '1937'],
    ['1937-02-25', '25.02.1937', '25.02.1937', '25 February 1937'],
    ['01.01.1937', '01.01.1937', '01.01.1937', '1 January 1937'],
    ['1937-02', 'февраль 1937', 'ақпан 1937', 'February 1937'],
    ['autumn 1937', 'осень 1937', 'күз 1937', 'autumn 1937'],
    ['зима 1938', 'зима 1937/38', 'қыс 1937/38', 'winter 1937/38'],
    ['1937 or 1938', '1937–1938', '1937–1938', '1937–1938'],
    ['февраль–март 1937', 'февраль – март 1937', 'ақпан – наурыз 1937', 'February – March 1937'],
    ['февраль 1937 – март 1938', 'февраль 1937 – март 1938', 'ақпан 1937 – наурыз 1938', 'February 1937 – March 1938'],
    ['25–27.02.1937', '25.02.1937 – 27.02.1937', '25.02.1937 – 27.02.1937', '25 February 1937 – 27 February 1937'],
    ['конец 1937', 'сентябрь – декабрь 1937', 'қыркүйек – желтоқсан 1937', 'September – December 1937'],
    ['начало 1930-х', '1930–1933', '1930–1933', '1930–1933'],
    ['1930s', '1930-е', '1930 жылдары', '1930s'],
    ['около 1937', 'около 1937', 'шамамен 1937', 'circa 1937'],
    ['not later than 1938-03', 'не позднее марта 1938', '1938 наурызынан кешіктірмей', 'not later than March 1938'],
    ['не позднее 1938', 'не позднее 1938', '1938 жылдан кешіктірмей', 'not later than 1938'],
    ['не позднее 25.02.1938', 'не позднее 25.02.1938', '25.02.1938 кешіктірмей', 'not later than 25 February 1938'],
    ['не позднее осени 1937', 'не позднее осени 1937', '1937 күзінен кешіктірмей', 'not later than autumn 1937'],
    ['не позднее зимы 1938', 'не позднее зимы 1937/38', '1937/38 қысынан кешіктірмей', 'not later than winter 1937/38'],
    ['не позднее 1930-х', 'не позднее 1930-х', '1930 жылдардан кешіктірмей', 'not later than the 1930s'],
    ['не позднее конца 1937', 'не позднее 1937', '1937 жылдан кешіктірмей', 'not later than 1937'],
    ['не ранее 1937', 'не ранее 1937', '1937 жылдан ерте емес', 'not earlier than 1937'],
    ['не ранее сентября 1937', 'не ранее сентября 1937', '1937 қыркүйегінен ерте емес', 'not earlier than September 1937'],
  ])('writes %s as ru %s, kk %s, en %s', (text, ru, kk, en) => {
    const value = parsed(text);
    expect(formatUncertainDate(value, 'ru')).toBe(ru);
    expect(formatUncertainDate(value, 'kk')).toBe(kk);
    expect(formatUncertainDate(value, 'en')).toBe(en);
  });

  const samples = [
    '1937', '25.02.1938', '01.03.1938', 'февраль 1937', 'декабрь 1937', 'осень 1937', 'зима 1937', 'весна 1938', 'лето 1938',
    '1937 или 1938', '1937–1940', 'конец 1937', 'mid-1937', 'конец 1930-х', '1930-е', '1890-е', 'около 1937', 'не позднее марта 1938',
    'не позднее 1938', 'не позднее зимы 1938', 'не позднее 1930-х', 'не позднее 25.02.1938', 'не ранее 1937', 'не ранее мая 1937',
    'не ранее 1940-х', 'не ранее весны 1938', 'не ранее шілде 1937', 'февраль 1937 – март 1938', '25.02.1937 – 03.03.1937', '1937 ақпан–наурыз',
  ];
  const locales: UncertainDateLocale[] = ['ru', 'kk', 'en'];

  it.each(samples.flatMap((text) => locales.map((locale) => [text, locale] as const)))('reads back %s written in %s', (text, locale) => {
    const value = parsed(text);
    const { text: _text, ...again } = parsed(formatUncertainDate(value, locale));
    const { text: _original, ...expected } = value;
    expect(again).toEqual(expected);
  });
});

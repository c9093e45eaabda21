import { describe, expect, it } from 'vitest';
import {
  formatArchivalReference,
  parseArchivalReference as sut,
  type ArchivalReference,
  type ArchivalReferencePart,
} from './archival-reference.js';

function parsed(input: string): ArchivalReference {
  const result = sut(input);
  if (!result.ok) throw new Error(`expected '${input}' to parse, got: ${result.error.message}`);
  return result.value;
}

function refused(input: string): { part: ArchivalReferencePart; message: string } {
  const result = sut(input);
  if (result.ok) throw new Error(`expected '${input}' to be refused, got: ${result.value.text}`);
  return result.error;
}

const fond141 = { fond: '141', opis: '1', delo: '1234', sheets: [{ from: 5, to: 7 }], text: 'ф. 141, оп. 1, д. 1234, л. 5–7' };

describe('parseArchivalReference', () => {
  describe('reads the same reference in every accepted spelling', () => {
    it.each([
      ['Russian abbreviations', 'ф. 141, оп. 1, д. 1234, л. 5–7'],
      ['Latin abbreviations', 'f. 141, op. 1, d. 1234, l. 5-7'],
      ['Russian full words', 'фонд 141, опись 1, дело 1234, листы 5–7'],
      ['Latin full words', "fond 141, opis' 1, delo 1234, list 5–7"],
      ['Kazakh words before the number', 'қор 141, тізбе 1, іс 1234, парақ 5–7'],
      ['Kazakh words after the number', '141-қор, 1-тізбе, 1234-іс, 5–7-парақтар'],
      ['Kazakh abbreviations after the number', '141-қ., 1-т., 1234-іс, 5-7-п.'],
      ['capitals without spaces or commas', 'Ф.141 Оп.1 Д.1234 Л.5-7'],
      ['double-l plural and an em dash', 'ф. 141, оп. 1, д. 1234, лл. 5—7'],
      ['full stops between the parts, as in bibliographies', 'Ф. 141. Оп. 1. Д. 1234. Л. 5–7.'],
      ['a number sign before the numbers', 'фонд № 141, опись № 1, дело №1234, листы 5–7'],
      ['extra spaces', '  ф.  141 ,  оп. 1,   д.   1234,  л.  5 – 7  '],
      ['Latin capitals', 'F. 141, OP. 1, D. 1234, LL. 5-7'],
    ])('%s', (_label, input) => {
      expect(parsed(input)).toEqual(fond141);
    });
  });

  it('reads a compact reference in capitals', () => {
    expect(parsed('Ф.2 Оп.1 Д.11573 Л.1-40')).toEqual({
      fond: '2', opis: '1', delo: '11573', sheets: [{ from: 1, to: 40 }], text: 'ф. 2, оп. 1, д. 11573, л. 1–40',
    });
  });

  describe('the fond', () => {
    it('keeps a letter prefix joined by a hyphen', () => {
      expect(parsed('ф. Р-1137, оп. 5, д. 12').fond).toBe('Р-1137');
      expect(parsed('ф. П-141, оп. 1, д. 1').fond).toBe('П-141');
    });

    it('joins a prefix written without a hyphen or with a space', () => {
      expect(parsed('ф. Р1137, оп. 5, д. 12').fond).toBe('Р-1137');
      expect(parsed('ф. р 1137, оп. 5, д. 12').fond).toBe('Р-1137');
    });

    it('reads Latin letters of a Latin reference as a transliteration', () => {
      expect(parsed('f. R-1137, op. 5, d. 12').fond).toBe('Р-1137');
      expect(parsed('f. P-141, op. 1, d. 1').fond).toBe('П-141');
    });

    it('reads Latin look-alikes in a Cyrillic reference as the Cyrillic letters they were meant to be', () => {
      expect(parsed('ф. P-1137, оп. 5, д. 12').fond).toBe('Р-1137');
    });

    it('gives the same text for the Cyrillic and the Latin spelling of a prefixed fond', () => {
      expect(parsed('f. R-1137, op. 5, d. 12, ll. 3 ob.-4').text).toBe(parsed('ф. Р-1137, оп. 5, д. 12, лл. 3 об.–4').text);
    });
  });

  describe('the opis and the delo', () => {
    it('keep letters and slashes', () => {
      const value = parsed('ф. 141, оп. 1л, д. 12/а');
      expect(value.opis).toBe('1л');
      expect(value.delo).toBe('12/а');
      expect(value.text).toBe('ф. 141, оп. 1л, д. 12/а');
    });

    it('read a Latin letter of a Latin reference as its Cyrillic counterpart', () => {
      expect(parsed('f. 141, op. 1, d. 12/a').delo).toBe('12/а');
    });

    it('close up spaces around a slash or hyphen', () => {
      expect(parsed('ф. 141, оп. 1, д. 12 / а').delo).toBe('12/а');
      expect(parsed('ф. 141, оп. 2 – доп, д. 5').opis).toBe('2-доп');
    });
  });

  describe('the sheets', () => {
    it('are optional: the whole file is cited', () => {
      expect(parsed('ф. 141, оп. 1, д. 1234')).toEqual({ fond: '141', opis: '1', delo: '1234', sheets: [], text: 'ф. 141, оп. 1, д. 1234' });
    });

    it('read a single sheet', () => {
      expect(parsed('ф. 141, оп. 1, д. 1234, л. 5').sheets).toEqual([{ from: 5, to: 5 }]);
    });

    it('read a list of sheets and ranges in the order written', () => {
      const value = parsed('ф. 141, оп. 1, д. 1234, лл. 5, 7, 9–11');
      expect(value.sheets).toEqual([{ from: 5, to: 5 }, { from: 7, to: 7 }, { from: 9, to: 11 }]);
      expect(value.text).toBe('ф. 141, оп. 1, д. 1234, л. 5, 7, 9–11');
    });

    it('read a range that starts on a verso', () => {
      const value = parsed('ф. Р-1137, оп. 5, д. 12, лл. 3 об.–4');
      expect(value.sheets).toEqual([{ from: 3, to: 4, fromVerso: true }]);
      expect(value.text).toBe('ф. Р-1137, оп. 5, д. 12, л. 3 об.–4');
    });

    it('read a range that ends on a verso, written with or without a space', () => {
      expect(parsed('ф. 1, оп. 1, д. 1, л. 5–7 об.').sheets).toEqual([{ from: 5, to: 7, toVerso: true }]);
      expect(parsed('ф. 1, оп. 1, д. 1, л. 5–7об').sheets).toEqual([{ from: 5, to: 7, toVerso: true }]);
      expect(parsed('f. 1, op. 1, d. 1, ll. 3-4v').sheets).toEqual([{ from: 3, to: 4, toVerso: true }]);
    });

    it('read a lone verso as the back of that sheet only', () => {
      const value = parsed('f. 1, op. 1, d. 1, l. 5 ob.');
      expect(value.sheets).toEqual([{ from: 5, to: 5, fromVerso: true, toVerso: true }]);
      expect(value.text).toBe('ф. 1, оп. 1, д. 1, л. 5 об.');
    });

    it('read both sides of one sheet', () => {
      const value = parsed('ф. 1, оп. 1, д. 1, л. 5–5 об.');
      expect(value.sheets).toEqual([{ from: 5, to: 5, toVerso: true }]);
      expect(value.text).toBe('ф. 1, оп. 1, д. 1, л. 5–5 об.');
    });

    it('read Kazakh sheets after the number', () => {
      expect(parsed('141-қор, 1-тізбе, 1234-іс, 8-п.').sheets).toEqual([{ from: 8, to: 8 }]);
    });
  });

  describe('the archive', () => {
    it('keeps a Cyrillic archive code written before the fond', () => {
      const value = parsed('АП РК, ф. 141, оп. 1, д. 1234, л. 5–7');
      expect(value.archive).toBe('АП РК');
      expect(value.text).toBe('АП РК, ф. 141, оп. 1, д. 1234, л. 5–7');
    });

    it('keeps a Latin archive code without a comma', () => {
      const value = parsed('APRK f. 141, op. 1, d. 1234, l. 5-7');
      expect(value.archive).toBe('APRK');
      expect(value.fond).toBe('141');
    });

    it('keeps an archive separated by a full stop, as in bibliographies', () => {
      const value = parsed('ГАРФ. Ф. Р-8131. Оп. 32. Д. 5. Л. 1–3.');
      expect(value).toEqual({
        archive: 'ГАРФ', fond: 'Р-8131', opis: '32', delo: '5', sheets: [{ from: 1, to: 3 }],
        text: 'ГАРФ, ф. Р-8131, оп. 32, д. 5, л. 1–3',
      });
    });

    it('keeps a Kazakh archive name before Kazakh parts', () => {
      const value = parsed('ҚР Президентінің архиві, 141-қор, 1-тізбе, 1234-іс');
      expect(value.archive).toBe('ҚР Президентінің архиві');
      expect(value.text).toBe('ҚР Президентінің архиві, ф. 141, оп. 1, д. 1234');
    });

    it('keeps the full stop of an abbreviation that ends the archive name', () => {
      expect(parsed('Гос. архив Карагандинской обл., ф. 5, оп. 1, д. 2').archive).toBe('Гос. архив Карагандинской обл.');
    });

    it('is absent when the reference starts with the fond', () => {
      expect(parsed('ф. 141, оп. 1, д. 1234')).not.toHaveProperty('archive');
    });
  });

  describe('refuses what it cannot read, naming the part', () => {
    it.each<[string, ArchivalReferencePart, string]>([
      ['', 'format', 'the reference is empty'],
      ['   ', 'format', 'the reference is empty'],
      ['оп. 1, д. 1234, л. 5', 'fond', "no fond found: expected 'ф. 141' or 'f. 141'"],
      ['Центральный архив, дело 5', 'fond', 'no fond found'],
      ['ф. , оп. 1, д. 1234', 'fond', "the fond has no number after 'ф.'"],
      ['ф. абв, оп. 1, д. 1234', 'fond', "could not read the fond 'абв'"],
      ['ф. 141, д. 1234, л. 5', 'opis', "no opis found after the fond"],
      ['ф. 141, д. 1234, оп. 1', 'format', 'the opis comes after the delo: write the fond, opis, delo and sheets in this order'],
      ['ф. 141, оп. 1, л. 5, д. 1', 'format', 'the delo comes after the sheets'],
      ['ф. 141', 'opis', "no opis found after the fond: expected 'оп. 1' or 'op. 1'"],
      ['ф. 141, оп. 1', 'delo', "no delo found after the opis: expected 'д. 1234' or 'd. 1234'"],
      ['ф. 141, оп. 1, д.', 'delo', "the delo has no number after 'д.'"],
      ['ф. 141, оп. 1, д. 1234 и 1235', 'delo', "could not read the delo '1234 и 1235'"],
      ['ф. 141, оп. один, д. 1234', 'opis', "could not read the opis 'один'"],
      ['ф. 141, оп. 1, д. 1234, т. 2, л. 5', 'format', "volumes ('т. …') are not supported"],
      ['ф. 141, ф. 142, оп. 1, д. 1234', 'format', 'the fond is given twice'],
      ['д. 5, ф. 141, оп. 1', 'format', "'д.' comes before the fond"],
      ['ф. 141, оп. 1, д. 1234, л. 7–5', 'sheets', "the sheet range '7–5' ends before it starts"],
      ['ф. 141, оп. 1, д. 1234, л. 5 об.–5', 'sheets', "the sheet range '5 об.–5' ends before it starts"],
      ['ф. 141, оп. 1, д. 1234, л. 0', 'sheets', "sheet numbers start at 1: '0'"],
      ['ф. 141, оп. 1, д. 1234, л. 5а', 'sheets', "could not read the sheets '5а'"],
      ['ф. 141, оп. 1, д. 1234, л. 5, , 7', 'sheets', "could not read the sheets ''"],
      ['ф. 141, оп. 1, д. 1234, л.', 'sheets', "no sheet numbers after 'л.'"],
      ['ф. 141, оп. 1, д. 1234, л. 99999999999999999999', 'sheets', 'too large'],
    ])("'%s' → %s", (input, part, message) => {
      const error = refused(input);
      expect(error.part).toBe(part);
      expect(error.message).toContain(message);
    });

    it('says what a sheet list looks like', () => {
      expect(refused('ф. 141, оп. 1, д. 1234, л. пять').message).toBe(
        "could not read the sheets 'пять': expected e.g. 'л. 5', 'л. 5–7', 'л. 5, 7, 9–11' or 'л. 3 об.–4'",
      );
    });

    it('refuses a pasted paragraph', () => {
      expect(refused(`ф. 141, оп. 1, д. 1234, л. 5 ${'x'.repeat(600)}`).part).toBe('format');
    });
  });
});

describe('formatArchivalReference', () => {
  const reference = parsed('АП РК, ф. Р-1137, оп. 5, д. 12/а, лл. 3 об.–4, 7, 9–10 об.');

  it('writes the canonical Cyrillic form', () => {
    expect(formatArchivalReference(reference, 'cyrl')).toBe('АП РК, ф. Р-1137, оп. 5, д. 12/а, л. 3 об.–4, 7, 9–10 об.');
  });

  it('writes Latin abbreviations with transliterated numbers and the archive as written', () => {
    expect(formatArchivalReference(reference, 'latin')).toBe('АП РК, f. R-1137, op. 5, d. 12/a, l. 3 ob.–4, 7, 9–10 ob.');
  });

  it('leaves out the sheets when the whole file is cited', () => {
    expect(formatArchivalReference(parsed('ф. П-1, оп. 1, д. 2'), 'latin')).toBe('f. P-1, op. 1, d. 2');
  });

  it.each([
    'ф. 141, оп. 1, д. 1234, л. 5–7',
    'ф. Р-1137, оп. 5, д. 12, л. 3 об.–4',
    'ф. П-141, оп. 1л, д. 12/а, л. 5, 7, 9–11 об.',
    'ф. 2, оп. 1, д. 11573, л. 5 об.',
    'ф. 2, оп. 1, д. 11573',
  ])('reads back what it writes in either script: %s', (input) => {
    const value = parsed(input);
    expect(parsed(formatArchivalReference(value, 'latin'))).toEqual(value);
    expect(parsed(formatArchivalReference(value, 'cyrl'))).toEqual(value);
  });
});

import { describe, expect, it } from 'vitest';
import { findInText } from './find-in-text.js';

describe('findInText', () => {
  const ocr = [
    'ВЫПИСКА ИЗ ПРОТОКОЛА № 35',
    'заседания тройки НКВД КазССР от 25.02.1938 г.',
    'СЛУШАЛИ: дело № 1234 по обвинению ЖУМАБАЕВА Кабдоллы',
    'ПОСТАНОВИЛИ: Жумабаев Кабдолла Сейтович — расстрелять.',
    'Приговор приведён в исполнение 3 марта 1938 г.',
    'ЦГА РК, ф. 141, оп. 1, д. 1234, л. 5–7.',
    '\fҚаулы 1937 жылғы 12 қазан: Сейфуллин Сәкен Сейфоллаұлы',
    'Справка выдана 14.05.2001',
  ].join('\n');

  it('finds archival references, dates of the repression years and names, with their pages', () => {
    const found = findInText(ocr);
    expect(found.filter((f) => f.kind === 'reference').map((f) => f.kind === 'reference' && f.reference.text)).toEqual(['ЦГА РК, ф. 141, оп. 1, д. 1234, л. 5–7']);
    const dates = found.filter((f) => f.kind === 'date').map((f) => f.kind === 'date' && [f.date.earliest, f.page]);
    expect(dates).toEqual([['1938-02-25', 1], ['1938-03-03', 1]]);
    const names = found.filter((f) => f.kind === 'name').map((f) => [f.text, f.page]);
    expect(names).toContainEqual(['Жумабаев Кабдолла Сейтович', 1]);
    expect(names).toContainEqual(['Сейфуллин Сәкен Сейфоллаұлы', 2]);
  });

  it('takes an archive abbreviation before the fond into the reference, but not ordinary words', () => {
    const [withArchive] = findInText('см. АП РК ф. 141, оп. 1, д. 12');
    expect(withArchive).toMatchObject({ kind: 'reference', text: 'АП РК ф. 141, оп. 1, д. 12' });
    const [plain] = findInText('Хранится в деле ф. 141, оп. 1, д. 12, л. 3');
    expect(plain).toMatchObject({ kind: 'reference', text: 'ф. 141, оп. 1, д. 12, л. 3' });
  });

  it('proposes no date outside 1917–1991 and no capitalised words without a name ending', () => {
    const found = findInText('Справка выдана 14.05.2001\nВЫПИСКА ИЗ ПРОТОКОЛА\nПриговор Верховного Суда');
    expect(found).toEqual([]);
  });

  it('proposes each finding once, however often the text repeats it', () => {
    const found = findInText('Жумабаев Кабдолла\nЖумабаев Кабдолла\n25.02.1938 и 25.02.1938');
    expect(found.map((f) => f.kind)).toEqual(['name', 'date']);
  });
});

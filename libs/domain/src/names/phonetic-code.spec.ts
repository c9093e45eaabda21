import { describe, expect, it } from 'vitest';
import { foldWord } from './fold-name.js';
import { phoneticClasses, phoneticCode } from './phonetic-code.js';

const code = (word: string): string => phoneticCode(foldWord(word));

describe('phonetic code', () => {
  it('drops vowels, so Kazakh and Russian vowel spellings meet', () => {
    expect(code('Бөкейхан')).toBe('PKKN');
    expect(code('Букейхан')).toBe('PKKN');
    expect(code('Жансүгір')).toBe(code('Жансугур'));
  });
  it('merges voiced and unvoiced pairs', () => {
    expect(code('Тынышбай')).toBe(code('Тынышпай'));
    expect(code('Ахмед')).toBe(code('Ахмет'));
    expect(code('Жаппар')).toBe(code('Шаппар'));
  });
  it('merges қ, к, г, ғ, х and һ', () => {
    expect(code('Қожа')).toBe(code('Хожа'));
    expect(code('Нығмет')).toBe(code('Нигмет'));
  });
  it('merges ж, ш and ч (Шоқан = Чокан)', () => expect(code('Шоқан')).toBe(code('Чокан')));
  it('marks an opening vowel with A whatever the vowel', () => {
    expect(code('Өтеген')).toBe('ATKN');
    expect(code('Утеген')).toBe('ATKN');
  });
  it('reads the Kazakh glide уә as Russian ва (Уәлиханов = Валиханов)', () => expect(code('Уәлихан')).toBe(code('Валихан')));
  it('gives m and the OCR misreading rn one code', () => expect(phoneticCode('kornilov')).toBe(phoneticCode('komilov')));
  it('writes one letter for a consonant class repeated side by side', () => expect(phoneticCode('bekkozha')).toBe(phoneticCode('bekozha')));
  it('uses one code letter per class, all upper case', () => {
    for (const value of Object.values(phoneticClasses)) expect(value).toMatch(/^[A-Z]$/);
  });
  it('gives an empty word an empty code', () => expect(phoneticCode('')).toBe(''));
});

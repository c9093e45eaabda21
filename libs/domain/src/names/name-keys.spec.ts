import { describe, expect, it } from 'vitest';
import { nameSearchKeys, normaliseName } from './name-keys.js';

const stems = (name: string): string[] => normaliseName(name).parts.map((part) => part.stem);

describe('name keys', () => {
  it('gives the Kazakh, Russian and Latin spellings of one surname the same stem (Бөкейхан ≈ Букейханов)', () => {
    expect(stems('Бөкейхан')).toEqual(['bokeihan']);
    expect(stems('Bokeikhan')).toEqual(['bokeihan']);
    expect(stems('Букейханов')).toEqual(['bukeihan']);
    expect(stems('Bukeikhanov')).toEqual(['bukeihan']);
    expect(normaliseName('Бөкейхан').phonetic).toEqual(normaliseName('Bukeikhanov').phonetic);
  });

  it('cuts the male suffixes -ұлы / -uly, -ович, -ов and -ев to one stem', () => {
    for (const name of ['Байтұрсынұлы', 'Baitursynuly', 'Байтурсынов', 'Baytursynov', 'Байтурсынович']) {
      expect(stems(name), name).toEqual(['baitursin']);
    }
  });

  it('cuts the female suffixes -қызы / -kyzy, -овна and -ова to the same stem', () => {
    for (const name of ['Байтұрсынқызы', 'Baitursynkyzy', 'Байтурсыновна', 'Байтурсынова']) {
      expect(stems(name), name).toEqual(['baitursin']);
    }
  });

  it('restores the й Russian drops before -ев (Жумабаев = Жұмабайұлы, Сергеевич = Сергей)', () => {
    expect(stems('Жумабаев')).toEqual(stems('Жұмабайұлы'));
    expect(stems('Кудайбердиев')).toEqual(stems('Құдайбердіұлы'));
    expect(stems('Сергеевич')).toEqual(stems('Сергей'));
  });

  it('leaves a suffix on a word too short to be a stem with a suffix (Лев, Ильич, Марина)', () => {
    expect(stems('Лев Ильич')).toEqual(['lev', 'ilich']);
    expect(stems('Марина')).toEqual(['marina']);
  });

  it('joins a patronymic particle written as a separate word to its word', () => {
    expect(normaliseName('Әлихан Нұрмұхамед ұлы').tokens).toEqual(['alihan', 'nurmuhameduli']);
    expect(normaliseName('Әлихан Нұрмұхамед-ұлы').tokens).toEqual(['alihan', 'nurmuhameduli']);
  });

  it('keeps tokens in the order written but builds an order-insensitive skeleton', () => {
    const official = normaliseName('Бөкейханов Әлихан Нұрмұхамедұлы');
    expect(official.tokens).toEqual(['bokeihanov', 'alihan', 'nurmuhameduli']);
    expect(official.skeleton).toBe('alihan bokeihan nurmuhamed');
    expect(normaliseName('Әлихан Нұрмұхамедұлы Бөкейханов').skeleton).toBe(official.skeleton);
    expect(normaliseName('Alikhan Bokeikhan').skeleton).toBe('alihan bokeihan');
  });

  it('finds the surname, given name and patronymic by suffix whatever the order', () => {
    const sut = normaliseName('Нурмухамедович Алихан Букейханов');
    expect(sut.parts.map((part) => [part.role, part.roleFrom])).toEqual([
      ['patronymic', 'suffix'],
      ['given', 'position'],
      ['surname', 'suffix'],
    ]);
    expect(sut.surnameStem).toBe('bukeihan');
    expect(sut.givenStem).toBe('alihan');
  });

  it('reads three words without suffixes as surname, given name, patronymic, and two as given name, surname', () => {
    expect(normaliseName('Бөкейхан Әлихан Нұрмұхамедұлы').parts.map((part) => part.role)).toEqual(['surname', 'given', 'patronymic']);
    expect(normaliseName('Alikhan Bokeikhan').parts.map((part) => part.role)).toEqual(['given', 'surname']);
  });

  it('reads "A.", "Zh." and "Kh." as initials of the given name and a second initial as the patronymic', () => {
    expect(normaliseName('A. Baitursynov')).toMatchObject({ tokens: ['a', 'baitursinov'], skeleton: 'baitursin', initials: 'a.' });
    expect(normaliseName('Zh. Aimautov').initials).toBe('zh.');
    expect(normaliseName('Kh. Dosmukhamedov').initials).toBe('h.');
    expect(normaliseName('Байтұрсынов А.Б.').parts.map((part) => [part.token, part.role])).toEqual([
      ['baitursinov', 'surname'],
      ['a', 'given'],
      ['b', 'patronymic'],
    ]);
    expect(normaliseName('Бөкейханов Әлихан Нұрмұхамедұлы').initials).toBe('a.n.');
  });

  it('tells gender from the suffixes and stays silent when they disagree or are absent', () => {
    expect(normaliseName('Бөкейханов Әлихан').gender).toBe('male');
    expect(normaliseName('Бөкейханова Елизавета').gender).toBe('female');
    expect(normaliseName('Әлихан Бөкейхан').gender).toBeUndefined();
    expect(normaliseName('Ахметов Айгүл Серікқызы').gender).toBeUndefined();
  });

  it('gives one phonetic code per token', () => {
    const sut = normaliseName('Бөкейханов Әлихан Нұрмұхамедұлы');
    expect(sut.phonetic).toEqual(['PKKN', 'ALKN', 'NRMKMT']);
  });

  it('gives an empty name empty keys', () => {
    expect(normaliseName('  ,. ')).toEqual({ tokens: [], skeleton: '', initials: '', phonetic: [], parts: [] });
  });

  it('keys at most the first twelve words of a long note', () => {
    expect(normaliseName('Ахмет '.repeat(500)).tokens).toHaveLength(12);
  });
});

describe('name search keys', () => {
  it('gives the stored columns, the same whatever the script and the word order', () => {
    const stored = nameSearchKeys('Бөкейханов Әлихан Нұрмұхамедұлы');
    expect(stored).toEqual({
      skeleton: 'alihan bokeihan nurmuhamed',
      phoneticKey: 'ALKN PKKN',
      surnameStem: 'bokeihan',
      surnamePhonetic: 'PKKN',
      givenStem: 'alihan',
      initials: 'a.n.',
    });
    expect(nameSearchKeys('Alikhan Bukeikhanov').phoneticKey).toBe(stored.phoneticKey);
    expect(nameSearchKeys('Bokeikhan Alikhan Nurmukhamedovich').phoneticKey).toBe(stored.phoneticKey);
  });

  it('leaves out what a name does not have', () => {
    expect(nameSearchKeys('A. Baitursynov')).toEqual({
      skeleton: 'baitursin',
      phoneticKey: 'PTRSN',
      surnameStem: 'baitursin',
      surnamePhonetic: 'PTRSN',
      givenStem: null,
      initials: 'a.',
    });
  });
});

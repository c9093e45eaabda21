import { describe, expect, it } from 'vitest';
import { foldWord, foldWords, splitName } from './fold-name.js';
import { cyrillicLetters } from './folding-table.js';

/** Every spelling in a row folds to the same key. */
function expectSameFold(spellings: string[], expected: string): void {
  expect(spellings.map((spelling) => [spelling, foldWord(spelling)])).toEqual(spellings.map((spelling) => [spelling, expected]));
}

describe('folding Cyrillic letters', () => {
  it('folds ә and а to a', () => expectSameFold(['Әсет', 'Асет'], 'aset'));
  it('folds ө and о to o', () => expectSameFold(['Өтеген', 'Отеген'], 'otegen'));
  it('folds ұ, ү and у to u', () => expectSameFold(['Сұлтан', 'Сүлтан', 'Султан'], 'sultan'));
  it('reads a word-initial у before a consonant as о (Оспан / Усман, Омар / Умар), not a glide or a particle', () => {
    expectSameFold(['Ұлан', 'Үлан', 'Улан', 'Олан'], 'olan');
    expectSameFold(['Умар', 'Омар', 'Umar', 'Omar'], 'omar');
    expect(foldWord('Уәли')).toBe('uali');
    expect(foldWord('ұлы')).toBe('uli');
  });
  it('folds і, ы, и and й to i', () => {
    expectSameFold(['Ілияс', 'Ильяс', 'Илияс'], 'ilias');
    expectSameFold(['Ыбырай', 'Ибырай', 'Ібырай'], 'ibirai');
  });
  it('folds е and э to e', () => expectSameFold(['Ерлан', 'Эрлан'], 'erlan'));
  it('folds ғ and г to g', () => expectSameFold(['Ғабит', 'Габит'], 'gabit'));
  it('folds қ and к to k', () => expectSameFold(['Қасым', 'Касым'], 'kasim'));
  it('folds ң and н to n', () => expectSameFold(['Жаңа', 'Жана'], 'zhana'));
  it('folds һ and х to h', () => expectSameFold(['Жаһанша', 'Жаханша'], 'zhahansha'));
  it('reads ж and the Russian дж as zh', () => expectSameFold(['Жансүгіров', 'Джансүгіров', 'Zhansugirov'], 'zhansugirov'));
  it('reads ш and щ as sh, ч as ch, ц as ts', () => {
    expect(foldWord('Шоқан')).toBe('shokan');
    expect(foldWord('Щукин')).toBe('shukin');
    expect(foldWord('Чокан')).toBe('chokan');
    expect(foldWord('Цой')).toBe('tsoi');
  });
  it('keeps the i-glide of ё, ю and я so they meet Latin yo, yu and ya', () => {
    expect(foldWord('Семёнов')).toBe('semionov');
    expect(foldWord('Юсуп')).toBe('iusup');
    expect(foldWord('Яков')).toBe('iakov');
  });
  it('drops the hard and soft signs', () => {
    expect(foldWord('Подъячев')).toBe('podiachev');
    expect(foldWord('Ильин')).toBe('ilin');
  });
  it('folds upper and lower case alike', () => expectSameFold(['БӨКЕЙХАН', 'бөкейхан', 'Бөкейхан'], 'bokeihan'));
  it('has an ASCII target for every Cyrillic letter of the table', () => {
    for (const [letter, target] of Object.entries(cyrillicLetters)) expect(target, letter).toMatch(/^[a-z]*$/);
  });
});

describe('folding the Kazakh Latin alphabets', () => {
  it('reads the 2021 letters Á Ǵ Q Ń Ó Ú Ū İ ı', () => {
    expectSameFold(['Álihan', 'Әлихан'], 'alihan');
    expectSameFold(['Ǵabit', 'Ғабит'], 'gabit');
    expectSameFold(['Qasym', 'Қасым'], 'kasim');
    expectSameFold(['Jańa', 'Жаңа'], 'zhana');
    expectSameFold(['Ómirzaq', 'Өмірзақ'], 'omirzak');
    expectSameFold(['Úmit', 'Үміт'], 'omit');
    expectSameFold(['Ūlan', 'Ұлан'], 'olan');
    expectSameFold(['İlıas', 'Ілияс'], 'ilias');
    expectSameFold(['Baıtursynuly', 'Байтұрсынұлы'], 'baitursinuli');
  });
  it('reads the 2018 Ý as у', () => expectSameFold(['Áýezov', 'Әуезов', 'Ауэзов'], 'auezov'));
  it('reads Turkish- and German-style marks (Säken, Şokan)', () => {
    expectSameFold(['Säken', 'Сәкен'], 'saken');
    expectSameFold(['Şokan', 'Шоқан'], 'shokan');
  });
  it("reads the 2017 apostrophe letters s' and c' as ш and ч", () => {
    expectSameFold(["S'okan", 'Шоқан'], 'shokan');
    expectSameFold(["A'lihan", 'Әлихан'], 'alihan');
  });
  it("reads the 2017 y' as у and BGN/PCGN gh as ғ", () => {
    expectSameFold(["Tiley'", 'Тілеу'], 'tileu');
    expectSameFold(['Nyghmet', 'Нығмет'], 'nigmet');
  });
});

describe('folding Latin spelling habits', () => {
  it('reads zh, j, dzh and dj as ж', () => expectSameFold(['Zhumabaev', 'Jumabaev', 'Dzhumabaev', 'Djumabaev', 'Жұмабаев'], 'zhumabaev'));
  it('reads kh and h as х, and q as қ', () => {
    expectSameFold(['Akhmet', 'Ahmet', 'Ахмет'], 'ahmet');
    expectSameFold(['Rysqulov', 'Ryskulov', 'Рысқұлов'], 'riskulov');
  });
  it('reads y, i, ii and iy alike', () => {
    expectSameFold(['Ilyas', 'Ilias', 'Iliyas', 'Iliias'], 'ilias');
    expectSameFold(['Dmitriy', 'Dmitry', 'Dmitrii', 'Дмитрий'], 'dmitri');
  });
  it('reads ay and ai alike', () => expectSameFold(['Baytursynov', 'Baitursynov', 'Байтурсынов'], 'baitursinov'));
  it('reads sh, shch, ch, tch, ts and tz', () => {
    expectSameFold(['Shokan', 'Шоқан'], 'shokan');
    expectSameFold(['Shchukin', 'Щукин'], 'shukin');
    expectSameFold(['Chokan', 'Tchokan', 'Чокан'], 'chokan');
    expectSameFold(['Tsoi', 'Tzoi', 'Цой'], 'tsoi');
  });
  it('reads yu/iu and ya/ia as ю and я', () => {
    expectSameFold(['Yusup', 'Iusup', 'Юсуп'], 'iusup');
    expectSameFold(['Yakov', 'Iakov', 'Яков'], 'iakov');
  });
  it('reads ye as е (Yerlan, Zhumabayev)', () => {
    expectSameFold(['Yerlan', 'Erlan', 'Ерлан'], 'erlan');
    expectSameFold(['Zhumabayev', 'Жумабаев'], 'zhumabaev');
  });
  it('collapses doubled letters', () => expectSameFold(['Seifullin', 'Seifulin', 'Сейфуллин'], 'seifulin'));
  it('joins the parts of a hyphenated word and drops apostrophes used as soft signs', () => {
    expectSameFold(['Нұрмұхамед-ұлы', 'Нұрмұхамедұлы'], 'nurmuhameduli');
    expectSameFold(["Il'yas", 'Ilyas'], 'ilias');
  });
});

describe('undoing OCR confusions', () => {
  it('reads a Cyrillic letter inside a Latin word as the Latin letter it looks like', () => {
    expect(foldWord('Bаitursynov')).toBe('baitursinov'); // Cyrillic а
    expect(foldWord('Zhusuрbek')).toBe('zhusupbek'); // Cyrillic р looks like p, not r
  });
  it('reads a Latin letter inside a Cyrillic word as the Cyrillic letter it looks like', () => {
    expect(foldWord('Бaйтурсынов')).toBe('baitursinov'); // Latin a
    expect(foldWord('Тураp')).toBe('turar'); // Latin p looks like р
    expect(foldWord('Hурмаков')).toBe('nurmakov'); // Latin H looks like Н
  });
  it('reads 0 as O and 1 as l or I', () => {
    expect(foldWord('Dosmukhamed0v')).toBe('dosmuhamedov');
    expect(foldWord('Д0смұхамедов')).toBe('dosmuhamedov');
    expect(foldWord('A1ikhan')).toBe('alihan');
    expect(foldWord('1lyas')).toBe('ilias');
  });
  it('reads an I inside a lowercase word as l, and ll at the start as Il', () => {
    expect(foldWord('AIikhan')).toBe('alihan');
    expect(foldWord('llyas')).toBe('ilias');
  });
});

describe('splitting a name into words', () => {
  it('splits on spaces and punctuation and marks words followed by a dot', () => {
    expect(splitName('Байтұрсынов А.Б.,  (Ахмет)')).toEqual([
      { text: 'Байтұрсынов', dotted: false },
      { text: 'А', dotted: true },
      { text: 'Б', dotted: true },
      { text: 'Ахмет', dotted: false },
    ]);
  });
  it('drops numbers and punctuation that fold to nothing', () => {
    expect(foldWords('Иванов 1905 — ?').map((word) => word.text)).toEqual(['ivanov']);
  });
  it('keeps decomposed marks with their letter', () => {
    expect(foldWord('Ба\u0306йтурсынов')).toBe(foldWord('Байтурсынов'));
  });
});

import { describe, expect, it } from 'vitest';
import { codes, codeTemplatesEn, renderCode } from '@aqtalu/contracts';
import { autoMatchThreshold, compareNames, matchReasonOf } from './name-comparison.js';
import { normaliseName } from './name-keys.js';

describe('compare names', () => {
  it('scores the same name 1 and says the skeleton is the same', () => {
    expect(compareNames('Ахмет Байтұрсынұлы', 'Akhmet Baitursynuly')).toEqual({
      score: 1,
      reasons: ['same skeleton', 'surname stem matches', 'given name stem matches'],
      codes: [
        { code: 'match.same_skeleton', params: {} },
        { code: 'match.stem_matches', params: { part: 'surname' } },
        { code: 'match.stem_matches', params: { part: 'given' } },
      ],
    });
  });

  it('gives every reason as a code that reads back from its English text', () => {
    const sut = compareNames('Байтұрсынов А.Б.', 'Байтұрсынов Ахмет Бейсенович');
    expect(sut.codes.map((coded) => matchReasonOf(sut.reasons[sut.codes.indexOf(coded)]!))).toEqual(sut.codes);
    expect(matchReasonOf('a reason of another time')).toBeNull();
  });

  it('reads back every match reason of the catalogue from its English text', () => {
    // reasons about birth years, places and the order of initials are the duplicate detection's own (libs/server
    // duplicate-detection.service.ts reads them back), never a name comparison's
    const detectionOnly = new Set(['match.birth_year_agrees', 'match.birth_year_differs', 'match.birthplace_agrees', 'match.birthplace_differs', 'match.initials_out_of_order', 'match.unconfirmed']);
    for (const code of codes.filter((entry) => entry.startsWith('match.') && !detectionOnly.has(entry))) {
      const params = codeTemplatesEn[code].includes('%{part}') ? { part: 'patronymic' } : {};
      expect(matchReasonOf(renderCode(code, params as never))).toEqual({ code, params });
    }
  });

  it('ignores word order', () => {
    expect(compareNames('Бөкейхан Әлихан', 'Alikhan Bokeikhan').score).toBe(1);
  });

  it('gives the same score whichever name comes first', () => {
    const names = ['Бөкейханов Әлихан Нұрмұхамедұлы', 'A. Baitursynov', 'Kh. Dosmukhamedov', 'Жаһанша Досмұхамедов', 'Мұхамед Салық Бабажанов'];
    for (const a of names) for (const b of names) expect(compareNames(a, b).score, `${a} / ${b}`).toBe(compareNames(b, a).score);
  });

  it('costs little when one side has no patronymic', () => {
    const sut = compareNames('Бөкейханов Әлихан Нұрмұхамедұлы', 'Alikhan Bokeikhan');
    expect(sut.score).toBeGreaterThan(0.95);
    expect(sut.reasons).toContain('patronymic missing on one side');
  });

  it('matches an initial to the full given name', () => {
    const sut = compareNames('A. Baitursynov', 'Ахмет Байтұрсынұлы');
    expect(sut.score).toBeGreaterThanOrEqual(autoMatchThreshold);
    expect(sut.reasons).toEqual(['surname stem matches', 'initial matches given name']);
    expect(compareNames('Zh. Aimautov', 'Jusipbek Aimauytuly').reasons).toContain('initial matches given name');
  });

  it('matches the initials of given name and patronymic', () => {
    expect(compareNames('Байтұрсынов А.Б.', 'Байтұрсынов Ахмет Бейсенович').reasons).toEqual(
      expect.arrayContaining(['initial matches given name', 'initial matches patronymic']),
    );
  });

  it('matches an initial by whole sounds, so S. does not stand for Shakarim', () => {
    expect(compareNames('S. Kudaiberdiev', 'Shakarim Kudaiberdiev').reasons).toContain('given name differs');
    expect(compareNames('Sh. Kudaiberdiev', 'Шәкәрім Құдайбердіұлы').reasons).toContain('initial matches given name');
  });

  it('matches an abbreviated given name by its sounds', () => {
    expect(compareNames('Mukh. Tynyshbaev', 'Мұхамеджан Тынышбаев').reasons).toContain('initial matches given name');
  });

  it('does not let an initial that disagrees match', () => {
    const sut = compareNames('Kh. Dosmukhamedov', 'Zhakhansha Dosmukhamedov');
    expect(sut.score).toBeLessThan(autoMatchThreshold);
    expect(sut.reasons).toContain('given name differs');
  });

  it('says a surname sounds alike when only vowels or voicing differ', () => {
    expect(compareNames('Алихан Бөкейхан', 'Алихан Букейханов').reasons).toContain('surname sounds alike');
    expect(compareNames('Мухамеджан Тынышбаев', 'Мухамеджан Тынышпаев').reasons).toContain('surname sounds alike');
  });

  it('keeps brothers, who share surname and patronymic, below the suggestion threshold', () => {
    const sut = compareNames('Досмұхамедов Халел Досмұхамедұлы', 'Досмұхамедов Жаһанша Досмұхамедұлы');
    expect(sut.score).toBeLessThan(autoMatchThreshold);
    expect(sut.reasons).toContain('given name differs');
  });

  it('keeps father and son below the suggestion threshold (the father’s name is the son’s patronymic)', () => {
    expect(compareNames('Нұрмұхамед Бөкейханов', 'Әлихан Бөкейханов').score).toBeLessThan(autoMatchThreshold);
    const sut = compareNames('Турар Рыскулов', 'Рыскул Турарович');
    expect(sut.score).toBeLessThan(autoMatchThreshold);
    expect(sut.reasons).toContain('a patronymic on one side is not a patronymic on the other');
  });

  it('keeps namesakes with different patronymics below the suggestion threshold', () => {
    expect(compareNames('Иванов Иван Петрович', 'Иванов Иван Сергеевич').score).toBeLessThan(autoMatchThreshold);
  });

  it('accepts a Kazakh -ұлы word as patronymic against a Russian -ович', () => {
    expect(compareNames('Әлихан Нұрмұхамедұлы', 'Букейханов Алихан Нурмухамедович').reasons).toEqual(
      expect.arrayContaining(['patronymic stem matches', 'given name stem matches']),
    );
  });

  it('lowers the score when the suffixes say the genders differ', () => {
    const sut = compareNames('Ахметов Айбек', 'Ахметова Айбек');
    expect(sut.score).toBeLessThan(autoMatchThreshold);
    expect(sut.reasons).toContain('gender differs');
  });

  it('reads a compound name written as two words as the one word of the other side', () => {
    const sut = compareNames('Мұхамед Салық Бабажанов', 'Мухаммедсалык Бабаджанов');
    expect(sut.score).toBeGreaterThanOrEqual(autoMatchThreshold);
    expect(sut.reasons).toContain('compound name written as two words on one side');
  });

  it('does not suggest a name from a surname alone', () => {
    const sut = compareNames('Dosmukhamedov', 'Халел Досмұхамедұлы');
    expect(sut.score).toBeLessThan(autoMatchThreshold);
    expect(sut.reasons).toContain('only one word to compare');
  });

  it('reads names through OCR confusions', () => {
    expect(compareNames('Dosmukhamed0v Kha1el', 'Халел Досмұхамедұлы').score).toBe(1);
    expect(compareNames('Bаitursynov Аkhmet', 'Ахмет Байтұрсынұлы').score).toBe(1);
  });

  it('accepts precomputed keys so a query is normalised once', () => {
    const query = normaliseName('Alikhan Bokeikhan');
    expect(compareNames(query, 'Букейханов Алихан')).toEqual(compareNames('Alikhan Bokeikhan', 'Букейханов Алихан'));
  });

  it('scores 0 when a side has nothing to compare', () => {
    expect(compareNames('', 'Ахмет')).toEqual({ score: 0, reasons: ['nothing to compare'], codes: [{ code: 'match.nothing_to_compare', params: {} }] });
  });

  it('stays fast on a name that is really a long note', () => {
    const note = Array.from({ length: 500 }, (_, i) => `Ахмет${i}`).join(' ');
    const started = performance.now();
    compareNames(note, note);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

import { describe, expect, it } from 'vitest';
import { episodeDetails, type PersonFact, sourcePhrase, splitFacts } from './person';

const fact = (id: string, overrides: Partial<PersonFact>): PersonFact => ({
  id,
  kind: 'birth_year',
  episodeKind: null,
  value: null,
  date: null,
  place: null,
  placeText: null,
  sentencingBody: null,
  articles: [],
  sentenceKind: null,
  sentenceTerm: null,
  camp: null,
  source: { kind: 'archival', reference: { text: 'ЦГА РК, ф. 141, оп. 1, д. 1234, л. 5' } },
  note: null,
  accepted: false,
  ...overrides,
});

describe('the person page', () => {
  it('keeps the values of one kind together, the accepted one first, and the episodes apart in their order', () => {
    const sut = splitFacts([
      fact('b1', { kind: 'birth_year' }),
      fact('e1', { kind: 'episode', episodeKind: 'arrest' }),
      fact('n1', { kind: 'nationality' }),
      fact('b2', { kind: 'birth_year', accepted: true }),
      fact('e2', { kind: 'episode', episodeKind: 'sentence' }),
    ]);
    expect(sut.facts.map((f) => f.id)).toEqual(['b2', 'b1', 'n1']);
    expect(sut.episodes.map((f) => f.id)).toEqual(['e1', 'e2']);
  });

  it('names each kind of source: the archival reference as written, a book with volume and page, pages of a case document', () => {
    expect(sourcePhrase({ kind: 'archival', reference: { text: 'ф. 2, оп. 1, д. 5' } })).toBe('ф. 2, оп. 1, д. 5');
    expect(sourcePhrase({ kind: 'book', book: { title: 'Книга памяти', volume: '2', page: 114 } })).toEqual(['aqtalu.screens.person.book_volume', { title: 'Книга памяти', volume: '2', page: 114 }]);
    expect(sourcePhrase({ kind: 'book', book: { title: 'Книга памяти', volume: null, page: 9 } })).toEqual(['aqtalu.screens.person.book', { title: 'Книга памяти', page: 9 }]);
    expect(sourcePhrase({ kind: 'evidence', evidence: { evidenceId: 'e', pageFrom: 5, pageTo: 7 } })).toEqual(['aqtalu.screens.person.evidence_pages', { from: 5, to: 7 }]);
  });

  it("says an episode's body, articles, sentence, term, camp and note in the screen's words", () => {
    const ref = (code: string) => ({ code, nameKk: `${code}-kk`, nameRu: `${code}-ru`, nameEn: null });
    const episode = fact('e', {
      kind: 'episode',
      sentencingBody: ref('troika'),
      articles: [{ ...ref('58-10'), criminalCode: 'УК РСФСР', article: '58-10' }],
      sentenceKind: ref('vmn'),
      sentenceTerm: '10 лет',
      camp: ref('karlag'),
      note: 'в деле две даты',
    });
    expect(episodeDetails(episode, (entry) => entry.nameRu)).toEqual([
      ['aqtalu.screens.person.sentenced_by', { body: 'troika-ru' }],
      ['aqtalu.screens.person.articles', { articles: 'УК РСФСР 58-10' }],
      ['aqtalu.screens.person.sentence', { sentence: 'vmn-ru' }],
      ['aqtalu.screens.person.term', { term: '10 лет' }],
      ['aqtalu.screens.person.camp', { camp: 'karlag-ru' }],
      ['aqtalu.screens.person.note', { note: 'в деле две даты' }],
    ]);
    expect(episodeDetails(fact('x', {}), (entry) => entry.code)).toEqual([]);
  });
});

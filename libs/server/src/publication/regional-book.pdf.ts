import { colors, createDocument, ensureSpace, finishDocument, labelled, paragraph } from '../documents/pdf-layout.js';
import type { PublicPerson } from './publication.service.js';

export type RegionalBookLanguage = 'kk' | 'ru';
export const regionalBookLanguages: readonly RegionalBookLanguage[] = ['kk', 'ru'];

const texts = {
  kk: {
    title: 'Жады кітабы',
    subtitle: 'Саяси қуғын-сүргін құрбандарының ақталған есімдері',
    region: 'Өңір',
    count: 'Есімдер саны',
    made: 'Жасалған күні',
    licence: 'Жарияланған мәліметтер ғана. Лицензия: CC BY 4.0.',
    born: 'Туған жылы',
    birthplace: 'Туған жері',
    nationality: 'Ұлты',
    occupation: 'Кәсібі',
    arrest: 'Тұтқындалуы',
    sentencingBody: 'Үкім шығарған орган',
    articles: 'Баптар',
    sentence: 'Үкім',
    camp: 'Лагерь',
    death: 'Қайтыс болған күні мен жері',
    rehabilitation: 'Ақталуы',
    decision: '№ %s шешім',
    sources: 'Дереккөздер',
    footer: 'Aqtalu · Жады кітабы',
  },
  ru: {
    title: 'Книга памяти',
    subtitle: 'Имена реабилитированных жертв политических репрессий',
    region: 'Регион',
    count: 'Имён',
    made: 'Дата составления',
    licence: 'Только опубликованные сведения. Лицензия: CC BY 4.0.',
    born: 'Год рождения',
    birthplace: 'Место рождения',
    nationality: 'Национальность',
    occupation: 'Род занятий',
    arrest: 'Арест',
    sentencingBody: 'Осудивший орган',
    articles: 'Статьи',
    sentence: 'Приговор',
    camp: 'Лагерь',
    death: 'Дата и место смерти',
    rehabilitation: 'Реабилитация',
    decision: 'решение № %s',
    sources: 'Источники',
    footer: 'Aqtalu · Книга памяти',
  },
} as const;

const joined = (...parts: Array<string | null | undefined>) => parts.filter(Boolean).join(', ');

/**
 * A region's Book of Memory as a PDF: a title page, then every published person of the region by name with the
 * fields their publication shows and nothing else (the records come from the same reader as the public pages).
 */
export function renderRegionalBook(language: RegionalBookLanguage, regionName: string, persons: PublicPerson[], madeOn: string): Promise<Buffer> {
  const t = texts[language];
  const doc = createDocument({ title: `${t.title} — ${regionName}`, subject: t.subtitle, keywords: 'Aqtalu, Book of Memory' });
  doc.y += 160;
  paragraph(doc, t.title, { font: 'bold', size: 26, align: 'center', after: 8 });
  paragraph(doc, regionName, { font: 'bold', size: 18, align: 'center', after: 12 });
  paragraph(doc, t.subtitle, { size: 12, align: 'center', after: 40 });
  paragraph(doc, `${t.count}: ${persons.length}`, { align: 'center', color: colors.muted });
  paragraph(doc, `${t.made}: ${madeOn}`, { align: 'center', color: colors.muted, after: 6 });
  paragraph(doc, t.licence, { align: 'center', color: colors.muted, size: 9 });
  if (persons.length) doc.addPage();
  for (const person of persons) {
    ensureSpace(doc, 60);
    paragraph(doc, person.names?.[0] ?? '—', { font: 'bold', size: 12, after: 2 });
    if (person.names && person.names.length > 1) paragraph(doc, person.names.slice(1).join('; '), { color: colors.muted, size: 9.5, after: 2 });
    const line = (label: string, value: string | null | undefined) => {
      if (value) labelled(doc, label, value, { size: 10 });
    };
    line(t.born, person.birthYear);
    line(t.birthplace, person.birthplace);
    line(t.nationality, person.nationality);
    line(t.occupation, person.occupation);
    line(t.arrest, person.arrest ? joined(person.arrest.date, person.arrest.place) : null);
    line(t.sentencingBody, person.sentencingBody);
    line(t.articles, person.articles?.join(', '));
    line(t.sentence, person.sentence ? joined(person.sentence.kind, person.sentence.term) : null);
    line(t.camp, person.camp);
    line(t.death, person.death ? joined(person.death.date, person.death.place) : null);
    line(t.rehabilitation, person.rehabilitation ? joined(person.rehabilitation.date, person.rehabilitation.decisionNumber ? t.decision.replace('%s', person.rehabilitation.decisionNumber) : null) : null);
    line(t.sources, person.sources?.join('; '));
    doc.y += 8;
  }
  return finishDocument(doc, `${t.footer} · ${regionName}`);
}

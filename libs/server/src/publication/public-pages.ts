import type { PublicLanguage, PublicPerson, PublicSearchHit, PublicationBasis } from './publication.service.js';
import { escapeHtml, fillTemplate as fill } from '../documents/html-text.js';

/** Where the public pages live (the API's prefix, then the public door's own). */
export const publicBookPath = '/api/public/persons';

export const publicLanguages = ['kk', 'ru', 'en'] as const satisfies readonly PublicLanguage[];

const messages = {
  kk: {
    site: 'Жады кітабы',
    intro: 'Саяси қуғын-сүргін құрбандарының ақталған есімдері. Атын кез келген жазумен іздеңіз.',
    search_label: 'Аты-жөні',
    search_button: 'Іздеу',
    results: 'Табылғаны: %{count}',
    no_results: 'Ештеңе табылмады.',
    born: 'Туған жылы',
    birthplace: 'Туған жері',
    names: 'Есімнің жазылуы',
    nationality: 'Ұлты',
    occupation: 'Кәсібі',
    arrest: 'Тұтқындалуы',
    sentencing_body: 'Үкім шығарған орган',
    articles: 'Баптар',
    sentence: 'Үкім',
    camp: 'Лагерь',
    death: 'Қайтыс болған күні мен жері',
    rehabilitation: 'Ақталуы',
    decision: '№ %{number} шешім',
    sources: 'Дереккөздер',
    basis: 'Жазбаның сенімділігі',
    basis_commission: 'Комиссия шешімімен',
    basis_book: 'Жарияланған жады кітабынан',
    basis_contributed: 'Қосылған мәлімет',
    not_found: 'Мұндай жазба жоқ',
    withdrawn: 'Бұл жазба өтініш бойынша алынып тасталды',
    back: 'Іздеуге оралу',
    language: 'Тіл',
  },
  ru: {
    site: 'Книга памяти',
    intro: 'Имена реабилитированных жертв политических репрессий. Ищите имя в любом написании.',
    search_label: 'Фамилия, имя',
    search_button: 'Найти',
    results: 'Найдено: %{count}',
    no_results: 'Ничего не найдено.',
    born: 'Год рождения',
    birthplace: 'Место рождения',
    names: 'Написания имени',
    nationality: 'Национальность',
    occupation: 'Род занятий',
    arrest: 'Арест',
    sentencing_body: 'Осудивший орган',
    articles: 'Статьи',
    sentence: 'Приговор',
    camp: 'Лагерь',
    death: 'Дата и место смерти',
    rehabilitation: 'Реабилитация',
    decision: 'решение № %{number}',
    sources: 'Источники',
    basis: 'Достоверность записи',
    basis_commission: 'Решение комиссии',
    basis_book: 'Из опубликованной книги памяти',
    basis_contributed: 'Дополнено',
    not_found: 'Такой записи нет',
    withdrawn: 'Запись снята с публикации по просьбе',
    back: 'К поиску',
    language: 'Язык',
  },
  en: {
    site: 'Book of Memory',
    intro: 'The rehabilitated victims of political repression. Search a name in any spelling.',
    search_label: 'Name',
    search_button: 'Search',
    results: 'Found: %{count}',
    no_results: 'Nothing found.',
    born: 'Born',
    birthplace: 'Place of birth',
    names: 'Spellings of the name',
    nationality: 'Nationality',
    occupation: 'Occupation',
    arrest: 'Arrest',
    sentencing_body: 'Sentenced by',
    articles: 'Articles',
    sentence: 'Sentence',
    camp: 'Camp',
    death: 'Date and place of death',
    rehabilitation: 'Rehabilitation',
    decision: 'decision No. %{number}',
    sources: 'Sources',
    basis: 'Reliability of the record',
    basis_commission: 'Decided by the commission',
    basis_book: 'From a published book of memory',
    basis_contributed: 'Contributed',
    not_found: 'No such record',
    withdrawn: 'This record was withdrawn on request',
    back: 'Back to the search',
    language: 'Language',
  },
} satisfies Record<PublicLanguage, Record<string, string>>;

/** The pages' texts in each language (every language has every key). */
export const publicPageMessages: Readonly<Record<PublicLanguage, Record<keyof typeof messages.en, string>>> = messages;

const languageNames: Record<PublicLanguage, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };


const css = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:42rem;padding:1rem;color:#1a1a1a}
a{color:#0b4f8a}nav{font-size:.9rem;margin-bottom:1rem}form{display:flex;flex-wrap:wrap;gap:.5rem}
input[type=search]{flex:1 1 12rem;font-size:1rem;padding:.5rem}button{font-size:1rem;padding:.5rem 1rem}
ul.hits{padding:0;list-style:none}ul.hits li{padding:.5rem 0;border-bottom:1px solid #ddd}
dl{display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
.basis{padding:.5rem;background:#f1f4f8;border-left:4px solid #0b4f8a}`;

function layout(language: PublicLanguage, title: string, query: Record<string, string>, body: string): string {
  const m = publicPageMessages[language];
  const links = publicLanguages
    .map((other) => {
      const href = `?${new URLSearchParams({ ...query, lang: other }).toString()}`;
      return other === language ? `<strong lang="${other}">${languageNames[other]}</strong>` : `<a lang="${other}" hreflang="${other}" href="${escapeHtml(href)}">${languageNames[other]}</a>`;
    })
    .join(' · ');
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${css}</style></head>
<body>
<nav aria-label="${escapeHtml(m.language)}">${links}</nav>
<main>
${body}
</main>
</body>
</html>`;
}

/** The search page: a plain GET form (no JavaScript) and the hits, each linking to its permanent page. */
export function renderPublicSearchPage(language: PublicLanguage, query: string, hits: PublicSearchHit[] | null): string {
  const m = publicPageMessages[language];
  const results =
    hits === null
      ? ''
      : hits.length === 0
        ? `<p role="status">${escapeHtml(m.no_results)}</p>`
        : `<p role="status">${escapeHtml(fill(m.results, { count: String(hits.length) }))}</p>
<ul class="hits">${hits
            .map((hit) => `<li><a href="${publicBookPath}/${hit.id}?lang=${language}">${escapeHtml(hit.name)}</a>${hit.birthYear ? ` (${escapeHtml(hit.birthYear)})` : ''}</li>`)
            .join('\n')}</ul>`;
  return layout(
    language,
    m.site,
    query ? { q: query } : {},
    `<h1>${escapeHtml(m.site)}</h1>
<p>${escapeHtml(m.intro)}</p>
<form method="get" action="${publicBookPath}" role="search"><label for="q">${escapeHtml(m.search_label)}</label>
<input type="search" id="q" name="q" value="${escapeHtml(query)}" required><input type="hidden" name="lang" value="${language}"><button type="submit">${escapeHtml(m.search_button)}</button></form>
${results}`,
  );
}

const basisText = (m: (typeof publicPageMessages)[PublicLanguage], basis: PublicationBasis) => m[`basis_${basis}`];

/** A person's permanent page: only the fields the publication names, and the record's reliability. */
export function renderPublicPersonPage(language: PublicLanguage, person: PublicPerson): string {
  const m = publicPageMessages[language];
  const rows: Array<[string, string]> = [];
  const add = (label: string, value: string | null | undefined) => {
    if (value) rows.push([label, escapeHtml(value)]);
  };
  const title = person.names?.[0] ?? m.site;
  if (person.names && person.names.length > 1) rows.push([m.names, person.names.map(escapeHtml).join('<br>')]);
  add(m.born, person.birthYear);
  add(m.birthplace, person.birthplace);
  add(m.nationality, person.nationality);
  add(m.occupation, person.occupation);
  add(m.arrest, person.arrest ? [person.arrest.date, person.arrest.place].filter(Boolean).join(', ') : null);
  add(m.sentencing_body, person.sentencingBody);
  add(m.articles, person.articles?.join(', '));
  add(m.sentence, person.sentence ? [person.sentence.kind, person.sentence.term].filter(Boolean).join(', ') : null);
  add(m.camp, person.camp);
  add(m.death, person.death ? [person.death.date, person.death.place].filter(Boolean).join(', ') : null);
  add(
    m.rehabilitation,
    person.rehabilitation
      ? [person.rehabilitation.date, person.rehabilitation.decisionNumber ? fill(m.decision, { number: person.rehabilitation.decisionNumber }) : null].filter(Boolean).join(', ')
      : null,
  );
  if (person.sources && person.sources.length > 0) rows.push([m.sources, person.sources.map(escapeHtml).join('<br>')]);
  return layout(
    language,
    `${title} — ${m.site}`,
    {},
    `<p><a href="${publicBookPath}?lang=${language}">${escapeHtml(m.back)}</a></p>
<article>
<h1>${escapeHtml(title)}</h1>
<p class="basis" data-basis="${person.basis}">${escapeHtml(m.basis)}: ${escapeHtml(basisText(m, person.basis))}</p>
<dl>
${rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${value}</dd>`).join('\n')}
</dl>
</article>`,
  );
}

/** 404 (never published) or 410 (withdrawn): the same plain page, saying which. */
export function renderPublicMissingPage(language: PublicLanguage, withdrawn: boolean): string {
  const m = publicPageMessages[language];
  const text = withdrawn ? m.withdrawn : m.not_found;
  return layout(language, text, {}, `<h1>${escapeHtml(text)}</h1><p><a href="${publicBookPath}?lang=${language}">${escapeHtml(m.back)}</a></p>`);
}

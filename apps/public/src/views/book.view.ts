import { contributionSubjects } from '@aqtalu/contracts';
import { checkPageLanguages } from './language.js';
import { escapeHtml, fillTemplate as fill, publicApplicationsPath, publicBookPath, type PublicLanguage, type PublicPerson, type PublicSearchFilters, type PublicSearchHit, type PublicSearchOptions, type PublicationBasis } from '@aqtalu/server';


export const publicLanguages: readonly PublicLanguage[] = checkPageLanguages;

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
    page_not_found: 'Мұндай бет жоқ',
    too_many: 'Сұрау тым көп. Бір минуттан кейін қайталаңыз.',
    unavailable: 'Бет қазір ашылмады. Кейінірек қайталаңыз.',
    withdrawn: 'Бұл жазба өтініш бойынша алынып тасталды',
    back: 'Іздеуге оралу',
    language: 'Тіл',
    apply: 'Ақтау туралы өтініш беру немесе өтініштің күйін білу',
    filters: 'Сүзгілер',
    filter_region: 'Туған өңірі',
    filter_years: 'Қуғын-сүргін жылдары',
    filter_year_from: 'бастап',
    filter_year_to: 'дейін',
    filter_sentence: 'Үкім түрі',
    filter_camp: 'Лагерь',
    filter_event: 'Оқиға',
    filter_any: 'Кез келген',
    contribute: 'Бұл адам туралы көбірек білемін',
    contribute_intro: 'Мәліметті дереккөзімен жіберіңіз. Ол модерациядан кейін ғана жарияланады; нәтижесін электрондық поштаңызға жазамыз.',
    contribute_subject: 'Не туралы',
    contribute_value: 'Мәлімет (мысалы, кәсібі)',
    contribute_date: 'Күні (мысалы, 1937 жылдың күзі)',
    contribute_place: 'Орны',
    contribute_details: 'Толығырақ',
    contribute_source: 'Дереккөз (мұрағат, қор, тізімдеме, іс немесе кітап пен беті)',
    contribute_scan: 'Құжаттың сканы (PDF, JPEG, PNG, 10 МБ-қа дейін, міндетті емес)',
    contribute_name: 'Сіздің атыңыз',
    contribute_email: 'Электрондық пошта (жарияланбайды)',
    contribute_trap: 'Бұл өрісті бос қалдырыңыз',
    contribute_send: 'Жіберу',
    contribute_thanks: 'Рақмет! Мәліметіңіз модерацияға жіберілді.',
    contribute_error_required: 'Дереккөзді, атыңызды, электрондық поштаңызды және мәліметті толтырыңыз.',
    contribute_error_email: 'Электрондық пошта мекенжайы дұрыс емес.',
    contribute_error_scan: 'Скан PDF, JPEG немесе PNG файлы болуы тиіс.',
    contribute_error_too_many: 'Тым көп жіберілді. Кейінірек қайталаңыз.',
    subject_nationality: 'Ұлты',
    subject_occupation: 'Кәсібі',
    subject_social_position: 'Әлеуметтік жағдайы',
    subject_party_membership: 'Партиялығы',
    subject_arrest: 'Тұтқындалуы',
    subject_sentence: 'Үкім',
    subject_camp: 'Лагерь',
    subject_exile: 'Жер аудару',
    subject_release: 'Босатылуы',
    subject_death: 'Қайтыс болуы',
    subject_execution: 'Атылуы',
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
    page_not_found: 'Такой страницы нет',
    too_many: 'Слишком много запросов. Повторите через минуту.',
    unavailable: 'Страница сейчас не открылась. Повторите позже.',
    withdrawn: 'Запись снята с публикации по просьбе',
    back: 'К поиску',
    language: 'Язык',
    apply: 'Подать заявление о реабилитации или узнать его статус',
    filters: 'Фильтры',
    filter_region: 'Регион рождения',
    filter_years: 'Годы репрессий',
    filter_year_from: 'с',
    filter_year_to: 'по',
    filter_sentence: 'Вид приговора',
    filter_camp: 'Лагерь',
    filter_event: 'Событие',
    filter_any: 'Любой',
    contribute: 'Я знаю больше об этом человеке',
    contribute_intro: 'Пришлите сведения с источником. Они будут опубликованы только после проверки; о решении мы напишем вам на почту.',
    contribute_subject: 'О чём',
    contribute_value: 'Сведения (например, род занятий)',
    contribute_date: 'Дата (например, осень 1937)',
    contribute_place: 'Место',
    contribute_details: 'Подробнее',
    contribute_source: 'Источник (архив, фонд, опись, дело или книга и страница)',
    contribute_scan: 'Скан документа (PDF, JPEG, PNG, до 10 МБ, необязательно)',
    contribute_name: 'Ваше имя',
    contribute_email: 'Электронная почта (не публикуется)',
    contribute_trap: 'Оставьте это поле пустым',
    contribute_send: 'Отправить',
    contribute_thanks: 'Спасибо! Ваши сведения отправлены на проверку.',
    contribute_error_required: 'Заполните источник, имя, почту и сами сведения.',
    contribute_error_email: 'Адрес электронной почты неверен.',
    contribute_error_scan: 'Скан должен быть файлом PDF, JPEG или PNG.',
    contribute_error_too_many: 'Слишком много отправок. Попробуйте позже.',
    subject_nationality: 'Национальность',
    subject_occupation: 'Род занятий',
    subject_social_position: 'Социальное положение',
    subject_party_membership: 'Партийность',
    subject_arrest: 'Арест',
    subject_sentence: 'Приговор',
    subject_camp: 'Лагерь',
    subject_exile: 'Ссылка',
    subject_release: 'Освобождение',
    subject_death: 'Смерть',
    subject_execution: 'Расстрел',
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
    page_not_found: 'No such page',
    too_many: 'Too many requests. Try again in a minute.',
    unavailable: 'The page could not be opened just now. Try again later.',
    withdrawn: 'This record was withdrawn on request',
    back: 'Back to the search',
    language: 'Language',
    apply: 'Apply for rehabilitation or follow an application',
    filters: 'Filters',
    filter_region: 'Region of birth',
    filter_years: 'Years of repression',
    filter_year_from: 'from',
    filter_year_to: 'to',
    filter_sentence: 'Kind of sentence',
    filter_camp: 'Camp',
    filter_event: 'Event',
    filter_any: 'Any',
    contribute: 'I know more about this person',
    contribute_intro: 'Send what you know with its source. It is published only after moderation; we e-mail you the outcome.',
    contribute_subject: 'About',
    contribute_value: 'What you know (e.g. the occupation)',
    contribute_date: 'Date (e.g. autumn 1937)',
    contribute_place: 'Place',
    contribute_details: 'Details',
    contribute_source: 'Source (archive, fond, opis, delo, or a book and page)',
    contribute_scan: 'A scan of the document (PDF, JPEG, PNG, up to 10 MB, optional)',
    contribute_name: 'Your name',
    contribute_email: 'E-mail (never published)',
    contribute_trap: 'Leave this field empty',
    contribute_send: 'Send',
    contribute_thanks: 'Thank you! What you told us goes to moderation.',
    contribute_error_required: 'Fill in the source, your name, your e-mail and what you know.',
    contribute_error_email: 'The e-mail address is not valid.',
    contribute_error_scan: 'The scan must be a PDF, JPEG or PNG file.',
    contribute_error_too_many: 'Too many submissions. Try again later.',
    subject_nationality: 'Nationality',
    subject_occupation: 'Occupation',
    subject_social_position: 'Social position',
    subject_party_membership: 'Party membership',
    subject_arrest: 'Arrest',
    subject_sentence: 'Sentence',
    subject_camp: 'Camp',
    subject_exile: 'Exile',
    subject_release: 'Release',
    subject_death: 'Death',
    subject_execution: 'Execution',
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
.basis{padding:.5rem;background:#f1f4f8;border-left:4px solid #0b4f8a}
form.contribute{display:grid;gap:.25rem;max-width:32rem}form.contribute input,form.contribute select,form.contribute textarea{font-size:1rem;padding:.4rem}
fieldset.filters{display:flex;flex-wrap:wrap;gap:.25rem .5rem;align-items:center;border:1px solid #ccc;margin-top:.5rem}fieldset.filters input{width:5.5rem;font-size:1rem;padding:.3rem}fieldset.filters select{font-size:1rem;padding:.3rem;max-width:100%}
.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}.error{color:#a1120b;font-weight:600}.thanks{padding:.5rem;background:#e7f4ea;border-left:4px solid #1d6b32}`;

/**
 * A public page: the language links (each leading to `href(language)`), the body, an optional footer, the page's
 * own CSS. Every public page (the Book of Memory, online applications) is drawn by this one frame.
 */
export function publicPage(page: { language: PublicLanguage; title: string; navLabel: string; css: string; href: (language: PublicLanguage) => string; body: string; footer?: string }): string {
  const links = publicLanguages
    .map((other) =>
      other === page.language
        ? `<strong lang="${other}">${languageNames[other]}</strong>`
        : `<a lang="${other}" hreflang="${other}" href="${escapeHtml(page.href(other))}">${languageNames[other]}</a>`,
    )
    .join(' · ');
  return `<!doctype html>
<html lang="${page.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(page.title)}</title><style>${page.css}</style></head>
<body>
<nav aria-label="${escapeHtml(page.navLabel)}">${links}</nav>
<main>
${page.body}
</main>
${page.footer ? `<footer>${page.footer}</footer>\n` : ''}</body>
</html>`;
}

function layout(language: PublicLanguage, title: string, query: Record<string, string>, body: string): string {
  const href = (other: PublicLanguage) => `?${new URLSearchParams({ ...query, lang: other }).toString()}`;
  return publicPage({ language, title, navLabel: publicPageMessages[language].language, css, href, body });
}

/** The filters as query parameters (the form's names), for links that keep them. */
export function publicFilterQuery(filters: PublicSearchFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.region) query.region = filters.region;
  if (filters.yearFrom !== undefined) query.from = String(filters.yearFrom);
  if (filters.yearTo !== undefined) query.to = String(filters.yearTo);
  if (filters.sentenceKind) query.sentence = filters.sentenceKind;
  if (filters.camp) query.camp = filters.camp;
  if (filters.event) query.event = filters.event;
  return query;
}

function filterFields(language: PublicLanguage, filters: PublicSearchFilters, options: PublicSearchOptions | null): string {
  if (!options) return '';
  const m = publicPageMessages[language];
  const select = (name: string, label: string, choices: Array<{ code: string; name: string }>, value: string | undefined) =>
    `<label for="f-${name}">${escapeHtml(label)}</label><select id="f-${name}" name="${name}"><option value="">${escapeHtml(m.filter_any)}</option>${choices
      .map((choice) => `<option value="${escapeHtml(choice.code)}"${choice.code === value ? ' selected' : ''}>${escapeHtml(choice.name)}</option>`)
      .join('')}</select>`;
  const year = (name: string, label: string, value: number | undefined) =>
    `<label for="f-${name}">${escapeHtml(label)}</label><input type="number" id="f-${name}" name="${name}" min="1800" max="2100" inputmode="numeric" value="${value ?? ''}">`;
  return `<fieldset class="filters"><legend>${escapeHtml(m.filters)}</legend>
${select('region', m.filter_region, options.regions, filters.region)}
<span role="group" aria-label="${escapeHtml(m.filter_years)}">${escapeHtml(m.filter_years)}: ${year('from', m.filter_year_from, filters.yearFrom)} ${year('to', m.filter_year_to, filters.yearTo)}</span>
${select('sentence', m.filter_sentence, options.sentenceKinds, filters.sentenceKind)}
${select('camp', m.filter_camp, options.camps, filters.camp)}
${options.events.length ? select('event', m.filter_event, options.events, filters.event) : ''}
</fieldset>`;
}

/** The search page: a plain GET form (no JavaScript) with its filters, and the hits, each linking to its permanent page. */
export function renderPublicSearchPage(
  language: PublicLanguage, query: string, hits: PublicSearchHit[] | null, filters: PublicSearchFilters = {}, options: PublicSearchOptions | null = null,
): string {
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
    { ...(query ? { q: query } : {}), ...publicFilterQuery(filters) },
    `<h1>${escapeHtml(m.site)}</h1>
<p>${escapeHtml(m.intro)}</p>
<p><a href="${publicApplicationsPath}/new?lang=${language}">${escapeHtml(m.apply)}</a></p>
<form method="get" action="${publicBookPath}" role="search"><label for="q">${escapeHtml(m.search_label)}</label>
<input type="search" id="q" name="q" value="${escapeHtml(query)}"><input type="hidden" name="lang" value="${language}"><button type="submit">${escapeHtml(m.search_button)}</button>
${filterFields(language, filters, options)}</form>
${results}`,
  );
}

const basisText = (m: (typeof publicPageMessages)[PublicLanguage], basis: PublicationBasis) => m[`basis_${basis}`];

/** The contribution form's state when the page is shown again: what was typed, what went wrong, or the thanks. */
export interface ContributionFormState {
  values?: Record<string, string>;
  error?: 'required' | 'email' | 'scan' | 'too_many';
  thanks?: boolean;
}

/** "I know more about this person": a plain multipart form (no JavaScript) with a honeypot field bots fill in. */
function contributionForm(language: PublicLanguage, personId: string, state: ContributionFormState): string {
  const m = publicPageMessages[language];
  const v = (name: string) => escapeHtml(state.values?.[name] ?? '');
  const field = (name: string, label: string, input: string) => `<label for="c-${name}">${escapeHtml(label)}</label>${input}`;
  const text = (name: string, label: string, extra = '') => field(name, label, `<input type="text" id="c-${name}" name="${name}" value="${v(name)}" maxlength="2000"${extra}>`);
  const options = contributionSubjects
    .map((subject) => `<option value="${subject}"${state.values?.subject === subject ? ' selected' : ''}>${escapeHtml(m[`subject_${subject}`])}</option>`)
    .join('');
  const error = state.error ? `<p class="error" role="alert">${escapeHtml(m[`contribute_error_${state.error}`])}</p>` : '';
  return `<section aria-labelledby="contribute">
<h2 id="contribute">${escapeHtml(m.contribute)}</h2>
${state.thanks ? `<p class="thanks" role="status">${escapeHtml(m.contribute_thanks)}</p>` : ''}
<p>${escapeHtml(m.contribute_intro)}</p>
${error}
<form class="contribute" method="post" enctype="multipart/form-data" action="${publicBookPath}/${personId}/contributions?lang=${language}">
${field('subject', m.contribute_subject, `<select id="c-subject" name="subject">${options}</select>`)}
${text('value', m.contribute_value)}
${text('date', m.contribute_date)}
${text('place', m.contribute_place)}
${field('details', m.contribute_details, `<textarea id="c-details" name="details" rows="3" maxlength="4000">${v('details')}</textarea>`)}
${text('source', m.contribute_source, ' required')}
${field('scan', m.contribute_scan, `<input type="file" id="c-scan" name="scan" accept="application/pdf,image/jpeg,image/png">`)}
${text('name', m.contribute_name, ' required autocomplete="name"')}
${field('email', m.contribute_email, `<input type="email" id="c-email" name="email" value="${v('email')}" required maxlength="320" autocomplete="email">`)}
<div class="trap" aria-hidden="true"><label for="c-website">${escapeHtml(m.contribute_trap)}</label><input type="text" id="c-website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">${escapeHtml(m.contribute_send)}</button>
</form>
</section>`;
}

/** A person's permanent page: only the fields the publication names, the record's reliability, and the contribution form. */
export function renderPublicPersonPage(language: PublicLanguage, person: PublicPerson, form: ContributionFormState = {}): string {
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
</article>
${contributionForm(language, person.id, form)}`,
  );
}

/** 404 (never published) or 410 (withdrawn): the same plain page, saying which. */
export function renderPublicMissingPage(language: PublicLanguage, withdrawn: boolean): string {
  const m = publicPageMessages[language];
  const text = withdrawn ? m.withdrawn : m.not_found;
  return layout(language, text, {}, `<h1>${escapeHtml(text)}</h1><p><a href="${publicBookPath}?lang=${language}">${escapeHtml(m.back)}</a></p>`);
}

/** What the public site answers when a page cannot be shown: no such page (404), too many requests (429), anything else. */
export function renderPublicErrorPage(language: PublicLanguage, kind: 'page_not_found' | 'too_many' | 'unavailable'): string {
  const m = publicPageMessages[language];
  return layout(language, `${m[kind]} — ${m.site}`, {}, `<h1>${escapeHtml(m[kind])}</h1><p><a href="${publicBookPath}?lang=${language}">${escapeHtml(m.back)}</a></p>`);
}

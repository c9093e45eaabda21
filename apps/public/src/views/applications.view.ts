import { CaseStatus, personalDataConsentVersion, type Code, type PublicApplicationLanguage } from '@aqtalu/contracts';
import { escapeHtml, fillTemplate as fill, maxApplicationFiles, publicApplicationsPath, publicBookPath, type ApplicationStatus, type FormOptions, type PublicSearchHit } from '@aqtalu/server';
import { publicPage } from './book.view.js';

type Messages = Record<keyof typeof messages.en, string>;

const messages = {
  kk: {
    title: 'Ақтау туралы өтініш',
    intro: 'Саяси қуғын-сүргін құрбанын ақтау туралы өтінішті туысы немесе ұйым бере алады. Өтініш бергеннен кейін бақылау кодын аласыз және оның күйін осы сайттан көресіз.',
    step_person: '1. Кім туралы өтініш',
    search_hint: 'Алдымен атын жарияланған тізілімнен іздеңіз; табылмаса, жаңа адам ретінде енгізіңіз.',
    search_label: 'Аты-жөні',
    search_button: 'Іздеу',
    new_person: 'Тізімде жоқ — жаңа адам',
    person_name: 'Репрессияланған адамның аты-жөні',
    person_birth_year: 'Туған жылы (болса)',
    region: 'Өтініш қаралатын облыс',
    category: 'Қуғын-сүргін түрі',
    step_applicant: '2. Өтініш беруші',
    applicant_kind: 'Кім өтініш береді',
    kind_relative: 'Туысы',
    kind_organisation: 'Ұйым',
    applicant_name: 'Аты-жөніңіз (ұйымның атауы)',
    email: 'Электрондық пошта (бақылау сілтемесі осыған жіберіледі)',
    phone: 'Телефон (міндетті емес)',
    kinship: 'Туыстық қатынасы (мысалы, немересі)',
    kinship_proof: 'Туыстықты растайтын құжаттар (мысалы, туу туралы куәліктер)',
    step_documents: '3. Құжаттар',
    documents: `Құжаттардың сканы (PDF, JPEG, PNG, TIFF; ${maxApplicationFiles} файлға дейін)`,
    documents_note: 'Файлдар тексеріледі; қауіпті файл оқшауланады және оны ешкім ашпайды.',
    trap: 'Бұл өрісті бос қалдырыңыз',
    step_consent: '4. Келісім',
    consent: 'Қазақстан Республикасының «Дербес деректер және оларды қорғау туралы» 2013 жылғы 21 мамырдағы № 94-V Заңына сәйкес менің және өтініште көрсетілген адамдардың дербес деректерін комиссияның өтінішті қарауы үшін жинауға және өңдеуге келісемін.',
    consent_version: 'Келісім мәтінінің нұсқасы: %{version}',
    submit: 'Өтініш беру',
    submitted_title: 'Өтінішіңіз қабылданды',
    submitted_text: 'Бақылау кодыңыз:',
    submitted_keep: 'Кодты сақтаңыз. Күйін көру сілтемесін электрондық поштаңызға жібердік.',
    open_status: 'Өтініштің күйін ашу',
    status_title: 'Өтініштің күйі',
    tracking_code: 'Бақылау коды',
    case_number: 'Іс нөмірі',
    submitted_on: 'Берілген күні',
    current_status: 'Қазіргі күйі',
    answer_due: 'Жауап берудің заңды мерзімі (жұмыс күндері бойынша)',
    documents_sent: 'Жіберілген құжаттар',
    request_title: 'Хатшы қосымша құжаттар сұрады',
    answer_label: 'Сұралған құжаттарды тіркеңіз',
    answer_button: 'Құжаттарды жіберу',
    answered: 'Рақмет! Құжаттар алынды, өтініш қайтадан қарауға жіберілді.',
    lookup_label: 'Бақылау коды',
    lookup_button: 'Күйін көру',
    not_found: 'Мұндай бақылау коды бар өтініш жоқ',
    apply_link: 'Ақтау туралы өтініш беру',
    error: 'Өтініш қабылданбады',
    back: 'Жады кітабына оралу',
    language: 'Тіл',
    status_draft: 'Өтініш қабылданды, тіркелуде.',
    status_submitted: 'Өтініш қабылданды және хатшының тексеруін күтуде.',
    status_intake_review: 'Хатшы өтінішті тексеруде.',
    status_returned_to_applicant: 'Қосымша құжаттар керек: төмендегі сұрауды оқып, құжаттарды жіберіңіз.',
    status_archive_verification: 'Мұрағаттардан құжаттар ізделуде.',
    status_working_group_review: 'Жұмыс тобы құжаттарды қарауда.',
    status_commission_review: 'Өтініш комиссияның қарауында.',
    status_rehabilitated: 'Комиссия ақтау туралы шешім қабылдады.',
    status_rejected: 'Комиссия ақтаудан бас тартты; шешімі жазбаша жіберіледі.',
    status_certificate_issued: 'Ақтау туралы анықтама берілді.',
    status_closed: 'Іс жабылды.',
    'error_public_application.field_required': '«%{field}» өрісін толтырыңыз.',
    'error_public_application.field_invalid': '«%{field}» өрісі дұрыс толтырылмаған.',
    'error_public_application.consent_required': 'Өтініш беру үшін дербес деректерді өңдеуге келісіміңіз қажет.',
    'error_public_application.person_not_published': 'Таңдалған адам жарияланған тізілімде жоқ: атын жаңа адам ретінде енгізіңіз.',
    'error_public_application.too_many': 'Өтініштер тым көп. %{retryAfterSeconds} секундтан кейін қайталаңыз.',
    'error_public_application.not_found': 'Мұндай бақылау коды бар өтініш жоқ.',
    'error_public_application.not_awaiting_documents': 'Өтініш қазір сізден құжат күтпейді.',
    'error_public_application.documents_required': 'Кемінде бір құжат тіркеңіз.',
    'error_public_application.too_many_files': `Ең көбі ${maxApplicationFiles} файл тіркеңіз.`,
    error_file: '«%{fileName}» файлы қабылданбады: тек PDF, JPEG, PNG немесе TIFF, және мазмұны кеңейтіміне сәйкес болуы тиіс.',
    error_file_size: 'Файл тым үлкен.',
    error_other: 'Өтінішті қабылдау мүмкін болмады. Қайталап көріңіз.',
  },
  ru: {
    title: 'Заявление о реабилитации',
    intro: 'Заявление о реабилитации жертвы политических репрессий может подать родственник или организация. После подачи вы получите код отслеживания и сможете видеть статус на этом сайте.',
    step_person: '1. О ком заявление',
    search_hint: 'Сначала найдите имя в опубликованном реестре; если его нет, введите как нового человека.',
    search_label: 'Фамилия, имя',
    search_button: 'Найти',
    new_person: 'Нет в списке — новый человек',
    person_name: 'Фамилия, имя, отчество репрессированного',
    person_birth_year: 'Год рождения (если известен)',
    region: 'Область, где рассматривается заявление',
    category: 'Вид репрессии',
    step_applicant: '2. Заявитель',
    applicant_kind: 'Кто подаёт заявление',
    kind_relative: 'Родственник',
    kind_organisation: 'Организация',
    applicant_name: 'Ваши фамилия и имя (название организации)',
    email: 'Электронная почта (на неё придёт ссылка для отслеживания)',
    phone: 'Телефон (необязательно)',
    kinship: 'Степень родства (например, внук)',
    kinship_proof: 'Документы, подтверждающие родство (например, свидетельства о рождении)',
    step_documents: '3. Документы',
    documents: `Сканы документов (PDF, JPEG, PNG, TIFF; до ${maxApplicationFiles} файлов)`,
    documents_note: 'Файлы проверяются; опасный файл помещается в карантин и никем не открывается.',
    trap: 'Оставьте это поле пустым',
    step_consent: '4. Согласие',
    consent: 'В соответствии с Законом Республики Казахстан от 21 мая 2013 года № 94-V «О персональных данных и их защите» даю согласие на сбор и обработку моих персональных данных и данных лиц, указанных в заявлении, для рассмотрения заявления комиссией.',
    consent_version: 'Версия текста согласия: %{version}',
    submit: 'Подать заявление',
    submitted_title: 'Заявление принято',
    submitted_text: 'Ваш код отслеживания:',
    submitted_keep: 'Сохраните код. Ссылку на страницу статуса мы отправили на вашу почту.',
    open_status: 'Открыть статус заявления',
    status_title: 'Статус заявления',
    tracking_code: 'Код отслеживания',
    case_number: 'Номер дела',
    submitted_on: 'Дата подачи',
    current_status: 'Текущий статус',
    answer_due: 'Установленный законом срок ответа (в рабочих днях)',
    documents_sent: 'Отправлено документов',
    request_title: 'Секретарь запросил дополнительные документы',
    answer_label: 'Приложите запрошенные документы',
    answer_button: 'Отправить документы',
    answered: 'Спасибо! Документы получены, заявление снова передано на рассмотрение.',
    lookup_label: 'Код отслеживания',
    lookup_button: 'Узнать статус',
    not_found: 'Заявления с таким кодом нет',
    apply_link: 'Подать заявление о реабилитации',
    error: 'Заявление не принято',
    back: 'К Книге памяти',
    language: 'Язык',
    status_draft: 'Заявление получено и регистрируется.',
    status_submitted: 'Заявление принято и ждёт проверки секретарём.',
    status_intake_review: 'Секретарь проверяет заявление.',
    status_returned_to_applicant: 'Нужны дополнительные документы: прочтите запрос ниже и отправьте документы.',
    status_archive_verification: 'Документы ищут в архивах.',
    status_working_group_review: 'Рабочая группа изучает документы.',
    status_commission_review: 'Заявление на рассмотрении комиссии.',
    status_rehabilitated: 'Комиссия приняла решение о реабилитации.',
    status_rejected: 'Комиссия отказала в реабилитации; решение будет направлено письменно.',
    status_certificate_issued: 'Справка о реабилитации выдана.',
    status_closed: 'Дело закрыто.',
    'error_public_application.field_required': 'Заполните поле «%{field}».',
    'error_public_application.field_invalid': 'Поле «%{field}» заполнено неверно.',
    'error_public_application.consent_required': 'Чтобы подать заявление, нужно согласие на обработку персональных данных.',
    'error_public_application.person_not_published': 'Выбранного человека нет в опубликованном реестре: введите имя как нового человека.',
    'error_public_application.too_many': 'Слишком много заявлений. Повторите через %{retryAfterSeconds} с.',
    'error_public_application.not_found': 'Заявления с таким кодом нет.',
    'error_public_application.not_awaiting_documents': 'Сейчас заявление не ждёт от вас документов.',
    'error_public_application.documents_required': 'Приложите хотя бы один документ.',
    'error_public_application.too_many_files': `Приложите не больше ${maxApplicationFiles} файлов.`,
    error_file: 'Файл «%{fileName}» не принят: только PDF, JPEG, PNG или TIFF, и содержимое должно соответствовать расширению.',
    error_file_size: 'Файл слишком большой.',
    error_other: 'Не удалось принять заявление. Попробуйте ещё раз.',
  },
  en: {
    title: 'Application for rehabilitation',
    intro: 'A relative or an organisation may apply for the rehabilitation of a victim of political repression. After applying you get a tracking code and follow the status on this site.',
    step_person: '1. Whom the application is about',
    search_hint: 'First search the name in the published registry; if it is not there, enter a new person.',
    search_label: 'Name',
    search_button: 'Search',
    new_person: 'Not in the list — a new person',
    person_name: 'Full name of the repressed person',
    person_birth_year: 'Year of birth (if known)',
    region: 'Region where the application is examined',
    category: 'Kind of repression',
    step_applicant: '2. The applicant',
    applicant_kind: 'Who applies',
    kind_relative: 'A relative',
    kind_organisation: 'An organisation',
    applicant_name: 'Your full name (or the organisation\'s name)',
    email: 'E-mail (the tracking link is sent there)',
    phone: 'Phone (optional)',
    kinship: 'Kinship (e.g. grandson)',
    kinship_proof: 'Documents proving the kinship (e.g. birth certificates)',
    step_documents: '3. Documents',
    documents: `Scans of documents (PDF, JPEG, PNG, TIFF; up to ${maxApplicationFiles} files)`,
    documents_note: 'Files are checked; an unsafe file is quarantined and opened by no one.',
    trap: 'Leave this field empty',
    step_consent: '4. Consent',
    consent: 'Under the Law of the Republic of Kazakhstan of 21 May 2013 No. 94-V "On personal data and their protection" I consent to the collection and processing of my personal data and those of the persons named in the application for the commission\'s examination of the application.',
    consent_version: 'Version of the consent text: %{version}',
    submit: 'Apply',
    submitted_title: 'Your application was received',
    submitted_text: 'Your tracking code:',
    submitted_keep: 'Keep the code. We have e-mailed you the link to the status page.',
    open_status: 'Open the status of the application',
    status_title: 'Status of the application',
    tracking_code: 'Tracking code',
    case_number: 'Case number',
    submitted_on: 'Submitted on',
    current_status: 'Current status',
    answer_due: 'Legal deadline of the answer (in working days)',
    documents_sent: 'Documents sent',
    request_title: 'The secretary asked for more documents',
    answer_label: 'Attach the documents asked for',
    answer_button: 'Send the documents',
    answered: 'Thank you! The documents were received and the application is examined again.',
    lookup_label: 'Tracking code',
    lookup_button: 'See the status',
    not_found: 'There is no application with this tracking code',
    apply_link: 'Apply for rehabilitation',
    error: 'The application was not accepted',
    back: 'Back to the Book of Memory',
    language: 'Language',
    status_draft: 'The application was received and is being registered.',
    status_submitted: 'The application was received and awaits the secretary\'s check.',
    status_intake_review: 'The secretary is checking the application.',
    status_returned_to_applicant: 'More documents are needed: read the request below and send them.',
    status_archive_verification: 'The archives are being searched for documents.',
    status_working_group_review: 'The working group is examining the documents.',
    status_commission_review: 'The application is before the commission.',
    status_rehabilitated: 'The commission decided to rehabilitate.',
    status_rejected: 'The commission refused rehabilitation; the decision will be sent in writing.',
    status_certificate_issued: 'The certificate of rehabilitation was issued.',
    status_closed: 'The case is closed.',
    'error_public_application.field_required': 'Fill in "%{field}".',
    'error_public_application.field_invalid': '"%{field}" is not valid.',
    'error_public_application.consent_required': 'Your consent to the processing of personal data is required to apply.',
    'error_public_application.person_not_published': 'The person chosen is not in the published registry: enter the name as a new person.',
    'error_public_application.too_many': 'Too many applications. Try again in %{retryAfterSeconds} seconds.',
    'error_public_application.not_found': 'There is no application with this tracking code.',
    'error_public_application.not_awaiting_documents': 'The application awaits no documents from you now.',
    'error_public_application.documents_required': 'Attach at least one document.',
    'error_public_application.too_many_files': `Attach at most ${maxApplicationFiles} files.`,
    error_file: 'The file "%{fileName}" was not accepted: only PDF, JPEG, PNG or TIFF, with content matching its extension.',
    error_file_size: 'The file is too large.',
    error_other: 'The application could not be accepted. Please try again.',
  },
} satisfies Record<PublicApplicationLanguage, Record<string, string>>;

/** The pages' and e-mails' texts in each language (every language has every key). */
export const publicApplicationMessages: Readonly<Record<PublicApplicationLanguage, Messages>> = messages;

/** The form's fields and their labels (a refusal names the field by its label). */
const fieldLabels: Record<string, keyof Messages> = {
  applicantKind: 'applicant_kind', applicantName: 'applicant_name', email: 'email', phone: 'phone', kinship: 'kinship', kinshipProof: 'kinship_proof',
  personName: 'person_name', personBirthYear: 'person_birth_year', regionCode: 'region', categoryCode: 'category', website: 'trap',
};

/** A refusal as the applicant reads it: the code's text in the page's language, its params filled. */
export function publicApplicationError(language: PublicApplicationLanguage, code: Code | null, params: Record<string, unknown> = {}): string {
  const m = messages[language];
  const text = (value: unknown) => String(value ?? '');
  if (code?.startsWith('evidence.mime')) return fill(m.error_file, { fileName: text(params.fileName) });
  const key = `error_${code}` as keyof Messages;
  if (!code || !(key in m)) return m.error_other;
  const field = typeof params.field === 'string' && fieldLabels[params.field] ? m[fieldLabels[params.field]!].replace(/\s*\(.*\)$/, '') : text(params.field);
  return fill(m[key], { field, retryAfterSeconds: text(params.retryAfterSeconds) });
}


const css = `*{box-sizing:border-box}body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:42rem;padding:1rem;color:#1a1a1a}
a{color:#0b4f8a}nav{font-size:.9rem;margin-bottom:1rem}fieldset{border:1px solid #ccc;margin:0 0 1rem;padding:.75rem}
legend{font-weight:600}label{display:block;margin:.5rem 0 .25rem}label.choice{display:flex;gap:.5rem;align-items:flex-start;font-weight:normal}
input,select,textarea{font-size:1rem;padding:.5rem;width:100%;max-width:100%}input[type=radio],input[type=checkbox]{width:auto;margin-top:.3rem}
button{font-size:1rem;padding:.75rem 1.25rem;background:#0b4f8a;color:#fff;border:0;border-radius:4px;cursor:pointer}
.search{display:flex;gap:.5rem;flex-wrap:wrap}.search input{flex:1 1 12rem;width:auto}.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.error{padding:.75rem;background:#fdecea;border-left:4px solid #b3261e}.notice{padding:.75rem;background:#e8f3ec;border-left:4px solid #1e6b3a}
.code{font:700 1.4rem/1.3 ui-monospace,monospace;letter-spacing:.05em}.request{padding:.75rem;background:#fff8e1;border-left:4px solid #8a6100;white-space:pre-wrap}
dl{display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}small{color:#555}`;

/** `path` (with `query`) is where each language's link leads: the same page in another language, also after a POST. */
function layout(language: PublicApplicationLanguage, title: string, path: string, query: Record<string, string>, body: string): string {
  const m = messages[language];
  return publicPage({
    language, title, navLabel: m.language, css, body,
    href: (other) => `${path}?${new URLSearchParams({ ...query, lang: other }).toString()}`,
    footer: `<p><a href="${publicBookPath}?lang=${language}">${escapeHtml(m.back)}</a></p>`,
  });
}

export interface ApplicationFormState {
  query?: string;
  hits?: PublicSearchHit[] | null;
  values?: Record<string, string>;
  error?: string | null;
}

/** The application form: a search for the person (GET), then one multipart form that works without JavaScript. */
export function renderApplicationFormPage(language: PublicApplicationLanguage, options: FormOptions, state: ApplicationFormState = {}): string {
  const m = messages[language];
  const v = state.values ?? {};
  const value = (name: string) => escapeHtml(v[name] ?? '');
  const input = (name: string, label: string, attributes = '') =>
    `<label for="${name}">${escapeHtml(label)}</label><input id="${name}" name="${name}" value="${value(name)}" ${attributes}>`;
  const choice = (name: string, choiceValue: string, label: string, checked: boolean, attributes = '') =>
    `<label class="choice"><input type="radio" name="${name}" value="${escapeHtml(choiceValue)}"${checked ? ' checked' : ''} ${attributes}><span>${label}</span></label>`;
  const select = (name: string, label: string, items: Array<{ code: string; name: string }>) =>
    `<label for="${name}">${escapeHtml(label)}</label><select id="${name}" name="${name}" required><option value=""></option>${items
      .map((item) => `<option value="${escapeHtml(item.code)}"${v[name] === item.code ? ' selected' : ''}>${escapeHtml(item.name)}</option>`)
      .join('')}</select>`;
  const hits = state.hits ?? [];
  const chosen = v.personId ?? '';
  const persons = hits
    .map((hit) => choice('personId', hit.id, `${escapeHtml(hit.name)}${hit.birthYear ? ` (${escapeHtml(hit.birthYear)})` : ''}`, chosen === hit.id))
    .join('\n');
  const kind = v.applicantKind ?? 'relative';
  return layout(
    language,
    m.title,
    `${publicApplicationsPath}/new`,
    state.query ? { q: state.query } : {},
    `<h1>${escapeHtml(m.title)}</h1>
<p>${escapeHtml(m.intro)}</p>
<form method="get" action="${publicApplicationsPath}/status" class="search"><label for="code">${escapeHtml(m.lookup_label)}</label>
<input id="code" name="code" autocomplete="off" placeholder="AQ-XXXX-XXXX-XXXX"><input type="hidden" name="lang" value="${language}"><button type="submit">${escapeHtml(m.lookup_button)}</button></form>
${state.error ? `<p class="error" role="alert"><strong>${escapeHtml(m.error)}.</strong> ${escapeHtml(state.error)}</p>` : ''}
<h2>${escapeHtml(m.step_person)}</h2>
<p><small>${escapeHtml(m.search_hint)}</small></p>
<form method="get" action="${publicApplicationsPath}/new" role="search" class="search"><label for="q">${escapeHtml(m.search_label)}</label>
<input type="search" id="q" name="q" value="${escapeHtml(state.query ?? '')}"><input type="hidden" name="lang" value="${language}"><button type="submit">${escapeHtml(m.search_button)}</button></form>
<form method="post" action="${publicApplicationsPath}?lang=${language}" enctype="multipart/form-data">
<input type="hidden" name="lang" value="${language}"><input type="hidden" name="q" value="${escapeHtml(state.query ?? '')}">
<fieldset><legend>${escapeHtml(m.person_name)}</legend>
${persons}
${choice('personId', '', escapeHtml(m.new_person), chosen === '')}
${input('personName', m.person_name, 'autocomplete="off" maxlength="300"')}
${input('personBirthYear', m.person_birth_year, 'inputmode="numeric" pattern="1[89][0-9][0-9]" maxlength="4"')}
${select('regionCode', m.region, options.regions)}
${select('categoryCode', m.category, options.categories)}
</fieldset>
<fieldset><legend>${escapeHtml(m.step_applicant)}</legend>
<p>${escapeHtml(m.applicant_kind)}</p>
${choice('applicantKind', 'relative', escapeHtml(m.kind_relative), kind === 'relative')}
${choice('applicantKind', 'organisation', escapeHtml(m.kind_organisation), kind === 'organisation')}
${input('applicantName', m.applicant_name, 'required maxlength="300" autocomplete="name"')}
${input('email', m.email, 'type="email" required maxlength="320" autocomplete="email"')}
${input('phone', m.phone, 'type="tel" maxlength="40" autocomplete="tel"')}
${input('kinship', m.kinship, 'maxlength="2000"')}
<label for="kinshipProof">${escapeHtml(m.kinship_proof)}</label><textarea id="kinshipProof" name="kinshipProof" rows="3" maxlength="2000">${value('kinshipProof')}</textarea>
</fieldset>
<fieldset><legend>${escapeHtml(m.step_documents)}</legend>
<label for="documents">${escapeHtml(m.documents)}</label><input type="file" id="documents" name="documents" multiple accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/jpeg,image/png,image/tiff">
<p><small>${escapeHtml(m.documents_note)}</small></p>
</fieldset>
<div class="trap" aria-hidden="true"><label for="website">${escapeHtml(m.trap)}</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
<fieldset><legend>${escapeHtml(m.step_consent)}</legend>
<label class="choice"><input type="checkbox" name="consent" value="yes" required><span>${escapeHtml(m.consent)}</span></label>
<input type="hidden" name="consentVersion" value="${personalDataConsentVersion}">
<p><small>${escapeHtml(fill(m.consent_version, { version: personalDataConsentVersion }))}</small></p>
</fieldset>
<button type="submit">${escapeHtml(m.submit)}</button>
</form>`,
  );
}

/** After applying: the tracking code and the link to the status page. */
export function renderApplicationSubmittedPage(language: PublicApplicationLanguage, trackingCode: string): string {
  const m = messages[language];
  return layout(
    language,
    m.submitted_title,
    `${publicApplicationsPath}/${trackingCode}`,
    {},
    `<h1>${escapeHtml(m.submitted_title)}</h1>
<p class="notice" role="status">${escapeHtml(m.submitted_text)} <span class="code" data-tracking-code>${escapeHtml(trackingCode)}</span></p>
<p>${escapeHtml(m.submitted_keep)}</p>
<p><a href="${publicApplicationsPath}/${escapeHtml(trackingCode)}?lang=${language}">${escapeHtml(m.open_status)}</a></p>`,
  );
}

const statusKey = (status: CaseStatus) => `status_${status}` as keyof Messages;

/** The status in plain words with the legal deadline; while documents are asked for, the request and an upload form. */
export function renderApplicationStatusPage(language: PublicApplicationLanguage, status: ApplicationStatus, state: { answered?: boolean; error?: string | null } = {}): string {
  const m = messages[language];
  const awaiting = status.status === CaseStatus.ReturnedToApplicant;
  const rows: Array<[string, string]> = [
    [m.tracking_code, status.trackingCode],
    [m.case_number, status.caseNumber],
    [m.submitted_on, status.submittedOn],
    [m.answer_due, status.answerDueOn],
    [m.documents_sent, String(status.documentsSent)],
  ];
  return layout(
    language,
    `${m.status_title} ${status.trackingCode}`,
    `${publicApplicationsPath}/${status.trackingCode}`,
    {},
    `<h1>${escapeHtml(m.status_title)}</h1>
${state.answered ? `<p class="notice" role="status">${escapeHtml(m.answered)}</p>` : ''}
${state.error ? `<p class="error" role="alert">${escapeHtml(state.error)}</p>` : ''}
<h2>${escapeHtml(m.current_status)}</h2>
<p data-status="${status.status}"><strong>${escapeHtml(m[statusKey(status.status)] ?? status.status)}</strong></p>
<dl>
${rows.map(([label, text]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(text)}</dd>`).join('\n')}
</dl>
${
  awaiting
    ? `<section aria-labelledby="request"><h2 id="request">${escapeHtml(m.request_title)}</h2>
<p class="request">${escapeHtml(status.request ?? '')}</p>
<form method="post" action="${publicApplicationsPath}/${escapeHtml(status.trackingCode)}/documents?lang=${language}" enctype="multipart/form-data">
<label for="documents">${escapeHtml(m.answer_label)}</label><input type="file" id="documents" name="documents" multiple required accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/jpeg,image/png,image/tiff">
<p><small>${escapeHtml(m.documents_note)}</small></p>
<button type="submit">${escapeHtml(m.answer_button)}</button>
</form></section>`
    : ''
}`,
  );
}

/** No application with this code (404), with the form to type a code. */
export function renderApplicationMissingPage(language: PublicApplicationLanguage): string {
  const m = messages[language];
  return layout(
    language,
    m.not_found,
    `${publicApplicationsPath}/new`,
    {},
    `<h1>${escapeHtml(m.not_found)}</h1>
<form method="get" action="${publicApplicationsPath}/status" class="search"><label for="code">${escapeHtml(m.lookup_label)}</label>
<input id="code" name="code" autocomplete="off"><input type="hidden" name="lang" value="${language}"><button type="submit">${escapeHtml(m.lookup_button)}</button></form>
<p><a href="${publicApplicationsPath}/new?lang=${language}">${escapeHtml(m.apply_link)}</a></p>`,
  );
}

/** A refusal outside the form (too many requests, a file too large): the reason and the way back. */
export function renderApplicationErrorPage(language: PublicApplicationLanguage, message: string, back: string): string {
  const m = messages[language];
  return layout(
    language,
    m.error,
    `${publicApplicationsPath}/new`,
    {},
    `<h1>${escapeHtml(m.error)}</h1>
<p class="error" role="alert">${escapeHtml(message)}</p>
<p><a href="${escapeHtml(back)}">${escapeHtml(m.apply_link)}</a></p>`,
  );
}

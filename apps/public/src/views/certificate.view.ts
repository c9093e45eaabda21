import { escapeHtml, fillTemplate as fill, formatNumericDate } from '@aqtalu/server';
import { checkPageLanguages, type CheckPageLanguage } from './language.js';


/** What the page shows of a certificate: only what is public (name, decision number and date, validity). */
export interface CertificateCheck {
  certificateNumber: string;
  personNameKk: string | null;
  personNameRu: string | null;
  decisionNumber: string;
  /** `YYYY-MM-DD`, the day in Kazakhstan. */
  decisionDate: string;
  revoked: boolean;
}

const messages = {
  kk: {
    title: 'Анықтаманы тексеру',
    commission: 'Саяси қуғын-сүргін құрбандарын толық ақтау жөніндегі мемлекеттік комиссия',
    valid: 'Анықтама жарамды',
    valid_text: 'Бұл анықтаманы комиссия берген және ол күшінде.',
    revoked: 'Анықтама күшін жойған',
    revoked_text: 'Комиссия бұл іс бойынша кейін жаңа шешім қабылдады: бұл анықтама енді жарамсыз.',
    person: 'Кімге берілді',
    certificate: 'Анықтама нөмірі',
    decision: 'Комиссия шешімі',
    decision_value: '%{date} № %{number}',
    unknown: 'Мұндай анықтама табылмады',
    unknown_text: 'Анықтамада басылған кодты тексеріңіз: %{code}.',
    privacy: 'Бұл бетте тек аты-жөні, шешімнің нөмірі мен күні және анықтаманың жарамдылығы көрсетіледі.',
    language: 'Тіл',
  },
  ru: {
    title: 'Проверка справки',
    commission: 'Государственная комиссия по полной реабилитации жертв политических репрессий',
    valid: 'Справка действительна',
    valid_text: 'Эту справку выдала комиссия, и она действует.',
    revoked: 'Справка отозвана',
    revoked_text: 'Позднее комиссия приняла по этому делу новое решение: эта справка больше не действительна.',
    person: 'Кому выдана',
    certificate: 'Номер справки',
    decision: 'Решение комиссии',
    decision_value: '№ %{number} от %{date}',
    unknown: 'Такая справка не найдена',
    unknown_text: 'Проверьте код, напечатанный на справке: %{code}.',
    privacy: 'На этой странице показаны только имя, номер и дата решения и действительность справки.',
    language: 'Язык',
  },
  en: {
    title: 'Certificate check',
    commission: 'State Commission for the Full Rehabilitation of Victims of Political Repression',
    valid: 'The certificate is valid',
    valid_text: 'The commission issued this certificate and it is in force.',
    revoked: 'The certificate has been revoked',
    revoked_text: 'The commission later took a new decision on this case: this certificate is no longer valid.',
    person: 'Issued to',
    certificate: 'Certificate number',
    decision: 'Decision of the commission',
    decision_value: 'No. %{number} of %{date}',
    unknown: 'No such certificate',
    unknown_text: 'Check the code printed on the certificate: %{code}.',
    privacy: 'This page shows only the name, the number and date of the decision and whether the certificate is valid.',
    language: 'Language',
  },
} satisfies Record<CheckPageLanguage, Record<string, string>>;

/** The page's texts in each language (every language has every key). */
export const checkPageMessages: Readonly<Record<CheckPageLanguage, Record<keyof typeof messages.en, string>>> = messages;

const languageNames: Record<CheckPageLanguage, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };



/**
 * The page a citizen sees after scanning the certificate's QR code: who, which decision, valid or revoked
 * (or that no certificate has the code). A whole HTML document, readable without JavaScript; every value
 * is escaped. `certificate` null: the code is unknown.
 */
export function renderCertificateCheckPage(language: CheckPageLanguage, code: string, certificate: CertificateCheck | null): string {
  const m = checkPageMessages[language];
  const links = checkPageLanguages
    .map((other) =>
      other === language
        ? `<strong lang="${other}">${languageNames[other]}</strong>`
        : `<a lang="${other}" hreflang="${other}" href="?lang=${other}">${languageNames[other]}</a>`,
    )
    .join(' · ');
  let main: string;
  if (!certificate) {
    main = `<section class="verdict unknown" role="status"><h2>${escapeHtml(m.unknown)}</h2><p>${escapeHtml(fill(m.unknown_text, { code }))}</p></section>`;
  } else {
    const names = [certificate.personNameKk, certificate.personNameRu].filter((name, index, all): name is string => Boolean(name) && all.indexOf(name) === index);
    const date = formatNumericDate(certificate.decisionDate);
    const state = certificate.revoked ? 'revoked' : 'valid';
    main = `<section class="verdict ${state}" role="status" data-state="${state}"><h2>${escapeHtml(certificate.revoked ? m.revoked : m.valid)}</h2><p>${escapeHtml(certificate.revoked ? m.revoked_text : m.valid_text)}</p></section>
<dl>
<dt>${escapeHtml(m.person)}</dt><dd class="person">${names.map(escapeHtml).join('<br>')}</dd>
<dt>${escapeHtml(m.decision)}</dt><dd>${escapeHtml(fill(m.decision_value, { number: certificate.decisionNumber, date }))}</dd>
<dt>${escapeHtml(m.certificate)}</dt><dd>${escapeHtml(certificate.certificateNumber)}</dd>
</dl>`;
  }
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(m.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;background:#f5f5f5;color:#1a1a1a;line-height:1.5}
main{max-width:40rem;margin:0 auto;padding:1rem}
header p{color:#444;margin:.25rem 0 1rem}
nav{font-size:.95rem;margin-bottom:1rem}
a{color:#0b4f9c}
.verdict{border-radius:8px;padding:1rem;margin:1rem 0;border:2px solid}
.verdict h2{margin:0 0 .25rem;font-size:1.3rem}
.verdict p{margin:0}
.valid{background:#e8f5e9;border-color:#1b5e20;color:#1b5e20}
.revoked,.unknown{background:#fdecea;border-color:#b71c1c;color:#8a1010}
dl{background:#fff;border-radius:8px;padding:1rem;margin:0}
dt{font-size:.9rem;color:#555}
dd{margin:0 0 .75rem;font-size:1.1rem;word-break:break-word}
footer{font-size:.85rem;color:#555;margin-top:1rem}
</style>
</head>
<body>
<main>
<header><h1>${escapeHtml(m.title)}</h1><p>${escapeHtml(m.commission)}</p></header>
<nav aria-label="${escapeHtml(m.language)}">${links}</nav>
${main}
<footer><p>${escapeHtml(m.privacy)}</p></footer>
</main>
</body>
</html>
`;
}

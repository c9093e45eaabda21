import { writeFile } from 'node:fs/promises';
import { VoteChoice } from '@aqtalu/contracts';
import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CertificateData, renderCertificate } from './certificate.pdf.js';
import { formatTally, type ProtocolData, type ProtocolItem, renderCommissionProtocol, tallyVotes } from './commission-protocol.pdf.js';
import { formatKazakhDate, formatNumericDate, formatRussianDate } from './document-dates.js';

interface ParsedPdf {
  pages: string[];
  text: string;
  info: Record<string, unknown>;
}

async function parse(pdf: Buffer): Promise<ParsedPdf> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo();
    return { pages: text.pages.map((page) => page.text), text: text.text, info: (info.info ?? {}) as Record<string, unknown> };
  } finally {
    await parser.destroy();
  }
}

// pdf.js may break a line into several text items; compare with whitespace normalised.
const flat = (text: string) => text.replace(/\s+/g, ' ');
// For text set in narrow table cells, where a line may break anywhere, even after a hyphen.
const compact = (text: string) => text.replace(/\s+/g, '');

const commission = {
  commissionNameKk: 'Саяси қуғын-сүргін құрбандарын толық ақтау жөніндегі мемлекеттік комиссия',
  commissionNameRu: 'Государственная комиссия по полной реабилитации жертв политических репрессий',
};

const certificateData: CertificateData = {
  certificateNumber: 'AQ-2026-000142',
  verificationCode: '7KQ4-M2XP-9D3F',
  verificationUrl: 'https://aqtalu.gov.kz/verify/7KQ4-M2XP-9D3F',
  person: { fullNameKk: 'Жұмабаев Мағжан Бекенұлы', fullNameRu: 'Жумабаев Магжан Бекенович', birthYear: '1893' },
  decision: {
    number: '14',
    date: '2026-03-12',
    legalBasisKk: '2-бабының «б» тармақшасы',
    legalBasisRu: 'подпункт «б» статьи 2',
  },
  ...commission,
  issuedAt: '2026-03-12T14:30:00Z',
};

const members = ['Ахметова Динара Серікқызы', 'Қасымов Бауыржан Әділұлы', 'Ұзақов Ерлан Маратұлы', 'Төлегенова Айгүл Нұрланқызы', 'Шаяхметов Рүстем Ғалымұлы'];

const groupSubjects = ['Әбілқасымов Нұрмағамбет', 'Құлжанов Ерғали', 'Сүлейменов Оспан', 'Жүнісов Әлібек', 'Байболов Тұрар'];

const forAll = (overrides: Record<string, { vote: 'for' | 'against' | 'abstain'; dissentingOpinion?: string }> = {}) =>
  members.map((name) => ({ name, ...(overrides[name] ?? { vote: 'for' as const }) }));

const singleCase: ProtocolItem = {
  caseNumber: 'AQ-2026-0012',
  subjects: ['Жұмабаев Мағжан (Жумабаев Магжан)'],
  conclusionSummaryKk:
    'Ақын 1937 жылы КСРО ІХХК үштігінің шешімімен «контрреволюциялық қылмыстар» үшін сотталған. Тексерілген мұрағат құжаттары (ф. 2, оп. 1, д. 11573, л. 31–32) соттан тыс органның шешімін растайды.',
  conclusionSummaryRu:
    'Поэт осуждён в 1937 году тройкой УНКВД за «контрреволюционные преступления». Проверенные архивные документы (ф. 2, оп. 1, д. 11573, л. 31–32) подтверждают решение внесудебного органа.',
  recommendation: 'rehabilitate',
  votes: forAll({
    'Төлегенова Айгүл Нұрланқызы': {
      vote: 'abstain',
      dissentingOpinion: 'Қамау туралы хаттаманың түпнұсқасы әлі алынған жоқ. Подлинник протокола ареста ещё не получен.',
    },
  }),
  decision: {
    outcome: 'rehabilitated',
    reasons: 'Соттан тыс органның шешімімен саяси себептер бойынша қуғын-сүргінге ұшыраған. Репрессирован по политическим мотивам решением внесудебного органа.',
    exceptions: [],
  },
};

const groupCase: ProtocolItem = {
  caseNumber: 'AQ-2026-0031',
  subjects: groupSubjects,
  conclusionSummaryKk: '1931 жылғы көтеріліске қатысушылар ОГПУ тізімі бойынша сотталған; тізімдегі барлық адамдар тізілімде анықталған.',
  conclusionSummaryRu: 'Участники восстания 1931 года осуждены по списку ОГПУ; все лица из списка установлены в реестре.',
  recommendation: 'rehabilitate',
  votes: forAll({
    'Ұзақов Ерлан Маратұлы': { vote: 'against', dissentingOpinion: 'Жүнісов Әлібектің ісі бойынша дәлелдер жеткіліксіз. Доказательств по Жунисову Алибеку недостаточно.' },
  }),
  decision: {
    outcome: 'rehabilitated',
    reasons: 'ОГПУ тізімі бойынша жаппай қуғын-сүргін расталды. Массовая репрессия по списку ОГПУ подтверждена.',
    exceptions: [
      {
        subject: 'Жүнісов Әлібек',
        outcome: 'returned_for_evidence',
        reason: 'Тізімдегі туған жылы мен тізілімдегі жазба сәйкес келмейді. Год рождения в списке не совпадает с записью реестра.',
      },
    ],
  },
};

const protocolData: ProtocolData = {
  sessionNumber: '3',
  date: '2026-03-12',
  place: 'Астана қ. / г. Астана',
  ...commission,
  attendance: [
    { name: 'Сәрсенбаев Нұрлан Қайратұлы', role: 'chair', present: true },
    { name: 'Әбдікәрімова Гүлнар Серікқызы', role: 'secretary', present: true },
    ...members.map((name) => ({ name, role: 'commission_member' as const, present: true })),
    { name: 'Ибраимов Талғат Жұмағалиұлы', role: 'commission_member', present: false },
  ],
  totalMembers: 8,
  quorum: { reached: true, present: 7, required: 5 },
  items: [
    singleCase,
    groupCase,
    {
      caseNumber: 'AQ-2026-0040',
      subjects: ['Сейфуллин Сәкен (Сейфуллин Сакен)'],
      recommendation: 'insufficient_evidence',
      votes: forAll(),
      decision: { outcome: 'returned_for_evidence', reasons: 'Президент мұрағатының жауабы күтілуде. Ожидается ответ Архива Президента.', exceptions: [] },
    },
    {
      caseNumber: 'AQ-2026-0044',
      subjects: ['Дулатов Міржақып (Дулатов Миржакып)'],
      recommendation: 'rehabilitate',
      votes: forAll(),
      decision: null,
    },
  ],
  secretaryName: 'Әбдікәрімова Гүлнар Серікқызы',
  chairName: 'Сәрсенбаев Нұрлан Қайратұлы',
};

describe('document dates', () => {
  it('prints a decision date in both languages and as digits', () => {
    expect(formatNumericDate('2026-02-25')).toBe('25.02.2026');
    expect(formatKazakhDate('2026-03-12')).toBe('2026 жылғы 12 наурыз');
    expect(formatKazakhDate('2026-03-12', 'attributive')).toBe('2026 жылғы 12 наурыздағы');
    expect(formatKazakhDate('2026-04-01', 'attributive')).toBe('2026 жылғы 1 сәуірдегі');
    expect(formatRussianDate('2026-03-12')).toBe('12 марта 2026 г.');
  });

  it('takes the calendar day of a timestamp in Kazakhstan, not in UTC', () => {
    expect(formatNumericDate('2026-03-12T20:30:00Z')).toBe('13.03.2026');
  });

  it('refuses a date that does not exist', () => {
    expect(() => formatNumericDate('2026-02-30')).toThrow(RangeError);
  });
});

describe('certificate of rehabilitation', () => {
  let pdf: Buffer;
  let sut: ParsedPdf;

  beforeAll(async () => {
    pdf = await renderCertificate(certificateData);
    sut = await parse(pdf);
    await writeFile('/tmp/aqtalu-certificate.pdf', pdf);
  });

  it('is a one-page PDF titled in both languages and authored by Aqtalu', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sut.pages).toHaveLength(1);
    expect(sut.info.Author).toBe('Aqtalu');
    expect(sut.info.Title).toBe('Ақтау туралы анықтама № AQ-2026-000142 / Справка о реабилитации № AQ-2026-000142');
    expect(flat(sut.text)).toContain('1 / 1');
  });

  it('names the person in Kazakh and in Russian', () => {
    const text = flat(sut.text);
    expect(text).toContain('Жұмабаев Мағжан Бекенұлы');
    expect(text).toContain('Жумабаев Магжан Бекенович');
    expect(text).toContain('1893 жылы туған / 1893 года рождения');
  });

  it('states the decision, its date and the 1993 law with the article', () => {
    const text = flat(sut.text);
    expect(text).toContain('Ақтау туралы анықтама');
    expect(text).toContain('Справка о реабилитации');
    expect(text).toContain('2026 жылғы 12 наурыздағы № 14 шешімімен');
    expect(text).toContain('Решением Комиссии от 12 марта 2026 г. № 14');
    expect(compact(sut.text)).toContain(compact('Заңының 2-бабының «б» тармақшасы'));
    expect(compact(sut.text)).toContain(compact('подпункт «б» статьи 2 Закона Республики Казахстан от 14 апреля 1993 года'));
    expect(text).toContain('Дата выдачи: 12.03.2026');
  });

  it('prints the verification code, the check address and a QR code', async () => {
    const text = flat(sut.text);
    expect(text).toContain('7KQ4-M2XP-9D3F');
    expect(text).toContain('Тексеру / Проверка: https://aqtalu.gov.kz/verify/7KQ4-M2XP-9D3F');
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const images = await parser.getImage({ imageBuffer: false, imageDataUrl: false });
      expect(images.pages[0].images).toHaveLength(1);
    } finally {
      await parser.destroy();
    }
  });

  it('leaves out the birth year when it is unknown', async () => {
    const text = flat((await parse(await renderCertificate({ ...certificateData, person: { ...certificateData.person, birthYear: null } }))).text);
    expect(text).not.toContain('жылы туған');
    expect(text).toContain('Жумабаев Магжан Бекенович');
  });
});

describe('protocol of a commission session', () => {
  let pdf: Buffer;
  let sut: ParsedPdf;

  beforeAll(async () => {
    pdf = await renderCommissionProtocol(protocolData);
    sut = await parse(pdf);
    await writeFile('/tmp/aqtalu-protocol.pdf', pdf);
  });

  it('spans several pages numbered "n / total"', () => {
    expect(sut.pages.length).toBeGreaterThanOrEqual(2);
    sut.pages.forEach((page, index) => expect(flat(page)).toContain(`${index + 1} / ${sut.pages.length}`));
    expect(sut.info.Author).toBe('Aqtalu');
    expect(sut.info.Title).toBe('Комиссия отырысының № 3 хаттамасы / Протокол заседания комиссии № 3');
  });

  it('opens with the session number, date, attendance and quorum', () => {
    const first = flat(sut.pages[0]);
    expect(first).toContain('Комиссия отырысының № 3 хаттамасы');
    expect(first).toContain('Протокол заседания комиссии № 3');
    expect(first).toContain('2026 жылғы 12 наурыз');
    expect(first).toContain('12 марта 2026 г.');
    expect(first).toContain('Ибраимов Талғат Жұмағалиұлы');
    expect(first).toContain('Ұзақов Ерлан Маратұлы');
    expect(first).toContain('Әбдікәрімова Гүлнар Серікқызы');
    expect(first).toContain('қатыспады / отсутствует');
    expect(first).toContain('Кворум имеется: присутствуют — 7, всего членов — 8, необходимо — 5.');
  });

  it('lists every case on the agenda', () => {
    const text = flat(sut.text);
    for (const item of protocolData.items) expect(text).toContain(`Дело № ${item.caseNumber}`);
  });

  it('prints each vote and the tally', () => {
    const text = flat(sut.text);
    expect(text).toContain('Подлинник протокола ареста ещё не получен.');
    expect(text).toContain('жақтады / за — 4; қарсы / против — 0; қалыс қалды / воздержался — 1');
    expect(text).toContain('жақтады / за — 4; қарсы / против — 1; қалыс қалды / воздержался — 0');
    expect(text).toContain('жақтады / за — 5; қарсы / против — 0; қалыс қалды / воздержался — 0');
  });

  it('records the decision of a group case with its exception', () => {
    const text = flat(sut.text);
    for (const subject of groupSubjects) expect(text).toContain(subject);
    expect(text).toContain('ақталды / реабилитирован');
    expect(text).toContain('Ерекшеліктер / Исключения');
    expect(text).toMatch(/Жүнісов Әлібек дәлелдемелерді толықтыруға қайтарылды возвращено для дополнения доказательств/);
    expect(text).toContain('Год рождения в списке не совпадает с записью реестра.');
    expect(text).toContain('Шешім қабылданған жоқ. / Решение не принято.');
  });

  it('ends with the signature lines of the chair and the secretary', () => {
    const last = flat(sut.pages[sut.pages.length - 1]);
    expect(last).toContain('Председатель комиссии');
    expect(last).toContain('Секретарь комиссии');
    expect(last).toContain('Сәрсенбаев Нұрлан Қайратұлы');
  });

  it('counts votes given as the contracts\' enum values', () => {
    const votes = [VoteChoice.For, VoteChoice.Against, VoteChoice.For].map((vote, index) => ({ name: members[index], vote }));
    expect(formatTally(tallyVotes(votes))).toBe('жақтады / за — 2; қарсы / против — 1; қалыс қалды / воздержался — 0');
  });

  it('repeats the table header when a votes table breaks across pages', async () => {
    const crowded: ProtocolData = {
      ...protocolData,
      items: [{ ...singleCase, votes: Array.from({ length: 60 }, (_, index) => ({ name: `Мүше ${index + 1}`, vote: 'for' as const })) }],
    };
    const pages = (await parse(await renderCommissionProtocol(crowded))).pages.map(flat);
    const continued = pages.filter((page) => page.includes('Продолжение таблицы'));
    expect(continued.length).toBeGreaterThanOrEqual(1);
    for (const page of continued) expect(page).toContain('Дауысы / Голос');
    expect(pages.join(' ')).toContain('Мүше 60');
  });

  it('splits a dissenting opinion longer than a page instead of cutting it off', async () => {
    const words = Array.from({ length: 900 }, (_, index) => `сөз${index + 1}`).join(' ');
    const long: ProtocolData = {
      ...protocolData,
      items: [{ ...singleCase, votes: [{ name: members[0], vote: 'against', dissentingOpinion: words }] }],
    };
    const text = flat((await parse(await renderCommissionProtocol(long))).text);
    expect(text).toContain('сөз1 ');
    expect(text).toContain('сөз450 ');
    expect(text).toContain('сөз900');
  });
});

import { formatKazakhDate, formatNumericDate, formatRussianDate } from './document-dates.js';
import {
  type AttendanceRole,
  both,
  type Outcome,
  outcomeLabels,
  presenceLabels,
  type Recommendation,
  recommendationLabels,
  roleLabels,
  type Vote,
  voteLabels,
} from './document-labels.js';
import {
  colors,
  contentWidth,
  createDocument,
  drawTable,
  ensureSpace,
  finishDocument,
  horizontalRule,
  type TableColumn,
  labelled,
  listItem,
  measureTable,
  paragraph,
  type PdfDocument,
  type TableCell,
} from './pdf-layout.js';

export interface ProtocolAttendee {
  name: string;
  role: AttendanceRole;
  present: boolean;
}

export interface ProtocolVote {
  name: string;
  vote: Vote;
  dissentingOpinion?: string | null;
}

export interface ProtocolDecisionException {
  subject: string;
  outcome: Outcome;
  reason: string;
}

export interface ProtocolDecision {
  outcome: Outcome;
  reasons: string;
  /** Subjects of a group case decided otherwise than the case as a whole. */
  exceptions: ProtocolDecisionException[];
}

export interface ProtocolItem {
  caseNumber: string;
  /** Names of the repressed persons the case is about. */
  subjects: string[];
  conclusionSummaryKk?: string;
  conclusionSummaryRu?: string;
  recommendation: Recommendation;
  votes: ProtocolVote[];
  /** Absent while the chair has not recorded the decision. */
  decision?: ProtocolDecision | null;
}

export interface ProtocolData {
  sessionNumber: string;
  /** YYYY-MM-DD */
  date: string;
  place?: string | null;
  commissionNameKk: string;
  commissionNameRu: string;
  attendance: ProtocolAttendee[];
  totalMembers: number;
  quorum: { reached: boolean; present: number; required: number };
  items: ProtocolItem[];
  secretaryName: string;
  chairName: string;
}

export interface VoteTally {
  for: number;
  against: number;
  abstain: number;
}

export function tallyVotes(votes: ProtocolVote[]): VoteTally {
  const tally: VoteTally = { for: 0, against: 0, abstain: 0 };
  for (const { vote } of votes) tally[vote] += 1;
  return tally;
}

/** `жақтады / за — 4; қарсы / против — 0; қалыс қалды / воздержался — 1` */
export function formatTally(tally: VoteTally): string {
  return (['for', 'against', 'abstain'] as const).map((vote) => `${both(voteLabels[vote])} — ${tally[vote]}`).join('; ');
}

const continuation = 'Кестенің жалғасы / Продолжение таблицы';

const voteColumns: TableColumn[] = [
  { header: '№', weight: 0.5, align: 'right' },
  { header: 'Аты-жөні / Фамилия, имя', weight: 3.8 },
  { header: 'Дауысы / Голос', weight: 2.4 },
  { header: 'Ерекше пікір / Особое мнение', weight: 4.6 },
];
const dash = '—';

/** The protocol of a commission session: attendance, quorum, agenda, and per case the vote and the decision. */
export async function renderCommissionProtocol(data: ProtocolData): Promise<Buffer> {
  const number = data.sessionNumber;
  const doc = createDocument({
    title: `Комиссия отырысының № ${number} хаттамасы / Протокол заседания комиссии № ${number}`,
    subject: `${data.commissionNameKk} / ${data.commissionNameRu}`,
    keywords: data.items.map((item) => item.caseNumber).join(', '),
  });

  drawHeader(doc, data);
  drawAttendance(doc, data);
  drawAgenda(doc, data);
  data.items.forEach((item, index) => drawItem(doc, item, index + 1));
  drawSignatures(doc, data);

  return finishDocument(doc, `Хаттама № ${number}, ${formatNumericDate(data.date)} / Протокол № ${number}, ${formatNumericDate(data.date)}`);
}

function sectionHeading(doc: PdfDocument, kk: string, ru: string, keepWith = 90): void {
  doc.y += 6;
  ensureSpace(doc, keepWith);
  paragraph(doc, `${kk} / ${ru}`, { font: 'bold', size: 12, after: 5 });
}

function drawHeader(doc: PdfDocument, data: ProtocolData): void {
  paragraph(doc, data.commissionNameKk, { font: 'bold', size: 10.5, align: 'center', after: 2 });
  paragraph(doc, data.commissionNameRu, { size: 10.5, align: 'center', after: 4 });
  horizontalRule(doc, { before: 2, after: 12, weight: 0.8 });
  paragraph(doc, `Комиссия отырысының № ${data.sessionNumber} хаттамасы`, { font: 'bold', size: 16, align: 'center', after: 2 });
  paragraph(doc, `Протокол заседания комиссии № ${data.sessionNumber}`, { font: 'bold', size: 13, align: 'center', color: '#333333', after: 12 });

  // Place on the left, date on the right, as protocols are laid out.
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const y = doc.y;
  doc.font('regular').fontSize(10);
  doc.text(data.place ?? '', left, y, { width: width / 2 - 8 });
  const placeBottom = doc.y;
  doc.text(`${formatKazakhDate(data.date)}\n${formatRussianDate(data.date)}`, left + width / 2, y, { width: width / 2, align: 'right' });
  doc.x = left;
  doc.y = Math.max(placeBottom, doc.y) + 8;
}

function drawAttendance(doc: PdfDocument, data: ProtocolData): void {
  sectionHeading(doc, 'Отырысқа қатысқандар', 'Присутствовали на заседании');
  const rows: TableCell[][] = data.attendance.map((attendee, index) => [
    { text: `${index + 1}`, align: 'right' },
    attendee.name,
    `${roleLabels[attendee.role].kk}\n${roleLabels[attendee.role].ru}`,
    attendee.present
      ? both(presenceLabels.present)
      : { text: both(presenceLabels.absent), font: 'condensedBold' },
  ]);
  drawTable(
    doc,
    [
      { header: '№', weight: 0.5, align: 'right' },
      { header: 'Аты-жөні / Фамилия, имя', weight: 4 },
      { header: 'Рөлі / Роль', weight: 2.6 },
      { header: 'Қатысуы / Присутствие', weight: 3 },
    ],
    rows,
    { continuation },
  );
  doc.y += 8;
  const { reached, present, required } = data.quorum;
  const kk = `Кворум ${reached ? 'бар' : 'жоқ'}: қатысқаны — ${present}, барлық мүше — ${data.totalMembers}, қажетті саны — ${required}.`;
  const ru = `Кворум ${reached ? 'имеется' : 'отсутствует'}: присутствуют — ${present}, всего членов — ${data.totalMembers}, необходимо — ${required}.`;
  paragraph(doc, kk, { font: 'bold', size: 10.5, after: 1 });
  paragraph(doc, ru, { font: 'bold', size: 10.5, color: '#333333', after: 6 });
  if (!reached) {
    paragraph(doc, 'Кворум болмағандықтан шешімдер қабылданбайды. / Ввиду отсутствия кворума решения не принимаются.', {
      font: 'italic',
      size: 10,
      after: 6,
    });
  }
}

function drawAgenda(doc: PdfDocument, data: ProtocolData): void {
  sectionHeading(doc, 'Күн тәртібі', 'Повестка дня', 60);
  if (data.items.length === 0) {
    paragraph(doc, 'Күн тәртібінде мәселе жоқ. / Вопросов в повестке дня нет.', { font: 'italic', after: 4 });
    return;
  }
  data.items.forEach((item, index) => {
    listItem(doc, `${index + 1}.`, `Іс / Дело № ${item.caseNumber} — ${subjectsLine(item.subjects)}`, { after: 2 });
  });
}

function subjectsLine(subjects: string[]): string {
  if (subjects.length === 0) return dash;
  if (subjects.length <= 3) return subjects.join(', ');
  return `${subjects.slice(0, 2).join(', ')} және тағы ${subjects.length - 2} адам / и ещё ${subjects.length - 2} чел.`;
}

function drawItem(doc: PdfDocument, item: ProtocolItem, position: number): void {
  doc.y += 10;
  ensureSpace(doc, 110);
  horizontalRule(doc, { before: 0, after: 8, weight: 0.4 });
  paragraph(doc, `${position}. Іс № ${item.caseNumber} / Дело № ${item.caseNumber}`, { font: 'bold', size: 12.5, after: 6 });

  if (item.subjects.length === 1) {
    labelled(doc, 'Іс бойынша адам / Лицо по делу', item.subjects[0], { after: 4 });
  } else {
    labelled(doc, 'Іс бойынша адамдар / Лица по делу', `${item.subjects.length}`, { after: 2 });
    item.subjects.forEach((subject, index) => listItem(doc, `${index + 1})`, subject, { indent: 6, after: 1 }));
    doc.y += 3;
  }

  if (item.conclusionSummaryKk || item.conclusionSummaryRu) {
    ensureSpace(doc, 40);
    paragraph(doc, 'Қорытындының қысқаша мазмұны / Краткое содержание заключения:', { font: 'bold', after: 2 });
    if (item.conclusionSummaryKk) paragraph(doc, item.conclusionSummaryKk, { align: 'justify', indent: 8, after: 2 });
    if (item.conclusionSummaryRu) paragraph(doc, item.conclusionSummaryRu, { align: 'justify', indent: 8, color: '#333333', after: 4 });
  }
  labelled(doc, 'Қорытындының ұсынымы / Рекомендация заключения', both(recommendationLabels[item.recommendation]), { after: 8 });

  const voteRows: TableCell[][] = item.votes.map((vote, index) => [
    { text: `${index + 1}`, align: 'right' },
    vote.name,
    both(voteLabels[vote.vote]),
    vote.dissentingOpinion?.trim() || dash,
  ]);
  // A table of a few votes stays on one page with its heading; a long one breaks with its header repeated.
  const tableHeight = measureTable(doc, voteColumns, voteRows);
  sectionHeading(doc, 'Дауыс беру', 'Голосование', tableHeight < 300 ? tableHeight + 60 : 90);
  if (item.votes.length === 0) {
    paragraph(doc, 'Дауыс берілген жоқ. / Голосование не проводилось.', { font: 'italic', after: 4 });
  } else {
    drawTable(doc, voteColumns, voteRows, { continuation });
  }
  doc.y += 6;
  ensureSpace(doc, 34);
  paragraph(doc, 'Дауыс беру қорытындысы / Итоги голосования:', { font: 'bold', after: 1 });
  paragraph(doc, formatTally(tallyVotes(item.votes)), { indent: 8, after: 8 });

  drawDecision(doc, item.decision ?? null);
}

function drawDecision(doc: PdfDocument, decision: ProtocolDecision | null): void {
  sectionHeading(doc, 'Шешім', 'Решение', 50);
  if (!decision) {
    paragraph(doc, 'Шешім қабылданған жоқ. / Решение не принято.', { font: 'italic', after: 4 });
    return;
  }
  paragraph(doc, both(outcomeLabels[decision.outcome]), { font: 'bold', size: 11.5, after: 4 });
  labelled(doc, 'Негіздемесі / Основания', decision.reasons, { after: 6 });
  if (decision.exceptions.length > 0) {
    ensureSpace(doc, 70);
    paragraph(doc, 'Ерекшеліктер / Исключения:', { font: 'bold', after: 4 });
    drawTable(
      doc,
      [
        { header: 'Адам / Лицо', weight: 3 },
        { header: 'Шешім / Решение', weight: 3.6 },
        { header: 'Себебі / Причина', weight: 4.4 },
      ],
      decision.exceptions.map((exception) => [
        exception.subject,
        `${outcomeLabels[exception.outcome].kk}\n${outcomeLabels[exception.outcome].ru}`,
        exception.reason,
      ]),
      { continuation },
    );
    doc.y += 4;
  }
}

function drawSignatures(doc: PdfDocument, data: ProtocolData): void {
  doc.y += 24;
  ensureSpace(doc, 110);
  horizontalRule(doc, { before: 0, after: 18, weight: 0.4 });
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const signers: Array<[string, string, string]> = [
    ['Комиссия төрағасы', 'Председатель комиссии', data.chairName],
    ['Комиссия хатшысы', 'Секретарь комиссии', data.secretaryName],
  ];
  for (const [kk, ru, name] of signers) {
    const y = doc.y;
    doc.font('bold').fontSize(10.5).fillColor(colors.text).text(kk, left, y, { width: width * 0.34 });
    doc.font('regular').fontSize(10).text(ru, left, doc.y, { width: width * 0.34 });
    const labelBottom = doc.y;
    const lineY = y + 22;
    doc.save().moveTo(left + width * 0.35, lineY).lineTo(left + width * 0.53, lineY).lineWidth(0.6).strokeColor(colors.border).stroke().restore();
    doc.font('regular').fontSize(7.5).fillColor(colors.muted).text('қолы / подпись', left + width * 0.35, lineY + 2, { width: width * 0.18, align: 'center' });
    doc.font('bold').fontSize(10).fillColor(colors.text).text(name, left + width * 0.56, y + 12, { width: width * 0.44 });
    doc.x = left;
    doc.y = Math.max(labelBottom, doc.y, lineY + 14) + 18;
  }
}

import QRCode from 'qrcode';
import { formatKazakhDate, formatNumericDate, formatRussianDate } from './document-dates.js';
import { colors, contentBottom, contentWidth, createDocument, drawTable, finishDocument, paragraph, type PdfDocument } from './pdf-layout.js';

export interface CertificateData {
  certificateNumber: string;
  verificationCode: string;
  /** The public check page; encoded in the QR code and printed beside it. */
  verificationUrl: string;
  /** Only the rehabilitated person: a certificate never carries the applicant's or other living relatives' data. */
  person: {
    fullNameKk: string;
    fullNameRu: string;
    birthYear?: string | null;
  };
  decision: {
    number: string;
    /** YYYY-MM-DD */
    date: string;
    /**
     * The article of the 1993 law, worded to follow the law's name: "2-бабының «б» тармақшасы". A text that
     * itself names the law (mentions 1993) is printed as it is.
     */
    legalBasisKk: string;
    /** The article of the 1993 law, worded to precede the law's name: "подпункт «б» статьи 2". */
    legalBasisRu: string;
  };
  commissionNameKk: string;
  commissionNameRu: string;
  /** ISO timestamp; printed as the calendar day in Kazakhstan. */
  issuedAt: string;
}

const lawKk = '«Жаппай саяси қуғын-сүргін құрбандарын ақтау туралы» 1993 жылғы 14 сәуірдегі Қазақстан Республикасы Заңының';
const lawRu = 'Закона Республики Казахстан от 14 апреля 1993 года «О реабилитации жертв массовых политических репрессий»';

function legalBasisTexts(decision: CertificateData['decision']): { kk: string; ru: string } {
  const namesLaw = (text: string) => /1993/.test(text);
  return {
    kk: namesLaw(decision.legalBasisKk) ? decision.legalBasisKk : `${lawKk} ${decision.legalBasisKk}`,
    ru: namesLaw(decision.legalBasisRu) ? decision.legalBasisRu : `${decision.legalBasisRu} ${lawRu}`,
  };
}

/** The certificate of rehabilitation issued to the applicant, in Kazakh and Russian, with a verification code. */
export async function renderCertificate(data: CertificateData): Promise<Buffer> {
  const qr = await QRCode.toBuffer(data.verificationUrl, { errorCorrectionLevel: 'M', margin: 1, scale: 6 });
  const number = data.certificateNumber;
  const doc = createDocument({
    title: `Ақтау туралы анықтама № ${number} / Справка о реабилитации № ${number}`,
    subject: `${data.person.fullNameKk} / ${data.person.fullNameRu}`,
    keywords: data.verificationCode,
    createdAt: new Date(data.issuedAt),
    margins: { top: 62, bottom: 74, left: 66, right: 62 },
  });

  drawFrame(doc);
  drawHeader(doc, data);
  drawStatement(doc, data);
  drawPerson(doc, data);
  drawDetails(doc, data);
  drawVerification(doc, data, qr);

  return finishDocument(doc, `Анықтама № ${number} / Справка № ${number}`);
}

function drawFrame(doc: PdfDocument): void {
  const inset = 30;
  const { width, height } = doc.page;
  doc.save().lineWidth(1.4).strokeColor('#2f4f6f').rect(inset, inset, width - 2 * inset, height - 2 * inset).stroke();
  doc.lineWidth(0.5).rect(inset + 4, inset + 4, width - 2 * inset - 8, height - 2 * inset - 8).stroke().restore();
}

function drawHeader(doc: PdfDocument, data: CertificateData): void {
  paragraph(doc, data.commissionNameKk, { font: 'bold', size: 10, align: 'center', after: 2 });
  paragraph(doc, data.commissionNameRu, { size: 10, align: 'center', after: 14 });
  paragraph(doc, 'Ақтау туралы анықтама', { font: 'bold', size: 20, align: 'center', after: 2 });
  paragraph(doc, 'Справка о реабилитации', { font: 'bold', size: 15, align: 'center', color: '#333333', after: 6 });
  paragraph(doc, `№ ${data.certificateNumber}`, { font: 'bold', size: 12, align: 'center', after: 2 });
  paragraph(doc, `Берілген күні / Дата выдачи: ${formatNumericDate(data.issuedAt)}`, { size: 9.5, align: 'center', color: colors.muted, after: 18 });
}

function drawStatement(doc: PdfDocument, data: CertificateData): void {
  const { number, date } = data.decision;
  paragraph(
    doc,
    `Комиссияның ${formatKazakhDate(date, 'attributive')} № ${number} шешімімен төменде көрсетілген адам саяси қуғын-сүргін құрбаны ретінде ақталды.`,
    { size: 11.5, after: 6 },
  );
  paragraph(
    doc,
    `Решением Комиссии от ${formatRussianDate(date)} № ${number} нижеуказанное лицо реабилитировано как жертва политических репрессий.`,
    { size: 11.5, color: '#333333', after: 16 },
  );
}

function drawPerson(doc: PdfDocument, data: CertificateData): void {
  const { fullNameKk, fullNameRu, birthYear } = data.person;
  paragraph(doc, fullNameKk, { font: 'bold', size: 17, align: 'center', after: 2 });
  paragraph(doc, fullNameRu, { font: 'bold', size: 14, align: 'center', color: '#333333', after: 4 });
  if (birthYear) {
    paragraph(doc, `${birthYear} жылы туған / ${birthYear} года рождения`, { size: 10.5, align: 'center', after: 0 });
  }
  doc.y += 16;
}

function drawDetails(doc: PdfDocument, data: CertificateData): void {
  const { number, date } = data.decision;
  const basis = legalBasisTexts(data.decision);
  drawTable(
    doc,
    [
      { header: 'Мәлімет / Сведения', weight: 2.8 },
      { header: 'Қазақ тілінде', weight: 3.9 },
      { header: 'На русском языке', weight: 3.9 },
    ],
    [
      [
        { text: 'Шешім\nРешение', font: 'condensedBold' },
        `${formatKazakhDate(date, 'attributive')} № ${number} шешім`,
        `решение от ${formatRussianDate(date)} № ${number}`,
      ],
      [{ text: 'Шешім қабылдаған орган\nОрган, принявший решение', font: 'condensedBold' }, data.commissionNameKk, data.commissionNameRu],
      [{ text: 'Құқықтық негіз\nПравовое основание', font: 'condensedBold' }, basis.kk, basis.ru],
    ],
    { fontSize: 9.5, padding: 5 },
  );
}

function drawVerification(doc: PdfDocument, data: CertificateData, qr: Buffer): void {
  const size = 96;
  const blockHeight = size + 8;
  const left = doc.page.margins.left;
  // The check sits at the foot of the page when there is room, otherwise right after the details.
  let y = Math.max(doc.y + 24, contentBottom(doc) - blockHeight);
  if (y + blockHeight > contentBottom(doc)) {
    doc.addPage();
    drawFrame(doc);
    y = doc.page.margins.top;
  }
  doc.save().moveTo(left, y - 10).lineTo(left + contentWidth(doc), y - 10).lineWidth(0.5).strokeColor(colors.rule).stroke().restore();
  doc.image(qr, left, y, { width: size, height: size });
  const textLeft = left + size + 16;
  const width = contentWidth(doc) - size - 16;
  doc.font('regular').fontSize(9).fillColor(colors.muted).text('Тексеру коды / Код проверки', textLeft, y + 4, { width });
  doc.font('mono').fontSize(15).fillColor(colors.text).text(data.verificationCode, textLeft, doc.y + 2, { width, characterSpacing: 1 });
  doc.font('regular').fontSize(9).text(`Тексеру / Проверка: ${data.verificationUrl}`, textLeft, doc.y + 6, { width, link: data.verificationUrl });
  doc
    .font('italic')
    .fontSize(8.5)
    .fillColor(colors.muted)
    .text(
      'Анықтаманың түпнұсқалығын QR-код немесе сілтеме арқылы тексеруге болады. Подлинность справки можно проверить по QR-коду или ссылке.',
      textLeft,
      doc.y + 6,
      { width, lineGap: 1 },
    );
  doc.fillColor(colors.text);
}

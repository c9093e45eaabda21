import { commissionName } from '../commission/certificate.service.js';
import { contentWidth, createDocument, finishDocument } from '../documents/pdf-layout.js';

export interface LetterPdfData {
  number: string;
  /** `YYYY-MM-DD`. */
  date: string;
  language: 'kk' | 'ru';
  subject: string;
  body: string;
}

/** An outgoing letter on A4 in DejaVu (Kazakh Cyrillic): the commission, number and date, subject, body. */
export function renderLetter(letter: LetterPdfData): Promise<Buffer> {
  const doc = createDocument({ title: `${letter.number} ${letter.subject}`, subject: letter.subject, keywords: letter.number });
  const width = contentWidth(doc);
  doc.font('bold').fontSize(12).text(commissionName[letter.language], { width, align: 'center' });
  doc.moveDown(1.5);
  const [year, month, day] = letter.date.split('-');
  doc.font('regular').fontSize(10.5).text(`№ ${letter.number}    ${day}.${month}.${year}`, { width, align: 'left' });
  doc.moveDown(1.5);
  doc.font('bold').fontSize(11.5).text(letter.subject, { width });
  doc.moveDown(1);
  doc.font('regular').fontSize(11);
  for (const paragraph of letter.body.split(/\n{2,}/)) {
    doc.text(paragraph.trim(), { width, align: 'justify' });
    doc.moveDown(0.8);
  }
  return finishDocument(doc, letter.number);
}

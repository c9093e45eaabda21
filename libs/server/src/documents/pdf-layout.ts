import PDFDocument from 'pdfkit';
import { type DocumentFont, documentFonts, fontPath } from './fonts.js';

export type PdfDocument = PDFKit.PDFDocument;

export interface DocumentMeta {
  title: string;
  subject?: string;
  keywords?: string;
  createdAt?: Date;
  margins?: { top: number; bottom: number; left: number; right: number };
}

export const colors = {
  text: '#111111',
  muted: '#555555',
  rule: '#8a8a8a',
  border: '#3c3c3c',
  headerFill: '#e9e9e9',
} as const;

const defaultMargins = { top: 56, bottom: 64, left: 62, right: 54 };

/** An A4 document with the DejaVu fonts registered; pages stay buffered so footers can say "1 / 3". */
export function createDocument(meta: DocumentMeta): PdfDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: meta.margins ?? defaultMargins,
    bufferPages: true,
    lang: 'kk-KZ',
    displayTitle: true,
    // The initial font would otherwise be Helvetica, which has no Cyrillic.
    font: fontPath('regular'),
    info: {
      Title: meta.title,
      Author: 'Aqtalu',
      Creator: 'Aqtalu',
      Subject: meta.subject,
      Keywords: meta.keywords,
      CreationDate: meta.createdAt ?? new Date(),
    },
  });
  for (const font of Object.keys(documentFonts) as DocumentFont[]) doc.registerFont(font, fontPath(font));
  doc.font('regular').fontSize(10.5).fillColor(colors.text);
  return doc;
}

/** Draws the footer on every page, ends the document and collects its bytes. */
export function finishDocument(doc: PdfDocument, footerLabel: string): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    drawFooters(doc, footerLabel);
    doc.end();
  });
}

function drawFooters(doc: PdfDocument, label: string): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const { left, right, bottom } = doc.page.margins;
    const width = doc.page.width - left - right;
    const y = doc.page.height - bottom + 20;
    // Writing below the bottom margin would make pdfkit open a new page.
    doc.page.margins.bottom = 0;
    doc.save().moveTo(left, y - 6).lineTo(left + width, y - 6).lineWidth(0.4).strokeColor(colors.rule).stroke().restore();
    doc.font('regular').fontSize(8).fillColor(colors.muted);
    doc.text(label, left, y, { width: width - 60, lineBreak: false, align: 'left' });
    doc.text(`${index - range.start + 1} / ${range.count}`, left, y, { width, lineBreak: false, align: 'right' });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor(colors.text);
}

export function contentWidth(doc: PdfDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function contentBottom(doc: PdfDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` points still fit, so a heading is never left alone at a page's foot. */
export function ensureSpace(doc: PdfDocument, height: number): void {
  if (doc.y + height > contentBottom(doc)) {
    doc.addPage();
  }
  doc.x = doc.page.margins.left;
}

export interface TextStyle {
  font?: DocumentFont;
  size?: number;
  color?: string;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Space after the paragraph, in points. */
  after?: number;
  indent?: number;
}

export function paragraph(doc: PdfDocument, text: string, style: TextStyle = {}): void {
  const left = doc.page.margins.left + (style.indent ?? 0);
  doc
    .font(style.font ?? 'regular')
    .fontSize(style.size ?? 10.5)
    .fillColor(style.color ?? colors.text)
    .text(text, left, doc.y, { width: contentWidth(doc) - (style.indent ?? 0), align: style.align ?? 'left', lineGap: 1.5 });
  doc.fillColor(colors.text);
  doc.x = doc.page.margins.left;
  if (style.after) doc.y += style.after;
}

/** A bold label followed by its value on the same line: "Шешім / Решение: ақталды / реабилитирован". */
export function labelled(doc: PdfDocument, label: string, value: string, style: TextStyle = {}): void {
  const left = doc.page.margins.left + (style.indent ?? 0);
  const width = contentWidth(doc) - (style.indent ?? 0);
  doc.fontSize(style.size ?? 10.5).fillColor(colors.text);
  // pdfkit drops the label's bold font when a continued line moves to a new page, so the first lines move first.
  doc.font('bold');
  const firstLines = Math.min(doc.heightOfString(`${label}: ${value}`, { width, lineGap: 1.5 }), 3 * doc.currentLineHeight(true) + 6);
  if (doc.y + firstLines > contentBottom(doc)) doc.addPage();
  doc.font('bold').text(`${label}: `, left, doc.y, { width, continued: true, lineGap: 1.5 });
  doc.font(style.font ?? 'regular').text(value, { width, lineGap: 1.5 });
  doc.x = doc.page.margins.left;
  if (style.after) doc.y += style.after;
}

/** A numbered or bulleted line whose wrapped lines hang under the text, not under the marker. */
export function listItem(doc: PdfDocument, marker: string, text: string, style: TextStyle & { markerWidth?: number } = {}): void {
  const indent = style.indent ?? 0;
  const markerWidth = style.markerWidth ?? 18;
  const left = doc.page.margins.left + indent;
  const width = contentWidth(doc) - indent - markerWidth;
  doc.font(style.font ?? 'regular').fontSize(style.size ?? 10.5).fillColor(style.color ?? colors.text);
  if (doc.y + doc.currentLineHeight(true) > contentBottom(doc)) doc.addPage();
  const y = doc.y;
  doc.text(marker, left, y, { width: markerWidth - 3, align: 'right', lineBreak: false });
  doc.text(text, left + markerWidth, y, { width, lineGap: 1.5 });
  doc.fillColor(colors.text);
  doc.x = doc.page.margins.left;
  if (style.after) doc.y += style.after;
}

export function horizontalRule(doc: PdfDocument, options: { before?: number; after?: number; weight?: number } = {}): void {
  doc.y += options.before ?? 4;
  const left = doc.page.margins.left;
  doc.save().moveTo(left, doc.y).lineTo(left + contentWidth(doc), doc.y).lineWidth(options.weight ?? 0.6).strokeColor(colors.rule).stroke().restore();
  doc.y += options.after ?? 8;
}

export type TableCell = string | { text: string; font?: DocumentFont; align?: 'left' | 'center' | 'right' };

export interface TableColumn {
  header: string;
  /** Relative weight; the columns share the content width in proportion. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableOptions {
  fontSize?: number;
  padding?: number;
  /** Printed above the header when the table continues on a new page. */
  continuation?: string;
}

interface PreparedCell {
  text: string;
  font: DocumentFont;
  align: 'left' | 'center' | 'right';
}

interface TableLayout {
  fontSize: number;
  padding: number;
  widths: number[];
  xs: number[];
  header: PreparedCell[];
  rows: PreparedCell[][];
  measure(cell: PreparedCell, index: number): number;
  rowHeight(cells: PreparedCell[]): number;
}

function layoutTable(doc: PdfDocument, columns: TableColumn[], rows: TableCell[][], options: TableOptions): TableLayout {
  const fontSize = options.fontSize ?? 9.5;
  const padding = options.padding ?? 4;
  const left = doc.page.margins.left;
  const totalWeight = columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = columns.map((column) => (contentWidth(doc) * column.weight) / totalWeight);
  const xs = widths.map((_, index) => left + widths.slice(0, index).reduce((sum, width) => sum + width, 0));
  const header: PreparedCell[] = columns.map((column) => ({ text: column.header, font: 'condensedBold', align: column.align ?? 'left' }));
  const prepared = rows.map((row) =>
    columns.map((column, index): PreparedCell => {
      const cell = row[index] ?? '';
      return typeof cell === 'string'
        ? { text: cell, font: 'condensed', align: column.align ?? 'left' }
        : { text: cell.text, font: cell.font ?? 'condensed', align: cell.align ?? column.align ?? 'left' };
    }),
  );
  const measure = (cell: PreparedCell, index: number): number => {
    if (cell.text === '') return 0;
    doc.font(cell.font).fontSize(fontSize);
    return doc.heightOfString(cell.text, { width: widths[index] - 2 * padding, lineGap: 1 });
  };
  const rowHeight = (cells: PreparedCell[]): number => Math.max(...cells.map(measure)) + 2 * padding;
  return { fontSize, padding, widths, xs, header, rows: prepared, measure, rowHeight };
}

/** The height the table takes when drawn without a page break. */
export function measureTable(doc: PdfDocument, columns: TableColumn[], rows: TableCell[][], options: TableOptions = {}): number {
  const table = layoutTable(doc, columns, rows, options);
  const height = [table.header, ...table.rows].reduce((sum, row) => sum + table.rowHeight(row), 0);
  doc.font('regular').fontSize(10.5);
  return height;
}

/**
 * A bordered table that breaks between rows and repeats its header on each new page. A row taller than a
 * whole page is split between lines of text rather than clipped, so nothing of a protocol is ever lost.
 */
export function drawTable(doc: PdfDocument, columns: TableColumn[], rows: TableCell[][], options: TableOptions = {}): void {
  const { fontSize, padding, widths, xs, header, rows: prepared, measure, rowHeight } = layoutTable(doc, columns, rows, options);
  const left = doc.page.margins.left;

  const drawRow = (cells: PreparedCell[], y: number, height: number, fill?: string): void => {
    cells.forEach((cell, index) => {
      if (fill) doc.save().rect(xs[index], y, widths[index], height).fill(fill).restore();
      if (cell.text !== '') {
        doc.font(cell.font).fontSize(fontSize).fillColor(colors.text);
        doc.text(cell.text, xs[index] + padding, y + padding, {
          width: widths[index] - 2 * padding,
          height: height - 2 * padding + 1,
          align: cell.align,
          lineGap: 1,
        });
      }
      doc.save().rect(xs[index], y, widths[index], height).lineWidth(0.6).strokeColor(colors.border).stroke().restore();
    });
  };

  const headerHeight = rowHeight(header);
  let y = doc.y;
  const startPage = (continued: boolean): void => {
    if (continued) {
      doc.addPage();
      y = doc.page.margins.top;
      if (options.continuation) {
        doc.font('italic').fontSize(8.5).fillColor(colors.muted);
        doc.text(options.continuation, left, y, { width: contentWidth(doc), align: 'right' });
        doc.fillColor(colors.text);
        y = doc.y + 2;
      }
    }
    drawRow(header, y, headerHeight, colors.headerFill);
    y += headerHeight;
  };

  // Keep the header with at least the first row.
  const firstRow = prepared.length > 0 ? Math.min(rowHeight(prepared[0]), 60) : 0;
  if (y + headerHeight + firstRow > contentBottom(doc)) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  startPage(false);

  for (const row of prepared) {
    let pending: PreparedCell[] | undefined = row;
    while (pending) {
      const height = rowHeight(pending);
      const available = contentBottom(doc) - y;
      if (height <= available) {
        drawRow(pending, y, height);
        y += height;
        pending = undefined;
        continue;
      }
      const freshPage = contentBottom(doc) - doc.page.margins.top - headerHeight - 20;
      if (height <= freshPage || available < 3 * fontSize + 2 * padding) {
        startPage(true);
        continue;
      }
      const [head, tail] = splitRow(pending, available - 2 * padding);
      if (head.every((cell) => cell.text === '')) {
        startPage(true);
        continue;
      }
      const headHeight = rowHeight(head);
      drawRow(head, y, Math.min(headHeight, available));
      startPage(true);
      pending = tail;
    }
  }

  doc.x = left;
  doc.y = y;
  doc.font('regular').fontSize(10.5).fillColor(colors.text);

  function splitRow(cells: PreparedCell[], maxHeight: number): [PreparedCell[], PreparedCell[]] {
    const heads: PreparedCell[] = [];
    const tails: PreparedCell[] = [];
    cells.forEach((cell, index) => {
      const [head, tail] = splitText(cell, index, maxHeight);
      heads.push({ ...cell, text: head });
      tails.push({ ...cell, text: tail });
    });
    return [heads, tails];
  }

  function splitText(cell: PreparedCell, index: number, maxHeight: number): [string, string] {
    if (measure(cell, index) <= maxHeight) return [cell.text, ''];
    const tokens = cell.text.split(/(?<=\s)/);
    let low = 0;
    let high = tokens.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      const fits = measure({ ...cell, text: tokens.slice(0, middle).join('').trimEnd() }, index) <= maxHeight;
      if (fits) low = middle;
      else high = middle - 1;
    }
    return [tokens.slice(0, low).join('').trimEnd(), tokens.slice(low).join('').trimStart()];
  }
}

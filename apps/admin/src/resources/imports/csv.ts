import Papa from 'papaparse';

/** Which CSV column holds what, as `POST /api/registry/imports` takes it (`mapping`). */
export const importFields = ['fullName', 'surname', 'givenName', 'patronymic', 'birthYear', 'birthplace', 'personId'] as const;
export type ImportField = (typeof importFields)[number];
export type ImportMapping = Partial<Record<ImportField, string>>;

export interface ImportReport {
  dryRun: boolean;
  importId?: string;
  totalRows: number;
  validRows: number;
  /** `reason` is English; `code` with `params` says it in the screen's language. */
  errors: Array<{ line: number; reason: string; code?: string; params?: Record<string, unknown> }>;
}

/** `GET /api/registry/imports/:id`: the import applied in the background, batch by batch. */
export interface ImportProgress {
  id: string;
  fileName: string;
  source: string;
  status: 'loaded' | 'running' | 'done' | 'failed';
  totalRows: number;
  appliedRows: number;
  createdPersons: number;
  updatedPersons: number;
  createdAt: string;
  finishedAt: string | null;
}

/** What a spreadsheet program may have written: the encoding and the cell separator of a CSV file. */
export interface CsvDialect {
  encoding: 'utf-8' | 'utf-16le' | 'windows-1251';
  delimiter: string;
}

/** Separators Excel writes: `,` in English locales, `;` in Russian and Kazakh ones, tab for "Unicode text". */
export const csvDelimiters = [',', ';', '\t', '|'];

/**
 * The encoding of a CSV file's first bytes: a byte-order mark says it outright (Excel's "CSV UTF-8" starts
 * with one, its "Unicode text" is UTF-16LE); otherwise valid UTF-8 is UTF-8 and anything else is taken for
 * windows-1251, which Excel writes as "CSV" on Russian and Kazakh Windows.
 */
export function detectEncoding(bytes: Uint8Array): CsvDialect['encoding'] {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  try {
    // `stream: true`: a character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

/** Bytes as text in the given encoding, without a byte-order mark. */
export const decodeCsv = (bytes: Uint8Array, encoding: CsvDialect['encoding']) => new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, '');

/** The header and the first rows of a CSV text, read by papaparse, which also guesses the separator. */
export function previewCsv(text: string, rows = 5): { header: string[]; rows: string[][]; delimiter: string } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: rows + 1, skipEmptyLines: 'greedy', delimitersToGuess: csvDelimiters });
  const [first, ...rest] = parsed.data.map((row) => row.map((cell) => cell.trim()));
  return { header: first ?? [], rows: rest, delimiter: parsed.meta.delimiter || ',' };
}

/**
 * The file as the API reads it best: UTF-8, comma-separated. A UTF-8 comma file is sent as it is; any
 * other is decoded and written again by papaparse, quoting what needs quotes, so nothing is cut.
 */
export async function normalisedCsv(file: File, dialect: CsvDialect): Promise<File> {
  if (dialect.encoding === 'utf-8' && dialect.delimiter === ',') return file;
  const text = decodeCsv(new Uint8Array(await file.arrayBuffer()), dialect.encoding);
  const rows = Papa.parse<string[]>(text, { delimiter: dialect.delimiter, skipEmptyLines: 'greedy' }).data;
  return new File([Papa.unparse(rows, { delimiter: ',', newline: '\n' })], file.name, { type: 'text/csv' });
}

/** Whether the file is an Excel workbook (the API reads the first sheet), by its name or type. */
export const isXlsx = (file: Pick<File, 'name' | 'type'>) =>
  /\.xlsx$/i.test(file.name) || file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Whether the file is a CSV or text list, by its name or type. */
export const isCsv = (file: Pick<File, 'name' | 'type'>) => /\.(csv|txt|tsv)$/i.test(file.name) || file.type === 'text/csv';

/** The header and first rows of an XLSX file's first sheet; exceljs is loaded only when one is chosen. */
export async function previewXlsx(file: Blob, rows = 5): Promise<{ header: string[]; rows: string[][] }> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await file.arrayBuffer());
  const sheet = workbook.worksheets[0];
  if (!sheet) return { header: [], rows: [] };
  const lines: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (lines.length > rows) return;
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) cells.push(row.getCell(column).text.trim());
    lines.push(cells);
  });
  const [first, ...rest] = lines;
  // Trailing empty header cells are no columns.
  const header = first ?? [];
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  return { header, rows: rest.map((row) => row.slice(0, header.length)) };
}

/** Header words that say what a column holds, in Kazakh, Russian and English, lower case. */
const hints: Record<ImportField, RegExp> = {
  fullName: /^(фио|ф\.и\.о\.?|аты-жөні|толық аты|full ?name|name)$/,
  surname: /^(фамилия|тегі|surname|last ?name)$/,
  givenName: /^(имя|аты|given ?name|first ?name)$/,
  patronymic: /^(отчество|әкесінің аты|patronymic)$/,
  birthYear: /(год рождения|туған жылы|birth ?year|born)/,
  birthplace: /(место рождения|туған жері|birth ?place)/,
  personId: /^(person ?id|id персоны|id)$/,
};

/** A first mapping guessed from the header; the user corrects it. Each column is used once. */
export function guessMapping(header: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  for (const field of importFields) {
    const column = header.find((name) => !used.has(name) && hints[field].test(name.trim().toLowerCase()));
    if (column) {
      mapping[field] = column;
      used.add(column);
    }
  }
  // A full name and its parts are alternatives: with a full-name column the parts are not needed.
  if (mapping.fullName) {
    delete mapping.surname;
    delete mapping.givenName;
    delete mapping.patronymic;
  }
  return mapping;
}

/** What is missing before the file can be sent, as a translation key, or null. */
export function mappingProblem(mapping: ImportMapping, source: string): string | null {
  if (!mapping.fullName && !mapping.surname) return 'resources.imports.problems.no_name';
  if (source.trim().length < 3) return 'resources.imports.problems.no_source';
  return null;
}

/** The multipart body: the file, where the list comes from, the mapping as JSON, and whether to only check it. */
export function importBody(file: Blob & { name?: string }, source: string, mapping: ImportMapping, dryRun: boolean): FormData {
  const body = new FormData();
  body.append('source', source.trim());
  body.append('mapping', JSON.stringify(Object.fromEntries(Object.entries(mapping).filter(([, column]) => column))));
  body.append('dryRun', String(dryRun));
  body.append('file', file, file.name ?? 'list.csv');
  return body;
}

/** Share of the rows applied, 0–100. */
export const percentApplied = (progress: Pick<ImportProgress, 'appliedRows' | 'totalRows' | 'status'>) =>
  progress.status === 'done' ? 100 : progress.totalRows > 0 ? Math.min(100, Math.round((progress.appliedRows / progress.totalRows) * 100)) : 0;

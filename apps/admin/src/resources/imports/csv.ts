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

/**
 * `POST /api/registry/imports/preview`: the header and first rows of a list as the API reads it, with the CSV
 * dialect it detected (encoding and separator; null for XLSX). The server is the one place that reads lists.
 */
export interface ImportPreview {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'utf-16le' | 'windows-1251' | null;
  delimiter: ',' | ';' | '\t' | '|' | null;
  header: string[];
  rows: string[][];
}

/** How much of a CSV file is sent for the preview: the API reads a dialect from as much, and the first rows. */
export const previewBytes = 64 * 1024;

/** The multipart body of a preview: a CSV's first 64 KiB (its header and first rows), an XLSX whole (a workbook is read from its end). */
export function previewBody(file: File): FormData {
  const body = new FormData();
  body.append('file', isXlsx(file) ? file : file.slice(0, previewBytes, file.type || 'text/csv'), file.name);
  return body;
}

/** Whether the file is an Excel workbook (the API reads the first sheet), by its name or type. */
export const isXlsx = (file: Pick<File, 'name' | 'type'>) =>
  /\.xlsx$/i.test(file.name) || file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Whether the file is a CSV or text list, by its name or type. */
export const isCsv = (file: Pick<File, 'name' | 'type'>) => /\.(csv|txt|tsv)$/i.test(file.name) || file.type === 'text/csv';

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

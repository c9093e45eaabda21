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

/** The cells of one CSV line, quotes and doubled quotes understood (the API reads comma-separated files). */
export function parseCsvLine(line: string, delimiter = ','): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

/** The header and the first rows of a CSV text, for the mapping screen; a byte-order mark is dropped. */
export function previewCsv(text: string, rows = 5): { header: string[]; rows: string[][] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
  const [first, ...rest] = lines;
  return { header: first ? parseCsvLine(first) : [], rows: rest.slice(0, rows).map((line) => parseCsvLine(line)) };
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

/**
 * A cell as a spreadsheet may safely receive it. Text starting with `=`, `+`, `-`, `@` (or a tab or carriage
 * return, which some programs strip before reading a formula) is prefixed with `'`, so Excel and LibreOffice
 * show it as text instead of running it (OWASP "CSV injection").
 */
export function safeCell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  const text = Array.isArray(value) ? value.map((item) => String(item ?? '')).join('; ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export type ExportFormat = 'csv' | 'xlsx';
export const exportFormats: readonly ExportFormat[] = ['csv', 'xlsx'];

export const exportContentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** One column of an export: the row's key and the header written above it. */
export interface ExportColumn {
  key: string;
  header: string;
}

import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@aqtalu/contracts';
import { demoLogins, RegistryImportService } from '@aqtalu/server';
import { createTestEnvironment, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

interface ImportAnswer {
  dryRun: boolean;
  format: string;
  totalRows: number;
  validRows: number;
  errors: Array<{ line: number; reason: string }>;
  importId: string;
  detail?: string;
}

const header = ['Фамилия', 'Имя', 'Год рождения', 'Место рождения', 'ID'];
const mapping = { surname: 'Фамилия', givenName: 'Имя', birthYear: 'Год рождения', birthplace: 'Место рождения', personId: 'ID' };

/** A workbook as archivists send them: a header row, numbers typed as numbers, rich text, an empty row, a second sheet of notes. */
async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const list = book.addWorksheet('Список');
  list.addRow(header);
  for (const row of rows) list.addRow(row);
  book.addWorksheet('Примечания').addRow(['not a list', 'of persons']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('registry import of XLSX lists over HTTP', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let baseUrl: string;
  let db: pg.Client;
  let secretary: HttpSession;

  const upload = async (content: Buffer, dryRun: boolean, fileName = 'uprising-1931.xlsx', type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type }), fileName);
    form.append('source', 'ЦГА РК, ф. 1137, оп. 1, д. 22');
    form.append('mapping', JSON.stringify(mapping));
    form.append('dryRun', String(dryRun));
    const response = await fetch(`${baseUrl}/api/registry/imports`, { method: 'POST', headers: { authorization: `Bearer ${secretary.token}` }, body: form });
    return { status: response.status, body: (await response.json()) as ImportAnswer };
  };
  const persons = async () => (await db.query(`SELECT count(*)::int AS n FROM persons`)).rows[0].n as number;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    secretary = await HttpSession.loginAs(baseUrl, demoLogins.find((login) => login.role === Role.Secretary)!);
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await api?.close();
    await environment?.dispose();
  });

  it('reports every bad row with its worksheet row number and reason in a dry run, and imports none of them', async () => {
    const before = await persons();
    const file = await workbook([
      ['Омаров', 'Қуаныш', 1901, 'Қарқаралы', null],
      [null, 'Серік', 1899, null, null],
      ['Сейітов', 'Ерғали', 'тысяча', null, null],
      [],
      ['Әбілов', 'Нұрлан', 1903, null, 'not-an-id'],
    ]);
    const dry = await upload(file, true);
    expect(dry.status, JSON.stringify(dry.body)).toBe(201);
    expect(dry.body).toMatchObject({ dryRun: true, format: 'xlsx', totalRows: 4, validRows: 1 });
    expect(dry.body.errors.map((e) => e.line)).toEqual([3, 4, 6]);
    expect(dry.body.errors[0]!.reason).toBe('the surname (column "Фамилия") is empty');
    expect(dry.body.errors[1]!.reason).toContain('the birth year "тысяча" cannot be read');
    expect(dry.body.errors[2]!.reason).toContain('is not an id of the registry');
    const real = await upload(file, false);
    expect(real.status).toBe(400);
    expect(real.body.detail).toContain('3 row(s) cannot be imported; nothing was imported');
    expect(await persons()).toBe(before);
  });

  it('loads a clean worksheet through the same staging as CSV and adds to a known person by id', async () => {
    const known = (await secretary.post<{ id: string }>('/api/registry/persons', { names: [{ fullName: 'Жұмабаев Мағжан' }] })).body.id;
    const file = await workbook([
      ['Омаров', 'Қуаныш', 1901, 'Қарқаралы ауданы', null],
      [{ richText: [{ text: 'Бекмұхамбет' }, { text: 'ов' }] }, 'Асқар', '1902 или 1903', null, null],
      ['Тәжібаев', 'Нұрлан', new Date(Date.UTC(1904, 4, 3)), null, null],
      ['Жумабаев', 'Магжан', 1893, null, known],
    ]);
    const before = await persons();
    const loaded = await upload(file, false);
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(201);
    expect(loaded.body).toMatchObject({ dryRun: false, format: 'xlsx', totalRows: 4, validRows: 4, errors: [] });
    const staged = await db.query(`SELECT line, full_name, birth_year FROM registry_import_rows WHERE import_id = $1 ORDER BY line`, [loaded.body.importId]);
    expect(staged.rows).toEqual([
      { line: 2, full_name: 'Омаров Қуаныш', birth_year: '1901' },
      { line: 3, full_name: 'Бекмұхамбетов Асқар', birth_year: '1902 или 1903' },
      { line: 4, full_name: 'Тәжібаев Нұрлан', birth_year: '1904-05-03' },
      { line: 5, full_name: 'Жумабаев Магжан', birth_year: '1893' },
    ]);
    expect(await api.get(RegistryImportService).apply(loaded.body.importId)).toEqual({ applied: 4, done: true });
    expect(await persons()).toBe(before + 3);
    const variants = await db.query(`SELECT full_name, source FROM person_name_variants WHERE person_id = $1 AND source LIKE 'ЦГА РК%'`, [known]);
    expect(variants.rows).toEqual([{ full_name: 'Жумабаев Магжан', source: 'ЦГА РК, ф. 1137, оп. 1, д. 22, line 5' }]);
  });

  it('refuses a file that is not a readable XLSX or CSV with 400', async () => {
    const broken = await upload(Buffer.from('this is not a zip archive'), true);
    expect(broken.status).toBe(400);
    expect(broken.body.detail).toContain('the file cannot be read as XLSX');
    const pdf = await upload(Buffer.from('%PDF-1.4'), true, 'list.pdf', 'application/pdf');
    expect(pdf.status).toBe(400);
    expect(pdf.body.detail).toBe('file list.pdf is neither CSV (.csv) nor XLSX (.xlsx)');
  });
});

import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role, type ImportPreviewResponse } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { createTestEnvironment, HttpSession, type TestEnvironment } from '@aqtalu/testing';
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

/** windows-1251 bytes of a Russian text (А–я are 0xC0–0xFF, Ё 0xA8, ё 0xB8): what Excel's "CSV" writes on Russian Windows. */
const cp1251 = (text: string) =>
  Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0)!;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (char === 'Ё') return 0xa8;
      if (char === 'ё') return 0xb8;
      if (code > 0x7f) throw new Error(`windows-1251 has no ${char}`);
      return code;
    }),
  );

const mapping = { fullName: 'ФИО', birthYear: 'Год рождения', birthplace: 'Место рождения' };

describe('registry import of CSV lists in the dialects spreadsheet programs write', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let baseUrl: string;
  let db: pg.Client;
  let secretary: HttpSession;

  const post = async <T>(path: string, content: Buffer, fileName: string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type: 'text/csv' }), fileName);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${secretary.token}` }, body: form });
    return { status: response.status, body: (await response.json()) as T };
  };
  const upload = (content: Buffer, fileName: string, dryRun: boolean) =>
    post<ImportAnswer>('/api/registry/imports', content, fileName, { source: 'ГАРФ, ф. 10035, оп. 1', mapping: JSON.stringify(mapping), dryRun: String(dryRun) });
  const staged = async (importId: string) =>
    (await db.query(`SELECT line, full_name, birth_year, birthplace FROM registry_import_rows WHERE import_id = $1 ORDER BY line`, [importId])).rows;

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

  it('reads a `;`-separated windows-1251 file (Excel on Russian Windows): Cyrillic intact, cells with commas whole', async () => {
    const file = cp1251('ФИО;Год рождения;Место рождения\r\nЁлкин Пётр Семёнович;1901;"Акмолинск, Акмолинская обл."\r\nЩербакова Юлия;1899;Семипалатинск\r\n');
    const preview = await post<ImportPreviewResponse>('/api/registry/imports/preview', file, 'список.csv');
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toEqual({
      format: 'csv',
      encoding: 'windows-1251',
      delimiter: ';',
      header: ['ФИО', 'Год рождения', 'Место рождения'],
      rows: [
        ['Ёлкин Пётр Семёнович', '1901', 'Акмолинск, Акмолинская обл.'],
        ['Щербакова Юлия', '1899', 'Семипалатинск'],
      ],
    });
    const dry = await upload(file, 'список.csv', true);
    expect(dry.status, JSON.stringify(dry.body)).toBe(201);
    expect(dry.body).toMatchObject({ dryRun: true, format: 'csv', totalRows: 2, validRows: 2, errors: [] });
    const loaded = await upload(file, 'список.csv', false);
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(201);
    expect(await staged(loaded.body.importId)).toEqual([
      { line: 2, full_name: 'Ёлкин Пётр Семёнович', birth_year: '1901', birthplace: 'Акмолинск, Акмолинская обл.' },
      { line: 3, full_name: 'Щербакова Юлия', birth_year: '1899', birthplace: 'Семипалатинск' },
    ]);
  });

  it('reads a `;`-separated UTF-8 file with a byte-order mark (Excel\'s "CSV UTF-8") with Kazakh letters', async () => {
    const file = Buffer.from('\uFEFFФИО;Год рождения;Место рождения\nҚұнанбайұлы Әбдірахман;1868;"Шыңғыстау, Семей уезі"\nӨтебаев Ғалым;1902;Үржар\n', 'utf8');
    const preview = await post<ImportPreviewResponse>('/api/registry/imports/preview', file, 'тізім.csv');
    expect(preview.body).toMatchObject({ encoding: 'utf-8', delimiter: ';', header: ['ФИО', 'Год рождения', 'Место рождения'] });
    const loaded = await upload(file, 'тізім.csv', false);
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(201);
    expect(await staged(loaded.body.importId)).toEqual([
      { line: 2, full_name: 'Құнанбайұлы Әбдірахман', birth_year: '1868', birthplace: 'Шыңғыстау, Семей уезі' },
      { line: 3, full_name: 'Өтебаев Ғалым', birth_year: '1902', birthplace: 'Үржар' },
    ]);
  });

  it('reads a tab-separated file, and previews a list sent as its first bytes only (a row cut in the middle)', async () => {
    const rows = Array.from({ length: 40 }, (_, index) => `Сейфуллин Сәкен ${index}\t${1894 + (index % 5)}\tНілді, Ақмола облысы`);
    const whole = Buffer.from(['ФИО\tГод рождения\tМесто рождения', ...rows].join('\n'), 'utf8');
    const slice = whole.subarray(0, Math.floor(whole.length / 2) + 3);
    const preview = await post<ImportPreviewResponse>('/api/registry/imports/preview', slice, 'list.tsv');
    expect(preview.body).toMatchObject({ encoding: 'utf-8', delimiter: '\t', header: ['ФИО', 'Год рождения', 'Место рождения'] });
    expect(preview.body.rows).toEqual(rows.slice(0, 5).map((row) => row.split('\t')));
    const dry = await upload(whole, 'list.tsv', true);
    expect(dry.body).toMatchObject({ dryRun: true, totalRows: 40, validRows: 40, errors: [] });
  });
});

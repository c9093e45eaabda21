import { parse } from 'csv-parse';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvToUtf8, detectCsvDelimiter, detectCsvDialect, readCsvDialect } from './csv-dialect.js';

/** windows-1251 bytes of a Cyrillic text (А–я are 0xC0–0xFF, Ё 0xA8, ё 0xB8). */
const cp1251 = (text: string) =>
  Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0)!;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (char === 'Ё') return 0xa8;
      if (char === 'ё') return 0xb8;
      if (code > 0x7f) throw new Error(`not in this test's table: ${char}`);
      return code;
    }),
  );

describe('the dialect of a CSV file', () => {
  let folder = '';
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'csv-dialect-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('finds `;`, `,`, tab and `|`, not fooled by separators inside quotes', () => {
    expect(detectCsvDelimiter('ФИО;Год рождения;Место рождения\nАбай;1845;"Семей, Чингистау"\n')).toBe(';');
    expect(detectCsvDelimiter('ФИО,Год рождения\n"Сейфуллин; Сакен",1894\n')).toBe(',');
    expect(detectCsvDelimiter('\uFEFFФИО\tГод\nАбай\t1845\n')).toBe('\t');
    expect(detectCsvDelimiter('ФИО|Год\nАбай|1845\n')).toBe('|');
    expect(detectCsvDelimiter('ФИО\nАбай\n')).toBe(',');
  });

  it('tells UTF-8 (with or without a byte-order mark) from windows-1251 and UTF-16LE', () => {
    expect(detectCsvDialect(Buffer.from('\uFEFFФИО;Год\n', 'utf8'))).toEqual({ encoding: 'utf-8', delimiter: ';' });
    expect(detectCsvDialect(Buffer.from('ФИО,Год\n', 'utf8'))).toEqual({ encoding: 'utf-8', delimiter: ',' });
    expect(detectCsvDialect(cp1251('ФИО;Год\nЁлкин;1901\n'))).toEqual({ encoding: 'windows-1251', delimiter: ';' });
    expect(detectCsvDialect(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ФИО\tГод\n', 'utf16le')]))).toEqual({ encoding: 'utf-16le', delimiter: '\t' });
  });

  it('feeds csv-parse a windows-1251 `;` file as UTF-8, cells with commas whole', async () => {
    const path = join(folder, 'list.csv');
    await writeFile(path, cp1251('ФИО;Место рождения\nЖумабаев Магжан;"Сасыкколь, Акмолинская обл."\nСейфуллин Сакен;Нильды\n'));
    const dialect = await readCsvDialect(path);
    expect(dialect).toEqual({ encoding: 'windows-1251', delimiter: ';' });
    const rows: Record<string, string>[] = [];
    for await (const row of createReadStream(path).pipe(csvToUtf8(dialect.encoding)).pipe(parse({ columns: true, delimiter: dialect.delimiter, trim: true }))) {
      rows.push(row as Record<string, string>);
    }
    expect(rows).toEqual([
      { ФИО: 'Жумабаев Магжан', 'Место рождения': 'Сасыкколь, Акмолинская обл.' },
      { ФИО: 'Сейфуллин Сакен', 'Место рождения': 'Нильды' },
    ]);
  });

  it('drops the byte-order mark of a UTF-8 file so the first column keeps its name', async () => {
    const path = join(folder, 'bom.csv');
    await writeFile(path, '\uFEFFФИО,Год\nАбай,1845\n');
    const dialect = await readCsvDialect(path);
    const rows: unknown[] = [];
    for await (const row of createReadStream(path).pipe(csvToUtf8(dialect.encoding)).pipe(parse({ columns: true, delimiter: dialect.delimiter }))) rows.push(row);
    expect(rows).toEqual([{ ФИО: 'Абай', Год: '1845' }]);
  });
});

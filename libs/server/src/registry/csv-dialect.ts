import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';

/**
 * What a spreadsheet program wrote: Excel's "CSV" on Russian and Kazakh Windows is windows-1251 with `;`
 * between cells, its "CSV UTF-8" starts with a byte-order mark, its "Unicode text" is UTF-16LE with tabs.
 */
export interface CsvDialect {
  encoding: 'utf-8' | 'utf-16le' | 'windows-1251';
  delimiter: ',' | ';' | '\t' | '|';
}

const delimiters: readonly CsvDialect['delimiter'][] = [',', ';', '\t', '|'];

/** How many bytes of the file are read to judge its dialect. */
export const dialectSampleBytes = 64 * 1024;

/** The encoding of a file's first bytes: a byte-order mark, else valid UTF-8, else windows-1251. */
export function detectCsvEncoding(sample: Uint8Array): CsvDialect['encoding'] {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  try {
    // `stream: true`: a character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

/** Occurrences of `delimiter` outside double quotes in each of the text's first lines (a quoted line break joins lines). */
function countsPerLine(text: string, delimiter: string, lines = 10): number[] {
  const counts: number[] = [];
  let quoted = false;
  let count = 0;
  for (let index = 0; index < text.length && counts.length < lines; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === delimiter) count += 1;
    else if (!quoted && char === '\n') {
      if (text.slice(0, index).trim() !== '' || count > 0) counts.push(count);
      count = 0;
    }
  }
  if (counts.length < lines && count > 0) counts.push(count);
  return counts;
}

/**
 * The cell separator of a CSV text: the candidate found on the header line that splits the most lines
 * into as many cells as the header, the most cells winning a tie; `,` when nothing is found.
 */
export function detectCsvDelimiter(text: string): CsvDialect['delimiter'] {
  let best: { delimiter: CsvDialect['delimiter']; consistent: number; cells: number } = { delimiter: ',', consistent: -1, cells: 0 };
  for (const delimiter of delimiters) {
    const counts = countsPerLine(text.replace(/^\uFEFF/, ''), delimiter);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistent = counts.filter((count) => count === header).length;
    if (consistent > best.consistent || (consistent === best.consistent && header > best.cells)) best = { delimiter, consistent, cells: header };
  }
  return best.delimiter;
}

/** The dialect of a file's first bytes. */
export function detectCsvDialect(sample: Uint8Array): CsvDialect {
  const encoding = detectCsvEncoding(sample);
  const text = new TextDecoder(encoding).decode(sample, { stream: true });
  return { encoding, delimiter: detectCsvDelimiter(text) };
}

/** The dialect of the CSV file at `path`, from its first 64 KiB. */
export async function readCsvDialect(path: string): Promise<CsvDialect> {
  const file = await open(path, 'r');
  try {
    const sample = Buffer.alloc(dialectSampleBytes);
    const { bytesRead } = await file.read(sample, 0, dialectSampleBytes, 0);
    return detectCsvDialect(sample.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}

/**
 * A stream that turns the file's bytes into UTF-8 text without a byte-order mark, for csv-parse:
 * `createReadStream(path).pipe(csvToUtf8(dialect.encoding)).pipe(parse({ delimiter: dialect.delimiter, … }))`.
 */
export function csvToUtf8(encoding: CsvDialect['encoding']): Transform {
  const decoder = new TextDecoder(encoding);
  let first = true;
  const emit = (text: string, push: (chunk: string) => void) => {
    if (first && text.length > 0) {
      first = false;
      text = text.replace(/^\uFEFF/, '');
    }
    if (text.length > 0) push(text);
  };
  return new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, done) {
      emit(decoder.decode(chunk, { stream: true }), (text) => this.push(text, 'utf8'));
      done();
    },
    flush(done) {
      emit(decoder.decode(), (text) => this.push(text, 'utf8'));
      done();
    },
  });
}

import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { JobName } from '@aqtalu/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { CodedException } from '../errors/coded.exception.js';
import { safeCell } from '../exports/spreadsheet-cell.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { openDataCsvColumns, openDataCsvRow, openDataFiles, openDataLicence, openDataSchema, type OpenDataRecord } from './open-data.js';
import { publicBookPath } from './public-site.js';
import { renderRegionalBook, type RegionalBookLanguage } from './regional-book.pdf.js';
import { PublicationService, type PublicField, type PublicationBasis } from './publication.service.js';

/** A region's Book of Memory as served: book-of-memory-<region code>-<kk|ru>.pdf. */
export const regionalBookFile = (regionCode: string, language: RegionalBookLanguage) => `book-of-memory-${regionCode}-${language}.pdf`;
const regionalBookPattern = /^book-of-memory-[A-Za-z0-9_-]{1,8}-(kk|ru)\.pdf$/;

/** Persons read per query while building. */
const batchSize = 500;

export interface OpenDataBuild {
  count: number;
  generatedAt: string;
  files: Record<string, { bytes: number; sha256: string }>;
}

/**
 * The open data of the Book of Memory: a CSV and a JSON dump of the published records (only their published
 * fields; a withdrawn record is left out), their JSON Schema and a SHA256SUMS file, rebuilt nightly by the worker
 * into STORAGE_DIR/open-data and served under the public prefix. A build writes beside the old files and renames
 * them into place, so a reader gets the old dump or the new one, never half of one.
 */
@Injectable()
export class OpenDataService {
  private readonly logger = new Logger(OpenDataService.name);
  readonly dir: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly publication: PublicationService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {
    this.dir = join(config.storage.dir, 'open-data');
  }

  /** A build asked for by an editor (not the nightly one): audited with its count. */
  async buildAudited(): Promise<OpenDataBuild> {
    const built = await this.build();
    await this.audit.record({ action: 'publication.open_data_build', entityType: 'open_data', entityId: null, details: { count: built.count } });
    return built;
  }

  async build(): Promise<OpenDataBuild> {
    await mkdir(this.dir, { recursive: true });
    const generatedAt = new Date().toISOString();
    const suffix = `.building-${process.pid}-${Date.now()}`;
    const path = (name: string) => join(this.dir, name);
    const csv = stringify({ header: true, columns: [...openDataCsvColumns], bom: true });
    const csvOut = csv.pipe(createWriteStream(path(openDataFiles.csv) + suffix));
    const json = await open(path(openDataFiles.json) + suffix, 'w');
    let count = 0;
    try {
      await json.write(`{"licence":${JSON.stringify(openDataLicence)},"generatedAt":"${generatedAt}","records":[`);
      for await (const record of this.records()) {
        await json.write(`${count ? ',' : ''}\n${JSON.stringify(record)}`);
        if (!csv.write(openDataCsvRow(record).map((value) => safeCell(value)))) await once(csv, 'drain');
        count += 1;
      }
      await json.write(`\n],"count":${count}}\n`);
    } finally {
      await json.close();
      csv.end();
      await once(csvOut, 'finish');
    }
    await writeFile(path(openDataFiles.schema) + suffix, `${JSON.stringify(openDataSchema, null, 2)}\n`);
    const files: OpenDataBuild['files'] = {};
    for (const name of [openDataFiles.csv, openDataFiles.json, openDataFiles.schema]) {
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(path(name) + suffix)) hash.update(chunk as Buffer);
      files[name] = { bytes: (await stat(path(name) + suffix)).size, sha256: hash.digest('hex') };
    }
    await writeFile(path(openDataFiles.checksums) + suffix, Object.entries(files).map(([name, file]) => `${file.sha256}  ${name}\n`).join(''));
    // the checksums last: a reader who sees the new SHA256SUMS finds the files it names
    for (const name of [openDataFiles.csv, openDataFiles.json, openDataFiles.schema, openDataFiles.checksums]) await rename(path(name) + suffix, path(name));
    this.logger.log(`open data built: ${count} published records`);
    return { count, generatedAt, files };
  }

  /** The published records, a batch of persons at a time, in id order. */
  private async *records(): AsyncGenerator<OpenDataRecord> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Array<{ person_id: string; basis: PublicationBasis; fields: PublicField[] }> = await this.dataSource.query(
        `SELECT pub.person_id, pub.basis, pub.fields FROM published_persons pub JOIN persons p ON p.id = pub.person_id
         WHERE pub.withdrawn_at IS NULL AND p.merged_into_id IS NULL AND pub.person_id > $1 ORDER BY pub.person_id LIMIT $2`,
        [after, batchSize],
      );
      for (const row of rows) {
        const { id, ...fields } = await this.publication.publishedFields(row.person_id, row, 'ru');
        yield { id, url: `${this.config.publicSite.url}${publicBookPath}/${id}`, ...fields };
      }
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1]!.person_id;
    }
  }

  /** Asks the worker to render a region's Book of Memory (kk or ru); answers the file it will be served as. Audited. */
  async requestRegionalBook(regionCode: string, language: RegionalBookLanguage): Promise<{ file: string }> {
    const [region] = await this.dataSource.query(`SELECT code FROM regions WHERE code = $1`, [regionCode]);
    if (!region) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'region', id: regionCode });
    await this.dataSource.transaction(async (manager) => {
      await this.outbox.enqueue(manager, JobName.RenderRegionalBook, { regionCode, language });
      await this.audit.record({ action: 'publication.regional_book', entityType: 'region', entityId: null, details: { regionCode, language } }, manager);
    });
    return { file: regionalBookFile(regionCode, language) };
  }

  /**
   * The worker's rendering of a region's Book of Memory: the published persons whose published birthplace lies in
   * the region, by name, with their published fields only. Written beside the dump and renamed into place.
   */
  async renderRegionalBook(regionCode: string, language: RegionalBookLanguage): Promise<{ file: string; count: number }> {
    const [region] = await this.dataSource.query(`SELECT code, name_kk, name_ru FROM regions WHERE code = $1`, [regionCode]);
    if (!region) return { file: '', count: 0 };
    const rows: Array<{ person_id: string; basis: PublicationBasis; fields: PublicField[] }> = await this.dataSource.query(
      `SELECT pub.person_id, pub.basis, pub.fields FROM published_persons pub JOIN persons p ON p.id = pub.person_id
       JOIN places pl ON pl.id = p.birthplace_place_id JOIN regions rg ON rg.id = pl.region_id
       WHERE pub.withdrawn_at IS NULL AND p.merged_into_id IS NULL AND 'birthplace' = ANY(pub.fields) AND 'names' = ANY(pub.fields) AND rg.code = $1
       ORDER BY (SELECT min(v.full_name) FROM person_name_variants v WHERE v.person_id = p.id), pub.person_id`,
      [regionCode],
    );
    const persons = [];
    for (const row of rows) persons.push(await this.publication.publishedFields(row.person_id, row, language));
    const pdf = await renderRegionalBook(language, language === 'kk' ? region.name_kk : region.name_ru, persons, new Date().toISOString().slice(0, 10));
    await mkdir(this.dir, { recursive: true });
    const file = regionalBookFile(regionCode, language);
    const building = join(this.dir, `${file}.building-${process.pid}-${Date.now()}`);
    await writeFile(building, pdf);
    await rename(building, join(this.dir, file));
    return { file, count: persons.length };
  }

  /** The regions with a published person born there: the nightly run renders their books in both languages. */
  async regionsWithPublished(): Promise<string[]> {
    const rows: Array<{ code: string }> = await this.dataSource.query(
      `SELECT DISTINCT rg.code FROM published_persons pub JOIN persons p ON p.id = pub.person_id JOIN places pl ON pl.id = p.birthplace_place_id
       JOIN regions rg ON rg.id = pl.region_id WHERE pub.withdrawn_at IS NULL AND 'birthplace' = ANY(pub.fields) ORDER BY rg.code`,
    );
    return rows.map((row) => row.code);
  }

  /** A file of the last build, or null when it is not one of the dump's files or nothing was built yet. */
  async open(name: string): Promise<{ stream: Readable; bytes: number; type: string } | null> {
    const types: Record<string, string> = {
      [openDataFiles.csv]: 'text/csv; charset=utf-8',
      [openDataFiles.json]: 'application/json; charset=utf-8',
      [openDataFiles.schema]: 'application/schema+json; charset=utf-8',
      [openDataFiles.checksums]: 'text/plain; charset=utf-8',
    };
    const type = types[name] ?? (regionalBookPattern.test(name) ? 'application/pdf' : undefined);
    if (!type) return null;
    try {
      const { size } = await stat(join(this.dir, name));
      return { stream: createReadStream(join(this.dir, name)), bytes: size, type };
    } catch {
      return null;
    }
  }

  /** The text of a built file (tests and the canary check). */
  read(name: string): Promise<string> {
    return readFile(join(this.dir, name), 'utf8');
  }
}

import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RepressionDictionary } from '@aqtalu/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { sqlRows } from '../database/sql.js';
import { StaleVersionException } from '../database/stale-version.exception.js';
import { CodedException } from '../errors/coded.exception.js';

/** A dictionary entry as read and written through the API; fields beyond the names belong to one dictionary each. */
export interface DictionaryEntryInput {
  nameKk?: string;
  nameRu?: string;
  nameEn?: string;
  criminalCode?: string;
  article?: string;
  latitude?: number | null;
  longitude?: number | null;
  openedYear?: number | null;
  closedYear?: number | null;
}

type ExtraField = 'criminalCode' | 'article' | 'latitude' | 'longitude' | 'openedYear' | 'closedYear';

const columnOf: Record<ExtraField | 'nameKk' | 'nameRu' | 'nameEn', string> = {
  nameKk: 'name_kk', nameRu: 'name_ru', nameEn: 'name_en', criminalCode: 'criminal_code', article: 'article',
  latitude: 'latitude', longitude: 'longitude', openedYear: 'opened_year', closedYear: 'closed_year',
};

/** Each dictionary's table, its own fields, and which of them a new entry must have. Table names never come from a caller. */
const dictionaries: Record<RepressionDictionary, { table: string; label: string; fields: readonly ExtraField[]; required: readonly ExtraField[] }> = {
  [RepressionDictionary.SentencingBodies]: { table: 'sentencing_bodies', label: 'sentencing bodies', fields: [], required: [] },
  [RepressionDictionary.CriminalArticles]: { table: 'criminal_articles', label: 'criminal-code articles', fields: ['criminalCode', 'article'], required: ['criminalCode', 'article'] },
  [RepressionDictionary.SentenceKinds]: { table: 'sentence_kinds', label: 'sentence kinds', fields: [], required: [] },
  [RepressionDictionary.Camps]: { table: 'camps', label: 'camps', fields: ['latitude', 'longitude', 'openedYear', 'closedYear'], required: [] },
};

const allExtra: readonly ExtraField[] = ['criminalCode', 'article', 'latitude', 'longitude', 'openedYear', 'closedYear'];

/** The repression dictionaries (sentencing bodies, criminal-code articles, sentence kinds, camps): read by all, kept by administrators. */
@Injectable()
export class RepressionDictionaryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The given codes that are not in the dictionary. */
  async unknownCodes(dictionary: RepressionDictionary, codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const { table } = this.config(dictionary);
    const found: Array<{ code: string }> = await this.dataSource.query(`SELECT code FROM ${table} WHERE code = ANY($1)`, [codes]);
    const known = new Set(found.map((row) => row.code));
    return codes.filter((code) => !known.has(code));
  }

  label(dictionary: RepressionDictionary): string {
    return this.config(dictionary).label;
  }

  async list(dictionary: RepressionDictionary): Promise<Array<Record<string, unknown>>> {
    const { table } = this.config(dictionary);
    return this.dataSource.query(`SELECT ${this.columns(dictionary)} FROM ${table} ORDER BY code`);
  }

  async get(dictionary: RepressionDictionary, code: string): Promise<Record<string, unknown>> {
    const { table } = this.config(dictionary);
    const [entry] = await this.dataSource.query(`SELECT ${this.columns(dictionary)} FROM ${table} WHERE code = $1`, [code]);
    if (!entry) throw new CodedException(HttpStatus.NOT_FOUND, 'resource.not_found', { entity: 'dictionary_entry', id: code });
    return entry;
  }

  async create(dictionary: RepressionDictionary, code: string, input: DictionaryEntryInput): Promise<Record<string, unknown>> {
    const config = this.config(dictionary);
    this.checkFields(dictionary, input);
    const missing = (['nameKk', 'nameRu', 'nameEn', ...config.required] as const).filter((field) => input[field] === undefined || input[field] === null || input[field] === '');
    if (missing.length) throw new CodedException(HttpStatus.BAD_REQUEST, 'dictionary.entry_fields_missing', { dictionary, dictionaryLabel: config.label, fields: [...missing] });
    const fields = (['nameKk', 'nameRu', 'nameEn', ...config.fields] as const).filter((field) => input[field] !== undefined);
    await this.dataSource.transaction(async (manager) => {
      const inserted = await sqlRows<{ code: string }>(
        manager,
        `INSERT INTO ${config.table} (code, ${fields.map((field) => columnOf[field]).join(', ')}) VALUES ($1, ${fields.map((_, i) => `$${i + 2}`).join(', ')})
         ON CONFLICT (code) DO NOTHING RETURNING code`,
        [code, ...fields.map((field) => input[field])],
      );
      if (inserted.length === 0) throw new CodedException(HttpStatus.CONFLICT, 'dictionary.entry_exists', { dictionary, dictionaryLabel: config.label, code });
      await this.audit.record({ action: 'dictionary.create', entityType: config.table, entityId: code, before: null, after: { ...input } }, manager);
    });
    return this.get(dictionary, code);
  }

  /** Changes an entry's names or fields; `version` is the one the caller read (optimistic locking). Codes never change. */
  async update(dictionary: RepressionDictionary, code: string, version: number, input: DictionaryEntryInput): Promise<Record<string, unknown>> {
    const config = this.config(dictionary);
    this.checkFields(dictionary, input);
    const before = await this.get(dictionary, code);
    const fields = (['nameKk', 'nameRu', 'nameEn', ...config.fields] as const).filter((field) => input[field] !== undefined);
    for (const field of ['nameKk', 'nameRu', 'nameEn'] as const) {
      if (input[field] !== undefined && !input[field]?.trim()) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.empty', { field });
    }
    await this.dataSource.transaction(async (manager) => {
      const updated = await sqlRows<{ version: number }>(
        manager,
        `UPDATE ${config.table} SET ${[...fields.map((field, i) => `${columnOf[field]} = $${i + 3}`), 'version = version + 1', 'updated_at = now()'].join(', ')}
         WHERE code = $1 AND version = $2 RETURNING version`,
        [code, version, ...fields.map((field) => input[field])],
      );
      if (updated.length === 0) throw new StaleVersionException({ entity: 'dictionary_entry', currentVersion: before.version as number });
      const changed = Object.fromEntries(fields.map((field) => [field, before[field]]));
      await this.audit.record({ action: 'dictionary.update', entityType: config.table, entityId: code, before: changed, after: { ...input } }, manager);
    });
    return this.get(dictionary, code);
  }

  private config(dictionary: RepressionDictionary) {
    const config = dictionaries[dictionary];
    if (!config) throw new CodedException(HttpStatus.NOT_FOUND, 'dictionary.unknown', { values: Object.keys(dictionaries) });
    return config;
  }

  private checkFields(dictionary: RepressionDictionary, input: DictionaryEntryInput): void {
    const { fields, label } = this.config(dictionary);
    const foreign = allExtra.filter((field) => input[field] !== undefined && !fields.includes(field));
    if (foreign.length) throw new CodedException(HttpStatus.BAD_REQUEST, 'dictionary.fields_foreign', { dictionary, dictionaryLabel: label, fields: foreign });
    if ((input.latitude === undefined) !== (input.longitude === undefined)) throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.together', { fields: ['latitude', 'longitude'] });
    if (input.openedYear != null && input.closedYear != null && input.openedYear > input.closedYear) {
      throw new CodedException(HttpStatus.BAD_REQUEST, 'validation.order', { first: 'openedYear', firstValue: String(input.openedYear), second: 'closedYear', secondValue: String(input.closedYear) });
    }
  }

  private columns(dictionary: RepressionDictionary): string {
    const { fields } = this.config(dictionary);
    return ['code AS id', 'code', 'name_kk AS "nameKk"', 'name_ru AS "nameRu"', 'name_en AS "nameEn"', ...fields.map((field) => `${columnOf[field]} AS "${field}"`), 'version', 'updated_at AS "updatedAt"'].join(', ');
  }
}

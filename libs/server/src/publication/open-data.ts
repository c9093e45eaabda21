import type { PublicPerson } from './publication.service.js';

/** The open data's licence, stated in the JSON dump, the schema and the README. */
export const openDataLicence = { id: 'CC-BY-4.0', name: 'Creative Commons Attribution 4.0 International', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;

/** The files of the dump, served by the public site under /open-data/<name>. */
export const openDataFiles = {
  csv: 'book-of-memory.csv',
  json: 'book-of-memory.json',
  schema: 'book-of-memory.schema.json',
  checksums: 'SHA256SUMS',
} as const;

/** The CSV's columns in order; an unpublished field is an empty cell. Lists are joined by " | ". */
export const openDataCsvColumns = [
  'id', 'url', 'basis', 'names', 'birth_year', 'birthplace', 'nationality', 'occupation', 'arrest_date', 'arrest_place', 'sentencing_body', 'articles',
  'sentence_kind', 'sentence_term', 'camp', 'death_date', 'death_place', 'rehabilitation_date', 'rehabilitation_decision', 'sources',
] as const;

/** One record of the JSON dump: the published fields only (an unpublished field is absent, not null). */
export type OpenDataRecord = Omit<PublicPerson, 'id'> & { id: string; url: string };

const nullableText = { type: ['string', 'null'] };
const datePlace = { type: ['object', 'null'], additionalProperties: false, required: ['date', 'place'], properties: { date: nullableText, place: nullableText } };

/**
 * The JSON Schema (draft 2020-12) of book-of-memory.json, written beside it at every build. The CSV carries the same
 * fields flattened (openDataCsvColumns).
 */
export const openDataSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'book-of-memory.schema.json',
  title: 'Book of Memory of the rehabilitated victims of political repression (Aqtalu open data)',
  description:
    `The published records only, each with the fields its publication names. Dictionary values (sentencing body, sentence kind, camp) are in Russian, as the archival records name them. Licence: ${openDataLicence.name} (${openDataLicence.url}).`,
  type: 'object',
  additionalProperties: false,
  required: ['licence', 'generatedAt', 'count', 'records'],
  properties: {
    licence: { type: 'object', required: ['id', 'name', 'url'], properties: { id: { const: openDataLicence.id }, name: { type: 'string' }, url: { type: 'string' } } },
    generatedAt: { type: 'string', format: 'date-time' },
    count: { type: 'integer', minimum: 0 },
    records: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'url', 'basis'],
        properties: {
          id: { type: 'string', format: 'uuid', description: 'Permanent id of the person; the page is at url' },
          url: { type: 'string' },
          basis: { enum: ['commission', 'book', 'contributed'], description: 'Reliability: decided by the commission, from a published book of memory, contributed' },
          names: { type: 'array', items: { type: 'string' }, description: 'Every spelling of the name' },
          birthYear: nullableText,
          birthplace: nullableText,
          nationality: nullableText,
          occupation: nullableText,
          arrest: datePlace,
          sentencingBody: nullableText,
          articles: { type: 'array', items: { type: 'string' } },
          sentence: { type: ['object', 'null'], additionalProperties: false, required: ['kind', 'term'], properties: { kind: nullableText, term: nullableText } },
          camp: nullableText,
          death: datePlace,
          rehabilitation: {
            type: ['object', 'null'], additionalProperties: false, required: ['date', 'decisionNumber'], properties: { date: nullableText, decisionNumber: nullableText },
          },
          sources: { type: 'array', items: { type: 'string' }, description: 'Archival references and published books' },
        },
      },
    },
  },
} as const;

/** The CSV row of a record (cells in openDataCsvColumns order). */
export function openDataCsvRow(record: OpenDataRecord): string[] {
  const list = (values: string[] | undefined) => (values ?? []).join(' | ');
  const cell = (value: string | null | undefined) => value ?? '';
  return [
    record.id, record.url, record.basis, list(record.names), cell(record.birthYear), cell(record.birthplace), cell(record.nationality), cell(record.occupation),
    cell(record.arrest?.date), cell(record.arrest?.place), cell(record.sentencingBody), list(record.articles), cell(record.sentence?.kind), cell(record.sentence?.term),
    cell(record.camp), cell(record.death?.date), cell(record.death?.place), cell(record.rehabilitation?.date), cell(record.rehabilitation?.decisionNumber), list(record.sources),
  ];
}

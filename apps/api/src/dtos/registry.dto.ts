import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EpisodeKind, FactKind, FactSourceKind } from '@aqtalu/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  IsDefined,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { VersionDto } from './user.dto.js';

export class NameDto {
  @ApiProperty({ example: 'Бөкейханов Әлихан Нұрмұхамедұлы' })
  @IsString()
  @MinLength(2, { message: 'fullName must be at least 2 characters' })
  @MaxLength(300)
  fullName!: string;

  @ApiPropertyOptional({ enum: ['kk-cyrl', 'ru-cyrl', 'latin', 'other'], description: 'Detected from the letters when left out' })
  @IsOptional()
  @IsIn(['kk-cyrl', 'ru-cyrl', 'latin', 'other'], { message: 'script must be one of kk-cyrl, ru-cyrl, latin, other' })
  script?: 'kk-cyrl' | 'ru-cyrl' | 'latin' | 'other';

  @ApiPropertyOptional({ example: 'Книга памяти Алматинской области, т. 2, с. 114' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  source?: string;
}

export class CreatePersonDto {
  @ApiProperty({ type: [NameDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'names must hold at least one spelling' })
  @ArrayMaxSize(100)
  @IsObject({ each: true }) @ValidateNested({ each: true })
  @Type(() => NameDto)
  names!: NameDto[];

  @ApiPropertyOptional({ example: '1866' }) @IsOptional() @IsString() @MaxLength(64) birthYear?: string;
  @ApiPropertyOptional({ example: 'Каркаралинский уезд' }) @IsOptional() @IsString() @MaxLength(300) birthplace?: string;

  @ApiPropertyOptional({ description: 'The birthplace in the historical gazetteer (GET /api/places?q=…)', format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'birthplacePlaceId must be the id of a place of the gazetteer' })
  birthplacePlaceId?: string;
}

/** The person's own birth year and birthplace; `null` clears one. Accepting a fact sets them too. */
export class UpdatePersonDto extends VersionDto {
  @ApiPropertyOptional({ example: '1866', nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(64) birthYear?: string | null;
  @ApiPropertyOptional({ example: 'Каркаралинский уезд', nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(300) birthplace?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID('4', { message: 'birthplacePlaceId must be the id of a place of the gazetteer' })
  birthplacePlaceId?: string | null;
}

/** Where a fact comes from: exactly one of an archival reference, a book of memory and page, or pages of a case's evidence. */
export class FactSourceDto {
  @ApiProperty({ enum: FactSourceKind, enumName: 'FactSourceKind' })
  @IsEnum(FactSourceKind, { message: `source.kind must be one of ${Object.values(FactSourceKind).join(', ')}` })
  kind!: FactSourceKind;

  @ApiPropertyOptional({ description: 'archival: the reference, parsed into archive / fond / opis / delo / sheets', example: 'ЦГА РК, ф. 141, оп. 1, д. 1234, л. 5–7' })
  @IsOptional() @IsString() @MaxLength(500) reference?: string;

  @ApiPropertyOptional({ description: 'book: the book of memory', example: 'Книга памяти Карагандинской области' })
  @IsOptional() @IsString() @MaxLength(500) bookTitle?: string;

  @ApiPropertyOptional({ description: 'book: the volume', example: '2' }) @IsOptional() @IsString() @MaxLength(50) bookVolume?: string;

  @ApiPropertyOptional({ description: 'book: the page', example: 114 })
  @IsOptional() @IsInt({ message: 'source.bookPage must be a whole page number' }) @Max(100_000, { message: 'source.bookPage must be at most 100000' }) bookPage?: number;

  @ApiPropertyOptional({ description: 'evidence: a document of a case you may read, not quarantined', format: 'uuid' })
  @IsOptional() @IsUUID('4', { message: 'source.evidenceId must be the id of an evidence document' }) evidenceId?: string;

  @ApiPropertyOptional({ description: 'evidence: the first page that supports the fact (1 or more)', example: 31 })
  @IsOptional() @IsInt({ message: 'source.pageFrom must be a whole page number' }) @Max(100_000, { message: 'source.pageFrom must be at most 100000' }) pageFrom?: number;

  @ApiPropertyOptional({ description: 'evidence: the last page (defaults to pageFrom; at most the document\'s page count)', example: 32 })
  @IsOptional() @IsInt({ message: 'source.pageTo must be a whole page number' }) @Max(100_000, { message: 'source.pageTo must be at most 100000' }) pageTo?: number;
}

const dictionaryCode = /^[a-z0-9][a-z0-9_-]{1,47}$/;

/** A fact of a person, or (kind `episode`) a dated repression episode, with its source. */
export class CreateFactDto {
  @ApiProperty({ enum: FactKind, enumName: 'FactKind' })
  @IsEnum(FactKind, { message: `kind must be one of ${Object.values(FactKind).join(', ')}` })
  kind!: FactKind;

  @ApiPropertyOptional({ enum: EpisodeKind, enumName: 'EpisodeKind', description: 'Required for kind episode' })
  @IsOptional()
  @IsEnum(EpisodeKind, { message: `episodeKind must be one of ${Object.values(EpisodeKind).join(', ')}` })
  episodeKind?: EpisodeKind;

  @ApiPropertyOptional({ description: 'What the source states (nationality, occupation, relation, event …)', example: 'учитель' })
  @IsOptional() @IsString() @MaxLength(1000) value?: string;

  @ApiPropertyOptional({ description: 'An uncertain date in ru / kk / en; required for birth_year', example: 'осень 1937' })
  @IsOptional() @IsString() @MaxLength(200) date?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A place of the gazetteer' })
  @IsOptional() @IsUUID('4', { message: 'placeId must be the id of a place of the gazetteer' }) placeId?: string;

  @ApiPropertyOptional({ description: 'The place as the source writes it', example: 'Каркаралинский уезд, аул № 5' })
  @IsOptional() @IsString() @MaxLength(500) placeText?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'family_link: the relative, when in the registry' })
  @IsOptional() @IsUUID('4', { message: 'relatedPersonId must be the id of a person of the registry' }) relatedPersonId?: string;

  @ApiPropertyOptional({ example: 'nkvd_troika' })
  @IsOptional() @Matches(dictionaryCode, { message: 'sentencingBodyCode must be a code of the dictionary of sentencing bodies' }) sentencingBodyCode?: string;

  @ApiPropertyOptional({ type: [String], example: ['rsfsr1926-58-10', 'rsfsr1926-58-11'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(dictionaryCode, { each: true, message: 'articleCodes must hold codes of the dictionary of criminal-code articles' })
  articleCodes?: string[];

  @ApiPropertyOptional({ example: 'first_category' })
  @IsOptional() @Matches(dictionaryCode, { message: 'sentenceKindCode must be a code of the dictionary of sentence kinds' }) sentenceKindCode?: string;

  @ApiPropertyOptional({ example: '10 лет ИТЛ' }) @IsOptional() @IsString() @MaxLength(200) sentenceTerm?: string;

  @ApiPropertyOptional({ example: 'karlag' })
  @IsOptional() @Matches(dictionaryCode, { message: 'campCode must be a code of the dictionary of camps' }) campCode?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;

  @ApiProperty({ type: FactSourceDto })
  @IsDefined({ message: 'source is required: the archival reference, the book of memory and page, or the evidence and pages the fact comes from' })
  @IsObject() @ValidateNested() @Type(() => FactSourceDto) source!: FactSourceDto;
}

/** A correction of a recorded fact: the fields to change (`null` clears one), and the fact's version. Kind and episode kind never change. */
export class UpdateFactDto extends VersionDto {
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(1000) value?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '1937 или 1938' }) @IsOptional() @IsString() @MaxLength(200) date?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @IsOptional() @IsUUID('4', { message: 'placeId must be the id of a place of the gazetteer' }) placeId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(500) placeText?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @IsOptional() @IsUUID('4', { message: 'relatedPersonId must be the id of a person of the registry' }) relatedPersonId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional() @Matches(dictionaryCode, { message: 'sentencingBodyCode must be a code of the dictionary of sentencing bodies' }) sentencingBodyCode?: string | null;

  @ApiPropertyOptional({ nullable: true, type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(dictionaryCode, { each: true, message: 'articleCodes must hold codes of the dictionary of criminal-code articles' })
  articleCodes?: string[] | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional() @Matches(dictionaryCode, { message: 'sentenceKindCode must be a code of the dictionary of sentence kinds' }) sentenceKindCode?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(200) sentenceTerm?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional() @Matches(dictionaryCode, { message: 'campCode must be a code of the dictionary of camps' }) campCode?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(2000) note?: string | null;

  @ApiPropertyOptional({ type: FactSourceDto, description: 'Replaces the source as a whole; checked as for a new fact' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => FactSourceDto) source?: FactSourceDto;
}

/** Fields of a dictionary entry; criminalCode and article belong to criminal-articles, coordinates and years to camps. */
export class DictionaryEntryFieldsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(500) nameKk?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(500) nameRu?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(500) nameEn?: string;
  @ApiPropertyOptional({ example: 'RSFSR-1926' }) @IsOptional() @IsString() @MaxLength(32) criminalCode?: string;
  @ApiPropertyOptional({ example: '58-10' }) @IsOptional() @IsString() @MaxLength(32) article?: string;
  @ApiPropertyOptional({ example: 49.68 }) @IsOptional() @IsNumber() @Min(-90) @Max(90) latitude?: number;
  @ApiPropertyOptional({ example: 72.68 }) @IsOptional() @IsNumber() @Min(-180) @Max(180) longitude?: number;
  @ApiPropertyOptional({ example: 1931 }) @IsOptional() @IsInt() @Min(1850) @Max(2100) openedYear?: number;
  @ApiPropertyOptional({ example: 1959 }) @IsOptional() @IsInt() @Min(1850) @Max(2100) closedYear?: number;
}

export class CreateDictionaryEntryDto extends DictionaryEntryFieldsDto {
  @ApiProperty({ example: 'nkvd_troika', description: 'Stable code: lower-case letters, digits, _ and -; never changes' })
  @Matches(dictionaryCode, { message: 'code must be 2–48 lower-case letters, digits, _ or -, starting with a letter or digit' })
  code!: string;
}

export class UpdateDictionaryEntryDto extends DictionaryEntryFieldsDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409 with the current version' })
  @IsInt({ message: 'version must be the whole number you read with the record' })
  @Min(1)
  version!: number;
}

export class ImportRequestDto {
  @ApiProperty({ description: 'Where the list comes from', example: 'ЦГА РК, ф. 1137, оп. 1, д. 22' })
  @IsString()
  @MinLength(3, { message: 'source must say where the list comes from (archive reference or book and page)' })
  @MaxLength(1000)
  source!: string;

  @ApiProperty({ description: 'JSON: which column holds what (fullName or surname, givenName, patronymic, birthYear, birthplace, personId, externalId: the source\'s own id of the person)', example: '{"fullName":"ФИО","birthYear":"Год рождения","birthplace":"Место рождения"}' })
  @IsString()
  mapping!: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';
}

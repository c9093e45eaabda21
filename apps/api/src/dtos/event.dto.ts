import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApplicantKind, DecisionOutcome, EventKind, EventRole, RelationKind, SubjectBulkAction } from '@aqtalu/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ApplicantDto } from './case.dto.js';
import { FactSourceDto } from './registry.dto.js';

const uuidMessage = (field: string) => ({ each: true, message: `${field} must hold ids (uuid)` });

export class EventSourceDto extends FactSourceDto {
  @ApiPropertyOptional({ example: 'protocol of the troika, list of the accused' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

class EventFieldsDto {
  @ApiPropertyOptional({ example: 'Алаш қайраткерлерінің ісі' }) @IsOptional() @IsString() @MaxLength(500) nameKk?: string;
  @ApiPropertyOptional({ example: 'Дело деятелей Алаш' }) @IsOptional() @IsString() @MaxLength(500) nameRu?: string;
  @ApiPropertyOptional({ example: 'The case of the Alash figures' }) @IsOptional() @IsString() @MaxLength(500) nameEn?: string;
  @ApiPropertyOptional({ example: '20.04.1932', description: 'An uncertain date in ru / kk / en wording: "1930–1931", "осень 1937", "не позднее марта 1938"' })
  @IsOptional() @IsString() @MaxLength(200) date?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) description?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Places of the gazetteer (GET /api/places?q=…), in order' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('4', uuidMessage('placeIds')) placeIds?: string[];

  @ApiPropertyOptional({ type: [EventSourceDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => EventSourceDto) sources?: EventSourceDto[];
}

export class CreateEventDto extends EventFieldsDto {
  @ApiProperty({ enum: EventKind, enumName: 'EventKind' })
  @IsEnum(EventKind, { message: `kind must be one of ${Object.values(EventKind).join(', ')}` })
  kind!: EventKind;
}

export class UpdateEventDto extends EventFieldsDto {
  @ApiPropertyOptional({ enum: EventKind, enumName: 'EventKind' })
  @IsOptional() @IsEnum(EventKind, { message: `kind must be one of ${Object.values(EventKind).join(', ')}` })
  kind?: EventKind;

  @ApiProperty({ description: 'The version you read; a stale one answers 409 with the current version' })
  @IsInt({ message: 'version must be the whole number you read with the record' }) @Min(1) version!: number;
}

export class AddParticipantDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'personId must be the id of a person of the registry' }) personId!: string;

  @ApiProperty({ enum: EventRole, enumName: 'EventRole' })
  @IsEnum(EventRole, { message: `role must be one of ${Object.values(EventRole).join(', ')}` })
  role!: EventRole;

  @ApiPropertyOptional({ example: 'first_category', description: 'A code of the sentence kinds dictionary' })
  @IsOptional() @Matches(/^[a-z0-9][a-z0-9_-]{1,47}$/, { message: 'sentenceKindCode must be a code of the sentence kinds, e.g. first_category' }) sentenceKindCode?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;

  @ApiProperty({ type: FactSourceDto }) @IsObject() @ValidateNested() @Type(() => FactSourceDto) source!: FactSourceDto;
}

export class AddRelationDto {
  @ApiProperty({ format: 'uuid', description: 'The relative: "the relative is the person\'s <kind>"' })
  @IsUUID('4', { message: 'relativeId must be the id of a person of the registry' }) relativeId!: string;

  @ApiProperty({ enum: RelationKind, enumName: 'RelationKind' })
  @IsEnum(RelationKind, { message: `kind must be one of ${Object.values(RelationKind).join(', ')}` })
  kind!: RelationKind;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;

  @ApiProperty({ type: FactSourceDto }) @IsObject() @ValidateNested() @Type(() => FactSourceDto) source!: FactSourceDto;
}

class GroupCaseFieldsDto {
  @ApiPropertyOptional({ example: 'ALM', description: "Where the case is worked; from an event, the region of its first place when left out" })
  @IsOptional() @Matches(/^[A-Z]{3}$/, { message: 'regionCode must be a region code of three capital letters, e.g. ALM' }) regionCode?: string;

  @ApiProperty({ example: 'uprising_participants' })
  @Matches(/^[a-z_]{2,48}$/, { message: 'categoryCode must be a victim category code, e.g. counter_revolutionary' }) categoryCode!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) summary?: string;
}

/** A group case from one list: an event's participants, a registry selection, or a finished import. */
export class CreateGroupCaseDto extends GroupCaseFieldsDto {
  @ApiProperty({ type: ApplicantDto }) @IsObject() @ValidateNested() @Type(() => ApplicantDto) applicant!: ApplicantDto;

  @ApiPropertyOptional({ format: 'uuid', description: 'The participants of this event' })
  @IsOptional() @IsUUID('4', { message: 'eventId must be the id of an event' }) eventId?: string;

  @ApiPropertyOptional({ enum: EventRole, isArray: true, description: 'With eventId: only participants of these roles' })
  @IsOptional() @IsArray() @IsEnum(EventRole, { each: true, message: `roles must be of ${Object.values(EventRole).join(', ')}` }) roles?: EventRole[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'A selection of the registry search' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10_000) @IsUUID('4', uuidMessage('personIds')) personIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'A finished registry import: the persons its rows went to' })
  @IsOptional() @IsUUID('4', { message: 'importId must be the id of a registry import' }) importId?: string;
}

/** Multipart fields of a group case from an uploaded list (the file in `file`). */
export class GroupCaseImportDto extends GroupCaseFieldsDto {
  @ApiProperty({ enum: ApplicantKind, enumName: 'ApplicantKind' })
  @IsEnum(ApplicantKind, { message: `applicantKind must be one of ${Object.values(ApplicantKind).join(', ')}` }) applicantKind!: ApplicantKind;

  @ApiProperty({ example: 'Working group of Almaty region' })
  @IsString() @MinLength(2, { message: 'applicantName must be at least 2 characters' }) @MaxLength(300) applicantName!: string;

  @ApiProperty({ description: 'Where the list comes from', example: 'ЦГА РК, ф. 1137, оп. 1, д. 22' })
  @IsString() @MinLength(3, { message: 'source must say where the list comes from (archive reference or book and page)' }) @MaxLength(1000) source!: string;

  @ApiProperty({ description: 'JSON: which column holds what (fullName or surname, givenName, patronymic, birthYear, birthplace, personId)', example: '{"fullName":"ФИО","birthYear":"Год рождения"}' })
  @IsString() mapping!: string;
}

export class SubjectBulkDto {
  @ApiProperty({ description: 'The version of the case you read' })
  @IsInt({ message: 'version must be the whole number you read with the record' }) @Min(1) version!: number;

  @ApiProperty({ enum: SubjectBulkAction, enumName: 'SubjectBulkAction' })
  @IsEnum(SubjectBulkAction, { message: `action must be one of ${Object.values(SubjectBulkAction).join(', ')}` }) action!: SubjectBulkAction;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Subjects of the case (the `id` of its subjects, not person ids)' })
  @IsArray() @ArrayMinSize(1, { message: 'subjectIds must name at least one subject' }) @ArrayMaxSize(10_000) @IsUUID('4', uuidMessage('subjectIds')) subjectIds!: string[];

  @ApiPropertyOptional({ enum: DecisionOutcome, enumName: 'DecisionOutcome', description: 'mark_exception: the outcome instead of the case\'s' })
  @IsOptional() @IsEnum(DecisionOutcome, { message: `outcome must be one of ${Object.values(DecisionOutcome).join(', ')}` }) outcome?: DecisionOutcome;

  @ApiPropertyOptional({ description: 'mark_exception: why' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'link: the registry person the one subject really is' })
  @IsOptional() @IsUUID('4', { message: 'personId must be the id of a person of the registry' }) personId?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApplicantKind, ConclusionRecommendation, DecisionOutcome, VoteChoice } from '@aqtalu/contracts';
import { ArchiveRequestAction } from '@aqtalu/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsISO8601,
  IsInt,
  Max,
  Min,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { VersionDto } from './user.dto.js';

export class ApplicantDto {
  @ApiProperty({ enum: ApplicantKind, enumName: 'ApplicantKind' })
  @IsEnum(ApplicantKind, { message: `applicant.kind must be one of ${Object.values(ApplicantKind).join(', ')}` })
  kind!: ApplicantKind;

  @ApiProperty({ example: 'Айгерім Нұрланқызы' })
  @IsString()
  @MinLength(2, { message: 'applicant.name must be at least 2 characters' })
  @MaxLength(300)
  name!: string;

  @ApiPropertyOptional({ example: 'granddaughter' }) @IsOptional() @IsString() @MaxLength(100) kinship?: string;
  @ApiPropertyOptional({ example: 'birth certificates of the father and the granddaughter' }) @IsOptional() @IsString() @MaxLength(1000) kinshipProof?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail({}, { message: 'applicant.email must be an e-mail address' }) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address?: string;
}

export class SubjectDto {
  @ApiPropertyOptional({ description: 'A person already in the registry', format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'personId must be the id of a person of the registry' })
  personId?: string;

  @ApiPropertyOptional({ example: 'Жұмабаев Қабдолла' }) @IsOptional() @IsString() @MaxLength(300) nameKk?: string;
  @ApiPropertyOptional({ example: 'Жумабаев Кабдолла' }) @IsOptional() @IsString() @MaxLength(300) nameRu?: string;
  @ApiPropertyOptional({ example: '1896' }) @IsOptional() @IsString() @MaxLength(64) birthYear?: string;
  @ApiPropertyOptional({ example: 'Қарасай ауданы' }) @IsOptional() @IsString() @MaxLength(300) birthplace?: string;

  @ApiPropertyOptional({ description: "A new subject's birthplace in the historical gazetteer (GET /api/places?q=…)", format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'birthplacePlaceId must be the id of a place of the gazetteer' })
  birthplacePlaceId?: string;
}

export class CreateCaseDto {
  @ApiPropertyOptional({
    example: 'ALM',
    description: "Where the case is worked. When left out, the case goes to today's region of the first subject whose birthplace the gazetteer knows.",
  })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'regionCode must be a region code of three capital letters, e.g. ALM' })
  regionCode?: string;

  @ApiProperty({ example: 'counter_revolutionary' })
  @Matches(/^[a-z_]{2,48}$/, { message: 'categoryCode must be a victim category code, e.g. counter_revolutionary' })
  categoryCode!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) summary?: string;

  @ApiProperty({ type: ApplicantDto }) @IsObject() @ValidateNested() @Type(() => ApplicantDto) applicant!: ApplicantDto;

  @ApiProperty({ type: [SubjectDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'subjects must name at least one repressed person' })
  @ArrayMaxSize(5000)
  @IsObject({ each: true }) @ValidateNested({ each: true })
  @Type(() => SubjectDto)
  subjects!: SubjectDto[];
}

export class UpdateApplicantDto {
  @ApiPropertyOptional({ enum: ApplicantKind }) @IsOptional() @IsEnum(ApplicantKind) kind?: ApplicantKind;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(300) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) kinship?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) kinshipProof?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address?: string;
}

export class UpdateCaseDto extends VersionDto {
  @ApiPropertyOptional({ example: 'ZHA', description: "Moves the case to another region's working group (re-scopes it; audited)" })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'regionCode must be a region code of three capital letters, e.g. ALM' })
  regionCode?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) summary?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z_]{2,48}$/, { message: 'categoryCode must be a victim category code' }) categoryCode?: string;
  @ApiPropertyOptional({ type: UpdateApplicantDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => UpdateApplicantDto) applicant?: UpdateApplicantDto;
}

export class AddSubjectDto extends VersionDto {
  @ApiProperty({ type: SubjectDto }) @IsObject() @ValidateNested() @Type(() => SubjectDto) subject!: SubjectDto;
}

export class DecisionExceptionDto {
  @ApiProperty({ format: 'uuid', description: 'A subject (case_subjects id) of this case' })
  @IsUUID('4', { message: 'exceptions[].subjectId must be the id of a subject of this case' })
  subjectId!: string;

  @ApiProperty({ enum: DecisionOutcome, enumName: 'DecisionOutcome' })
  @IsEnum(DecisionOutcome, { message: `exceptions[].outcome must be one of ${Object.values(DecisionOutcome).join(', ')}` })
  outcome!: DecisionOutcome;

  @ApiProperty() @IsString() @MinLength(3, { message: 'exceptions[].reason must say why this person is decided otherwise' }) @MaxLength(5000) reason!: string;
}

export class TransitionDto extends VersionDto {
  @ApiPropertyOptional({ description: 'Required for returns, decisions and reopening' }) @IsOptional() @IsString() @MaxLength(10_000) reason?: string;

  @ApiPropertyOptional({ type: [DecisionExceptionDto], description: 'Decisions on a group case: persons decided otherwise' })
  @IsOptional()
  @IsArray()
  @IsObject({ each: true }) @ValidateNested({ each: true })
  @Type(() => DecisionExceptionDto)
  exceptions?: DecisionExceptionDto[];
}

export class CreateArchiveRequestDto {
  @ApiProperty({ example: 'SPEC-MVD' }) @Matches(/^[A-Z0-9-]{2,16}$/, { message: 'archiveCode must be an archive code such as SPEC-MVD' }) archiveCode!: string;
  @ApiProperty({ example: 'The investigation file of 1937 and the troika protocol' }) @IsString() @MinLength(5, { message: 'sought must say what is sought' }) @MaxLength(5000) sought!: string;
  @ApiPropertyOptional({ description: 'Default: 30 business days after sending' }) @IsOptional() @IsISO8601({ strict: true }, { message: 'dueDate must be a date such as 2026-12-31' }) dueDate?: string;
  @ApiPropertyOptional({ description: 'Default: today' }) @IsOptional() @IsISO8601({ strict: true }, { message: 'sentOn must be a date such as 2026-11-24' }) sentOn?: string;
}

export class ArchiveRequestActionDto extends VersionDto {
  @ApiPropertyOptional({ description: 'Required to answer, to say nothing was found, or to cancel' }) @IsOptional() @IsString() @MaxLength(10_000) note?: string;
}

export const archiveRequestActions = Object.values(ArchiveRequestAction);

export class ConclusionCitationDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'evidenceId must be the id of evidence of this case' }) evidenceId!: string;
  @ApiProperty({ example: 5, minimum: 1 }) @IsInt({ message: 'pageFrom must be a page number' }) @Min(1, { message: 'pageFrom must be 1 or more' }) @Max(100_000, { message: 'pageFrom must be at most 100000' }) pageFrom!: number;
  @ApiProperty({ example: 7, minimum: 1 }) @IsInt({ message: 'pageTo must be a page number' }) @Min(1, { message: 'pageTo must be 1 or more' }) @Max(100_000, { message: 'pageTo must be at most 100000' }) pageTo!: number;
  @ApiProperty({ example: 'the troika sentence of 25.02.1938' }) @IsString() @MinLength(3, { message: 'statement must say what the pages prove' }) @MaxLength(2000) statement!: string;
}

export class ConclusionDraftDto {
  @ApiProperty({ enum: ConclusionRecommendation, enumName: 'ConclusionRecommendation' })
  @IsEnum(ConclusionRecommendation, { message: `recommendation must be one of ${Object.values(ConclusionRecommendation).join(', ')}` })
  recommendation!: ConclusionRecommendation;

  @ApiProperty() @IsString() @MinLength(10, { message: 'reasoning must explain the recommendation (at least 10 characters)' }) @MaxLength(50_000) reasoning!: string;
  @ApiProperty({ example: 'law1993-art3' }) @Matches(/^[a-z0-9-]{2,32}$/, { message: 'legalArticleCode must be an article code such as law1993-art3' }) legalArticleCode!: string;

  @ApiPropertyOptional({ type: [ConclusionCitationDto], description: 'Pages of verified evidence of this case that support the conclusion' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => ConclusionCitationDto) citations?: ConclusionCitationDto[];

  @ApiPropertyOptional({ description: 'Required when changing an existing conclusion' }) @IsOptional() @Type(() => Number) version?: number;
}

export class CreateSessionDto {
  @ApiProperty({ example: '2026-03-12' }) @IsISO8601({ strict: true }, { message: 'date must be a date such as 2026-03-12' }) date!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) place?: string;
  @ApiPropertyOptional({ example: '2026/3' }) @IsOptional() @Matches(/^[0-9A-Za-z/-]{1,32}$/, { message: 'number must be short, e.g. 2026/3' }) number?: string;
}

export class AttendanceDto {
  @ApiProperty({ type: [String], description: 'Ids of the members present' })
  @IsArray()
  @IsUUID('4', { each: true, message: 'present must list user ids' })
  present!: string[];
}

export class AgendaItemDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'caseId must be a case id' }) caseId!: string;
}

export class VoteDto {
  @ApiProperty({ enum: VoteChoice, enumName: 'VoteChoice' })
  @IsEnum(VoteChoice, { message: `choice must be one of ${Object.values(VoteChoice).join(', ')}` })
  choice!: VoteChoice;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) dissentingOpinion?: string;
}

export class CommentDto {
  @ApiProperty({ example: 'Please check the troika protocol, @wg.lead@aqtalu.local' })
  @IsString()
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(20_000)
  body!: string;
}

export class CreateTaskDto {
  @ApiProperty({ example: 'Ask the family for the birth certificate' }) @IsString() @MinLength(3, { message: 'title must say what is to be done' }) @MaxLength(500) title!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'assigneeId must be a user id' }) assigneeId!: string;
  @ApiPropertyOptional({ example: '2026-12-15' }) @IsOptional() @IsISO8601({ strict: true }, { message: 'dueDate must be a date such as 2026-12-15' }) dueDate?: string;
}

export class TaskDoneDto extends VersionDto {
  @ApiProperty() @IsBoolean({ message: 'done must be true or false' }) done!: boolean;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EvidenceKind } from '@aqtalu/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** The text fields of the multipart upload (the file itself is the part `file`). */
export class UploadEvidenceDto {
  @ApiProperty({ enum: EvidenceKind, enumName: 'EvidenceKind' })
  @IsEnum(EvidenceKind, { message: `kind must be one of ${Object.values(EvidenceKind).join(', ')}` })
  kind!: EvidenceKind;

  /** The archive request this file answers (required for an archive liaison). */
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'archiveRequestId must be the id of an archive request' }) archiveRequestId?: string;

  /** The evidence this upload is a new version of. */
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'previousId must be the id of evidence of this case' }) previousId?: string;

  @ApiPropertyOptional({ example: 'ф. 141, оп. 1, д. 1234, л. 5–7' }) @IsOptional() @IsString() @MaxLength(500) reference?: string;

  /** As written on the document, possibly uncertain ("1937?"). */
  @ApiPropertyOptional({ example: '1937-11-04' }) @IsOptional() @IsString() @MaxLength(100) documentDate?: string;

  @ApiPropertyOptional({ example: 'ru' }) @IsOptional() @IsString() @MaxLength(16) language?: string;
}

/** The multipart body as OpenAPI shows it. */
export class UploadEvidenceBodyDto extends UploadEvidenceDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PDF, JPEG, PNG or TIFF' }) file!: unknown;
}

export class VerifyEvidenceDto {
  /** true: verified; false: rejected (then `reason` is required). */
  @ApiProperty()
  @Transform(({ value }) => value)
  @IsBoolean({ message: 'verified must be true or false' })
  verified!: boolean;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class ConfirmProposalDto {
  /** For a name: the registry person to link, when it is not the proposed match. */
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('4', { message: 'personId must be the id of a registry person' }) personId?: string;
}

export class DecideProposalsDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Proposals of this evidence, decided all or none' })
  @IsArray()
  @ArrayMinSize(1, { message: 'ids must name at least one proposal' })
  @ArrayMaxSize(500)
  @IsUUID('4', { each: true, message: 'ids must be ids of proposals of this evidence' })
  ids!: string[];

  @ApiProperty({ description: 'true confirms them (a name with its proposed match), false dismisses them' })
  @IsBoolean()
  confirm!: boolean;
}

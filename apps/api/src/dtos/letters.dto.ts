import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LetterKind, LetterLanguage, LetterStatus } from '@aqtalu/contracts';
import { IsEmail, IsEnum, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

export class CreateLetterDto {
  @ApiProperty({ enum: LetterKind, enumName: 'LetterKind' })
  @IsEnum(LetterKind, { message: `kind must be one of ${Object.values(LetterKind).join(', ')}` })
  kind!: LetterKind;

  @ApiProperty({ enum: LetterLanguage, enumName: 'LetterLanguage' })
  @IsEnum(LetterLanguage, { message: 'language must be kk or ru' })
  language!: LetterLanguage;

  @ApiPropertyOptional({ description: "The addressee's e-mail; by default the applicant's for letters to the applicant, none for archives" })
  @IsOptional()
  @IsEmail({}, { message: 'recipientEmail must be an e-mail address' })
  @MaxLength(320)
  recipientEmail?: string;
}

export class RegisterIncomingLetterDto {
  @ApiProperty({ description: "The sender's own number of the letter (the register gives it its own, ВХ-<year>/<0001>)" }) @IsString() @Length(1, 100) senderNumber!: string;
  @ApiProperty({ description: 'The day on the letter, YYYY-MM-DD', example: '2026-03-04' })
  @IsISO8601({ strict: true }, { message: 'letterDate must be a date, YYYY-MM-DD' })
  @Length(10, 10, { message: 'letterDate must be a date, YYYY-MM-DD' })
  letterDate!: string;
  @ApiProperty({ description: 'Who sent it (an archive, the applicant, an authority)' }) @IsString() @Length(1, 500) sender!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) subject?: string;
  @ApiPropertyOptional({ description: "The scan: evidence of this case uploaded through the case's evidence" }) @IsOptional() @IsUUID() evidenceId?: string;
}

export class LetterDeliveryDto {
  @ApiProperty({ enum: [LetterStatus.Printed, LetterStatus.HandedOver, LetterStatus.Sent] })
  @IsIn([LetterStatus.Printed, LetterStatus.HandedOver, LetterStatus.Sent], { message: 'status must be one of printed, handed_over, sent' })
  status!: LetterStatus.Printed | LetterStatus.HandedOver | LetterStatus.Sent;
}

export class UpdateLetterTemplateDto {
  @ApiPropertyOptional({ description: 'With {placeholders}: caseNumber, applicantName, subjectName, archiveName, date, letterNumber' })
  @IsOptional() @IsString() @Length(1, 500) subject?: string;
  @ApiPropertyOptional({ description: 'Paragraphs separated by an empty line; the same placeholders' })
  @IsOptional() @IsString() @Length(1, 20000) body?: string;
}

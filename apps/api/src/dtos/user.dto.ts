import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role } from '@aqtalu/contracts';
import { IsEmail, IsEnum, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { SessionUserDto } from './auth.dto.js';

const regionCode = /^[A-Z]{3}$/;
const archiveCode = /^[A-Z0-9-]{2,16}$/;

export class CreateUserDto {
  @ApiProperty({ example: 'a.nurlanova@aqtalu.kz' })
  @IsEmail({}, { message: 'email must be an e-mail address, e.g. name@example.kz' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Айгерім Нұрланқызы' })
  @IsString()
  @MinLength(2, { message: 'displayName must be at least 2 characters' })
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters; not a common password, not containing the name' })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  @IsEnum(Role, { message: `role must be one of ${Object.values(Role).join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({ description: 'Required for wg_member and wg_lead', example: 'ALM' })
  @IsOptional()
  @Matches(regionCode, { message: 'regionCode must be a region code of three capital letters, e.g. ALM' })
  regionCode?: string;

  @ApiPropertyOptional({ description: 'Required for archive_liaison', example: 'SPEC-MVD' })
  @IsOptional()
  @Matches(archiveCode, { message: 'archiveCode must be an archive code such as SPEC-MVD' })
  archiveCode?: string;
}

export class VersionDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409 with the current version' })
  @IsInt({ message: 'version must be the whole number you read with the record' })
  @Min(1)
  version!: number;
}

export class UpdateUserDto extends VersionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2, { message: 'displayName must be at least 2 characters' })
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  @IsOptional()
  @IsEnum(Role, { message: `role must be one of ${Object.values(Role).join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'ZHA' })
  @ValidateIf((dto: UpdateUserDto) => dto.regionCode !== null && dto.regionCode !== undefined)
  @Matches(regionCode, { message: 'regionCode must be a region code of three capital letters, e.g. ZHA, or null' })
  regionCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'GA-ZHA' })
  @ValidateIf((dto: UpdateUserDto) => dto.archiveCode !== null && dto.archiveCode !== undefined)
  @Matches(archiveCode, { message: 'archiveCode must be an archive code such as GA-ZHA, or null' })
  archiveCode?: string | null;
}

export class ResetPasswordDto extends VersionDto {
  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class UserDto extends SessionUserDto {
  @ApiProperty() disabled!: boolean;
  @ApiProperty() version!: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role } from '@aqtalu/contracts';
import { IsEmail, IsEnum, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

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

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  @IsEnum(Role, { message: `role must be one of ${Object.values(Role).join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({ description: 'Required for wg_member and wg_lead', example: 'ALM' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'regionCode must be a region code of three capital letters, e.g. ALM' })
  regionCode?: string;

  @ApiPropertyOptional({ description: 'Required for archive_liaison', example: 'SPEC-MVD' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,16}$/, { message: 'archiveCode must be an archive code such as SPEC-MVD' })
  archiveCode?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class UpdateHolidayDto {
  @ApiPropertyOptional({ example: 'Наурыз мейрамы' }) @IsOptional() @IsString() @MinLength(2) @MaxLength(200) nameKk?: string;
  @ApiPropertyOptional({ example: 'Наурыз мейрамы' }) @IsOptional() @IsString() @MinLength(2) @MaxLength(200) nameRu?: string;
  @ApiPropertyOptional({ example: 'Nauryz' }) @IsOptional() @IsString() @MinLength(2) @MaxLength(200) nameEn?: string;
}

export class CreateHolidayDto {
  @ApiProperty({ example: '2028-03-21', description: 'YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date of the form YYYY-MM-DD, e.g. 2028-03-21' })
  date!: string;

  @ApiProperty({ example: 'Наурыз мейрамы' }) @IsString() @MinLength(2) @MaxLength(200) nameKk!: string;
  @ApiProperty({ example: 'Наурыз мейрамы' }) @IsString() @MinLength(2) @MaxLength(200) nameRu!: string;
  @ApiProperty({ example: 'Nauryz' }) @IsString() @MinLength(2) @MaxLength(200) nameEn!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';

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
  @ValidateNested({ each: true })
  @Type(() => NameDto)
  names!: NameDto[];

  @ApiPropertyOptional({ example: '1866' }) @IsOptional() @IsString() @MaxLength(64) birthYear?: string;
  @ApiPropertyOptional({ example: 'Каркаралинский уезд' }) @IsOptional() @IsString() @MaxLength(300) birthplace?: string;
}

export class ImportRequestDto {
  @ApiProperty({ description: 'Where the list comes from', example: 'ЦГА РК, ф. 1137, оп. 1, д. 22' })
  @IsString()
  @MinLength(3, { message: 'source must say where the list comes from (archive reference or book and page)' })
  @MaxLength(1000)
  source!: string;

  @ApiProperty({ description: 'JSON: which column holds what', example: '{"fullName":"ФИО","birthYear":"Год рождения","birthplace":"Место рождения"}' })
  @IsString()
  mapping!: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';
}

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

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PlaceKind, PlaceNameLanguage } from '@aqtalu/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsNumber, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

/** A name a place was known by, with the years it was used where known. */
export class PlaceNameDto {
  @ApiProperty({ example: 'Акмолинск' }) @IsString() @MinLength(2) @MaxLength(300) name!: string;

  @ApiProperty({ enum: PlaceNameLanguage, enumName: 'PlaceNameLanguage', description: 'kk / ru Cyrillic, or lat for any Latin spelling' })
  @IsEnum(PlaceNameLanguage, { message: `language must be one of ${Object.values(PlaceNameLanguage).join(', ')}` })
  language!: PlaceNameLanguage;

  @ApiPropertyOptional({ example: 1862 }) @IsOptional() @IsInt() @Min(1500) @Max(2100) validFrom?: number;
  @ApiPropertyOptional({ example: 1961 }) @IsOptional() @IsInt() @Min(1500) @Max(2100) validTo?: number;
}

class PlaceFieldsDto {
  @ApiPropertyOptional({ example: 'KAR', nullable: true, type: String, description: "Today's region; null for a unit spread over several, or outside Kazakhstan" })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'regionCode must be a region code of three capital letters, e.g. KAR' })
  regionCode?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The larger historical unit (an uezd\'s guberniya)' })
  @IsOptional() @IsUUID('4', { message: 'parentId must be the id of a place of the gazetteer' }) parentId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @IsInt() @Min(1500) @Max(2100) validFrom?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @IsInt() @Min(1500) @Max(2100) validTo?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @IsNumber() @Min(-90) @Max(90) latitude?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @IsNumber() @Min(-180) @Max(180) longitude?: number | null;
}

export class CreatePlaceDto extends PlaceFieldsDto {
  @ApiProperty({ enum: PlaceKind, enumName: 'PlaceKind' })
  @IsEnum(PlaceKind, { message: `kind must be one of ${Object.values(PlaceKind).join(', ')}` })
  kind!: PlaceKind;

  @ApiProperty({ example: 'Шұбартау ауданы' }) @IsString() @MinLength(2) @MaxLength(300) nameKk!: string;
  @ApiProperty({ example: 'Шубартауский район' }) @IsString() @MinLength(2) @MaxLength(300) nameRu!: string;
  @ApiProperty({ example: 'Shubartau District' }) @IsString() @MinLength(2) @MaxLength(300) nameEn!: string;

  @ApiPropertyOptional({ type: [PlaceNameDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true }) @ValidateNested({ each: true })
  @Type(() => PlaceNameDto)
  otherNames?: PlaceNameDto[];
}

export class UpdatePlaceDto extends PlaceFieldsDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409 with the current version' })
  @IsInt({ message: 'version must be the whole number you read with the record' })
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ enum: PlaceKind, enumName: 'PlaceKind' })
  @IsOptional() @IsEnum(PlaceKind, { message: `kind must be one of ${Object.values(PlaceKind).join(', ')}` }) kind?: PlaceKind;

  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(300) nameKk?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(300) nameRu?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(300) nameEn?: string;
}


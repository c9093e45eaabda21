import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DeclassificationStatus } from '@aqtalu/contracts';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';

const statusMessage = `status must be one of ${Object.values(DeclassificationStatus).join(', ')}`;
const dateRule = /^\d{4}-\d{2}-\d{2}$/;

class InventoryFieldsDto {
  @ApiPropertyOptional({ example: 'Протоколы заседаний тройки ПП ОГПУ' }) @IsOptional() @IsString() @MaxLength(2000) title?: string;
  @ApiPropertyOptional({ example: '1931–1932' }) @IsOptional() @IsString() @MaxLength(100) years?: string;
  @ApiPropertyOptional({ example: '1992-06-30', description: 'YYYY-MM-DD' }) @IsOptional() @Matches(dateRule, { message: 'declassifiedOn must be a date YYYY-MM-DD' }) declassifiedOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class CreateInventoryEntryDto extends InventoryFieldsDto {
  @ApiProperty({ example: 'SPEC-MVD' }) @Matches(/^[A-Z0-9][A-Z0-9_-]{1,15}$/, { message: 'archiveCode must be an archive code, e.g. SPEC-MVD' }) archiveCode!: string;
  @ApiProperty({ example: '141' }) @IsString() @MinLength(1) @MaxLength(40) fond!: string;
  @ApiProperty({ example: '1' }) @IsString() @MinLength(1) @MaxLength(40) opis!: string;
  @ApiProperty({ example: '1234' }) @IsString() @MinLength(1) @MaxLength(40) delo!: string;
  @ApiProperty({ enum: DeclassificationStatus, enumName: 'DeclassificationStatus' }) @IsEnum(DeclassificationStatus, { message: statusMessage }) status!: DeclassificationStatus;
}

export class UpdateInventoryEntryDto extends InventoryFieldsDto {
  @ApiPropertyOptional({ enum: DeclassificationStatus, enumName: 'DeclassificationStatus' }) @IsOptional() @IsEnum(DeclassificationStatus, { message: statusMessage }) status?: DeclassificationStatus;
  @ApiProperty({ description: 'The version you read; a stale one answers 409 with the current version' })
  @IsInt({ message: 'version must be the whole number you read with the record' }) @Min(1) version!: number;
}

/** Multipart fields of an inventory import (the file in `file`). */
export class InventoryImportDto {
  @ApiProperty({ example: 'SPEC-MVD' }) @Matches(/^[A-Z0-9][A-Z0-9_-]{1,15}$/, { message: 'archiveCode must be an archive code, e.g. SPEC-MVD' }) archiveCode!: string;
  @ApiProperty({ description: 'JSON: which column holds what (fond, opis, delo required; title, years, status, declassifiedOn)', example: '{"fond":"Фонд","opis":"Опись","delo":"Дело","title":"Заголовок","status":"Статус"}' })
  @IsString() mapping!: string;
}

export class AddMentionDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'personId must be the id of a person of the registry' }) personId!: string;
  @ApiPropertyOptional({ example: 'л. 5–7' }) @IsOptional() @IsString() @MaxLength(200) sheets?: string;
}

export class CiteInventoryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'inventoryEntryId must be the id of a file of an inventory' }) inventoryEntryId!: string;
}

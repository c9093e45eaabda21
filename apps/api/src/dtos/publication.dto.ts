import { ApiProperty } from '@nestjs/swagger';
import { publicationBases, publicFields, regionalBookLanguages, type PublicationBasis, type PublicField, type RegionalBookLanguage } from '@aqtalu/server';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class PublishPersonDto {
  @ApiProperty({ enum: publicationBases, description: 'The reliability shown: decided by the commission, from a published book, contributed' })
  @IsIn(publicationBases)
  basis!: PublicationBasis;

  @ApiProperty({ enum: publicFields, isArray: true, description: 'The fields published; the rest stays private' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(publicFields.length) @IsIn(publicFields, { each: true })
  fields!: PublicField[];
}

export class WithdrawPublicationDto {
  @ApiProperty({ example: 'withdrawn at the request of the family, letter of 2 December 2026' })
  @IsString() @MinLength(3) @MaxLength(2000)
  reason!: string;
}

export class RegionalBookDto {
  @ApiProperty({ example: 'ALM', description: 'The region (regions.code): its published persons by their published birthplace' })
  @IsString() @Matches(/^[A-Za-z0-9_-]{1,8}$/, { message: 'regionCode must be the code of a region, e.g. ALM' })
  regionCode!: string;

  @ApiProperty({ enum: regionalBookLanguages })
  @IsIn(regionalBookLanguages)
  language!: RegionalBookLanguage;
}

import { ApiProperty } from '@nestjs/swagger';
import { publicationBases, publicFields, type PublicationBasis, type PublicField } from '@aqtalu/server';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, MaxLength, MinLength } from 'class-validator';

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

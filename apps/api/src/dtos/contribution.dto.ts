import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { contributionRejections, type ContributionRejection } from '@aqtalu/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { FactSourceDto } from './registry.dto.js';

/** Accepting a contribution: the source in the registry's terms when the contributor's text is not a reference; corrections of its wording. */
export class AcceptContributionDto {
  @ApiPropertyOptional({ type: FactSourceDto }) @IsOptional() @ValidateNested() @Type(() => FactSourceDto) source?: FactSourceDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) value?: string;
  @ApiPropertyOptional({ example: 'осень 1937' }) @IsOptional() @IsString() @MaxLength(200) date?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) place?: string;
}

export class RejectContributionDto {
  @ApiProperty({ enum: contributionRejections, description: 'Why: a code the contributor is told in their language' })
  @IsIn(contributionRejections)
  reason!: ContributionRejection;
}

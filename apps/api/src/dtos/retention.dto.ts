import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RetentionAction, RetentionCategory, type RetentionRuleView, type RetentionRunView } from '@aqtalu/contracts';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';

export class UpdateRetentionRuleDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 36500, example: 1825, description: 'Records older than this many days are acted on' })
  @IsOptional()
  @IsInt({ message: 'keepDays must be a whole number of days, e.g. 30' })
  @Min(1)
  @Max(36500)
  keepDays?: number;

  @ApiPropertyOptional({ enum: RetentionAction, enumName: 'RetentionAction', description: "One of the rule's allowedActions" })
  @IsOptional()
  @IsEnum(RetentionAction, { message: `action must be one of ${Object.values(RetentionAction).join(', ')}` })
  action?: RetentionAction;
}

export class RetentionRuleDto implements RetentionRuleView {
  @ApiProperty({ enum: RetentionCategory, enumName: 'RetentionCategory' }) category!: RetentionCategory;
  @ApiProperty({ description: 'Records older than this many days are acted on' }) keepDays!: number;
  @ApiProperty({ enum: RetentionAction, enumName: 'RetentionAction' }) action!: RetentionAction;
  @ApiProperty({ enum: RetentionAction, enumName: 'RetentionAction', isArray: true, description: 'The actions this category may be given' })
  allowedActions!: RetentionAction[];
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The administrator who changed the rule last (null: as seeded)' }) updatedBy!: string | null;
}

export class RetentionCountsDto implements Record<RetentionCategory, number> {
  @ApiProperty() outbox_messages!: number;
  @ApiProperty() delivered_notifications!: number;
  @ApiProperty() import_staging!: number;
  @ApiProperty() temporary_uploads!: number;
  @ApiProperty() closed_case_applicants!: number;
}

export class RetentionAppliedRuleDto {
  @ApiProperty({ enum: RetentionCategory, enumName: 'RetentionCategory' }) category!: RetentionCategory;
  @ApiProperty() keepDays!: number;
  @ApiProperty({ enum: RetentionAction, enumName: 'RetentionAction' }) action!: RetentionAction;
}

export class RetentionRunDto implements RetentionRunView {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) finishedAt!: string;
  @ApiProperty({ type: RetentionCountsDto, description: 'Records per category deleted or reduced (in a dry run: that would be)' }) counts!: RetentionCountsDto;
  @ApiProperty({ type: [RetentionAppliedRuleDto], description: 'The rules as the run read them' }) rules!: RetentionAppliedRuleDto[];
}

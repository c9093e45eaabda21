import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission, type RetentionRuleView, type RetentionRunView, type SessionUser } from '@aqtalu/contracts';
import { RetentionService } from '@aqtalu/server';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RetentionRuleDto, RetentionRunDto, UpdateRetentionRuleDto } from '../dtos/retention.dto.js';

@ApiTags('retention')
@Controller('retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  /** The retention rules: per category, the days records are kept and what happens to them then. */
  @Authenticated({ permission: Permission.RetentionRead })
  @Get('rules')
  @ApiOkResponse({ type: [RetentionRuleDto] })
  rules(): Promise<RetentionRuleView[]> {
    return this.retention.rules();
  }

  /** Changes a rule's days and/or action (one of its allowedActions); audited as retention.rule_update. 404 names the known categories. */
  @Authenticated({ permission: Permission.RetentionManage })
  @Patch('rules/:category')
  @ApiOkResponse({ type: RetentionRuleDto })
  update(@CurrentUser() user: SessionUser, @Param('category') category: string, @Body() body: UpdateRetentionRuleDto): Promise<RetentionRuleView> {
    return this.retention.updateRule(user, category, body);
  }

  /** What the daily run would delete or reduce now, counted per category; changes nothing. Audited as retention.dry_run. */
  @Authenticated({ permission: Permission.RetentionManage })
  @Post('dry-run')
  @HttpCode(200)
  @ApiOkResponse({ type: RetentionRunDto })
  dryRun(): Promise<RetentionRunView> {
    return this.retention.run({ dryRun: true });
  }
}

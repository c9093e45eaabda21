import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission, type SessionUser } from '@aqtalu/contracts';
import { CollaborationService, CommissionService } from '@aqtalu/server';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { TaskDoneDto } from '../dtos/case.dto.js';
import { ApiAnswer, type Sent } from '../dtos/responses/api-answer.js';
import type { PendingVoteResponse, TaskResponse } from '@aqtalu/contracts';

@ApiTags('cases')
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly collaboration: CollaborationService,
    private readonly commission: CommissionService,
  ) {}

  /** The votes waiting for the signed-in commission member: agenda items awaiting a decision they have not voted on. */
  @Authenticated({ permission: Permission.CommissionVote })
  @Get('votes')
  @ApiAnswer('PendingVoteResponse', { list: true, description: 'At most 100' })
  pendingVotes(@CurrentUser() user: SessionUser): Promise<Sent<PendingVoteResponse[]>> {
    return this.commission.pendingVotes(user);
  }

  /** Marks a task of a case done, or not done again. */
  @Authenticated({ permission: Permission.CasesUpdate })
  @Post(':id/done')
  @HttpCode(200)
  @ApiAnswer('TaskResponse')
  done(@CurrentUser() user: SessionUser, @Param('id', new ParseUUIDPipe({ version: '4' })) taskId: string, @Body() body: TaskDoneDto): Promise<Sent<TaskResponse>> {
    return this.collaboration.setTaskDone(user, taskId, body.done, body.version);
  }
}

import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission, type SessionUser } from '@aqtalu/contracts';
import { CollaborationService } from '@aqtalu/server';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { TaskDoneDto } from '../dtos/case.dto.js';

@ApiTags('cases')
@Controller('tasks')
export class TasksController {
  constructor(private readonly collaboration: CollaborationService) {}

  /** Marks a task of a case done, or not done again. */
  @Authenticated({ permission: Permission.CasesUpdate })
  @Post(':id/done')
  @HttpCode(200)
  done(@CurrentUser() user: SessionUser, @Param('id', new ParseUUIDPipe({ version: '4' })) taskId: string, @Body() body: TaskDoneDto) {
    return this.collaboration.setTaskDone(user, taskId, body.done, body.version);
  }
}

import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Permission } from '@aqtalu/contracts';
import { UserService } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { SessionUserDto } from '../dtos/auth.dto.js';
import { CreateUserDto } from '../dtos/user.dto.js';
import { parseListQuery, setContentRange } from '../http/list-query.js';

const sortable = ['email', 'displayName', 'role', 'createdAt'] as const;

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserService) {}

  @Authenticated({ permission: Permission.UsersRead })
  @Get()
  @ApiOkResponse({ type: [SessionUserDto] })
  @ApiQuery({ name: 'sort', required: false, example: '["email","ASC"]' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiQuery({ name: 'filter', required: false, example: '{"role":"wg_member"}' })
  async list(
    @Query() query: { sort?: string; range?: string; filter?: string },
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionUserDto[]> {
    const list = parseListQuery(query, sortable, 'email');
    const text = (key: string) => (typeof list.filter[key] === 'string' ? (list.filter[key] as string) : undefined);
    const { rows, total } = await this.users.list({
      sort: list.sortField,
      order: list.sortOrder,
      offset: list.offset,
      limit: list.limit,
      filter: { role: text('role'), regionCode: text('regionCode'), archiveCode: text('archiveCode'), q: text('q') },
    });
    setContentRange(response, 'users', list.offset, rows.length, total);
    return rows;
  }

  /** Creates an account; its owner gets a notification through the worker. */
  @Authenticated({ permission: Permission.UsersManage })
  @Post()
  @ApiCreatedResponse({ type: SessionUserDto })
  create(@Body() body: CreateUserDto): Promise<SessionUserDto> {
    return this.users.create(body);
  }
}

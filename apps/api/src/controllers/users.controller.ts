import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Permission } from '@aqtalu/contracts';
import { UserService } from '@aqtalu/server';
import type { Response } from 'express';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto, UserDto, VersionDto } from '../dtos/user.dto.js';
import { listAnswer, type ListQueryParams, parseListQuery, textFilter } from '../http/list-query.js';

const sortable = ['email', 'displayName', 'role', 'createdAt'] as const;

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserService) {}

  @Authenticated({ permission: Permission.UsersRead })
  @Get()
  @ApiOkResponse({ type: [UserDto] })
  @ApiQuery({ name: 'sort', required: false, example: '["email","ASC"]' })
  @ApiQuery({ name: 'range', required: false, example: '[0,24]' })
  @ApiQuery({ name: 'filter', required: false, example: '{"role":"wg_member","regionCode":"ALM","q":"нұр"}' })
  async list(@Query() query: ListQueryParams, @Res({ passthrough: true }) response: Response): Promise<UserDto[]> {
    const list = parseListQuery(query, { sortable, defaultSort: 'email', filters: ['role', 'regionCode', 'archiveCode', 'q'] });
    const page = await this.users.list({
      sort: list.sortField,
      order: list.sortOrder,
      offset: list.offset,
      limit: list.limit,
      filter: {
        ids: list.ids,
        role: textFilter(list.filter, 'role'),
        regionCode: textFilter(list.filter, 'regionCode'),
        archiveCode: textFilter(list.filter, 'archiveCode'),
        q: textFilter(list.filter, 'q'),
      },
    });
    return listAnswer(response, 'users', list, page);
  }

  @Authenticated({ permission: Permission.UsersRead })
  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  /** Creates an account; its owner gets a notification through the worker. */
  @Authenticated({ permission: Permission.UsersManage })
  @Post()
  @ApiCreatedResponse({ type: UserDto })
  create(@Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(body);
  }

  /** Changes name, role, region or archive. The user's sessions end when their rights change. */
  @Authenticated({ permission: Permission.UsersManage })
  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    return this.users.update(id, body);
  }

  @Authenticated({ permission: Permission.UsersManage })
  @Post(':id/disable')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto })
  disable(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: VersionDto): Promise<UserDto> {
    return this.users.setDisabled(id, true, body.version);
  }

  @Authenticated({ permission: Permission.UsersManage })
  @Post(':id/enable')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto })
  enable(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: VersionDto): Promise<UserDto> {
    return this.users.setDisabled(id, false, body.version);
  }

  @Authenticated({ permission: Permission.UsersManage })
  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto })
  resetPassword(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ResetPasswordDto): Promise<UserDto> {
    return this.users.resetPassword(id, body.password, body.version);
  }

  @Authenticated({ permission: Permission.UsersManage })
  @Post(':id/reset-totp')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto })
  resetTotp(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: VersionDto): Promise<UserDto> {
    return this.users.resetTotp(id, body.version);
  }
}

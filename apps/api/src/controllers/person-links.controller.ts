import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission, type PersonEventView, type PersonRelationView, type SessionUser } from '@aqtalu/contracts';
import { EventService, InventoryService, RelationService } from '@aqtalu/server';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AddRelationDto } from '../dtos/event.dto.js';
import { ApiAnswer, ApiNoContentResponse } from '../dtos/responses/api-answer.js';

const id = new ParseUUIDPipe({ version: '4' });

/** What links a registry person to others: the events they took part in, and typed relations (shown from both sides). */
@ApiTags('registry')
@Controller('registry/persons')
export class PersonLinksController {
  constructor(
    private readonly events: EventService,
    private readonly relations: RelationService,
    private readonly inventory: InventoryService,
  ) {}

  /** The files of the archives' inventories that mention the person, with the sheets. */
  @Authenticated({ permission: Permission.RegistryRead })
  @Get(':id/files')
  @ApiAnswer('PersonFileResponse', { list: true })
  filesOf(@Param('id', id) personId: string) {
    return this.inventory.filesOf(personId);
  }

  /** The events the person took part in, with their role, earliest first. */
  @Authenticated({ permission: Permission.EventsRead })
  @Get(':id/events')
  @ApiAnswer('PersonEventResponse', { list: true })
  eventsOf(@Param('id', id) personId: string): Promise<PersonEventView[]> {
    return this.events.ofPerson(personId);
  }

  /** The person's relations, those recorded from the other side shown inverted (father ↔ son). */
  @Authenticated({ permission: Permission.RegistryRead })
  @Get(':id/relations')
  @ApiAnswer('PersonRelationResponse', { list: true })
  relationsOf(@Param('id', id) personId: string): Promise<PersonRelationView[]> {
    return this.relations.list(personId);
  }

  /** Records "the relative is this person's <kind>", citing a source; stored once per pair. */
  @Authenticated({ permission: Permission.RegistryManage })
  @Post(':id/relations')
  @ApiAnswer('PersonRelationResponse', { status: HttpStatus.CREATED })
  addRelation(@CurrentUser() user: SessionUser, @Param('id', id) personId: string, @Body() body: AddRelationDto): Promise<PersonRelationView> {
    return this.relations.add(user, personId, body);
  }

  @Authenticated({ permission: Permission.RegistryManage })
  @Delete(':id/relations/:relationId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed, with its inverse' })
  async removeRelation(@CurrentUser() user: SessionUser, @Param('id', id) personId: string, @Param('relationId', id) relationId: string): Promise<void> {
    await this.relations.remove(user, personId, relationId);
  }
}

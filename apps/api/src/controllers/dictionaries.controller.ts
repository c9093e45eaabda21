import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Permission } from '@aqtalu/contracts';
import { DataSource } from 'typeorm';
import { Authenticated } from '../auth/authenticated.decorator.js';

/** The dictionaries forms choose from. */
@ApiTags('dictionaries')
@Controller('dictionaries')
export class DictionariesController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('regions')
  regions() {
    return this.dataSource.query(`SELECT code AS id, code, kind, name_kk AS "nameKk", name_ru AS "nameRu", name_en AS "nameEn" FROM regions ORDER BY code`);
  }

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('archives')
  archives() {
    return this.dataSource.query(
      `SELECT a.code AS id, a.code, a.kind, r.code AS "regionCode", a.name_kk AS "nameKk", a.name_ru AS "nameRu", a.name_en AS "nameEn"
       FROM archives a LEFT JOIN regions r ON r.id = a.region_id ORDER BY a.code`,
    );
  }

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('victim-categories')
  categories() {
    return this.dataSource.query(`SELECT code AS id, code, name_kk AS "nameKk", name_ru AS "nameRu", name_en AS "nameEn", criterion_kk AS "criterionKk", criterion_ru AS "criterionRu", criterion_en AS "criterionEn" FROM victim_categories ORDER BY code`);
  }

  @Authenticated({ permission: Permission.ReferenceRead })
  @Get('legal-articles')
  articles() {
    return this.dataSource.query(`SELECT code AS id, code, name_kk AS "nameKk", name_ru AS "nameRu", name_en AS "nameEn" FROM legal_articles ORDER BY code`);
  }
}

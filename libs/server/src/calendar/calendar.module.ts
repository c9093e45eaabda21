import { Module } from '@nestjs/common';
import { CalendarService } from './calendar.service.js';

/** The holiday calendar kept as data. */
@Module({ providers: [CalendarService], exports: [CalendarService] })
export class CalendarModule {}

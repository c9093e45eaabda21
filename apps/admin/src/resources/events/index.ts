import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const EventList = lazy(() => import('./EventList').then((module) => ({ default: module.EventList })));
const EventShow = lazy(() => import('./EventShow').then((module) => ({ default: module.EventShow })));
const EventCreate = lazy(() => import('./EventForm').then((module) => ({ default: module.EventCreate })));
const EventEdit = lazy(() => import('./EventForm').then((module) => ({ default: module.EventEdit })));

/** Uprisings, mass operations, group trials, echelons and confiscation campaigns, with the people who took part. */
export const events = {
  name: 'events',
  list: EventList,
  show: EventShow,
  create: EventCreate,
  edit: EventEdit,
  recordRepresentation: (record: { nameKk?: string; nameRu?: string }) => record.nameKk || record.nameRu || '',
} satisfies ResourceProps;

import EventIcon from '@mui/icons-material/Event';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const HolidayList = lazy(() => import('./HolidayList').then((module) => ({ default: module.HolidayList })));
const HolidayCreate = lazy(() => import('./HolidayForms').then((module) => ({ default: module.HolidayCreate })));
const HolidayEdit = lazy(() => import('./HolidayForms').then((module) => ({ default: module.HolidayEdit })));

/** The holiday calendar (GET/POST/PATCH/DELETE /api/calendar/holidays): read with reference.read, kept by administrators. */
export const holidays = {
  name: 'holidays',
  list: HolidayList,
  create: HolidayCreate,
  edit: HolidayEdit,
  icon: EventIcon,
  recordRepresentation: 'date',
} satisfies ResourceProps;

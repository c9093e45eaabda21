import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const CaseList = lazy(() => import('./CaseList').then((module) => ({ default: module.CaseList })));
const CaseShow = lazy(() => import('./CaseShow').then((module) => ({ default: module.CaseShow })));
const CaseCreate = lazy(() => import('./CaseCreate').then((module) => ({ default: module.CaseCreate })));
const CaseEdit = lazy(() => import('./CaseEdit').then((module) => ({ default: module.CaseEdit })));

/** Cases: read by everyone who works them, created by the secretary and working groups (providers/access.ts). */
export const cases = {
  name: 'cases',
  list: CaseList,
  show: CaseShow,
  create: CaseCreate,
  edit: CaseEdit,
  recordRepresentation: 'number',
} satisfies ResourceProps;

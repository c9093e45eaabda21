import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const CommissionSessionList = lazy(() => import('./CommissionSessionList').then((module) => ({ default: module.CommissionSessionList })));
const CommissionSessionShow = lazy(() => import('./CommissionSessionShow').then((module) => ({ default: module.CommissionSessionShow })));
const CommissionSessionCreate = lazy(() => import('./CommissionSessionCreate').then((module) => ({ default: module.CommissionSessionCreate })));

/** Commission sessions (`/api/commission/sessions`): the secretary plans them, members vote, the chair decides. */
export const commissionSessions = {
  name: 'commission-sessions',
  list: CommissionSessionList,
  show: CommissionSessionShow,
  create: CommissionSessionCreate,
  recordRepresentation: 'number',
} satisfies ResourceProps;

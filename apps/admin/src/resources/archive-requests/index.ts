import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const ArchiveRequestList = lazy(() => import('./ArchiveRequestList').then((module) => ({ default: module.ArchiveRequestList })));
const ArchiveRequestShow = lazy(() => import('./ArchiveRequestShow').then((module) => ({ default: module.ArchiveRequestShow })));

/** Archive requests: sent from a case's tab, answered here by the archive's liaison. */
export const archiveRequests = {
  name: 'archive-requests',
  list: ArchiveRequestList,
  show: ArchiveRequestShow,
  recordRepresentation: 'caseNumber',
} satisfies ResourceProps;

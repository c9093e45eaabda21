import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const DuplicateList = lazy(() => import('./DuplicateList').then((module) => ({ default: module.DuplicateList })));

/** Possible duplicates of the registry, reviewed by a person: merged, unmerged or marked as different people. */
export const duplicates = {
  name: 'duplicates',
  list: DuplicateList,
} satisfies ResourceProps;

import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const ContributionList = lazy(() => import('./ContributionList').then((module) => ({ default: module.ContributionList })));

/** Contributions to the Book of Memory awaiting moderation: accepted into a person fact, or rejected with a reason told to the contributor. */
export const contributions = {
  name: 'contributions',
  list: ContributionList,
} satisfies ResourceProps;

import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const ImportPage = lazy(() => import('./ImportPage').then((module) => ({ default: module.ImportPage })));

/** Imports of archival lists into the registry: a page of its own, in the menu for those who keep the registry. */
export const imports = {
  name: 'imports',
  list: ImportPage,
} satisfies ResourceProps;

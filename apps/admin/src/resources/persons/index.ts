import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const PersonList = lazy(() => import('./PersonList').then((module) => ({ default: module.PersonList })));
const PersonShow = lazy(() => import('./PersonShow').then((module) => ({ default: module.PersonShow })));
const PersonCreate = lazy(() => import('./PersonCreate').then((module) => ({ default: module.PersonCreate })));

/** The registry of names: searched in any script, each person with every known spelling and its source. */
export const persons = {
  name: 'persons',
  list: PersonList,
  show: PersonShow,
  create: PersonCreate,
  recordRepresentation: (record: { nameKk?: string | null; nameRu?: string | null }) => record.nameKk ?? record.nameRu ?? '',
} satisfies ResourceProps;

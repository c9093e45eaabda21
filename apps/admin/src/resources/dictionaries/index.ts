import { RepressionDictionary } from '@aqtalu/contracts';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const DictionaryList = lazy(() => import('./DictionaryList').then((module) => ({ default: module.DictionaryList })));
const DictionaryCreate = lazy(() => import('./DictionaryCreate').then((module) => ({ default: module.DictionaryCreate })));
const DictionaryEdit = lazy(() => import('./DictionaryEdit').then((module) => ({ default: module.DictionaryEdit })));

/**
 * The repression dictionaries (sentencing bodies, criminal-code articles, sentence kinds, camps): one resource
 * each, sharing their screens; listed for every role with reference.read, changed by administrators.
 */
export const dictionaries: ResourceProps[] = Object.values(RepressionDictionary).map((name) => ({
  name,
  list: DictionaryList,
  create: DictionaryCreate,
  edit: DictionaryEdit,
  recordRepresentation: 'nameRu',
}));

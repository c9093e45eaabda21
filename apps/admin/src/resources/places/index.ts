import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const PlaceList = lazy(() => import('./PlaceList').then((module) => ({ default: module.PlaceList })));
const PlaceShow = lazy(() => import('./PlaceShow').then((module) => ({ default: module.PlaceShow })));
const PlaceCreate = lazy(() => import('./PlaceCreate').then((module) => ({ default: module.PlaceCreate })));
const PlaceEdit = lazy(() => import('./PlaceEdit').then((module) => ({ default: module.PlaceEdit })));

/** The historical gazetteer: searched by every role with reference.read, kept by administrators (providers/access.ts). */
export const places = {
  name: 'places',
  list: PlaceList,
  show: PlaceShow,
  create: PlaceCreate,
  edit: PlaceEdit,
  recordRepresentation: 'nameRu',
} satisfies ResourceProps;

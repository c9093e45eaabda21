import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const InventoryList = lazy(() => import('./InventoryList').then((module) => ({ default: module.InventoryList })));

/** Archive inventories: files by fond, opis and delo with their declassification (kept by each archive's liaisons). */
export const inventory = {
  name: 'inventory',
  list: InventoryList,
  recordRepresentation: 'reference',
} satisfies ResourceProps;

import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

// Each screen loads on its first visit: the login page and the dashboard need none of the list and form code.
const UserList = lazy(() => import('./UserList').then((module) => ({ default: module.UserList })));
const UserShow = lazy(() => import('./UserShow').then((module) => ({ default: module.UserShow })));
const UserCreate = lazy(() => import('./UserCreate').then((module) => ({ default: module.UserCreate })));
const UserEdit = lazy(() => import('./UserEdit').then((module) => ({ default: module.UserEdit })));

/** Accounts: read by administrators and auditors, written by administrators (see providers/access.ts). */
export const users = {
  name: 'users',
  list: UserList,
  show: UserShow,
  create: UserCreate,
  edit: UserEdit,
  recordRepresentation: 'email',
} satisfies ResourceProps;

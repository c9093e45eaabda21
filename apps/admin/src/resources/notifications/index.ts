import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const NotificationList = lazy(() => import('./NotificationList').then((module) => ({ default: module.NotificationList })));

/** The signed-in user's notifications: every role has some. */
export const notifications = {
  name: 'notifications',
  list: NotificationList,
} satisfies ResourceProps;

import BarChartIcon from '@mui/icons-material/BarChart';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const StatisticsPage = lazy(() => import('./StatisticsPage').then((module) => ({ default: module.StatisticsPage })));

/** The statistics page, in the menu for every role that reads cases (providers/access.ts); the API scopes the numbers. */
export const statistics = {
  name: 'statistics',
  list: StatisticsPage,
  icon: BarChartIcon,
} satisfies ResourceProps;

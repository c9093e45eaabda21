import SearchIcon from '@mui/icons-material/Search';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

const SearchPage = lazy(() => import('./SearchPage').then((module) => ({ default: module.SearchPage })));

/** Full-text search across cases, in the menu for every role that reads cases (the API scopes the hits). */
export const search = {
  name: 'search',
  list: SearchPage,
  icon: SearchIcon,
} satisfies ResourceProps;

import { CircularProgress } from '@mui/material';
import { lazy, Suspense } from 'react';
import type { MapPlace } from './places';

const PlacesMap = lazy(() => import('./PlacesMap'));

export type { MapPlace } from './places';

/** The map of places, fetched with Leaflet only when a screen shows one. */
export const LazyPlacesMap = (props: { places: readonly MapPlace[]; label: string }) => (
  <Suspense fallback={<CircularProgress size={20} />}>
    <PlacesMap {...props} />
  </Suspense>
);

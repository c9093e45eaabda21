import 'leaflet/dist/leaflet.css';
import { Box, Typography } from '@mui/material';
import { latLngBounds } from 'leaflet';
import { CircleMarker, GeoJSON, MapContainer, Tooltip, ZoomControl } from 'react-leaflet';
import { useLocaleState, useTranslate } from 'react-admin';
import { kazakhstanOutline } from './kazakhstan-outline';
import { kazakhstanBounds, placePoints, type MapPlace } from './places';

const outlineStyle = { color: '#5b6b7a', weight: 1.5, fillColor: '#e8eef3', fillOpacity: 1 };
const markerStyle = { color: '#8b1e1e', weight: 2, fillColor: '#c62828', fillOpacity: 0.85 };

/**
 * Places with coordinates as markers over the border of Kazakhstan (vector outline shipped with the app: no
 * map tiles, nothing fetched from the internet); places without coordinates are named below the map.
 * Loaded lazily (see ./index.ts): Leaflet stays out of the main bundle.
 */
export default function PlacesMap({ places, label }: { places: readonly MapPlace[]; label: string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { points, unplaced } = placePoints(places, locale);
  const bounds = latLngBounds(kazakhstanBounds);
  for (const point of points) bounds.extend(point.position);
  return (
    <Box data-testid="places-map" sx={{ maxWidth: 720 }}>
      <Box
        role="figure"
        aria-label={label}
        sx={{ height: 360, border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden', '& .leaflet-container': { background: '#f7f9fb', height: '100%' } }}
      >
        <MapContainer bounds={bounds} scrollWheelZoom={false} attributionControl={false} zoomControl={false} style={{ height: '100%' }}>
          {/* Leaflet's own buttons are titled in English: these speak the screen's language */}
          <ZoomControl zoomInTitle={translate('resources.events.map.zoom_in')} zoomOutTitle={translate('resources.events.map.zoom_out')} />
          <GeoJSON data={kazakhstanOutline} style={outlineStyle} interactive={false} />
          {points.map((point) => (
            <CircleMarker key={point.id} center={point.position} radius={7} pathOptions={markerStyle} className="aqtalu-place-marker">
              <Tooltip permanent direction="top" offset={[0, -6]}>
                <span data-testid="map-place">{point.name}</span>
                {point.note ? <span style={{ display: 'block', opacity: 0.8 }}>{point.note}</span> : null}
              </Tooltip>
            </CircleMarker>
          ))}
        </MapContainer>
      </Box>
      <Typography variant="caption" color="text.secondary" component="p">
        {points.length === 0 ? translate('resources.events.map.no_points') : translate('resources.events.map.points', { smart_count: points.length })}
        {unplaced.length ? ` · ${translate('resources.events.map.unplaced', { names: unplaced.join('; ') })}` : ''}
      </Typography>
    </Box>
  );
}
